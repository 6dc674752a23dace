// Regenerates docs/images/report.png, the README's picture of the HTML report:
// bundles the current sources into a temporary package (the checkout's dist/
// is left alone), runs its bin on the bundled case library against the two
// bundled reference servers (as `npm run demo` does, with a tracker and a
// reports folder of its own in that temporary folder, so the checkout's
// tracker is left alone too), opens the run's report.html in Debian's headless
// chromium (`apt-get install -y chromium`) with playwright-core, and saves the
// first 1200x1150 pixels as a PNG (about 200 KB).
//
//   node scripts/screenshot-report.mjs [OUT.png]     # default docs/images/report.png
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../examples/servers/start.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const OUT = process.argv[2] ?? join(ROOT, 'docs/images/report.png');

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'parity-screenshot-'));
await cp(join(ROOT, 'bin'), join(work, 'bin'), { recursive: true });
await new Promise((resolve, reject) => {
  const bundle = spawn(process.execPath, ['scripts/bundle.mjs', join(work, 'dist')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  bundle.on('error', reject);
  bundle.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bundle: ${code}`))));
});
const [rust, go] = await Promise.all([startServer('serde'), startServer('go')]);
try {
  const child = spawn(
    process.execPath,
    [
      join(work, 'bin/parity.js'),
      'run',
      'cases',
      '--baseline',
      `rust=${rust.url}`,
      '--candidate',
      `go=${go.url}`,
      '--tracker',
      join(work, 'tracker.md'),
      '--reports',
      join(work, 'reports'),
      '--fail-on',
      'none',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`parity run exited with ${code}`);
} finally {
  await Promise.all([rust.close(), go.close()]);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1150 } });
  await page.goto(pathToFileURL(join(work, 'reports/latest/report.html')).href);
  await page.screenshot({ path: OUT });
} finally {
  await browser.close();
}
console.log(`wrote ${OUT} (${Math.round((await stat(OUT)).size / 1024)} KB)`);
