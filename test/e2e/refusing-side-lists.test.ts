/**
 * Tracker rule 46b with real servers: a record only the side that refused a
 * write lists does not follow from that write when it removes nothing. A call
 * one side accepts and the other refuses (a `POST` that only reads, a `PUT`
 * that replaces a record), then a write both sides accept but one side does
 * not keep, then a list of the resource: the record only the refusing side
 * lists is a decision of its own and keeps its row (two real causes, two
 * rows). Two fixtures with other names and sides; kept together: the record
 * the refusing side still lists after a `POST` whose name says it removes
 * (`purge`) is that call's consequence (one cause, one row).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly collection: string;
  /** The call one side refuses: its method and the segment under the collection (none: a record's own path). */
  readonly call: { method: 'POST' | 'PUT'; segment: string };
  /** The side that refuses it. */
  readonly refusing: 'baseline' | 'candidate';
  /** The record both sides accept and only the refusing side keeps. */
  readonly kept: string;
  readonly member: string;
}

const SEARCH_REFUSED: Fixture = {
  name: 'a POST that reads, refused by the baseline',
  collection: '/v1/gadgets',
  call: { method: 'POST', segment: 'search' },
  refusing: 'baseline',
  kept: 'spare-fuse',
  member: 'label',
};

const REPLACE_REFUSED: Fixture = {
  name: 'a PUT that replaces, refused by the candidate',
  collection: '/shelf/books',
  call: { method: 'PUT', segment: 'dune' },
  refusing: 'candidate',
  kept: 'empty-notebook',
  member: 'title',
};

const PURGE_REFUSED: Fixture = {
  ...SEARCH_REFUSED,
  name: 'a POST that purges',
  call: { method: 'POST', segment: 'purge' },
};

/** `refuse`: this side refuses the fixture's call. */
function server(f: Fixture, refuse: boolean) {
  const held = new Map<string, string>([['dune', 'first']]);
  return (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const name = path.split('/').at(-1) ?? '';
    if (req.method === 'GET') {
      const items = [...held].map(([key, value]) => ({ [f.member]: key, note: value }));
      return json(res, 200, { items });
    }
    if (name === f.call.segment) {
      if (refuse) return json(res, 400, { error: 'refused' });
      if (name === 'purge') held.clear();
      if (req.method === 'PUT') held.set(name, body);
      return json(res, 200, { ok: true });
    }
    // The record both sides accept: only the side that refuses the call keeps it (both, after a purge).
    if (refuse || f.call.segment === 'purge') held.set(name, '');
    return json(res, 201, { [f.member]: name });
  };
}

function cases(f: Fixture): string {
  return `suite: s
serial: true
cases:
  - id: call
    request: { method: ${f.call.method}, path: ${f.collection}/${f.call.segment}, json: { q: second } }
  - id: add
    request: { method: POST, path: ${f.collection}/${f.kept}, json: { q: x } }
  - id: list
    request: { method: GET, path: ${f.collection} }
`;
}

describe('a record only the refusing side lists (rule 46b)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function causesOf(f: Fixture) {
    const baseline = await startServer(server(f, f.refusing === 'baseline'));
    const candidate = await startServer(server(f, f.refusing === 'candidate'));
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    return (await latestReport(cwd)).rootCauses ?? [];
  }

  it.each([SEARCH_REFUSED, REPLACE_REFUSED])(
    '$name: the record only the refusing side lists keeps its row',
    async (f) => {
      const causes = await causesOf(f);
      const call = causes.filter((c) => c.caseIds.includes('s/call'));
      expect(call).toHaveLength(1);
      const extra = causes.filter(
        (c) => c.caseIds.includes('s/list') && c.fingerprint !== call[0]?.fingerprint,
      );
      expect(extra).toHaveLength(1);
      expect(extra[0]?.summary).toMatch(
        /elements to the list `\/items`|elements of the list `\/items`/,
      );
    },
  );

  it('kept a consequence: the same list after a POST whose name says it removes', async () => {
    const causes = await causesOf(PURGE_REFUSED);
    const call = causes.filter((c) => c.caseIds.includes('s/call'));
    expect(call).toHaveLength(1);
    expect(call[0]?.caseIds).toContain('s/list');
    expect(causes.filter((c) => c.caseIds.includes('s/list'))).toHaveLength(1);
  });
});
