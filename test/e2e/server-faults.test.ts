/**
 * Rule 62b, with real servers: a server fault is never a consequence. A
 * write the baseline accepts and the candidate refuses leaves the two
 * servers holding different records; a later read of the record shows it
 * and joins the write's row. A later write on the same record that the
 * baseline refuses (`409`) and the candidate faults on (`500`) is a bug of
 * its own: it keeps its own row. Kept a consequence: the same fault when
 * the candidate refused the first write with a `500` itself (the state its
 * fault left may be what faults again). Two fixtures with other names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  readonly first: string;
  readonly second: string;
  readonly member: string;
}

const FIRST: Fixture = {
  name: 'tickets closed then merged',
  things: 'tickets',
  first: 'close',
  second: 'merge',
  member: 'closed',
};
const SECOND: Fixture = {
  name: 'playlists frozen then shuffled',
  things: 'playlists',
  first: 'freeze',
  second: 'shuffle',
  member: 'frozen',
};

/** The candidate refuses the first write with `firstRefusal`, and faults on the second. */
function server(f: Fixture, candidate: boolean, firstRefusal: number): Promise<TestServer> {
  const records = new Map<string, Record<string, unknown>>();
  return startServer((req, res, text) => {
    const [, kind, id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (kind !== f.things) return json(res, 404, { error: 'no route' });
    const record = records.get(id);
    if (req.method === 'PUT') {
      records.set(id, { id });
      return json(res, 201, { id });
    }
    if (record === undefined) return json(res, 404, { error: 'no record' });
    if (req.method === 'GET') return json(res, 200, record);
    const action = (JSON.parse(text || '{}') as { action?: string }).action;
    if (action === f.first) {
      if (candidate) return json(res, firstRefusal, { error: `cannot ${f.first}` });
      record[f.member] = true;
      return json(res, 200, record);
    }
    if (action === f.second) {
      if (candidate) return json(res, 500, { error: 'internal' });
      return json(res, 409, { error: `cannot ${f.second}` });
    }
    return json(res, 404, { error: 'no action' });
  });
}

const cases = (f: Fixture) => `suite: s
serial: true
cases:
  - id: create
    request: { method: PUT, path: /${f.things}/r1, json: { name: r1 } }
  - id: first
    request: { method: PATCH, path: /${f.things}/r1, json: { action: ${f.first} } }
  - id: second
    request: { method: PATCH, path: /${f.things}/r1, json: { action: ${f.second} } }
  - id: read
    request: { method: GET, path: /${f.things}/r1 }
`;

describe('a server fault is never a consequence (rule 62b)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function causesOf(f: Fixture, firstRefusal: number) {
    const baseline = await server(f, false, firstRefusal);
    const candidate = await server(f, true, firstRefusal);
    started.push(baseline, candidate);
    return rootCausesOfPair(cases(f), baseline, candidate);
  }

  it.each([FIRST, SECOND])('$name: the fault keeps its own row', async (f) => {
    const causes = await causesOf(f, 409);
    const shown = JSON.stringify(causes, null, 1);
    expect(causes, shown).toHaveLength(2);
    const write = causes.find((c) => c.caseIds.includes('s/first'));
    expect([...(write?.caseIds ?? [])].sort(), shown).toEqual(['s/first', 's/read']);
    const fault = causes.find((c) => c.caseIds.includes('s/second'));
    expect(fault?.caseIds, shown).toEqual(['s/second']);
    expect(fault?.summary).toContain('409 → 500');
  });

  it.each([FIRST, SECOND])(
    '$name: kept a consequence when the write was refused with a fault',
    async (f) => {
      const causes = await causesOf(f, 500);
      const shown = JSON.stringify(causes, null, 1);
      expect(causes, shown).toHaveLength(1);
      expect([...(causes[0]?.caseIds ?? [])].sort(), shown).toEqual([
        's/first',
        's/read',
        's/second',
      ]);
    },
  );
});
