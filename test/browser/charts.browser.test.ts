/**
 * report.html's charts in a real browser (Debian's chromium, playwright-core):
 * two runs of the CLI, the second with `--compare-to` the first, and the
 * second's page checked chart by chart against its report.json: one bar per
 * latency bin and side with report.json's counts, a pair of bars per
 * diverging endpoint, and the root causes of both runs. Asserts what is drawn,
 * never how long anything took. Skips loudly without /usr/bin/chromium (and
 * fails in CI, which installs it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { formatMs } from '../../src/reporters/report/latency-table.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const available = chromiumAvailable('the report.html charts browser test');
/** A Decision note in Markdown, as a person writes one in the tracker. */
const NOTE =
  '**accepted**: clients read `Kind` since v2, see [ADR 12](https://example.test/adr/12) and [the draft](javascript:alert(1))';

const CASES = `suite: demo
cases:
  - id: same
    request: { method: GET, path: /same }
  - id: drift
    request: { method: POST, path: /v1/validate, json: { record: { name: x } } }
  - id: soon-fixed
    request: { method: GET, path: /a }
  - id: soon-broken
    request: { method: GET, path: /b }
`;

describe.skipIf(!available)('report.html charts in chromium', () => {
  let rust: TestServer;
  let go: TestServer;
  let browser: Browser;
  let cwd: string;
  /** The candidate between the runs: /a fixed, /b broken. */
  let second = false;
  const reports: { first: string; second: string } = { first: '', second: '' };

  beforeAll(async () => {
    rust = await startServer((req, res) => {
      if (req.url === '/v1/validate')
        return json(res, 400, { Schema: { field: 'x', reason: 'y' } });
      return json(res, 200, { ok: true, n: 1 });
    });
    go = await startServer((req, res) => {
      if (req.url === '/v1/validate')
        return json(res, 400, { Kind: 'schema', Field: 'x', Reason: 'y' });
      if (req.url === '/a' && !second) return json(res, 200, { ok: true, n: 2 });
      if (req.url === '/b' && second) return json(res, 200, { ok: 'yes', n: 1 });
      return json(res, 200, { ok: true, n: 1 });
    });
    cwd = await tempProject({ 'cases/demo.yaml': CASES });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const first = await runCli(cwd, ['run', ...targets, '--reports', 'one']);
    expect(first.code).toBe(1);
    const decided = await runCli(cwd, [
      'decide',
      '--pattern',
      'tagged-enum',
      'accepted',
      '--note',
      NOTE,
    ]);
    expect(decided.code).toBe(0);
    second = true;
    const compare = ['--compare-to', 'one/latest/report.json', '--reports', 'two'];
    const run = await runCli(cwd, ['run', ...targets, ...compare]);
    expect(run.code).toBe(1);
    reports.first = join(cwd, 'one', 'latest');
    reports.second = join(cwd, 'two', 'latest');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([rust?.close(), go?.close()]);
  });

  async function open(dir: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    return { page, problems };
  }

  const counts = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-count')));

  it('draws the latency distribution per side with report.json counts', async () => {
    const report: RunReport = JSON.parse(
      await readFile(join(reports.second, 'report.json'), 'utf8'),
    );
    const histogram = report.summary.latency?.histogram;
    if (histogram === undefined) throw new Error('report.json has no latency histogram');
    const { page, problems } = await open(reports.second);
    const svg = page.locator('svg[data-chart="latency"]');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('title').first().textContent()).toBe('Latency distribution per side');
    const desc = (await svg.locator('desc').textContent()) ?? '';
    expect(desc).toMatch(/^Cases per response-time bin\. rust: .*\. go: .*\.$/);
    const bins = histogram.edgesMs.length - 1;
    expect(await svg.locator('rect[data-side="baseline"]').count()).toBe(bins);
    expect(await svg.locator('rect[data-side="candidate"]').count()).toBe(bins);
    expect(await counts(page, 'svg[data-chart="latency"] rect[data-side="baseline"]')).toEqual(
      histogram.baseline.map(String),
    );
    expect(await counts(page, 'svg[data-chart="latency"] rect[data-side="candidate"]')).toEqual(
      histogram.candidate.map(String),
    );
    // Four cases, both sides answered: four durations a side, drawn as bars with a height.
    expect(histogram.baseline.reduce((a, b) => a + b, 0)).toBe(4);
    const heights = await svg
      .locator('rect[data-side]')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-count'), (n as SVGRectElement).getBBox().height]),
      );
    for (const [count, height] of heights) {
      if (count === '0') expect(height).toBe(0);
      else expect(height).toBeGreaterThan(0);
    }
    // Each side's median, as the latency table prints it, a dashed line on the axis.
    const medians = svg.locator('g[data-p50]');
    expect(await medians.count()).toBe(2);
    const all = report.summary.latency?.all;
    expect(await svg.locator('g[data-p50="baseline"] text').textContent()).toBe(
      `p50 rust ${formatMs(all?.baseline.p50Ms ?? null)}`,
    );
    expect(await svg.locator('g[data-p50="candidate"] text').textContent()).toBe(
      `p50 go ${formatMs(all?.candidate.p50Ms ?? null)}`,
    );
    const legend = await svg.locator('text').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['rust (baseline)', 'go (candidate)']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws divergences and root causes per endpoint, one pair of bars each', async () => {
    const { page, problems } = await open(reports.second);
    const svg = page.locator('svg[data-chart="endpoints"]');
    const groups = svg.locator('g[data-endpoint]');
    // /same and /a are equal now: two endpoints diverge.
    expect(
      await groups.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-endpoint'))),
    ).toEqual(['GET /b', 'POST /v1/validate']);
    // /b diverges now; /v1/validate's root cause was accepted between the runs.
    const bars = [
      ['GET /b', 'divergent', '1 divergent'],
      ['POST /v1/validate', 'accepted', '0 divergent · 1 accepted'],
    ];
    for (const [endpoint, series, words] of bars) {
      const group = svg.locator(`g[data-endpoint="${endpoint}"]`);
      expect(await group.locator('text').first().textContent()).toBe(endpoint);
      expect(await group.locator(`rect[data-series="${series}"]`).getAttribute('data-count')).toBe(
        '1',
      );
      const causes = Number(
        await group.locator('rect[data-series="causes"]').getAttribute('data-count'),
      );
      expect(causes).toBeGreaterThan(0);
      const labels = await group.locator('text').allTextContents();
      expect(labels).toContain(words);
      expect(labels).toContain(`${causes} root cause${causes === 1 ? '' : 's'}`);
    }
    // The table below still lists every endpoint.
    expect(await page.getByTestId('endpoints').locator('tbody tr').count()).toBe(4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws root causes across the two runs from --compare-to', async () => {
    const report: RunReport = JSON.parse(
      await readFile(join(reports.second, 'report.json'), 'utf8'),
    );
    const causes = report.regression?.causes;
    if (causes === undefined) throw new Error('report.json has no regression.causes');
    const { page, problems } = await open(reports.second);
    const svg = page.locator('svg[data-chart="across"]');
    const series = (run: string) =>
      svg
        .locator(`g[data-run="${run}"] rect`)
        .evaluateAll((nodes) =>
          nodes.map((n) => [n.getAttribute('data-series'), Number(n.getAttribute('data-count'))]),
        );
    const fixed = report.regression?.fixed.length ?? 0;
    expect(fixed).toBeGreaterThan(0);
    expect(causes.new.length).toBeGreaterThan(0);
    expect(await series('compared')).toEqual([
      ['persisting', causes.persisting.length],
      ['fixed', fixed],
      ['notSeen', 0],
      ['notRun', 0],
    ]);
    expect(await series('this')).toEqual([
      ['persisting', causes.persisting.length],
      ['new', causes.new.length],
    ]);
    expect(causes.before).toBe(causes.persisting.length + fixed);
    const desc = (await svg.locator('desc').textContent()) ?? '';
    expect(desc).toContain(`${causes.new.length} new`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders the Markdown of a Decision note, and follows only http(s) links', async () => {
    const { page, problems } = await open(reports.second);
    const cause = page.locator('details.cause', { hasText: 'externally tagged enum' });
    await cause.locator('summary').click();
    const decision = cause.getByTestId('decision');
    expect(await decision.locator('strong').textContent()).toBe('accepted');
    expect(await decision.locator('code').textContent()).toBe('Kind');
    const links = decision.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.textContent()).toBe('ADR 12');
    expect(await links.getAttribute('href')).toBe('https://example.test/adr/12');
    expect(await links.getAttribute('rel')).toBe('noopener noreferrer');
    const words = (await decision.textContent()) ?? '';
    // `decide` wrote that link as `[the draft]\(javascript:…)`, escaped: shown as
    // Markdown shows it, its marks as written, and no link.
    expect(words).toContain('and [the draft](javascript:alert(1))');
    expect(words).not.toMatch(/\*\*|`|\\/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what would draw the chart across runs when there is no --compare-to', async () => {
    const { page, problems } = await open(reports.first);
    expect(await page.locator('svg[data-chart="across"]').count()).toBe(0);
    expect(await page.getByTestId('chart-across-note').textContent()).toContain(
      'Run with --compare-to',
    );
    expect(await page.locator('svg[data-chart="latency"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
