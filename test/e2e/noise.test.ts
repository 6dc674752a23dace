import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssessedResults } from '../../src/judge/results/assessment-file.js';
import { latestReport, runCli, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { NOISY_CASES, startFlakyServer, startNoisyPair } from '../helpers/noisy-servers.js';

describe('parity run --noise, end to end', () => {
  let old: TestServer;
  let rewrite: TestServer;
  beforeAll(async () => ({ old, rewrite } = await startNoisyPair()));
  afterAll(async () => Promise.all([old.close(), rewrite.close()]));
  const targets = () => ['--baseline', `old=${old.url}`, '--candidate', `new=${rewrite.url}`];

  it('without --noise or the second look, noise shows up as divergences in every case', async () => {
    const cwd = await tempProject({ 'cases/noisy.yaml': NOISY_CASES });
    const result = await runCli(cwd, ['run', ...targets(), '--no-tracker', '--second-look', '0']);
    expect(result.code).toBe(1);
    expect((await latestReport(cwd)).summary.divergent).toBe(9);
  });

  it('without --noise, the second look finds the values that change between requests', async () => {
    const cwd = await tempProject({ 'cases/noisy.yaml': NOISY_CASES });
    const result = await runCli(cwd, ['run', ...targets(), '--no-tracker']);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.secondLook?.sent).toBeGreaterThan(0);
    // Fewer divergent cases, and the three planted ones still among them.
    expect(report.summary.divergent).toBeLessThan(9);
    const divergent = report.results.filter((r) => r.verdict !== 'equal').map((r) => r.caseId);
    expect(divergent).toEqual(
      expect.arrayContaining(['noisy/health', 'noisy/record-2', 'noisy/user-7']),
    );
  });

  it('reports exactly the three planted divergences, each explained, and lists the noise', async () => {
    const cwd = await tempProject({ 'cases/noisy.yaml': NOISY_CASES });
    const result = await runCli(cwd, ['run', ...targets(), '--noise']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    // results.ndjson keeps the observations; with assessment.json laid over them
    // (learned noise included) they are report.json's results.
    const combined = await readAssessedResults(join(cwd, 'reports/latest'));
    expect(new Map(combined.map((r) => [r.caseId, JSON.stringify(r)]))).toEqual(
      new Map(report.results.map((r) => [r.caseId, JSON.stringify(r)])),
    );
    const divergent = report.results.filter((r) => r.verdict !== 'equal');
    expect(divergent.map((r) => r.caseId).sort()).toEqual([
      'noisy/health',
      'noisy/record-2',
      'noisy/user-7',
    ]);
    for (const r of divergent) expect(r.explanation ?? '').not.toBe('');
    expect(divergent.find((r) => r.caseId === 'noisy/record-2')?.changes).toEqual([
      { path: '/name', op: 'value', baseline: 'Record 2', candidate: 'bob' },
    ]);
    expect(divergent.find((r) => r.caseId === 'noisy/user-7')?.changes?.map((c) => c.path)).toEqual(
      ['/email'],
    );
    expect(divergent.find((r) => r.caseId === 'noisy/health')?.kinds).toContain('status');
    expect(report.summary).toMatchObject({ cases: 9, equal: 6, divergent: 3 });
    const paths = report.noise?.entries.map((e) => `${e.endpoint} ${e.kind} ${e.path}`) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'GET /v1/records/:id value /updatedAt',
        'GET /v1/records/:id order /tags',
        'GET /v1/records/:id value /sessions/*',
      ]),
    );
    // A fresh UUID each answer is a value each side generated, found on first sight (a UUID on
    // both sides, in no request): compared by format before noise is learned.
    const generated = report.results.flatMap((r) => r.generated ?? []);
    expect(generated).toEqual(
      expect.arrayContaining([
        '/requestId (uuid on both sides, in no request)',
        '/traceId (uuid on both sides, in no request)',
      ]),
    );
    expect(report.noise?.flakyBaselines).toEqual([]);
    // Noise never becomes a tracker row: one row per planted divergence.
    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker.match(/^\| PAR-\d+ \| _open_ \|/gm)).toHaveLength(3);
    const markdown = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(markdown).toContain('## Learned noise');
    expect(result.stdout).toContain('noise:');
  });

  it('reports a flaky baseline and does not mask its structural difference', async () => {
    const flaky = await startFlakyServer();
    const steady = await startFlakyServer();
    try {
      const cwd = await tempProject({
        'cases/f.yaml':
          'suite: f\ncases:\n  - id: flaky\n    request: { method: GET, path: /flaky }\n',
      });
      const result = await runCli(cwd, [
        'run',
        '--baseline',
        `old=${flaky.url}`,
        '--candidate',
        `new=${steady.url}`,
        '--noise',
        '--no-tracker',
      ]);
      expect(result.code).toBeLessThanOrEqual(1);
      const report = await latestReport(cwd);
      expect(report.noise?.flakyBaselines).toEqual(['f/flaky']);
      expect(report.summary.flakyBaselines).toBe(1);
      const [only] = report.results;
      expect(only?.flakyBaseline?.differences.join('\n')).toContain('/debug');
      expect(only?.noise).toEqual(['/at']);
    } finally {
      await Promise.all([flaky.close(), steady.close()]);
    }
  });
});

