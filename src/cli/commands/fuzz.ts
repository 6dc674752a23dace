/**
 * `parity fuzz [CASES...]`: fuzzes with a progress line on stderr (on a
 * terminal), prints what it found (grouped by kind) and the replay of the
 * written cases as `parity run` prints a run; exits as `run` does.
 */
import { type FuzzHooks, type FuzzOutcome, fuzzParity } from '../../engine/fuzz.js';
import { parseReporters } from '../../io/config/reporters.js';
import { consoleChosen, githubChoice } from '../../reporters/choose.js';
import { type FuzzEnd, fuzzConsoleReporter, progressText } from '../../reporters/fuzz-summary.js';
import { githubReporter } from '../../reporters/github.js';
import { createReporters } from '../../reporters/reporter.js';
import { colorsFor } from '../../util/colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { FuzzFlags } from '../options.js';
import { finish } from '../outcome.js';

/** What the fuzz run reports as it goes, and what it found. */
type FuzzProgress = Parameters<NonNullable<FuzzHooks['onProgress']>>[0];
type FuzzSummary = FuzzOutcome['summary'];

/** Redraws the progress line at most this often. */
const PROGRESS_MS = 200;

/** A progress line on stderr when it is a terminal (nothing otherwise, as for `run`). */
function progressLine(io: Io, enabled: boolean) {
  if (!enabled || io.stderr.isTTY !== true) return { update: undefined, stop: () => undefined };
  let last = 0;
  return {
    update: (p: FuzzProgress) => {
      if (p.elapsedMs - last < PROGRESS_MS) return;
      last = p.elapsedMs;
      io.stderr.write(`\r\x1b[Kparity fuzz: ${progressText(p)}`);
    },
    stop: () => io.stderr.write('\r\x1b[K'),
  };
}

/**
 * The fuzz run's reporters told it ended: its console summary and the
 * replay's, when `--reporter` (or the config's `reporters`) chose the console.
 */
async function reportEnd(outcome: FuzzOutcome, flags: FuzzFlags, io: Io): Promise<void> {
  const { baseline, candidate } = outcome.config;
  const replay = outcome.kind === 'done' ? outcome.replay : undefined;
  const end: FuzzEnd = {
    summary: outcome.summary,
    names: { baseline: baseline.name, candidate: candidate.name },
    replay: replay === undefined ? undefined : { report: replay.report, dir: replay.written.dir },
  };
  const chosen = consoleChosen(outcome.config.reporters);
  const reporters = createReporters<FuzzEnd>(chosen ? [fuzzConsoleReporter(flags, io)] : []);
  await reporters.onEnd(end);
  for (const failure of reporters.failures()) {
    io.stderr.write(`parity: the ${failure.name} reporter failed: ${failure.error.message}\n`);
  }
}

/** Fuzzes, prints, and returns the exit code (as for `run`; 3 when a target answered no seed). */
export async function fuzzCommand(
  cases: readonly string[],
  flags: FuzzFlags,
  io: Io,
): Promise<ExitCode> {
  // No progress line when --reporter leaves the console out (a list parity
  // refuses is refused with the config, before anything is sent).
  const listed =
    flags.reporter === undefined || flags.reporter.length === 0
      ? undefined
      : parseReporters(flags.reporter);
  const consoleOn = typeof listed === 'string' || consoleChosen(listed);
  const progress = progressLine(io, consoleOn && flags.json !== true && flags.quiet !== true);
  const outcome = await fuzzParity({ ...flags, cases }, contextOf(io), {
    ...(progress.update === undefined ? {} : { onProgress: progress.update }),
    // GitHub Actions' output of the replay, as for `run` (its summary is the fuzz summary's).
    replayReporters: (choices) => {
      const github = githubChoice(choices, undefined, io.env, io.cwd);
      return github === undefined ? [] : [githubReporter(io, flags, github)];
    },
  }).finally(progress.stop);
  await reportEnd(outcome, flags, io);
  if (outcome.kind === 'unreachable') {
    const err = colorsFor(io.stderr, io.env);
    const names = outcome.targets.join(', ');
    io.stderr.write(
      outcome.stopped
        ? `${err.red('parity: unreachable:')} ${stoppedWords(names, outcome.summary)}\n`
        : `${err.red('parity: unreachable:')} ${names} answered no seed case\n`,
    );
    return EXIT.unreachable;
  }
  // A crash (a side that stops answering after an input) is a finding, never replayed.
  const { replay, verdict, crashed } = outcome;
  const notWritten = outcome.summary.cases.notWritten.length;
  if (replay === undefined || verdict === undefined) {
    return notWritten > 0 || crashed ? EXIT.divergent : EXIT.ok;
  }
  const code = finish({ written: replay.written, verdict }, io);
  return code === EXIT.ok && crashed ? EXIT.divergent : code;
}

/** What was kept and not sent when a target stopped answering during the exploration. */
function stoppedWords(names: string, summary: FuzzSummary): string {
  const { suspects } = summary;
  const head = `${names} stopped answering during the fuzz run (it answered the seed cases, then none of them again)`;
  if (suspects === undefined) return `${head}: no finding is kept; restart it and fuzz again`;
  const left =
    'inputs' in suspects.notSent
      ? `${suspects.notSent.inputs} input(s) of the budget`
      : `${(suspects.notSent.ms / 1000).toFixed(1)} s of the budget`;
  const kept =
    suspects.file === undefined
      ? `the ${suspects.count} input(s) in flight could not be written exactly`
      : `the ${suspects.count} input(s) in flight then, one of which may be what stopped it, are in ${suspects.file}`;
  return `${head} after input ${suspects.firstFailure + 1}: sending stopped there (${left} not sent); ${kept}. Restart it and run that file (one input at a time, in order), or fuzz again with --reset-command that restarts it to find, shrink and keep the input`;
}
