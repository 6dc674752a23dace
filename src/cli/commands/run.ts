/** `parity run [CASES...]`: replays the cases with progress on stderr, prints the outcome. */
import { prepareRun } from '../../app/prepare-run.js';
import { runParity } from '../../app/run.js';
import { verdictOf } from '../../app/verdict.js';
import { displayPath } from '../../util/paths.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { printGithub, withGithub } from '../github.js';
import { listenForSignals } from '../interrupt.js';
import { contextOf, type Io } from '../io.js';
import type { RunFlags } from '../options.js';
import { finish, printNotes, printSummary } from '../outcome.js';
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
  progress.start(input.cases.count);
  const outcome = await runParity({
    ...input,
    interrupt: signals.interrupt,
    onResult: (result) => {
      signals.completed();
      progress.tick(result);
    },
  }).finally(() => {
    signals.close();
    progress.stop();
  });
  const { report, written, unreachable } = outcome;
  printSummary(report, displayPath(io.cwd, written.dir), flags, io);
  const verdict = verdictOf({ report, written, unreachable, policy: input.config });
  const github = flags.github === true ? await printGithub(report, io, flags) : true;
  return withGithub(finish({ ...outcome, verdict }, io), github);
}
