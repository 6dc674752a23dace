/**
 * The second look on a flow step: a `GET` that reads back what an earlier
 * step created, under each side's own id (captured), is sent once more to
 * each side with that side's own request. A value that changed between the
 * two reads (a per-request id, a read counter) is per-instance; a stable value
 * that differs stays a row. The write is never sent again. Two fixtures with
 * other field names and paths.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly path: string;
  readonly id: string;
  /** A per-request id the read answers. */
  readonly request: string;
  /** How many times the record was read: moves between two reads. */
  readonly reads: string;
  /** A stable value that differs between the sides: a real change. */
  readonly tier: string;
}

const ORDERS: Names = {
  path: '/orders',
  id: 'orderId',
  request: 'requestId',
  reads: 'views',
  tier: 'tier',
};
const NOTES: Names = {
  path: '/v2/notes',
  id: 'key',
  request: 'trace',
  reads: 'hits',
  tier: 'storage',
};

function side(names: Names, candidate: boolean, offset: number): Promise<TestServer> {
  const records = new Map<string, { reads: number }>();
  let next = offset;
  return startServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'POST' && url === names.path) {
      next++;
      const id = `r${next}`;
      records.set(id, { reads: 0 });
      return json(res, 201, { [names.id]: id });
    }
    const id = url.startsWith(`${names.path}/`) ? url.slice(names.path.length + 1) : '';
    const record = records.get(id);
    if (req.method !== 'GET' || record === undefined) return json(res, 404, { error: 'missing' });
    record.reads++;
    return json(res, 200, {
      [names.id]: id,
      [names.request]: `q-${randomUUID().slice(0, 8)}z`,
      [names.reads]: record.reads * 3 + (candidate ? 1 : 0),
      [names.tier]: candidate ? 'cold' : 'hot',
    });
  });
}

const flow = (names: Names) => `suite: life
sideEffects: true
cases:
  - id: record
    steps:
      - id: create
        request: { method: POST, path: ${names.path}, json: { title: one } }
        capture:
          id: { json: /${names.id} }
      - id: read
        request: { method: GET, path: "${names.path}/{{id}}" }
`;

describe('the second look on a flow step', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['order names', ORDERS],
    ['note names', NOTES],
  ])(
    '%s: each side is read again under its own id; what moved is per-instance',
    async (_, names) => {
      // The sides number their records differently: each side's own request differs.
      const baseline = await side(names, false, 0);
      const candidate = await side(names, true, 100);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/life.yaml': flow(names) });
      const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
      expect(run.code, run.stdout).toBe(1);
      const report = await latestReport(cwd);
      expect(report.secondLook).toMatchObject({ sent: 1 });
      // Each side read twice, under its own id; the write sent once.
      const reads = (server: TestServer) =>
        server.requests.filter((r) => r.method === 'GET').map((r) => r.url);
      expect(reads(baseline)).toEqual([`${names.path}/r1`, `${names.path}/r1`]);
      expect(reads(candidate)).toEqual([`${names.path}/r101`, `${names.path}/r101`]);
      expect(baseline.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      const read = report.results.find((r) => r.caseId.endsWith('/read'));
      expect([...(read?.generated ?? [])].sort()).toEqual(
        [
          `/${names.reads} (changed between two requests to each side)`,
          `/${names.request} (changed between two requests to each side)`,
        ].sort(),
      );
      const rows = (report.rootCauses ?? []).map((r) => r.summary);
      expect(rows, rows.join('\n')).toHaveLength(1);
      expect(rows[0]).toContain(names.tier);
    },
  );
});
