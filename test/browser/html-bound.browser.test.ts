/**
 * report.html's bound on one case, as a reader sees it in Chromium: a case
 * past it shows the head of its bodies and changes, and says where the rest
 * is (src/reporters/report/html/row-bound.ts). Skips loudly without
 * /usr/bin/chromium, as html.browser.test.ts does.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reporters/report/html/render.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { asciiKey, deepResult } from '../helpers/deep-result.js';
import { sampleReport, sampleResults } from '../unit/judge/results/report-fixtures.js';

const available = chromiumAvailable('the report.html bound browser test');

describe.skipIf(!available)('report.html: a case cut to its bound, in chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-html-bound-'));
    const file = join(dir, 'report.html');
    await writeFile(
      file,
      renderHtml(sampleReport([...sampleResults(), deepResult('deep', asciiKey)])),
    );
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the head of the bodies and changes, and notes that report.json has the rest', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    const row = page.locator('details[data-case="h/deep"]');
    await row.locator('summary').click();
    const diff = row.getByTestId('diff');
    await diff.waitFor();
    // Both sides: some lines, then the note.
    for (const side of [0, 1]) {
      const box = diff.locator('.side').nth(side);
      expect(await box.locator('.lines > div').count()).toBeGreaterThan(10);
      expect(await box.locator('.note').textContent()).toBe(
        '… cut here; report.json has the whole body',
      );
    }
    const changes = row.locator('pre.changes > div');
    expect(await changes.count()).toBeGreaterThan(10);
    expect(await changes.last().textContent()).toMatch(
      /^ {2}\(… \d+ more change lines not shown here, .*report\.json lists them\)$/,
    );
    // A row within the bound is drawn whole.
    const drift = page.locator('details[data-case="demo/drift"]');
    await drift.locator('summary').click();
    expect(await drift.getByTestId('diff').locator('.note').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
