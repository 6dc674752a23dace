/** `parity run [CASES...]`: replays the cases with progress on stderr, prints the outcome. */
import { listCases } from '../../engine/list-cases.js';
import { prepareRun } from '../../engine/prepare-run.js';
import { verdictOf } from '../../engine/run/verdict.js';
import { runParity } from '../../engine/run.js';
import { createProgress } from '../../reporters/progress.js';
import { printable } from '../../util/code-span.js';
import { colorsFor } from '../../util/colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { listenForSignals } from '../interrupt.js';
import { contextOf, type Io } from '../io.js';
import type { RunFlags } from '../options.js';
import { finish, printNotes, withReporters } from '../outcome.js';
import { consoleReporters, progressWanted } from '../reporters.js';

/** `run --list`: one line per case the run would send (id, method, path), then the count; sends nothing. */
async function listCommand(cases: readonly string[], flags: RunFlags, io: Io): Promise<ExitCode> {
  const count = await listCases({ ...flags, cases }, contextOf(io), (item) => {
    io.stdout.write(
      `${printable(item.id)}  ${item.request.method} ${printable(item.request.path)}\n`,
    );
  });
  if (count === 0) {
    io.stderr.write('parity: no cases selected (check the paths, --filter and --tag)\n');
    return EXIT.badInput;
  }
  io.stderr.write(`${count} case(s); nothing was sent\n`);
  return EXIT.ok;
}

/** Prepares the run, replays it (progress on stderr) and prints it; returns the exit code. */
export async function runCommand(
  cases: readonly string[],
  flags: RunFlags,
  io: Io,
): Promise<ExitCode> {
  if (flags.list === true) return listCommand(cases, flags, io);
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
  const choices = input.config.reporters;
  const progress = await createProgress(io, progressWanted(choices, flags));
  const signals = listenForSignals(io, input.cases.count, input.config.timeoutMs);
  const outcome = await runParity({
    ...input,
    interrupt: signals.interrupt,
    reporters: [
      { name: 'signals', onObservation: () => signals.completed() },
      ...consoleReporters(choices, flags, io, progress),
    ],
  }).finally(() => {
    signals.close();
    progress.stop();
  });
  const { report, written, unreachable } = outcome;
  const verdict = verdictOf({ report, written, unreachable, policy: input.config });
  return withReporters(finish({ ...outcome, verdict }, io), outcome.reporterFailures);
}
