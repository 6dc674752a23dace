/**
 * Sharded runs and `parity merge`, end to end: the merge of the shards equals a
 * single full run (modulo run ids, timestamps and durations), and updates the
 * tracker once as the full run would.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** `/n/<k>` answers differently on the candidate for some k: shape, value or status. */
async function servers(): Promise<{ rust: TestServer; go: TestServer }> {
  const rust = await startServer((req, res) => json(res, 200, { id: req.url, tags: ['a'] }));
  const go = await startServer((req, res) => {
    const k = Number(req.url?.split('/').at(-1));
    if (k % 4 === 1) return json(res, 200, { ID: req.url, tags: ['a'] });
    if (k % 4 === 2) return json(res, 200, { id: req.url, tags: null });
    if (k === 7) return json(res, 500, { id: req.url, tags: ['a'] });
    return json(res, 200, { id: req.url, tags: ['a'] });
  });
  return { rust, go };
}

const CASES = `suite: lib
cases:
${Array.from({ length: 10 }, (_, k) => `  - id: c${k}\n    request: { method: GET, path: /n/${k} }`).join('\n')}
`;
const day = { now: new Date('2026-11-20T10:00:00Z') };

/** What must agree between a merged report and a full run. */
function comparable(report: RunReport) {
  const { latency: _latency, ...summary } = report.summary;
  const plain = (r: AssessedObservation) => ({
    ...r,
    baseline: { ...r.baseline, durationMs: 0 },
    candidate: { ...r.candidate, durationMs: 0 },
  });
  return {
    baseline: report.baseline,
    candidate: report.candidate,
    summary,
    results: report.results.map(plain),
    tracker: report.tracker === undefined ? undefined : { ...report.tracker, path: '' },
    rootCauses: report.rootCauses,
    unusedRules: report.unusedRules,
  };
}

