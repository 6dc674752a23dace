/**
 * Issue 43, with real servers: one side accepts what the other refuses on
 * sibling endpoints whose last segment is a name the refusal echoes
 * (`item zebra not found`, `item ink not found`): one route, one row.
 * Planted beside it, a sibling refused for another reason keeps its own
 * row. Two fixtures with other names, methods and sides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly method: string;
  readonly parent: string;
  readonly names: readonly [string, string];
  readonly planted: string;
  /** The side that refuses, its status and its error body for a name. */
  readonly refuser: 'baseline' | 'candidate';
  readonly refusal: number;
  readonly error: (name: string) => Record<string, string>;
  readonly other: (name: string) => Record<string, string>;
  readonly accepted: number;
}

const FIRST: Fixture = {
  name: 'deleting items that are not there',
  method: 'DELETE',
  parent: '/v1/items',
  names: ['zebra', 'ink'],
  planted: 'anvil',
  refuser: 'candidate',
  refusal: 404,
  error: (name) => ({ error: 'Not Found', message: `item ${name} not found` }),
  other: (name) => ({ error: 'Not Found', message: `item ${name} is archived` }),
  accepted: 200,
};
const SECOND: Fixture = {
  name: 'writing to buckets the baseline guards',
  method: 'PUT',
  parent: '/store/buckets',
  names: ['alpha', 'beta-logs'],
  planted: 'gamma',
  refuser: 'baseline',
  refusal: 403,
  error: (name) => ({ code: 'AccessDenied', detail: `bucket ${name} is read-only here` }),
  other: (name) => ({ code: 'AccessDenied', detail: `bucket ${name} is over its quota` }),
  accepted: 201,
};

function server(f: Fixture, refuses: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!refuses) return json(res, f.accepted, { ok: true });
    return json(res, f.refusal, name === f.planted ? f.other(name) : f.error(name));
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${[...f.names, f.planted]
  .map((name) => `  - id: ${name}\n    request: { method: ${f.method}, path: ${f.parent}/${name} }`)
  .join('\n')}
`;

describe('siblings refused for one reason, their name echoed, are one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, f.refuser === 'baseline');
    const candidate = await server(f, f.refuser === 'candidate');
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const all = JSON.stringify(
      causes.map((c) => c.summary),
      null,
      1,
    );
    expect(causes, all).toHaveLength(2);
    const route = causes.find((c) => c.summary.includes(`on ${f.method} ${f.parent}/* (`));
    expect([...(route?.caseIds ?? [])].sort(), all).toEqual(f.names.map((n) => `s/${n}`).sort());
    const planted = causes.find((c) => c !== route);
    expect(planted?.caseIds, all).toEqual([`s/${f.planted}`]);
  });
});
