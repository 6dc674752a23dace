/**
 * A large library through the CLI: the cases are checked, then read again a
 * file at a time during the run (`io/cases/library.ts`), results stream to disk
 * (`judge/results/stream.ts`) with only the notable ones in memory, and every report
 * still lists every case, in run order.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const FILES = 41;
const PER_FILE = 250;
const TOTAL = FILES * PER_FILE;
/**
 * A bound for a hang, not for speed: 10,250 cases take ~7 s alone, and over a
 * minute on a 2-core machine that other work shares (a timeout then failed a
 * run that was only slow).
 */
const LARGE_RUN_TIMEOUT = 180_000;

/** The candidate answers `/item/7` with a string (one shape divergence) until it is fixed. */
const candidateBug = { on: true };

/** `/item/N` answers `{ n }`. */
function server(candidate: boolean) {
  return startServer((req, res) => {
    const n = Number((req.url ?? '').split('/').pop());
    json(res, 200, { n: candidate && candidateBug.on && n === 7 ? '7' : n, name: `item ${n}` });
  });
}

/**
 * A run streams every result to disk whatever its size (`judge/results/stream.ts`),
 * so what holds of a result kept only on disk is shown by a library of two files
 * (the case that diverges, `c00007`, in the first) as well as by 41.
 */
const SMALL = 2;

function library(rules?: object, files = FILES): Record<string, string> {
  const out: Record<string, string> = {};
  for (let f = 0; f < files; f++) {
    const cases = Array.from({ length: PER_FILE }, (_, k) => {
      const n = f * PER_FILE + k;
      return {
        id: `c${String(n).padStart(5, '0')}`,
        request: { method: 'GET', path: `/item/${n}` },
      };
    });
    const defaults = rules === undefined ? {} : { defaults: { rules } };
    out[`cases/part-${String(f).padStart(3, '0')}.json`] = JSON.stringify({
      suite: 'big',
      ...defaults,
      cases,
    });
  }
  return out;
}

describe(`a run of ${TOTAL} cases, and what it keeps only on disk`, () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    [baseline, candidate] = await Promise.all([server(false), server(true)]);
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it(
    'replays every case once and reports every one',
    async () => {
      const cwd = await tempProject(library());
      const targets = ['--baseline', `old=${baseline.url}`, '--candidate', `new=${candidate.url}`];
      const run = await runCli(cwd, ['run', ...targets, '--concurrency', '16', '-q']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = await latestReport(cwd);
      expect(report.summary).toMatchObject({ cases: TOTAL, equal: TOTAL - 1, divergent: 1 });
      expect(report.results).toHaveLength(TOTAL);
      expect(report.results.map((r) => r.caseId)).toEqual(
        Array.from({ length: TOTAL }, (_, n) => `big/c${String(n).padStart(5, '0')}`),
      );
      expect(report.results.find((r) => r.verdict === 'divergent')?.caseId).toBe('big/c00007');
      // Each case went to each side exactly once.
      expect(baseline.requests).toHaveLength(TOTAL);
      expect(new Set(candidate.requests.map((r) => r.url)).size).toBe(TOTAL);
      const junit = await readFile(join(cwd, 'reports', 'latest', 'junit.xml'), 'utf8');
      expect(junit.match(/<testcase /g)).toHaveLength(TOTAL);
    },
    LARGE_RUN_TIMEOUT,
  );

  it('calls a case fixed though the run kept its (now plainly equal) result only on disk (two files)', async () => {
    candidateBug.on = true;
    const cwd = await tempProject(library(undefined, SMALL));
    const targets = ['--baseline', `old=${baseline.url}`, '--candidate', `new=${candidate.url}`];
    const run = await runCli(cwd, ['run', ...targets, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect((await latestReport(cwd)).summary).toMatchObject({ divergent: 1 });
    // The candidate is fixed: compared to the first run, the case that diverged is `fixed`.
    candidateBug.on = false;
    const fixed = await runCli(cwd, ['run', ...targets, '--compare-to', 'latest', '-q']);
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    const after = await latestReport(cwd);
    expect(after.summary.equal).toBe(SMALL * PER_FILE);
    expect(after.regression?.fixed.map((f) => f.caseIds)).toEqual([['big/c00007']]);
    const marked = after.results.filter((r) => r.regression !== undefined);
    expect(marked.map((r) => [r.caseId, r.regression])).toEqual([['big/c00007', 'fixed']]);
  });

  it(
    'does not call a rule unused when it fired only on results kept on disk (two files)',
    async () => {
      candidateBug.on = true;
      const cwd = await tempProject(library({ numberStrings: true }, SMALL));
      const targets = ['--baseline', `old=${baseline.url}`, '--candidate', `new=${candidate.url}`];
      const run = await runCli(cwd, ['run', ...targets, '--no-tracker', '-q']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = await latestReport(cwd);
      expect(report.summary.equal).toBe(SMALL * PER_FILE);
      expect(report.results.find((r) => r.caseId === 'big/c00007')?.equivalences).toEqual([
        'numberStrings at /n',
      ]);
      expect(report.unusedRules).toBeUndefined();
    },
    LARGE_RUN_TIMEOUT,
  );
});
