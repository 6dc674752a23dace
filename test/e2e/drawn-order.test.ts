/**
 * A list each side sorts by keys it drew that the answer does not show, on
 * real servers: the same elements in another order await evidence (not an
 * open decision, the tracker row says a baseline replica settles it), while a
 * real change of sort planted beside it (the candidate sorts a list by a
 * member the elements show) keeps its open row. Two shapes: a flow whose bulk
 * write draws a UUID for a record sent without an id, then a query answering
 * one member of each record, in id order; and a serial file whose creates
 * answer drawn hex keys, then a list of names in key order.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/**
 * A document store: `_bulk` stores the records, drawing a UUID for one sent
 * without an id (the baseline's starts with `0`, before `a`; the candidate's
 * with `f`, after it), and `_find` answers each record's `n` in id order.
 */
function docStore(side: { candidate: boolean; drawn?: string }): Promise<TestServer> {
  const docs = new Map<string, Record<string, unknown>>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/items/_bulk') {
      const sent = (JSON.parse(body) as { docs: Record<string, unknown>[] }).docs;
      const out = sent.map((doc) => {
        const drawn = randomUUID();
        const id =
          typeof doc._id === 'string'
            ? doc._id
            : `${side.drawn ?? (side.candidate ? 'f' : '0')}${drawn.slice(1)}`;
        docs.set(id, doc);
        return { ok: true, id };
      });
      return json(res, 201, out);
    }
    if (req.method === 'POST' && url.pathname === '/items/_find') {
      const found = [...docs.entries()]
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([, doc]) => ({ n: doc.n }));
      return json(res, 200, { docs: found });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const flowCases = `suite: store
sideEffects: true
cases:
  - id: bulk-and-find
    steps:
      - id: bulk
        request:
          method: POST
          path: /items/_bulk
          json: { docs: [ { _id: a, n: 1 }, { n: 3 } ] }
      - id: find
        request: { method: POST, path: /items/_find, json: { fields: [n] } }
`;

/**
 * Tags keyed by drawn hex (24 digits): each side draws its own, with first
 * digits that put the names in another order on each side; `/tags` answers
 * the names in key order. `/tags/all` answers the records in the order they
 * were created on the baseline, sorted by name on the candidate: a real change
 * (five tags: fewer would be sorted by name by chance too often to tell).
 */
function tagStore(side: { candidate: boolean; alike?: boolean }): Promise<TestServer> {
  const first: Record<string, string> =
    side.candidate && side.alike !== true
      ? { teal: '2', amber: '3', rose: '1', plum: '4', jade: '5' }
      : { teal: '1', amber: '2', rose: '3', plum: '4', jade: '5' };
  const tags: { key: string; label: string }[] = [];
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (req.method === 'PUT' && parts[0] === 'tags' && parts[1] !== undefined) {
      const label = parts[1];
      const key = `${first[label] ?? '9'}${randomUUID().replaceAll('-', '').slice(0, 22)}c`;
      tags.push({ key, label });
      return json(res, 200, { key, label });
    }
    if (req.method === 'GET' && url.pathname === '/tags') {
      const byKey = [...tags].sort((x, y) => (x.key < y.key ? -1 : 1));
      return json(
        res,
        200,
        byKey.map((t) => t.label),
      );
    }
    if (req.method === 'GET' && url.pathname === '/tags/all') {
      const records = tags.map((t) => ({ label: t.label }));
      if (side.candidate) records.sort((x, y) => (x.label < y.label ? -1 : 1));
      return json(res, 200, { items: records });
    }
    return json(res, 404, { error: 'missing' });
  });
}

const serialCases = `suite: tags
serial: true
cases:
  - id: teal
    request: { method: PUT, path: /tags/teal }
  - id: amber
    request: { method: PUT, path: /tags/amber }
  - id: rose
    request: { method: PUT, path: /tags/rose }
  - id: plum
    request: { method: PUT, path: /tags/plum }
  - id: jade
    request: { method: PUT, path: /tags/jade }
  - id: list
    request: { method: GET, path: /tags }
  - id: all
    request: { method: GET, path: /tags/all }
`;

function result(report: RunReport, id: string) {
  const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
  if (found === undefined) throw new Error(`no result ${id}`);
  return found;
}

async function trackerRows(cwd: string): Promise<string[]> {
  const text = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
  return text.split('\n').filter((line) => line.startsWith('| PAR-'));
}

