/** `parity run [CASES...]`: replays the cases with progress on stderr, prints the outcome. */
import { listCases } from '../../app/list-cases.js';
import { prepareRun } from '../../app/prepare-run.js';
import { runParity } from '../../app/run.js';
import { verdictOf } from '../../app/verdict.js';
import { printable } from '../../util/code-span.js';
import { colorsFor } from '../colors.js';
import { progressReporter, summaryReporter } from '../console-reporter.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { githubWanted, printGithub, withGithub } from '../github.js';
import { listenForSignals } from '../interrupt.js';
import { contextOf, type Io } from '../io.js';
import type { RunFlags } from '../options.js';
import { finish, printNotes } from '../outcome.js';
import { createProgress } from '../progress.js';

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
  const github = githubWanted(flags, io) ? await printGithub(report, io, flags) : true;
  return withGithub(finish({ ...outcome, verdict }, io), github);
}
