/**
 * `parity fuzz [CASES...]`: fuzzes with a progress line on stderr (on a
 * terminal), prints what it found (grouped by kind) and the replay of the
 * written cases as `parity run` prints a run; exits as `run` does.
 */
import { type FuzzOutcome, fuzzParity } from '../../engine/fuzz.js';
import { parseReporters } from '../../io/config/reporters.js';
import { consoleChosen } from '../../reporters/choose.js';
import { fuzzConsoleReporter, fuzzProgressReporter } from '../../reporters/fuzz-summary.js';
import { colorsFor } from '../../util/colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { FuzzFlags } from '../options.js';
import { finish } from '../outcome.js';
import { fuzzReplayReporters } from '../reporters.js';

type FuzzSummary = FuzzOutcome['summary'];

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
  const line =
    consoleOn && flags.json !== true && flags.quiet !== true && io.stderr.isTTY === true
      ? fuzzProgressReporter(io.stderr)
      : undefined;
  const outcome = await fuzzParity({ ...flags, cases }, contextOf(io), {
    ...(line === undefined ? {} : { onProgress: line.update }),
    // The fuzz run's own reporters, told when it ends: the progress line (when
    // shown), then the summary when the console is chosen. Here, not in
    // ../reporters.ts: `run` and `merge` never load the fuzz summary.
    reporters: (choices) => [
      ...(line === undefined ? [] : [line]),
      ...(consoleChosen(choices) ? [fuzzConsoleReporter(flags, io)] : []),
    ],
    replayReporters: (choices) => fuzzReplayReporters(choices, flags, io),
  }).finally(() => line?.stop());
  for (const failure of outcome.reporterFailures) {
    io.stderr.write(`parity: the ${failure.name} reporter failed: ${failure.error.message}\n`);
  }
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
