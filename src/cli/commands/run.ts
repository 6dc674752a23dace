/** `parity run [CASES...]`: replays the cases with progress on stderr, prints the outcome. */
import { prepareRun } from '../../app/prepare-run.js';
import { runParity } from '../../app/run.js';
import { verdictOf } from '../../app/verdict.js';
import { displayPath } from '../../util/paths.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { RunFlags } from '../options.js';
import { finish, printSummary } from '../outcome.js';
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
  const progress = await createProgress(io, flags.json !== true && flags.quiet !== true);
  progress.start(input.cases.count);
  const outcome = await runParity({
    ...input,
    onResult: (result) => progress.tick(result),
  }).finally(() => progress.stop());
  const { report, written, unreachable } = outcome;
  printSummary(report, displayPath(io.cwd, written.dir), flags, io);
  const verdict = verdictOf({ report, written, unreachable, policy: input.config });
  return finish({ written, verdict }, io);
}
