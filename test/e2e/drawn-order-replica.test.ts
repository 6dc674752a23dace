/**
 * The evidence a row awaiting a drawn order names settles it: a first run
 * leaves the list in each side's drawn order awaiting evidence; a run with a
 * baseline replica whose own draws put the list in another order than the
 * baseline's learns that order as noise, and the row is `_covered_` (covered
 * by noise, not fixed), never "not seen … run with a replica" again, even in
 * a run whose two sides drew alike (the lists equal by chance, so no finding
 * is left for the noise to cover). A real
 * change planted beside it keeps its open row. Two shapes: a flow's query
 * answering one member of each record (beside a warning each side words its
 * own way in the same answer), and a flow's names in key order (beside a list
 * the candidate sorts by name).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import {
  docStore,
  docStores,
  flowCases,
  result,
  tagFlowCases,
  tagStores,
  trackerRows,
} from '../helpers/drawn-stores.js';
import type { TestServer } from '../helpers/http.js';

describe('a replica whose draws order the list otherwise settles the row awaiting it', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    {
      name: 'a flow’s query (records in id order), its warning reworded in the same answer',
      files: { 'cases/store.yaml': flowCases },
      servers: (alike: boolean) =>
        Promise.all([
          docStore({ candidate: false, warning: 'no index found' }),
          docStore({
            candidate: true,
            warning: 'No index found.',
            ...(alike ? { drawn: '0' } : {}),
          }),
          docStore({ candidate: false, drawn: 'f', warning: 'no index found' }),
        ]),
      step: 'find',
      real: '/warning',
    },
    {
      name: 'a flow’s names in key order, the candidate sorting another list by name',
      files: { 'cases/tags.yaml': tagFlowCases },
      servers: tagStores,
      step: 'list',
      real: '/tags/all',
    },
  ])('$name', async (fixture) => {
    const cwd = await tempProject(fixture.files);
    const run = async (more: string[], alike = false) => {
      const [a, b, r] = await fixture.servers(alike);
      started.push(a, b, r);
      const args = ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`];
      return runCli(cwd, [...args, ...more.map((m) => m.replace('REPLICA', r.url))]);
    };
    await run([]);
    const before = await trackerRows(cwd);
    const waiting = before.find((line) => line.includes('unsettled: the same elements'));
    const id = /\| (PAR-\d+) /.exec(waiting ?? '')?.[1];
    expect(id, before.join('\n')).toBeDefined();
    const realRow = before.find((line) => line.includes(fixture.real));
    expect(realRow, before.join('\n')).toContain('_open_');

    // Fresh servers: the two sides draw alike this time (their lists compare equal, by
    // chance), and the replica draws otherwise: its order is the evidence, not the equality.
    const settled = await run(['--baseline-replica', 'r=REPLICA'], true);
    // The real change is still an open decision.
    expect(settled.code, settled.stdout).toBe(1);
    const report = await latestReport(cwd);
    expect(result(report, fixture.step).orderNoise).toBeDefined();
    const after = await trackerRows(cwd);
    const row = after.find((line) => line.startsWith(`| ${id} `));
    expect(row, after.join('\n')).toContain('_covered_');
    expect(report.tracker?.covered).toContain(id);
    expect(report.tracker?.notSeen?.map((n) => n.rowId) ?? []).not.toContain(id);
    expect(settled.stdout).not.toContain(`${id} not seen in this run`);
    expect(after.find((line) => line.includes(fixture.real))).toContain('_open_');

    // Covered is not fixed: a later run whose two sides draw alike (equal by chance) resolves nothing.
    await run([], true);
    const later = (await trackerRows(cwd)).find((line) => line.startsWith(`| ${id} `));
    expect(later).toContain('_covered_');
    expect(later).not.toContain('_resolved_');
  });
});

describe('parity merge and --compare-to read the order noise a replica learned', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    {
      name: 'a flow’s query (records in id order)',
      files: { 'cases/store.yaml': flowCases },
      servers: docStores,
      caseId: 'store/bulk-and-find/find',
    },
    {
      name: 'a flow’s names in key order',
      files: { 'cases/tags.yaml': tagFlowCases },
      servers: tagStores,
      caseId: 'tagflow/tags/list',
    },
  ])('$name: the row is covered, and the cause is not called fixed', async (fixture) => {
    const cwd = await tempProject(fixture.files);
    // A first run, without a replica: the list in each side's drawn order awaits evidence.
    const [a0, b0, r0] = await fixture.servers(false);
    started.push(a0, b0, r0);
    await runCli(cwd, ['run', ...sidesOf(a0, b0)]);
    const first = await latestReport(cwd);
    const firstPath = `reports/${first.runId}/report.json`;
    const waiting = (await trackerRows(cwd)).find((line) => line.includes('_awaiting_'));
    const id = /\| (PAR-\d+) /.exec(waiting ?? '')?.[1];
    expect(id, (await trackerRows(cwd)).join('\n')).toBeDefined();

    // One shard, with a replica whose draws order the list otherwise; the two sides draw alike.
    const [a, b, r] = await fixture.servers(true);
    started.push(a, b, r);
    const replica = ['--baseline-replica', `r=${r.url}`];
    await runCli(cwd, ['run', ...sidesOf(a, b), ...replica, '--shard', '1/1', '--no-tracker']);
    const shard = await latestReport(cwd);
    expect(result(shard, fixture.caseId.split('/').at(-1) as string).orderNoise).toBeDefined();
    const merged = await runCli(cwd, [
      'merge',
      `reports/${shard.runId}/report.json`,
      '--compare-to',
      firstPath,
    ]);
    expect(merged.stderr).toBe('');
    const report = await latestReport(cwd);
    const row = (await trackerRows(cwd)).find((line) => line.startsWith(`| ${id} `));
    // As a run covers it: the order is noise, not fixed, and not "not seen".
    expect(row).toContain('_covered_');
    expect(report.tracker?.covered).toContain(id);
    expect(report.tracker?.notSeen?.map((n) => n.rowId) ?? []).not.toContain(id);
    expect(report.regression?.fixed.flatMap((f) => f.caseIds)).not.toContain(fixture.caseId);
    expect(report.regression?.notSeen?.map((f) => [f.caseIds, f.reason])).toContainEqual([
      [fixture.caseId],
      'order-noise',
    ]);
    expect(merged.stdout).toContain('the order is noise, covered, not fixed');

    // `parity run --compare-to` says the same of the first run's cause.
    const [a2, b2, r2] = await fixture.servers(true);
    started.push(a2, b2, r2);
    await runCli(cwd, [
      'run',
      ...sidesOf(a2, b2),
      ...['--baseline-replica', `r=${r2.url}`, '--compare-to', firstPath],
    ]);
    const compared = await latestReport(cwd);
    expect(compared.regression?.notSeen?.map((f) => [f.caseIds, f.reason])).toContainEqual([
      [fixture.caseId],
      'order-noise',
    ]);
  });
});
