/**
 * Issue 43, with real servers: a whole body of another JSON type is keyed
 * by what changed, not by where. They plant:
 *
 * - one side's refusal written as a bare JSON value where the other writes
 *   an object of one member set, on three routes (each route's object names
 *   its own missing thing): one row listing the three;
 * - on one of those routes, a refusal whose object has one member more: a
 *   second, real change, its own row;
 * - a list against an object on two more routes: another transition,
 *   another row.
 *
 * Two fixtures with other names and shapes (a message string and an error
 * object; a boolean and a result object).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly routes: readonly [string, string, string];
  readonly lists: readonly [string, string];
  readonly status: number;
  /** The baseline's bare value. */
  readonly bare: unknown;
  /** The candidate's object on a route (`at`: the thing it names). */
  readonly object: (at: string) => Record<string, unknown>;
  /** The member the candidate adds on its second refusal. */
  readonly extra: string;
}

const FIRST: Fixture = {
  name: 'a message string against an error object',
  routes: ['source', 'download', 'attachment'],
  lists: ['recipients', 'labels'],
  status: 404,
  bare: 'File not found',
  object: (at) => ({ error: `${at} was not found` }),
  extra: 'code',
};
const SECOND: Fixture = {
  name: 'a boolean against a result object',
  routes: ['lock', 'lease', 'hold'],
  lists: ['holders', 'waiters'],
  status: 409,
  bare: false,
  object: (at) => ({ ok: false, holder: `${at}-owner` }),
  extra: 'since',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const [, , route = '', id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (f.lists.includes(route)) {
      return json(res, f.status, candidate ? f.object(route) : [f.bare]);
    }
    if (!f.routes.includes(route)) return json(res, 500, 'unexpected');
    if (!candidate) return json(res, f.status, f.bare);
    const object = f.object(route);
    return json(res, f.status, id === 'other' ? { ...object, [f.extra]: 7 } : object);
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.routes.map((route) => `  - id: ${route}\n    request: { method: GET, path: /x/${route}/a1 }`).join('\n')}
  - id: ${f.routes[0]}-other
    request: { method: GET, path: /x/${f.routes[0]}/other }
${f.lists.map((list) => `  - id: ${list}\n    request: { method: GET, path: /x/${list}/a1 }`).join('\n')}
`;

describe('a whole body of another JSON type is one row across endpoints', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const byCases = (ids: readonly string[]) =>
      causes.filter(
        (c) => JSON.stringify(c.caseIds) === JSON.stringify(ids.map((id) => `s/${id}`)),
      );
    const type = typeof f.bare;
    const same = byCases(f.routes);
    expect(same.map((c) => c.summary)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^body ${type} vs object alike on several endpoints \\(${f.status}, [0-9a-f]{8}\\)$`,
        ),
      ),
    ]);
    expect(same[0]?.endpoints).toHaveLength(3);
    // The refusal with one member more: a second change, its own row.
    const other = byCases([`${f.routes[0]}-other`]);
    expect(other.map((c) => c.summary)).toEqual([
      `GET /x/${f.routes[0]}/other: body ${type} vs object`,
    ]);
    // A list against the object: another transition, another row.
    expect(byCases(f.lists).map((c) => c.summary)).toEqual([
      expect.stringMatching(/^body array vs object alike on several endpoints/),
    ]);
    expect(causes).toHaveLength(3);
  });
});
