// The headline CPU ratios counted in instructions: the same whole `parity run`
// and the same minimal undici script as cpu.js, on the same requests, each
// once under valgrind's callgrind, which counts every instruction the process
// executes (all threads; the servers run outside it). On a shared VM the CPU
// seconds of one process doing the same work swing by ±25% from run to run
// (the minimal script alone: 2.8–4.6 s in consecutive runs), while its
// instruction count moves by ±1–2%: this is the reading that repeats, and
// the one the goals are stated in. Slow (each run ~30× its usual time: ~10
// minutes for the four on an idle machine); without valgrind it is skipped.
// Each count is also split by kind of work (`lib/instruction-kinds.js`):
// what parity spends above the script, kind by kind. `startupInstructions`
// counts the start-up ratios the same way (one-case `validate` ÷ `node -e 0`,
// one-case `run` ÷ `node -e "await import('undici')"`).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRunInputs } from '../lib/cases.js';
import { cpuOf } from '../lib/cpu.js';
import { instructionKinds } from '../lib/instruction-kinds.js';
import { parityArgs } from './cpu.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A request's timeout under callgrind, which slows a run ~30 times. */
const SLOW_TIMEOUT_MS = 300_000;

const MINIMAL = fileURLToPath(new URL('../peers/minimal-undici.js', import.meta.url));

/** Why callgrind cannot run here, or undefined when it can. */
export function instructionsUnavailable() {
  const found = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (found.status !== 0) return 'valgrind is not installed (apt install valgrind)';
  // It prints its version and exits 255.
  const reader = spawnSync('callgrind_annotate', ['--version'], { encoding: 'utf8' });
  return `${reader.stdout}${reader.stderr}`.includes('callgrind_annotate')
    ? undefined
    : "valgrind's callgrind_annotate (Perl) does not run";
}

/**
 * The instructions `node args` executes, as callgrind counts them, and by kind
 * of work (callgrind's profile is written to `out`).
 */
async function instructionsOf(args, out, options = {}) {
  const total = await countOf(args, out, options);
  return { total, kinds: instructionKinds(out) };
}

/** The instructions `node args` executes, as callgrind counts them (its profile written to `out`). */
async function countOf(args, out, options = {}) {
  const run = await cpuOf(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, ...args],
    options,
  );
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.code !== 0 || collected === null) {
    throw new Error(`callgrind run exited ${run.code}: ${run.stderr.slice(-2000)}`);
  }
  return Number(collected[1]);
}

/**
 * The start-up ratios in instructions: `parity validate` of a one-case
 * library ÷ `node -e 0`, a one-case `parity run` ÷ `node -e "await
 * import('undici')"` (from the project root, where undici resolves).
 * @returns {Promise<{ validate: { parity: number, floor: number, ratio: number },
 *   run: { parity: number, floor: number, ratio: number } }>}
 */
export async function startupInstructions(urls) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-startup-instructions-'));
  try {
    const one = join(dir, 'one.json');
    const cases = [{ id: 'one', request: { method: 'GET', path: '/items/1' } }];
    await writeFile(one, JSON.stringify({ suite: 'one', cases }));
    const out = join(dir, 'callgrind.out');
    const bin = join(ROOT, 'bin', 'parity.js');
    const inDir = { cwd: dir };
    const validate = await countOf([bin, 'validate', one], out, inDir);
    const nodeFloor = await countOf(['-e', '0'], out, inDir);
    const runArgs = [bin, 'run', one, '--baseline', `a=${urls.a}`, '--candidate', `b=${urls.b}`];
    runArgs.push('--no-tracker', '--reports', join(dir, 'reports'), '--fail-on', 'none', '-q');
    // Under callgrind on a busy machine the first answer can take longer than the default 10 s.
    runArgs.push('--timeout', String(SLOW_TIMEOUT_MS));
    const run = await countOf(runArgs, out, inDir);
    const undici = await countOf(['--input-type=module', '-e', "await import('undici')"], out, {
      cwd: ROOT,
    });
    return {
      validate: { parity: validate, floor: nodeFloor, ratio: validate / nodeFloor },
      run: { parity: run, floor: undici, ratio: run / undici },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * @returns {Promise<{ cases: number, divergentEvery: number, parity: number, minimal: number,
 *   ratio: number, kinds: { kind: string, parity: number, minimal: number }[] }>}
 */
export async function instructionsPerCase(urls, { cases, divergentEvery = 0 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-instructions-'));
  try {
    const { casesDir, pathsFile } = await writeRunInputs(dir, cases, { divergentEvery });
    const parity = await instructionsOf(
      [...parityArgs(urls, casesDir, join(dir, 'reports')), '--timeout', String(SLOW_TIMEOUT_MS)],
      join(dir, 'parity.callgrind'),
    );
    const minimal = await instructionsOf(
      [MINIMAL, urls.a, urls.b, pathsFile],
      join(dir, 'minimal.callgrind'),
    );
    const kinds = [...parity.kinds].map(([kind, count]) => ({
      kind,
      parity: count,
      minimal: minimal.kinds.get(kind) ?? 0,
    }));
    return {
      cases,
      divergentEvery,
      parity: parity.total,
      minimal: minimal.total,
      ratio: parity.total / minimal.total,
      kinds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
