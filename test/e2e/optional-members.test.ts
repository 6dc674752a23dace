/**
 * Issue 43, with real servers: a member one side never writes, seen in
 * fewer answers because the other side writes it only sometimes, is part of
 * its object's row. One side's map of a record drops every member parsed
 * elsewhere (three in every answer, one only where the record has it).
 * Planted beside it: a member of the same map that both sides write alike
 * on one record and that one side drops on another (lost only sometimes: a
 * second reason), its own row. Two fixtures with other names and sides.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly map: string;
  readonly always: Record<string, string>;
  /** Written by the full side on records 1 and 3 only. */
  readonly optional: string;
  /** Written by both sides on record 2, by the full side alone on record 1. */
  readonly planted: string;
  readonly full: 'baseline' | 'candidate';
}

const HEADERS: Fixture = {
  name: 'a headers map loses the parsed headers',
  map: 'headers',
  always: { from: 'a@x', to: 'b@x', date: 'Tue' },
  optional: 'cc',
  planted: 'x-note',
  full: 'baseline',
};
const LINKS: Fixture = {
  name: 'a links map gains one link per account',
  map: 'links',
  always: { self: '/p', avatar: '/a', feed: '/f' },
  optional: 'github',
  planted: 'blog',
  full: 'candidate',
};

function record(f: Fixture, id: number, full: boolean): Record<string, unknown> {
  const map: Record<string, string> = { kept: `k${id}` };
  if (full) Object.assign(map, f.always);
  if (full && id !== 2) map[f.optional] = `o${id}`;
  if (id === 2 || (full && id === 1)) map[f.planted] = `p${id}`;
  return { id, title: `t${id}`, [f.map]: map };
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const full = (candidate ? 'candidate' : 'baseline') === f.full;
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/r')
      return json(
        res,
        200,
        [1, 2, 3].map((id) => record(f, id, full)),
      );
    if (path === '/r/only-2') return json(res, 200, [record(f, 2, full)]);
    return json(res, 200, record(f, Number(path.split('/')[2]), full));
  });
}

const CASES = `suite: s
cases:
  - id: all
    request: { method: GET, path: /r }
  - id: one
    request: { method: GET, path: /r/1 }
  - id: two
    request: { method: GET, path: /r/2 }
  - id: three
    request: { method: GET, path: /r/3 }
  - id: only-two
    request: { method: GET, path: /r/only-2 }
`;

describe('a member one side never writes joins its object’s row', () => {
  it.each([HEADERS, LINKS])('$name', async (f) => {
    const causes = await rootCausesOfServers(CASES, (candidate) => server(f, candidate));
    const summaries = causes.map((c) => c.summary).join('\n');
    const map = causes.find((c) => c.places?.some((p) => p.endsWith(`/${f.map}/${f.optional}`)));
    expect(map?.caseIds, summaries).toEqual(['s/all', 's/one', 's/two', 's/three', 's/only-two']);
    // Written alike on record 2, dropped on record 1: its own row.
    const planted = causes.filter((c) => c.places?.some((p) => p.endsWith(`/${f.planted}`)));
    expect(planted.map((c) => c.caseIds)).toEqual([['s/all', 's/one']]);
    expect(causes).toHaveLength(2);
  });
});
