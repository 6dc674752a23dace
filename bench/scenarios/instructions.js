// The headline CPU ratios counted in instructions: the same whole `parity run`
// and the same minimal undici script as cpu.js, on the same requests, each
// once under valgrind's callgrind, which counts every instruction the process
// executes (all threads; the servers run outside it). On a shared VM the CPU
// seconds of one process doing the same work swing by ±25% from run to run
// (the minimal script alone: 2.8–4.6 s in consecutive runs), while its
// instruction count moves by ±1–2%: this is the reading that repeats. Slow
// (each run ~30× its usual time: ~10 minutes for the four), so it runs only
// when asked (`--only=instructions`); without valgrind it is skipped. Each
// count is also split by kind of work (`lib/instruction-kinds.js`): what
// parity spends above the script, kind by kind.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRunInputs } from '../lib/cases.js';
import { cpuOf } from '../lib/cpu.js';
import { instructionKinds } from '../lib/instruction-kinds.js';
import { parityArgs } from './cpu.js';

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
async function instructionsOf(args, out) {
  const run = await cpuOf('valgrind', [
    '--tool=callgrind',
    `--callgrind-out-file=${out}`,
    process.execPath,
    ...args,
  ]);
  const collected = /Collected : (\d+)/.exec(run.stderr);
  if (run.code !== 0 || collected === null) {
    throw new Error(`callgrind run exited ${run.code}: ${run.stderr.slice(-2000)}`);
  }
  return { total: Number(collected[1]), kinds: instructionKinds(out) };
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
      parityArgs(urls, casesDir, join(dir, 'reports')),
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