describe('a list each side sorts by keys it drew, the keys not in the answer', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('a flow: the query in another order awaits a replica, no open decision', async () => {
    const baseline = await docStore({ candidate: false });
    const candidate = await docStore({ candidate: true });
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/store.yaml': flowCases });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    // Awaiting evidence only: `--fail-on open` passes.
    expect(run.code, run.stdout).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary.rootCauses).toMatchObject({ open: 0, awaitingEvidence: 1 });
    const find = result(report, 'find');
    expect(find.verdict).toBe('divergent');
    expect(find.unsettled).toEqual(['/docs']);
    expect(find.reordered).toEqual([
      "/docs (the same elements in another order; store/bulk-and-find/bulk drew ids at /1/id earlier in this flow, and 2 elements are too few for a member they show to tell a chosen sort from the draws)",
    ]);
    expect(run.stdout).toContain('1 awaiting evidence (--noise --baseline-replica)');
    expect(run.stdout).toContain('next: awaits evidence: run with --noise --baseline-replica');
    expect(run.stdout).toMatch(/awaiting +value +\/items\/_find: value of `\/n` differs/);
    const rows = await trackerRows(cwd);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('_open_');
    expect(rows[0]).toContain(
      'unsettled: the same elements in another order, sorted by keys each side drew that the answer does not show',
    );
    expect(rows[0]).toContain('run with --noise --baseline-replica NAME=URL');
  });

  it('a serial file: the names in key order await a replica, the list sorted by name stays open', async () => {
    const baseline = await tagStore({ candidate: false });
    const candidate = await tagStore({ candidate: true });
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/tags.yaml': serialCases });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    // The real change of sort is an open decision: the run fails.
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    expect(report.summary.rootCauses).toMatchObject({ open: 1, awaitingEvidence: 1 });
    const list = result(report, 'list');
    expect(list.unsettled).toEqual(['/']);
    expect(list.reordered?.[0]).toContain('tags/teal drew ids at /key earlier in this sequence');
    const all = result(report, 'all');
    expect(all.verdict).toBe('divergent');
    expect(all.unsettled).toBeUndefined();
    const open = (report.rootCauses ?? []).filter((c) => c.unsettled !== true);
    expect(open.map((c) => c.caseIds)).toEqual([[all.caseId]]);
    const rows = await trackerRows(cwd);
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.includes('unsettled: the same elements'))).toHaveLength(1);
  });
});

describe('a rerun whose drawn keys happen to put the list in one order', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (cwd: string, a: TestServer, b: TestServer, more: string[] = []) =>
    runCli(cwd, ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`, ...more]);

  it.each([
    {
      name: 'a flow’s query (records in id order)',
      files: { 'cases/store.yaml': flowCases },
      servers: (alike: boolean) =>
        Promise.all([
          docStore({ candidate: false }),
          docStore({ candidate: true, ...(alike ? { drawn: '0' } : {}) }),
        ]),
      caseId: 'store/bulk-and-find/find',
    },
    {
      name: 'a serial file’s names in key order',
      files: { 'cases/tags.yaml': serialCases },
      servers: (alike: boolean) =>
        Promise.all([tagStore({ candidate: false }), tagStore({ candidate: true, alike })]),
      caseId: 'tags/list',
    },
  ])('$name: the row stays open, not seen, never resolved nor fixed', async (fixture) => {
    const cwd = await tempProject(fixture.files);
    const [a1, b1] = await fixture.servers(false);
    started.push(a1, b1);
    await run(cwd, a1, b1);
    const rows = await trackerRows(cwd);
    const row = rows.find((line) => line.includes('unsettled: the same elements'));
    const id = /\| (PAR-\d+) /.exec(row ?? '')?.[1];
    expect(id, rows.join('\n')).toBeDefined();
    // Fresh servers whose draws this time put each side's list in one order: equal by chance.
    const [a2, b2] = await fixture.servers(true);
    started.push(a2, b2);
    const again = await run(cwd, a2, b2, ['--compare-to', 'reports/latest']);
    const report = await latestReport(cwd);
    expect(result(report, fixture.caseId.split('/').at(-1) as string).verdict).toBe('equal');
    const after = await trackerRows(cwd);
    const kept = after.find((line) => line.startsWith(`| ${id} `));
    expect(kept).toContain('_open_');
    expect(kept).toContain('not seen');
    expect(report.tracker?.notSeen).toContainEqual({
      rowId: id,
      reason: 'drawn-order',
      caseIds: [fixture.caseId],
    });
    expect(again.stdout).toContain(`${id} not seen in this run, left open`);
    // --compare-to: not fixed either.
    expect(report.regression?.fixed.map((f) => f.caseIds)).not.toContainEqual([fixture.caseId]);
    expect(report.regression?.notSeen?.map((f) => [f.caseIds, f.reason])).toContainEqual([
      [fixture.caseId],
      'drawn-order',
    ]);
  });
});
