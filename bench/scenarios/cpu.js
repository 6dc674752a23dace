// The headline: CPU per case. A whole `parity run` (`node bin/parity.js run`,
// start-up, reports and tracker included, concurrency 8) against the minimal
// undici script (`bench/peers/minimal-undici.js`, concurrency 8, no reports)
// sending the same requests to the same two servers, each in its own process,
// in paired rounds (A, B, B, A, …); per process the OS's own account of its CPU
// seconds (user + system, once it has ended). The ratio is taken pair by pair;
// the median is the verdict, every pair is printed beside it. Also, from the
// same rounds: the wall-time ratio (throughput, start-up included).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRunInputs } from '../lib/cases.js';
import { cpuOf, median, paired } from '../lib/cpu.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'parity.js');
const MINIMAL = join(ROOT, 'bench', 'peers', 'minimal-undici.js');

/** `node [nodeArgs] bin/parity.js run …` as users run it, reports and tracker written. */
export function parityArgs(urls, casesDir, reports, nodeArgs = [], bin = BIN) {
  return [
    ...nodeArgs,
    bin,
    'run',
    casesDir,
    '--baseline',
    `a=${urls.a}`,
    '--candidate',
    `b=${urls.b}`,
    '--concurrency',
    '8',
    '--reports',
    reports,
    '--tracker',
    join(reports, 'tracker.md'),
    '--fail-on',
    'none',
    '-q',
  ];
}

const check = (run, what) => {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${run.stderr.slice(-2000)}`);
  return run;
};

/**
 * @returns {Promise<{ cases: number, divergentEvery: number, rounds: number,
 *   cpu: { ratio: number, low: number, high: number, ratios: number[] },
 *   wall: { ratio: number, low: number, high: number, ratios: number[] },
 *   parityCpu: number, minimalCpu: number, parityWall: number, minimalWall: number }>}
 */
export async function cpuPerCase(
  urls,
  { cases, divergentEvery = 0, rounds = 5, versus = 'minimal', nodeArgs = [], bin = BIN },
) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-cpu-'));
  try {
    const { casesDir, pathsFile } = await writeRunInputs(dir, cases, { divergentEvery });
    const parity = async (round) => {
      const reports = join(dir, `r${round}`);
      const args = parityArgs(urls, casesDir, reports, nodeArgs, bin);
      const run = check(await cpuOf(process.execPath, args), 'parity');
      await rm(reports, { recursive: true, force: true });
      return run;
    };
    // `versus`: the minimal script (the verdict), or parity itself as users run
    // it (`bin/parity.js`, no extra flags: for comparing flags or builds).
    const minimal =
      versus === 'minimal'
        ? async () =>
            check(
              await cpuOf(process.execPath, [MINIMAL, urls.a, urls.b, pathsFile]),
              'minimal script',
            )
        : async (round) => {
            const reports = join(dir, `v${round}`);
            const run = check(
              await cpuOf(process.execPath, parityArgs(urls, casesDir, reports)),
              'parity',
            );
            await rm(reports, { recursive: true, force: true });
            return run;
          };
    // One of each first, unmeasured: the servers' connections and JIT warm up.
    await parity('warm');
    await minimal('warm');
    const cpu = await paired(rounds, parity, minimal, (r) => r.cpu);
    const walls = cpu.pairs.map((p) => p.b.wall / p.a.wall);
    return {
      cases,
      divergentEvery,
      rounds,
      cpu,
      wall: {
        ratio: median(walls),
        low: Math.min(...walls),
        high: Math.max(...walls),
        ratios: walls,
      },
      parityCpu: median(cpu.pairs.map((p) => p.a.cpu)),
      minimalCpu: median(cpu.pairs.map((p) => p.b.cpu)),
      parityWall: median(cpu.pairs.map((p) => p.a.wall)),
      minimalWall: median(cpu.pairs.map((p) => p.b.wall)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
