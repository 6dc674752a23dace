// `npm run demo`: the bundled example end to end. Starts the serde-style and the
// Go-style reference servers as two processes on free loopback ports (two
// runtimes, as in a real cutover), runs parity on the whole case library
// (cases/: the validator suite's known finding, 6/6 status parity and 5/6
// shapes divergent, and the records API's nil slices, nulls, timestamps and
// error bodies) with the package's bin, as `npx parity` runs it, prints the
// decisions and the summary, writes reports/ and the tracker, and stops the servers.
// The tracker is reports/ARCHITECTURE_COMPARISON.md (git-ignored), started from
// the example's committed tracker, docs/ARCHITECTURE_COMPARISON.md, with its
// decisions: the demo leaves the checkout as it was. `--tracker FILE` writes
// another (`--tracker docs/ARCHITECTURE_COMPARISON.md` updates the committed one).
// Exits 0 when the run itself worked (divergences are the expected result).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('./servers/start.js', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/parity.js', import.meta.url));
const COMMITTED = fileURLToPath(new URL('../docs/ARCHITECTURE_COMPARISON.md', import.meta.url));
const TRACKER = fileURLToPath(new URL('../reports/ARCHITECTURE_COMPARISON.md', import.meta.url));

/** The tracker flags to run with: the caller's, else the demo's own, started from the committed one. */
function trackerArgs(args) {
  if (
    args.some(
      (arg) => arg === '--tracker' || arg.startsWith('--tracker=') || arg === '--no-tracker',
    )
  ) {
    return [];
  }
  if (!existsSync(TRACKER) && existsSync(COMMITTED)) copyFileSync(COMMITTED, TRACKER);
  return ['--tracker', relative(process.cwd(), TRACKER)];
}

/** Starts one reference server in its own process; resolves with its URL. */
async function startProcess(flavor) {
  const child = spawn(process.execPath, [START, flavor, '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the ${flavor} server exited with ${code}`);
    }),
  ]);
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Runs the bin with `args`, its output on ours; resolves with its exit code. */
async function parity(args) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'inherit' });
  const [code, signal] = await once(child, 'exit');
  return code ?? (signal === null ? 4 : 128);
}

const [rust, go] = await Promise.all([startProcess('serde'), startProcess('go')]);
let code;
try {
  code = await parity([
    'run',
    'cases',
    '--baseline',
    `rust=${rust.url}`,
    '--candidate',
    `go=${go.url}`,
    ...trackerArgs(process.argv.slice(2)),
    ...process.argv.slice(2),
  ]);
} finally {
  rust.stop();
  go.stop();
}
// 0 = parity, 1 = divergences found: both mean the demo worked.
process.exitCode = code === 0 || code === 1 ? 0 : code;
