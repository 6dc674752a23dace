/**
 * Rule 62b, an adversarial review (issue 43: grouping must never hide a
 * decision), with real servers. One side crashes on a write (`500`) the
 * other applies; a later read of the record shows the state the write left
 * and joins the write's row. A later read of that record's sub-resource the
 * CANDIDATE faults on (its handler is missing a piece, `500` against `200`)
 * is the candidate's own bug: it keeps its own row, whether the side that
 * crashed on the write was the baseline (another side's fault) or the
 * candidate itself (another resource's handler: before the review it was
 * laid under the write, hiding the bug). And a later answer where BOTH sides
 * fault (`500` on each, bodies of two error handlers) is never laid under
 * the write. Two fixtures with other names, each with either side faulting
 * on the write.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  /** The write the baseline crashes on, the member it sets. */
  readonly action: string;
  readonly member: string;
  /** The sub-resource the candidate crashes on; the one both crash on. */
  readonly sub: string;
  readonly broken: string;
}

const FIRST: Fixture = {
  name: 'orders flagged, then their invoice read',
  things: 'orders',
  action: 'flag',
  member: 'flagged',
  sub: 'invoice',
  broken: 'export',
};
const SECOND: Fixture = {
  name: 'rooms booked, then their floor plan read',
  things: 'rooms',
  action: 'book',
  member: 'booked',
  sub: 'floorplan',
  broken: 'calendar',
};

type Side = 'baseline' | 'candidate';

function server(f: Fixture, candidate: boolean, writeFault: Side): Promise<TestServer> {
  const records = new Map<string, Record<string, unknown>>();
  return startServer((req, res, text) => {
    const [, kind, id = '', sub] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (kind !== f.things) return json(res, 404, { error: 'no route' });
    if (req.method === 'PUT') {
      records.set(id, { id });
      return json(res, 201, { id });
    }
    const record = records.get(id);
    if (record === undefined) return json(res, 404, { error: 'no record' });
    if (req.method === 'PATCH') {
      const action = (JSON.parse(text || '{}') as { action?: string }).action;
      if (action !== f.action) return json(res, 400, { error: 'no action' });
      // One side crashes on this write; the other applies it.
      if (candidate === (writeFault === 'candidate')) return json(res, 500, { error: 'internal' });
      record[f.member] = true;
      return json(res, 200, record);
    }
    if (sub === f.sub) {
      // The candidate's handler of the sub-resource crashes: its own bug.
      if (candidate) return json(res, 500, { message: 'Internal Server Error' });
      return json(res, 200, { of: id, lines: [] });
    }
    if (sub === f.broken) {
      // Both crash, each with its own error handler's body.
      if (candidate) return json(res, 500, { message: 'Internal Server Error' });
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Server Error</h1></body></html>');
      return;
    }
    return json(res, 200, record);
  });
}

const cases = (f: Fixture) => `suite: s
serial: true
cases:
  - id: create
    request: { method: PUT, path: /${f.things}/r1, json: { name: r1 } }
  - id: write
    request: { method: PATCH, path: /${f.things}/r1, json: { action: ${f.action} } }
  - id: read
    request: { method: GET, path: /${f.things}/r1 }
  - id: sub
    request: { method: GET, path: /${f.things}/r1/${f.sub} }
  - id: broken
    request: { method: GET, path: /${f.things}/r1/${f.broken} }
`;

const runs = [FIRST, SECOND].flatMap((f) =>
  (['baseline', 'candidate'] as const).map((writeFault) => ({ ...f, writeFault })),
);

describe('rule 62b kept apart: a fault on another side or another resource than the write', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(runs)('$name, the $writeFault faulting on the write', async (f) => {
    const baseline = await server(f, false, f.writeFault);
    const candidate = await server(f, true, f.writeFault);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const shown = JSON.stringify(causes, null, 1);
    const write = causes.find((c) => c.caseIds.includes('s/write'));
    expect([...(write?.caseIds ?? [])].sort(), shown).toEqual(['s/read', 's/write']);
    const sub = causes.filter((c) => c.caseIds.includes('s/sub'));
    expect(sub.length, shown).toBeGreaterThan(0);
    expect(
      sub.some((c) => c.summary.includes('200 → 500')),
      shown,
    ).toBe(true);
    expect(
      sub.every((c) => !c.caseIds.includes('s/write')),
      shown,
    ).toBe(true);
    const broken = causes.filter((c) => c.caseIds.includes('s/broken'));
    expect(broken.length, shown).toBeGreaterThan(0);
    expect(
      broken.every((c) => !c.caseIds.includes('s/write')),
      shown,
    ).toBe(true);
  });
});
