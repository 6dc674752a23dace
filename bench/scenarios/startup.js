// Start-up against Node's own floor, measured paired in the same run: CPU
// seconds (user + system) of whole processes, A and B in turn (the order
// alternating), the ratio taken pair by pair, the median the verdict.
// - `parity validate` of a one-case library ÷ `node -e 0` (a command that sends
//   nothing loads no HTTP client);
// - a one-case `parity run` against the two bench servers ÷
//   `node -e "await import('undici')"` (Node plus the HTTP client parity uses).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuOf, median, paired } from '../lib/cpu.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'parity.js');

const ok = (run, what) => {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-1000)}`);
  return run;
};

function summary(result) {
  const walls = result.pairs.map((p) => p.a.wall / p.b.wall);
  return {
    ...result,
    a: median(result.pairs.map((p) => p.a.cpu)),
    b: median(result.pairs.map((p) => p.b.cpu)),
    wall: median(walls),
  };
}

/**
 * @param {{ nodeArgs?: string[] }} options  extra Node flags for parity's process
 *   (the V8-flag comparison passes the flags' defaults this way)
 */
export async function startup(urls, { rounds = 11, nodeArgs = [] } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-startup-'));
  try {
    const cases = join(dir, 'one.json');
    await writeFile(
      cases,
      JSON.stringify({
        suite: 'one',
        cases: [{ id: 'one', request: { method: 'GET', path: '/items/1' } }],
      }),
    );
    const node = (args, options) => async () =>
      ok(await cpuOf(process.execPath, args, options), args.join(' '));
    const parity = (args) => node([...nodeArgs, BIN, ...args], { cwd: dir });
    const validate = await paired(rounds, parity(['validate', cases]), node(['-e', '0']));
    const runArgs = ['run', cases, '--baseline', `a=${urls.a}`, '--candidate', `b=${urls.b}`];
    runArgs.push('--no-tracker', '--reports', join(dir, 'reports'), '--fail-on', 'none', '-q');
    const run = await paired(
      rounds,
      parity(runArgs),
      // From the project root, where undici resolves.
      node(['--input-type=module', '-e', "await import('undici')"], { cwd: ROOT }),
    );
    return { validate: summary(validate), run: summary(run) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
