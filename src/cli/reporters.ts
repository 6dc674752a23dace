/**
 * The console's reporters of `run` and `merge`, as `--reporter` (or the
 * config's `reporters`) and `--github` chose them (`reporters/choose.ts`):
 * the progress bar and the summary when the console is chosen, GitHub
 * Actions' annotations and job summary when wanted; and the GitHub output of
 * `fuzz`'s replay (its own console reporters are `commands/fuzz.ts`'s).
 */
import type { ReporterChoice } from '../io/config/reporters.js';
import { consoleChosen, githubChoice } from '../reporters/choose.js';
import { type OutputFlags, summaryReporter } from '../reporters/console-reporters.js';
import { githubReporter } from '../reporters/github.js';
import { type Progress, progressReporter } from '../reporters/progress.js';
import type { RunReporter } from '../reporters/reporter.js';
import type { Io } from './io.js';

type Flags = OutputFlags & { readonly github?: boolean | undefined };

/** Whether a progress bar is drawn (on a terminal): the console chosen, and neither `--json` nor `--quiet`. */
export function progressWanted(
  choices: readonly ReporterChoice[] | undefined,
  flags: OutputFlags,
): boolean {
  return consoleChosen(choices) && flags.json !== true && flags.quiet !== true;
}

/** The console's reporters: the progress bar (when given), the summary, GitHub Actions' output. */
export function consoleReporters(
  choices: readonly ReporterChoice[] | undefined,
  flags: Flags,
  io: Io,
  progress?: Progress,
): RunReporter[] {
  const github = githubChoice(choices, flags.github, io.env, io.cwd);
  return [
    ...(progress === undefined ? [] : [progressReporter(progress)]),
    ...(consoleChosen(choices) ? [summaryReporter(flags, io)] : []),
    ...(github === undefined ? [] : [githubReporter(io, flags, github)]),
  ];
}

/** GitHub Actions' output of the fuzz run's replay, as for `run` (its console summary is the fuzz summary's). */
export function fuzzReplayReporters(
  choices: readonly ReporterChoice[] | undefined,
  flags: OutputFlags,
  io: Io,
): RunReporter[] {
  const github = githubChoice(choices, undefined, io.env, io.cwd);
  return github === undefined ? [] : [githubReporter(io, flags, github)];
}
