import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../../src/reporters/report/json.js';
import { parseReport, readReport } from '../../../../src/reporters/report/read.js';
import { ParityError } from '../../../../src/util/errors.js';
import { sampleReport } from '../../judge/results/report-fixtures.js';

function refusal(fn: () => unknown): ParityError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParityError) return error;
    throw error;
  }
  throw new Error('expected a ParityError');
}

describe('reading report.json', () => {
  it('reads back what a run writes, keeping fields it does not know', () => {
    const report = { ...sampleReport(), shard: { index: 1, total: 2 } };
    const parsed = parseReport(renderJson(report), 'r.json');
    expect(JSON.parse(renderJson(parsed))).toEqual(JSON.parse(renderJson(report)));
  });

  it('refuses a newer schemaVersion with a message that says what to do', () => {
    const text = JSON.stringify({ ...sampleReport(), schemaVersion: 4 });
    const error = refusal(() => parseReport(text, 'reports/x/report.json'));
    expect(error.code).toBe('PARITY_REPORT_INVALID');
    expect(error.message).toBe(
      'reports/x/report.json: written with report schemaVersion 4, but this parity reads schemaVersion 3; upgrade parity to read it',
    );
  });

  it('names the field of a garbled report and refuses non-JSON', () => {
    const broken = JSON.parse(renderJson(sampleReport()));
    broken.results[2].verdict = 'maybe';
    const error = refusal(() => parseReport(JSON.stringify(broken), 'r.json'));
    expect(error.message).toMatch(/^r\.json: not a valid report: results\[2\]\.verdict: /);
    expect(refusal(() => parseReport('{"schemaVersion": 1, "runId"', 'r.json')).message).toMatch(
      /^r\.json: not valid JSON/,
    );
    expect(refusal(() => parseReport('[]', 'r.json')).message).toContain('not a parity report');
  });

  it('says how to get a report when the file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-read-'));
    await expect(readReport(join(dir, 'none.json'))).rejects.toThrow(
      /no such file \(run `parity run` first/,
    );
    await writeFile(join(dir, 'ok.json'), renderJson(sampleReport()));
    expect((await readReport(join(dir, 'ok.json'))).runId).toBe(sampleReport().runId);
  });

  it("reads a schemaVersion 1 report (parity 0.1) as today's contract", async () => {
    const v1 = join(import.meta.dirname, '../../../fixtures/reports/v1-report.json');
    const report = await readReport(v1);
    expect(report.schemaVersion).toBe(3);
    const old = JSON.parse(await readFile(v1, 'utf8'));
    expect(report.results.map((r) => [r.caseId, r.verdict])).toEqual(
      old.results.map((r: { caseId: string; verdict: string }) => [r.caseId, r.verdict]),
    );
    const [down, drift] = report.results;
    // An error keeps what explains it; only a divergence keeps changes, bodies and its row.
    expect(down).toMatchObject({ verdict: 'error', kinds: ['transport'] });
    expect(down).not.toHaveProperty('changes');
    expect(down?.repro?.baseline).toContain('curl');
    // A divergence gets the findings a run would give it, and a fingerprint built from them.
    expect(drift?.verdict).toBe('divergent');
    expect(drift?.changes?.length).toBeGreaterThan(0);
    expect(drift?.findings?.length).toBeGreaterThan(0);
    expect(drift?.fingerprint).not.toBe(old.results[1].fingerprint);
    const equal = report.results.find((r) => r.verdict === 'equal');
    expect(equal).not.toHaveProperty('changes');
    expect(equal).not.toHaveProperty('fingerprint');
    expect(report.schemaVersion).toBe(3);
    expect(report.summary).toEqual({ ...old.summary, accepted: 0 });
    expect(report.rootCauses?.map((c) => c.fingerprint)).toEqual([
      ...new Set(report.results.flatMap((r) => r.findings?.map((f) => f.fingerprint) ?? [])),
    ]);
    expect(report).not.toHaveProperty('patterns');
  });

  it('reads a schemaVersion 2 report: a one-sided transport failure is an error, an accepted row an accepted case', () => {
    const report = sampleReport();
    // What schemaVersion 2 wrote: no findings, a row per divergent result, no `accepted` verdict.
    const results = report.results.map(({ findings: _f, ...r }) =>
      r.verdict === 'accepted'
        ? { ...r, verdict: 'divergent', tracker: { id: 'PAR-002', status: 'accepted' } }
        : r,
    );
    const drift = results.find((r) => r.caseId === 'demo/drift');
    const reset = {
      ...drift,
      caseId: 'demo/reset',
      kinds: ['transport'],
      candidate: { status: undefined, durationMs: 1, error: { code: 'ECONNRESET', message: 'x' } },
    };
    const { rootCauses: _r, ...head } = report;
    const v2 = { ...JSON.parse(renderJson(head)), schemaVersion: 2 };
    const { accepted: _a, ...summary } = report.summary;
    v2.summary = { ...summary, cases: 5, divergent: 3, errors: 1 };
    v2.results = [...results, reset];
    const read = parseReport(JSON.stringify(v2), 'r.json');
    expect(read.schemaVersion).toBe(3);
    expect(read.summary).toMatchObject({ cases: 5, divergent: 1, accepted: 1, errors: 2 });
    expect(read.results.map((r) => [r.caseId, r.verdict])).toEqual([
      ['demo/accepted', 'accepted'],
      ['demo/down', 'error'],
      ['demo/drift', 'divergent'],
      ['demo/same', 'equal'],
      ['demo/reset', 'error'],
    ]);
    expect(read.rootCauses?.length).toBeGreaterThan(0);
  });
});