describe('parity run --shard and parity merge', () => {
  let rust: TestServer;
  let go: TestServer;
  beforeAll(async () => ({ rust, go } = await servers()));
  afterAll(async () => Promise.all([rust.close(), go.close()]));
  const run = () => ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];

  it('merging the shards equals one full run: results, summary, fingerprints, tracker', async () => {
    const full = await tempProject({ 'cases/lib.yaml': CASES });
    expect((await runCli(full, run(), day)).code).toBe(1);
    const whole = await latestReport(full);

    const sharded = await tempProject({ 'cases/lib.yaml': CASES });
    const files: string[] = [];
    const seen: string[][] = [];
    for (const index of [1, 2, 3]) {
      const args = [...run(), '--shard', `${index}/3`, '--no-tracker'];
      const shard = await runCli(sharded, args, day);
      expect(shard.stdout).toContain(`shard ${index}/3`);
      const report = await latestReport(sharded);
      expect(report.shard).toEqual({ index, total: 3 });
      seen.push(report.results.map((r) => r.caseId));
      files.push(`reports/${report.runId}/report.json`);
    }
    // Disjoint, covering, balanced.
    expect(seen.flat().sort()).toEqual(whole.results.map((r) => r.caseId));
    expect(seen.map((ids) => ids.length).sort()).toEqual([3, 3, 4]);
    expect(await readdir(sharded)).not.toContain('docs');

    const merged = await runCli(sharded, ['merge', ...files], day);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('merged from 3 report(s)');
    const report = await latestReport(sharded);
    expect(whole.rootCauses?.length).toBeGreaterThan(0);
    expect(comparable(report)).toEqual(comparable(whole));
    expect(report.mergedFrom?.map((m) => m.shard?.index)).toEqual([1, 2, 3]);
    expect(report.summary.latency?.all.baseline.count).toBe(10);
    expect(await readdir(join(sharded, 'reports', 'latest'))).toContain('report.md');

    const trackerOf = (cwd: string) =>
      readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(await trackerOf(sharded)).toBe(await trackerOf(full));
  });

  it('a shard run resolves only the rows of the cases it ran', async () => {
    const cwd = await tempProject({ 'cases/lib.yaml': CASES });
    await runCli(cwd, run(), day);
    const fixedGo = await startServer((req, res) => json(res, 200, { id: req.url, tags: ['a'] }));
    try {
      const args = ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${fixedGo.url}`];
      const shard = await runCli(cwd, [...args, '--shard', '2/3'], day);
      expect(shard.code).toBe(0);
      const ran = (await latestReport(cwd)).results.map((r) => r.caseId);
      const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
      const rows = tracker.split('\n').filter((l) => l.startsWith('| PAR-'));
      const resolved = rows.map((row) => {
        const cases = row.match(/lib\/c\d+/g) ?? [];
        const allRan = cases.every((id) => ran.includes(id));
        expect(row.includes('_resolved_'), row).toBe(allRan);
        return allRan;
      });
      // Some rows resolved, and some kept open because another shard owns one of their cases.
      expect(resolved).toContain(true);
      expect(resolved).toContain(false);
    } finally {
      await fixedGo.close();
    }
  });

  it('an empty shard writes an empty report and exits 0', async () => {
    const cwd = await tempProject({
      'cases/two.yaml': 'suite: two\ncases:\n  - id: a\n    request: { method: GET, path: /n/0 }\n',
    });
    const result = await runCli(cwd, [...run(), '--shard', '2/2', '--no-tracker']);
    expect(result.code).toBe(0);
    expect((await latestReport(cwd)).summary.cases).toBe(0);
  });

  it('rejects a malformed --shard, a case in two reports, and reports of other targets', async () => {
    const cwd = await tempProject({ 'cases/lib.yaml': CASES });
    for (const bad of ['0/3', '4/3', 'two/3', '1-3']) {
      const result = await runCli(cwd, [...run(), '--shard', bad]);
      expect(result.code, bad).toBe(2);
    }
    await runCli(cwd, [...run(), '--shard', '1/2', '--no-tracker'], day);
    const one = `reports/${(await latestReport(cwd)).runId}`;
    const twice = await runCli(cwd, ['merge', one, `${one}/report.json`, '--no-tracker']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/case lib\/c0 is in both .* and /);

    const elsewhere = await runCli(
      cwd,
      ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${rust.url}`],
      { ...day },
    );
    expect(elsewhere.code).toBe(0);
    const other = `reports/${(await latestReport(cwd)).runId}/report.json`;
    const mixed = await runCli(cwd, ['merge', one, other, '--no-tracker']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/merge only reports of the same targets/);
    const missing = await runCli(cwd, ['merge', 'reports/nope/report.json']);
    expect(missing.code).toBe(2);
  });

  it('refuses an interrupted report, a report without a shard among shards, and shards of two totals', async () => {
    const cwd = await tempProject({ 'cases/lib.yaml': CASES });
    const reportOf = async (args: readonly string[]) => {
      await runCli(cwd, [...run(), '--no-tracker', '--fail-on', 'none', ...args], day);
      return `reports/${(await latestReport(cwd)).runId}/report.json`;
    };
    const one = await reportOf(['--shard', '1/2']);
    const two = await reportOf(['--shard', '2/2']);
    // Disjoint from shard 1/2 (c0, c2, …) and from 2/2 (c1, c3, …) respectively.
    const plain = await reportOf(['--filter', 'lib/c1']);
    const oneOfThree = await reportOf(['--filter', 'lib/c0', '--shard', '1/3']);
    // A shard stopped by a signal, as report.json records it.
    const report = JSON.parse(await readFile(join(cwd, two), 'utf8')) as RunReport;
    const [kept, ...notRun] = report.results;
    const stopped = {
      ...report,
      results: kept === undefined ? [] : [kept],
      interrupted: { signal: 'SIGINT', ran: 1, notRun: notRun.map((r) => r.caseId) },
    };
    await writeFile(join(cwd, 'stopped.json'), JSON.stringify(stopped));

    const cases: [string[], RegExp][] = [
      [
        [one, 'stopped.json'],
        /stopped\.json is an interrupted run \(SIGINT: 4 case\(s\) not run\)/,
      ],
      [[plain, one], /is not a shard report but .* is shard 1\/2/],
      [[two, oneOfThree], /is shard 1\/3 but .* is shard 2\/2/],
    ];
    for (const [reports, message] of cases) {
      const merged = await runCli(cwd, ['merge', ...reports], day);
      expect(merged.code, reports.join(' ')).toBe(2);
      expect(merged.stderr).toMatch(message);
      expect(merged.stderr).not.toContain('merged without');
    }
    expect(await readdir(cwd)).not.toContain('docs');
    const whole = await runCli(cwd, ['merge', one, two, '--fail-on', 'none'], day);
    expect(whole.code).toBe(0);
    expect((await latestReport(cwd)).wholeLibrary).toBe(true);
  });

  it('warns about missing shards and classifies against --compare-to', async () => {
    const cwd = await tempProject({ 'cases/lib.yaml': CASES });
    await runCli(cwd, [...run(), '--no-tracker'], day);
    const full = (await latestReport(cwd)).runId;
    await runCli(cwd, [...run(), '--shard', '1/2', '--no-tracker'], day);
    const one = `reports/${(await latestReport(cwd)).runId}/report.json`;
    const args = [
      'merge',
      one,
      '--no-tracker',
      '--compare-to',
      `reports/${full}`,
      '--fail-on',
      'new',
    ];
    const merged = await runCli(cwd, args, day);
    expect(merged.stderr).toContain('merged without shard(s) 2/2');
    expect(merged.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.regression?.comparedTo.runId).toBe(full);
    expect(report.regression?.new).toEqual([]);
    expect(report.regression?.fixed).toEqual([]); // half the cases did not run: nothing proven
  });
});
