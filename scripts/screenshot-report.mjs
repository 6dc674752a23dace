// Regenerates docs/images/report.png, the README's picture of the HTML report:
// bundles the current sources into a temporary package (the checkout's dist/
// is left alone), runs its bin on the bundled case library against the two
// bundled reference servers (as `npm run demo` does, with a tracker and a
// reports folder of its own in that temporary folder, so the checkout's
// tracker is left alone too), opens the run's report.html in Debian's headless
// chromium (`apt-get install -y chromium`) with playwright-core, and saves the
// first 1200x1150 pixels as a PNG. Each PNG is then reduced to 16 colours
// with pngquant (`apt-get install -y pngquant`; ~200 KB to ~50 KB: the report
// is flat colours and text, which 16 keep readable, and the package ships
// these pictures under its 1.2 MB), or left as Chromium wrote it, with a
// warning, where pngquant is missing.
//
// It also saves the report's charts (docs/images/report-charts.png): a third
// run, over the whole library with --compare-to a run over cases/validator
// only, so the chart across runs has root causes still there and new ones.
//
//   node scripts/screenshot-report.mjs [OUT.png] [CHARTS.png]
//   # defaults docs/images/report.png and docs/images/report-charts.png
import { spawn, spawnSync } from 'node:child_process';
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
const CHARTS = process.argv[3] ?? join(ROOT, 'docs/images/report-charts.png');

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

/** Runs the bundled bin on `cases` into `reports` (a tracker of its own) with `extra` flags. */
async function run(cases, reports, extra = []) {
  const child = spawn(
    process.execPath,
    [
      join(work, 'bin/parity.js'),
      'run',
      cases,
      '--baseline',
      `rust=${rust.url}`,
      '--candidate',
      `go=${go.url}`,
      '--tracker',
      join(work, `${reports}.md`),
      '--reports',
      join(work, reports),
      '--fail-on',
      'none',
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`parity run exited with ${code}`);
}

try {
  await run('cases', 'reports');
  await run('cases/validator', 'before');
  await run('cases', 'charts', ['--compare-to', join(work, 'before/latest/report.json')]);
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
  // The three charts: from the chart across runs to the latency distribution.
  const charts = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await charts.goto(pathToFileURL(join(work, 'charts/latest/report.html')).href);
  const top = await charts.locator('h2', { hasText: 'Root causes across runs' }).boundingBox();
  const bottom = await charts.getByTestId('chart-latency').boundingBox();
  if (top === null || bottom === null) throw new Error('report.html drew no charts');
  const y = Math.floor(top.y) - 4;
  const clip = { x: 0, y, width: 1200, height: Math.ceil(bottom.y + bottom.height) + 12 - y };
  await charts.screenshot({ path: CHARTS, clip, fullPage: true });
} finally {
  await browser.close();
}
for (const file of [OUT, CHARTS]) {
  const quantized = spawnSync('pngquant', [
    '16',
    '--speed=1',
    '--strip',
    '--force',
    '--output',
    file,
    file,
  ]);
  if (quantized.error !== undefined || quantized.status !== 0) {
    console.warn(
      `pngquant did not reduce ${file} (apt-get install -y pngquant): it stays ~3 times bigger`,
    );
  }
  console.log(`wrote ${file} (${Math.round((await stat(file)).size / 1024)} KB)`);
}