describe('parity calibrate, end to end', () => {
  let old: TestServer;
  let rewrite: TestServer;
  beforeAll(async () => ({ old, rewrite } = await startNoisyPair()));
  afterAll(async () => Promise.all([old.close(), rewrite.close()]));

  it('prints the noise, writes it into the config keeping comments, and later runs need no second call', async () => {
    const config = `# our parity settings: keep this comment\nbaseline: old\ntargets:\n  old: { url: "${old.url}" } # the Rust service\n  new: { url: "${rewrite.url}" }\ncandidate: new\n`;
    const cwd = await tempProject({
      'cases/noisy.yaml': NOISY_CASES,
      'parity.config.yaml': config,
    });
    const result = await runCli(cwd, ['calibrate', '--write']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('GET /v1/records/:id');
    expect(result.stdout).toMatch(/\/requestId\s+value\s+varied in 4\/4/);
    const written = await readFile(join(cwd, 'parity.config.yaml'), 'utf8');
    expect(written).toContain('# our parity settings: keep this comment');
    expect(written).toContain('# the Rust service');
    expect(written).toContain('GET /v1/records/:id');
    // A plain run (no --noise) now applies the learned noise: only the planted divergences.
    const run = await runCli(cwd, ['run', '--no-tracker']);
    expect(run.stderr).toBe('');
    const report = await latestReport(cwd);
    expect(report.noise).toBeUndefined();
    const diverged = report.results.filter((r) => r.verdict !== 'equal').map((r) => r.caseId);
    expect(diverged.sort()).toEqual(['noisy/health', 'noisy/record-2', 'noisy/user-7']);
  });
});

describe('learned noise never hides a shape change', () => {
  const noisy = () => ({
    id: randomUUID(),
    ts: new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString(),
    n: Math.random(),
    name: 'a',
  });
  let base: TestServer;
  let cand: TestServer;
  beforeAll(async () => {
    base = await startServer((_req, res) => json(res, 200, noisy(), { etag: `"${randomUUID()}"` }));
    // The rewrite drops the noisy `id` and `etag`, and writes the noisy `ts` as null.
    cand = await startServer((_req, res) => {
      const { id: _id, ...rest } = noisy();
      json(res, 200, { ...rest, ts: null });
    });
  });
  afterAll(async () => Promise.all([base.close(), cand.close()]));

  it('keeps a noisy field gone, or of another type, and a noisy header gone', async () => {
    const cwd = await tempProject({
      'cases/n.yaml':
        'suite: n\ncases:\n  - id: one\n    request: { method: GET, path: /n/1 }\n    rules: { headers: [etag] }\n',
    });
    const run = await runPair(cwd, `a=${base.url}`, `b=${cand.url}`, ['--noise']);
    expect(run.code, run.stdout).toBe(1);
    const [result] = (await latestReport(cwd)).results;
    expect(result?.noise).toEqual(expect.arrayContaining(['/id', '/ts', '/n']));
    expect(result?.kinds).toEqual(expect.arrayContaining(['shape', 'header']));
    const changes = result?.verdict === 'divergent' ? result.changes : [];
    expect(changes.map((c) => `${c.op} ${c.path}`).sort()).toEqual(['removed /id', 'type /ts']);
    const headers = result?.verdict === 'divergent' ? result.headerChanges : [];
    expect(headers.map((h) => h.name)).toEqual(['etag']);
  });
});
