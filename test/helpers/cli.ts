/** Runs the CLI in-process with captured output, in a temp project folder. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RunReport } from '../../src/contract/report.js';
import type { TestServer } from './http.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function tempProject(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-e2e-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** This test process, as the bin describes its own. */
export function thisHost() {
  const isAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as { code?: string }).code === 'EPERM';
    }
  };
  return { pid: process.pid, hostname: hostname(), isAlive };
}

export async function runCli(
  cwd: string,
  argv: readonly string[],
  options: { env?: Record<string, string>; now?: Date } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...options.env },
    cwd,
    host: thisHost(),
    ...(options.now === undefined ? {} : { now: () => options.now as Date }),
  });
  return { code, stdout, stderr };
}

export async function latestReport(cwd: string, reports = 'reports'): Promise<RunReport> {
  return JSON.parse(
    await readFile(join(cwd, reports, 'latest', 'report.json'), 'utf8'),
  ) as RunReport;
}

/** `--baseline a=URL --candidate b=URL`: the arguments that name two servers as a run's sides. */
export function sidesOf(baseline: { readonly url: string }, candidate: { readonly url: string }) {
  return ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
}

/** `parity run --baseline BASELINE --candidate CANDIDATE --no-tracker …more` in `cwd` (`NAME=URL` each). */
export function runPair(
  cwd: string,
  baseline: string,
  candidate: string,
  more: readonly string[] = [],
  options: { env?: Record<string, string> } = {},
): Promise<CliResult> {
  return runCli(
    cwd,
    ['run', '--baseline', baseline, '--candidate', candidate, '--no-tracker', ...more],
    options,
  );
}

/**
 * Runs the case file `cases` (a fresh project's `cases/s.yaml`) against two
 * servers with no tracker, expects divergences (exit 1), and returns the
 * run's report.
 */
export async function reportOfPair(
  cases: string,
  baseline: { readonly url: string },
  candidate: { readonly url: string },
): Promise<RunReport> {
  const cwd = await tempProject({ 'cases/s.yaml': cases });
  const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  return latestReport(cwd);
}

/** `reportOfPair`'s root causes. */
export async function rootCausesOfPair(
  cases: string,
  baseline: { readonly url: string },
  candidate: { readonly url: string },
): Promise<NonNullable<RunReport['rootCauses']>> {
  return (await reportOfPair(cases, baseline, candidate)).rootCauses ?? [];
}

/**
 * `reportOfPair` on two servers `start` makes (`start(false)` the baseline,
 * `start(true)` the candidate), closed once the run is read.
 */
export async function reportOfServers(
  cases: string,
  start: (candidate: boolean) => Promise<TestServer>,
): Promise<RunReport> {
  const baseline = await start(false);
  const candidate = await start(true);
  try {
    return await reportOfPair(cases, baseline, candidate);
  } finally {
    await Promise.all([baseline.close(), candidate.close()]);
  }
}

/** `reportOfServers`'s root causes. */
export async function rootCausesOfServers(
  cases: string,
  start: (candidate: boolean) => Promise<TestServer>,
): Promise<NonNullable<RunReport['rootCauses']>> {
  return (await reportOfServers(cases, start)).rootCauses ?? [];
}

/** `parity run --baseline-recording RECORDING --candidate CANDIDATE --no-tracker …more` in `cwd`. */
export function runAgainstRecording(
  cwd: string,
  recording: string,
  candidate: string,
  more: readonly string[] = [],
): Promise<CliResult> {
  return runCli(cwd, [
    'run',
    '--baseline-recording',
    recording,
    '--candidate',
    candidate,
    '--no-tracker',
    ...more,
  ]);
}
