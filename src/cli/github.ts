/**
 * `--github` on `run` and `merge`: after the summary, the GitHub Actions
 * annotations for new root causes (`::error …` lines, which the runner turns
 * into annotations; printed with `--quiet` too), and, when `GITHUB_STEP_SUMMARY` names the
 * job summary file, the run's decisions appended to it.
 */
import { resolve } from 'node:path';
import type { RunReport } from '../report/contract.js';
import { renderGithubAnnotations, renderStepSummary } from '../report/github.js';
import { appendRegularFile } from '../util/fs.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/**
 * Prints the annotations (on stderr with `--json`, whose stdout stays one JSON
 * document; the runner reads workflow commands from both) and appends the job
 * summary; false when the summary could not be written.
 */
/**
 * Whether to print GitHub Actions' annotations and job summary: `--github`,
 * or a job of GitHub Actions (`GITHUB_ACTIONS=true`, which every step of a
 * workflow has) unless `--no-github`.
 */
export function githubWanted(flags: { readonly github?: boolean | undefined }, io: Io): boolean {
  return flags.github ?? io.env['GITHUB_ACTIONS'] === 'true';
}

export async function printGithub(
  report: RunReport,
  io: Io,
  flags: { readonly json?: true | undefined },
): Promise<boolean> {
  (flags.json === true ? io.stderr : io.stdout).write(renderGithubAnnotations(report));
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile === undefined || summaryFile === '') return true;
  try {
    await appendRegularFile(resolve(io.cwd, summaryFile), renderStepSummary(report));
    return true;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr.write(`parity: could not append the job summary to ${summaryFile}: ${why}\n`);
    return false;
  }
}

/**
 * The exit code once the job summary is accounted for: a summary that could not
 * be written is parity failing (exit 4) where the run itself passed or only
 * diverged; a worse code (bad input, an unreachable target, a signal) stands.
 */
export function withGithub(code: ExitCode, written: boolean): ExitCode {
  return written || (code !== EXIT.ok && code !== EXIT.divergent) ? code : EXIT.internal;
}
