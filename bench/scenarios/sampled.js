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
import { cpuOf } from '../lib/cpu.js';
import { sampledKinds } from '../lib/sampled-kinds.js';
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
 * @returns {Promise<{ cases: number, divergentEvery: number, parityMs: number, minimalMs: number,
 *   ratio: number, kinds: { kind: string, parity: number, minimal: number }[],
 *   end: { parityMs: number, minimalMs: number } }>} CPU milliseconds as sampled
 */
export async function cpuByKind(urls, { cases, divergentEvery = 0 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-sampled-'));
  try {
    const { casesDir, pathsFile } = await writeRunInputs(dir, cases, { divergentEvery });
    const parity = await sampledRun(
      parityArgs(urls, casesDir, join(dir, 'reports')),
      dir,
      'parity',
    );
    const minimal = await sampledRun([MINIMAL, urls.a, urls.b, pathsFile], dir, 'minimal');
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
