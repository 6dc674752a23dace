// The headline CPU ratios sampled by kind of work: the same whole `parity run`
// and the same minimal undici script as cpu.js, on the same requests, each once
// under `perf record -e cpu-clock` (every thread's CPU time, sampled ~2,000
// times a second, the process at its usual speed: what V8 does by time, such
// as sizing the young generation, is as users get it, where callgrind slows a
// run ~30 times). Each process runs with `--perf-basic-prof`, so that its
// JavaScript is named (`lib/sampled-kinds.js`); the flag on Node's command line
// costs both processes Node's built-in code cache (~0.4 G instructions each),
// so read the kinds, not the total, against cpu.js. Needs Linux `perf`
// (apt install linux-perf); without it the scenario is skipped.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRunInputs } from '../lib/cases.js';
import { cpuOf, median } from '../lib/cpu.js';
import { marginalKinds, sampledKinds } from '../lib/sampled-kinds.js';
import { parityArgs } from './cpu.js';

const MINIMAL = fileURLToPath(new URL('../peers/minimal-undici.js', import.meta.url));
/** Samples a second: below perf's default ceiling, and not a multiple of the kernel's tick. */
export const HZ = 1999;

/** Why `perf` cannot sample a process here, or undefined when it can. */
export async function samplingUnavailable() {
  const found = spawnSync('perf', ['--version'], { encoding: 'utf8' });
  if (found.status !== 0) return 'perf is not installed (apt install linux-perf)';
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-perf-'));
  try {
    const trial = spawnSync(
      'perf',
      ['record', '-q', '-e', 'cpu-clock', '-o', join(dir, 'trial.data'), '--', 'true'],
      { encoding: 'utf8' },
    );
    return trial.status === 0
      ? undefined
      : `perf cannot sample here (${trial.stderr.trim().split('\n')[0]}; see /proc/sys/kernel/perf_event_paranoid)`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `node --perf-basic-prof args` sampled, run in `dir` (V8 also writes an
 * isolate log to the working folder with that flag): its samples by kind,
 * whole and at its end.
 */
async function sampledRun(args, dir, name) {
  const out = join(dir, `${name}.data`);
  const run = await cpuOf(
    'perf',
    [
      'record',
      '-q',
      '-e',
      'cpu-clock',
      '-F',
      String(HZ),
      '-o',
      out,
      '--',
      process.execPath,
      '--perf-basic-prof',
      ...args,
    ],
    { cwd: dir },
  );
  if (run.code !== 0) throw new Error(`perf record exited ${run.code}: ${run.stderr.slice(-2000)}`);
  const sampled = sampledKinds(out);
  // V8 writes its map of compiled code to /tmp whatever TMPDIR says.
  for (const pid of sampled.pids) await rm(`/tmp/perf-${pid}.map`, { force: true });
  return sampled;
}

/** Per kind, both processes' milliseconds of CPU (kinds neither sampled left out). */
function kindRows(parity, minimal) {
  const names = new Set([...parity.keys(), ...minimal.keys()]);
  return [...names].map((kind) => ({
    kind,
    parity: ((parity.get(kind) ?? 0) * 1000) / HZ,
    minimal: ((minimal.get(kind) ?? 0) * 1000) / HZ,
  }));
}

/**
 * Both processes sampled on a library of `count` cases (written in `dir`/`name`).
 * @returns {Promise<{ parity: ReturnType<typeof sampledKinds>, minimal: ReturnType<typeof sampledKinds> }>}
 */
async function samplePair(urls, dir, name, count, divergentEvery) {
  const inputs = join(dir, name);
  const { casesDir, pathsFile } = await writeRunInputs(inputs, count, { divergentEvery });
  const parity = await sampledRun(
    parityArgs(urls, casesDir, join(inputs, 'reports')),
    dir,
    `${name}-parity`,
  );
  const minimal = await sampledRun([MINIMAL, urls.a, urls.b, pathsFile], dir, `${name}-minimal`);
  return { parity, minimal };
}

/**
 * @returns {Promise<{ cases: number, divergentEvery: number, parityMs: number, minimalMs: number,
 *   ratio: number, kinds: { kind: string, parity: number, minimal: number }[],
 *   end: { parityMs: number, minimalMs: number } }>} CPU milliseconds as sampled
 */
export async function cpuByKind(urls, { cases, divergentEvery = 0 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-sampled-'));
  try {
    const { parity, minimal } = await samplePair(urls, dir, 'run', cases, divergentEvery);
    const ms = (samples) => (samples * 1000) / HZ;
    return {
      cases,
      divergentEvery,
      parityMs: ms(parity.samples),
      minimalMs: ms(minimal.samples),
      ratio: parity.samples / minimal.samples,
      kinds: kindRows(parity.kinds, minimal.kinds),
      end: { parityMs: ms(parity.end.samples), minimalMs: ms(minimal.end.samples) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The cost of one more equal case, by kind: both processes sampled on
 * `cases` and on twice as many, `rounds` times, and what the second half
 * cost, per case (`marginalKinds`), the median of the rounds for each
 * figure. The steady cost of a case, apart from what a run costs once
 * (start-up, loading the cases, warming up, the end), which the whole-run
 * kinds mix in. A difference of two runs carries the noise of both: one
 * round read 1.15× to 1.8× on this machine, hence the rounds.
 * @returns {Promise<{ cases: number, rounds: number, parityUs: number, minimalUs: number,
 *   ratios: number[], kinds: { kind: string, parity: number, minimal: number }[] }>}
 *   µs of CPU per extra case
 */
export async function marginalByKind(urls, { cases, rounds = 3 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-marginal-'));
  try {
    const read = [];
    for (let round = 0; round < rounds; round++) {
      const once = await samplePair(urls, dir, `once-${round}`, cases, 0);
      const twice = await samplePair(urls, dir, `twice-${round}`, 2 * cases, 0);
      read.push(marginalKinds(once, twice, cases, HZ));
      await rm(join(dir, `once-${round}`), { recursive: true, force: true });
      await rm(join(dir, `twice-${round}`), { recursive: true, force: true });
    }
    const names = new Set(read.flatMap((r) => r.kinds.map((k) => k.kind)));
    const of = (r, kind, side) => r.kinds.find((k) => k.kind === kind)?.[side] ?? 0;
    return {
      cases,
      rounds,
      parityUs: median(read.map((r) => r.parityUs)),
      minimalUs: median(read.map((r) => r.minimalUs)),
      ratios: read.map((r) => r.parityUs / r.minimalUs),
      kinds: [...names].map((kind) => ({
        kind,
        parity: median(read.map((r) => of(r, kind, 'parity'))),
        minimal: median(read.map((r) => of(r, kind, 'minimal'))),
      })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
