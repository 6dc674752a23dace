/**
 * Debian's chromium driven by playwright-core, for the browser tests. Without
 * /usr/bin/chromium a test skips loudly on a developer machine and fails in CI
 * (`.ci/run` installs chromium).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** True when chromium can run here; otherwise warns (and throws in CI, which must run it). */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} is missing: ${what} is SKIPPED (apt-get install -y chromium to run it)`;
  if (process.env['CI'] !== undefined) throw new Error(`${reason}; CI must run it`);
  console.warn(`\n!!! ${reason}\n`);
  return false;
}

/** Headless chromium without its background traffic (updates, sync, field trials). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-first-run',
    ],
  });
}

/**
 * Records a HAR of a browsing session against `origin` (one of the example
 * servers): the page loads `/health`, then its script calls the API with
 * fetch, as a web app would. Returns when the HAR is written to `path`.
 */
export async function recordExampleHar(
  browser: Browser,
  origin: string,
  path: string,
): Promise<void> {
  const context = await browser.newContext({ recordHar: { path, content: 'embed' } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/health`);
    await page.evaluate(async () => {
      const json = { 'content-type': 'application/json', authorization: 'Bearer from-the-browser' };
      await fetch('/v1/records?tag=admin&limit=2', { headers: { accept: 'application/json' } });
      await fetch('/v1/records/3');
      await fetch('/v1/records/99');
      await fetch('/v1/validate', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ record: { name: 'Ada', age: 200 } }),
      });
      await fetch('/v1/records', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ display_name: 'Hedy Lamarr' }),
      });
      // The same read twice: one case.
      await fetch('/v1/records/3');
    });
  } finally {
    await context.close();
  }
}
