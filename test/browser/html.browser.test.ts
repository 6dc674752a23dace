/**
 * report.html in a real browser: Debian's chromium driven by playwright-core.
 * Without /usr/bin/chromium the test skips loudly on a developer machine and
 * fails in CI (`.ci/run` installs chromium, so CI always runs it).
 *
 * The page embeds its script's compiled source, so the page is checked as
 * written by the CLI in-process (the TypeScript source) and by the bundled CLI
 * users run (`bin/parity.js`, esbuild's minified output).
 */
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const available = chromiumAvailable('the report.html browser test');
const HOSTILE = {
  name: '<script>window.__pwned=1</script>',
  x: '"><img src=x onerror=window.__pwned=2>',
};

const CASES = `suite: demo
cases:
  - id: same
    request: { method: GET, path: /same }
  - id: drift
    request: { method: POST, path: /v1/validate, json: { record: { name: x } } }
  - id: hostile
    request: { method: GET, path: /hostile }
  - id: status
    request: { method: GET, path: /status }
`;

describe.skipIf(!available)('report.html in chromium', () => {
  let rust: TestServer;
  let go: TestServer;
  let browser: Browser;
  const reportUrls = { 'in-process CLI': '', 'bundled CLI': '' };

  beforeAll(async () => {
    rust = await startServer((req, res) => {
      if (req.url === '/v1/validate')
        return json(res, 400, { Schema: { field: 'x', reason: 'y' } });
      if (req.url === '/hostile') return json(res, 200, { name: 'x', x: 'y' });
      return json(res, 200, { ok: true });
    });
    go = await startServer((req, res) => {
      if (req.url === '/v1/validate')
        return json(res, 400, { Kind: 'schema', Field: 'x', Reason: 'y' });
      if (req.url === '/hostile') return json(res, 200, HOSTILE);
      if (req.url === '/status') return json(res, 500, { ok: true });
      return json(res, 200, { ok: true });
    });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const reportOf = (cwd: string) =>
      pathToFileURL(join(cwd, 'reports', 'latest', 'report.html')).href;

    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    const run = await runCli(cwd, ['run', ...targets]);
    expect(run.code).toBe(1);
    reportUrls['in-process CLI'] = reportOf(cwd);

    // The bundled CLI, built into the temp project (the project's dist/ is left alone).
    const bundled = await tempProject({ 'cases/demo.yaml': CASES });
    await cp(join(ROOT, 'bin'), join(bundled, 'bin'), { recursive: true });
    await copyBundle(join(bundled, 'dist'));
    const bin = join(bundled, 'bin', 'parity.js');
    const exit = await exec(process.execPath, [bin, 'run', ...targets], { cwd: bundled }).then(
      () => 0,
      (error: { code?: number }) => error.code,
    );
    expect(exit).toBe(1);
    reportUrls['bundled CLI'] = reportOf(bundled);

    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([rust?.close(), go?.close()]);
  });

  it.each(Object.keys(reportUrls) as (keyof typeof reportUrls)[])(
    '%s: shows the counts, filters rows, expands a diff, and runs no script from a body',
    async (writer) => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(reportUrls[writer]);

      const card = (name: string) => page.locator(`[data-card="${name}"] .value`).textContent();
      expect(await page.title()).toBe('Parity report: rust vs go');
      // A non-ASCII separator: the page is UTF-8 and the script's hash is taken of UTF-8.
      expect(await page.locator('header .meta').textContent()).toMatch(/ · baseline rust /);
      expect(await card('cases')).toBe('4');
      expect(await card('divergent')).toBe('3');
      expect(await card('status-parity')).toBe('3/4');
      expect(await card('kind-shape')).toBe('1');
      expect(await card('kind-value')).toBe('1');
      expect(await card('kind-status')).toBe('1');

      // The first screen is the decisions: the first thing in <main>, open ones first.
      const decisions = page.getByTestId('decisions');
      expect(await page.locator('main > :first-child').getAttribute('data-testid')).toBe(
        'decisions',
      );
      expect(await decisions.locator('.headline').textContent()).toMatch(
        /^\d+ root causes: \d+ open · 0 accepted · 0 wontfix · 0 resolved$/,
      );
      const tagged = decisions.locator('details.cause', { hasText: 'externally tagged enum' });
      expect(await tagged.textContent()).toContain('next: fix it (parity show PAR-');
      await tagged.locator('summary').click();
      // Code spans are shown as code, never as backticks.
      expect(await tagged.textContent()).toContain('write the discriminator Kind');
      expect(await tagged.textContent()).not.toContain('`');
      expect(await tagged.locator('summary code').allTextContents()).toContain('Kind');

      const visible = page.locator('details.row:visible');
      expect(await visible.count()).toBe(3);
      expect(await page.getByTestId('shown').textContent()).toBe('showing 3 of 3');
      await page.selectOption('select[data-filter="kind"]', 'status');
      expect(await visible.count()).toBe(1);
      expect(await visible.first().getAttribute('data-case')).toBe('demo/status');
      expect(await page.getByTestId('shown').textContent()).toBe('showing 1 of 3');
      await page.click('[data-card="kind-status"]'); // toggles the same filter off
      expect(await visible.count()).toBe(3);
      // "show its cases" filters the case list to that root cause.
      await tagged.getByRole('button', { name: 'show its cases' }).click();
      expect(await visible.count()).toBe(1);
      expect(await visible.first().getAttribute('data-case')).toBe('demo/drift');
      await page.selectOption('select[data-filter="cause"]', '');
      expect(await visible.count()).toBe(3);

      const hostile = page.locator('details[data-case="demo/hostile"]');
      await hostile.locator('summary').click();
      const diff = hostile.getByTestId('diff');
      await diff.waitFor();
      const candidateText = (await diff.locator('.side').nth(1).textContent()) ?? '';
      expect(candidateText).toContain(HOSTILE.name);
      expect(candidateText).toContain('onerror=window.__pwned=2');
      expect(await diff.locator('.chg').count()).toBeGreaterThan(0);
      expect(await hostile.locator('pre.block').last().textContent()).toContain('curl -sS -i');

      expect(await page.evaluate(() => Reflect.get(globalThis, '__pwned'))).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('main script').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
