/**
 * `--reporter NAME[=PATH]` (and the config's `reporters`) on `run` and
 * `merge`, and `run --bail[=N]`: against two real servers on 127.0.0.1, in a
 * temp project. One server answers `{"v":1}` everywhere, the other `{"v":2}`
 * on /d… paths: the cases under /d diverge, the others are equal.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: s
cases:
  - { id: e1, request: { method: GET, path: /e1 } }
  - { id: d1, request: { method: GET, path: /d1 } }
  - { id: e2, request: { method: GET, path: /e2 } }
  - { id: d2, request: { method: GET, path: /d2 } }
  - { id: e3, request: { method: GET, path: /e3 } }
  - { id: e4, request: { method: GET, path: /e4 } }
  - { id: e5, request: { method: GET, path: /e5 } }
  - { id: e6, request: { method: GET, path: /e6 } }
`;

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('--reporter and --bail', () => {
  let base: TestServer;
  let cand: TestServer;
  beforeAll(async () => {
    base = await startServer((_req, res) => json(res, 200, { v: 1 }));
    cand = await startServer((req, res) =>
      json(res, 200, { v: req.url?.startsWith('/d') === true ? 2 : 1 }),
    );
  });
  afterAll(async () => {
    await Promise.all([base?.close(), cand?.close()]);
  });

  const project = (files: Record<string, string> = {}) =>
    tempProject({ 'cases/s.yaml': CASES, ...files });
  const run = (cwd: string, extra: readonly string[], env: Record<string, string> = {}) =>
    runCli(
      cwd,
      [
        'run',
        '--baseline',
        `a=${base.url}`,
        '--candidate',
        `b=${cand.url}`,
        '--no-tracker',
        ...extra,
      ],
      { env },
    );
  const sent = () => base.requests.length + cand.requests.length;

  it('writes each chosen file where its path says, the run record in the folder, and prints only what was chosen', async () => {
    const cwd = await project();
    const result = await run(cwd, [
      '--reporter',
      'junit=out/ci/junit.xml',
      '--reporter',
      'html=out/page.html,ndjson=out/results.ndjson',
      '--fail-on',
      'none',
    ]);
    expect(result.code, result.stderr).toBe(0);
    // No console chosen: nothing on stdout.
    expect(result.stdout).toBe('');
    const junit = await readFile(join(cwd, 'out/ci/junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites');
    expect(junit).toMatch(/tests="8"/);
    expect(await readFile(join(cwd, 'out/page.html'), 'utf8')).toContain('<!doctype html>');
    const folder = join(cwd, 'reports', 'latest');
    // report.json and results.ndjson stay in the run's folder; md was not chosen.
    expect((await readdir(folder)).sort()).toEqual(
      expect.arrayContaining(['report.json', 'results.ndjson']),
    );
    expect(await exists(join(folder, 'report.md'))).toBe(false);
    expect(await exists(join(folder, 'junit.xml'))).toBe(false);
    expect(await exists(join(folder, 'report.html'))).toBe(false);
    expect(await readFile(join(cwd, 'out/results.ndjson'), 'utf8')).toBe(
      await readFile(join(folder, 'results.ndjson'), 'utf8'),
    );
  });

  it("takes the config file's reporters, which --reporter replaces", async () => {
    const cwd = await project({
      'parity.config.yaml': 'reporters: [console, md=docs/parity.md]\n',
    });
    const fromConfig = await run(cwd, ['--fail-on', 'none']);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(fromConfig.stdout).toContain('divergent 2');
    expect(await readFile(join(cwd, 'docs/parity.md'), 'utf8')).toContain('# Parity report');
    const replaced = await run(cwd, ['--reporter', 'json', '--fail-on', 'none']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toBe('');
  });

  it('appends the job summary where github=PATH says, without GITHUB_STEP_SUMMARY', async () => {
    const cwd = await project();
    const result = await run(cwd, ['--reporter', 'console,github=ci/summary.md']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error title=parity%3A new root cause/m);
    expect(await readFile(join(cwd, 'ci/summary.md'), 'utf8')).toContain('## Parity: a vs b');
  });

  it('refuses an unknown reporter with the name it is closest to, and a path it cannot write, before any request', async () => {
    const cwd = await project();
    const before = sent();
    const unknown = await run(cwd, ['--reporter', 'junt=out.xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown reporter "junt" (did you mean "junit"?)');
    await mkdir(join(cwd, 'taken.xml'));
    const folder = await run(cwd, ['--reporter', 'junit=taken.xml']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('--reporter junit=taken.xml: cannot write there');
    const pathless = await run(cwd, ['--reporter', 'console=x.txt']);
    expect(pathless.code).toBe(2);
    expect(pathless.stderr).toContain('reporter console prints and writes no file');
    const config = await run(await project({ 'parity.config.yaml': 'reporters: [htlm]\n' }), []);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('did you mean "html"');
    expect(sent()).toBe(before);
  });

  it('--bail stops sending after the first divergent case; the rest are not run, and the run exits 1', async () => {
    const cwd = await project();
    const before = sent();
    // The second look (a differing read sent once more) is off: the count below is the cases' own sends.
    const result = await run(cwd, ['--concurrency', '1', '--bail', '--second-look', '0']);
    expect(result.code, result.stderr).toBe(1);
    const report: RunReport = await latestReport(cwd);
    const bailed = report.bailed;
    expect(bailed?.after).toBe(1);
    const ids = ['s/e1', 's/d1', 's/e2', 's/d2', 's/e3', 's/e4', 's/e5', 's/e6'];
    // Every case either ran or is listed as not run, in run order; the last ones never ran.
    expect(bailed?.ran).toBe(8 - (bailed?.notRun.length ?? 0));
    expect(bailed?.notRun.length).toBeGreaterThan(0);
    expect(bailed?.notRun).toEqual(ids.slice(8 - (bailed?.notRun.length ?? 0)));
    expect(bailed?.notRun).toContain('s/e6');
    // Only the cases that ran were sent (one request per side each).
    expect(sent() - before).toBe(2 * (bailed?.ran ?? 0));
    expect(report.wholeLibrary).toBeUndefined();
    const folder = join(cwd, 'reports', 'latest');
    const junit = await readFile(join(folder, 'junit.xml'), 'utf8');
    expect(junit).toContain('not run: --bail stopped the run after 1 divergent case');
    expect(junit).toMatch(/tests="8"/);
    expect(await readFile(join(folder, 'report.md'), 'utf8')).toContain(
      '**Stopped by --bail after 1 divergent case:**',
    );
    expect(result.stdout).toContain('stopped by --bail after 1 divergent case(s)');
    expect(result.stderr).toContain('--bail: 1 case(s) diverged, so no further case was sent');
  });

  it('--bail=2 waits for the second divergent case; a run that never reaches N is complete', async () => {
    const cwd = await project();
    const two = await run(cwd, ['--concurrency', '1', '--bail=2']);
    expect(two.code, two.stderr).toBe(1);
    const report = await latestReport(cwd);
    expect(report.bailed?.after).toBe(2);
    expect(report.results.filter((r) => r.verdict === 'divergent').map((r) => r.caseId)).toEqual(
      expect.arrayContaining(['s/d1', 's/d2']),
    );
    const three = await run(cwd, ['--bail=3']);
    expect(three.code, three.stderr).toBe(1);
    const complete = await latestReport(cwd);
    expect(complete.bailed).toBeUndefined();
    expect(complete.summary.cases).toBe(8);
    const refused = await run(cwd, ['--bail', 'cases']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bail takes a number of divergent cases');
  });
});
