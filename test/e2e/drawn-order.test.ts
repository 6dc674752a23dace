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
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import {
  docStore,
  flowCases,
  result,
  serialCases,
  tagStore,
  trackerRows,
} from '../helpers/drawn-stores.js';
import type { TestServer } from '../helpers/http.js';

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
      '/docs (the same elements in another order; store/bulk-and-find/bulk drew ids at /1/id earlier in this flow, and 2 elements are too few for a member they show to tell a chosen sort from the draws)',
    ]);
    expect(run.stdout).toContain('1 awaiting evidence (--noise --baseline-replica)');
    expect(run.stdout).toContain('next: awaits evidence: run with --noise --baseline-replica');
    // The list's order is one question: one row, not one per member of its elements.
    expect(run.stdout).toMatch(/awaiting +value +array order at `docs`/);
    const rows = await trackerRows(cwd);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('_awaiting_');
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
  ])('$name: the row stays awaiting, not seen, never resolved nor fixed', async (fixture) => {
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
    expect(kept).toContain('_awaiting_');
    expect(kept).toContain('not seen');
    expect(report.tracker?.notSeen).toContainEqual({
      rowId: id,
      reason: 'drawn-order',
      caseIds: [fixture.caseId],
    });
    expect(again.stdout).toContain(`${id} not seen in this run, left unresolved`);
    // --compare-to: not fixed either.
    expect(report.regression?.fixed.map((f) => f.caseIds)).not.toContainEqual([fixture.caseId]);
    expect(report.regression?.notSeen?.map((f) => [f.caseIds, f.reason])).toContainEqual([
      [fixture.caseId],
      'drawn-order',
    ]);
  });
});
