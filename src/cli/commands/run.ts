/** `parity run [CASES...]`: replays the cases with progress on stderr, prints the outcome. */
import { prepareRun } from '../../app/prepare-run.js';
import { runParity } from '../../app/run.js';
import { verdictOf } from '../../app/verdict.js';
import { colorsFor } from '../colors.js';
import { progressReporter, summaryReporter } from '../console-reporter.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printGithub, withGithub } from '../github.js';
import { listenForSignals } from '../interrupt.js';
import { contextOf, type Io } from '../io.js';
import type { RunFlags } from '../options.js';
import { finish, printNotes } from '../outcome.js';
import { createProgress } from '../progress.js';

/** Prepares the run, replays it (progress on stderr) and prints it; returns the exit code. */
export async function runCommand(
  cases: readonly string[],
  flags: RunFlags,
  io: Io,
): Promise<ExitCode> {
  const prepared = await prepareRun({ ...flags, cases }, contextOf(io));
  if (prepared.kind === 'no-cases') {
    const err = colorsFor(io.stderr, io.env);
    io.stderr.write(
      `${err.yellow('parity: no cases selected')} (check the paths, --filter and --tag)\n`,
    );
    return EXIT.badInput;
  }
  const { input } = prepared;
  printNotes(prepared.notes, io);
  const progress = await createProgress(io, flags.json !== true && flags.quiet !== true);
  const signals = listenForSignals(io, input.cases.count, input.config.timeoutMs);
  const outcome = await runParity({
    ...input,
    interrupt: signals.interrupt,
    reporters: [
      { name: 'signals', onResult: () => signals.completed() },
      progressReporter(progress),
      summaryReporter(flags, io),
    ],
  }).finally(() => {
    signals.close();
    progress.stop();
  });
  const { report, written, unreachable } = outcome;
  const verdict = verdictOf({ report, written, unreachable, policy: input.config });
  const github = flags.github === true ? await printGithub(report, io, flags) : true;
  return withGithub(finish({ ...outcome, verdict }, io), github);
}
