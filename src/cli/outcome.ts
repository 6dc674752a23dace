/**
 * The end of `parity run` and `parity merge`, printed the same way once
 * their reporters ended (the summary is the console reporter's,
 * `reporters/console.ts`): the reports that could not be written, the
 * reporters that failed, the unreachable targets, and the exit code of the
 * verdict.
 */

import type { RunReport } from '../contract/report.js';
import type { StoppedAnswering } from '../engine/run/side-watch.js';
import type { RunVerdict } from '../engine/run/verdict.js';
import type { WrittenReports } from '../reporters/files.js';
import { GITHUB_REPORTER } from '../reporters/github.js';
import type { ReporterFailure } from '../reporters/reporter.js';
import { printable } from '../util/code-span.js';
import { colorsFor } from '../util/colors.js';
import type { ParityError } from '../util/errors.js';
import {
  EXIT,
  EXIT_FOR_ERROR,
  EXIT_FOR_SIGNAL,
  EXIT_FOR_VERDICT,
  type ExitCode,
} from './exit-codes.js';
import type { Io } from './io.js';
import { unreachableLines } from './unreachable.js';

/** One line on stderr per report format that could not be written. */
export function printWriteFailures(written: WrittenReports, io: Io): void {
  for (const failure of written.failures) {
    io.stderr.write(
      `parity: could not write the ${failure.format} report: ${failure.error.message}\n`,
    );
  }
  if (written.partial === true) {
    const missing = written.failures.map((failure) => failure.format).join(', ');
    io.stderr.write(
      `parity: the run's folder stays ${written.dir} (without ${missing}); the tracker and latest were left as they were\n`,
    );
  }
}

/** What the checks before the first request did (an abandoned lock removed, …). */
export function printNotes(notes: readonly string[], io: Io): void {
  for (const note of notes) io.stderr.write(`parity: ${note}\n`);
}

/** How a run or a merge ended, as `finish` prints it. */
export interface Ending {
  readonly written: WrittenReports;
  readonly verdict: RunVerdict;
  readonly report?: RunReport;
  readonly trackerError?: ParityError | undefined;
  readonly stoppedAnswering?: readonly StoppedAnswering[];
  readonly reporterFailures?: readonly ReporterFailure[];
}

function stoppedLine(target: StoppedAnswering): string {
  return (
    printable(
      `parity: ${target.side} ${target.target} stopped answering: it answered ${target.answered} case(s), then every one of the last ${target.failed} failed (${target.code} from ${target.firstCaseId} on); is it still running?`,
    ) + '\n'
  );
}

/** Prints the failures the verdict is about and returns its exit code. */
export function finish(outcome: Ending, io: Io): ExitCode {
  printWriteFailures(outcome.written, io);
  for (const failure of outcome.reporterFailures ?? []) {
    io.stderr.write(
      `parity: the ${failure.name} reporter failed in ${failure.hook} and was left out (the run went on): ${printable(failure.error.message)}
`,
    );
  }
  const red = colorsFor(io.stderr, io.env).red;
  for (const target of outcome.stoppedAnswering ?? []) io.stderr.write(red(stoppedLine(target)));
  const { verdict, trackerError } = outcome;
  if (trackerError !== undefined) {
    io.stderr.write(
      `parity: the tracker was not updated (the reports were written): ${trackerError.message}\n`,
    );
  }
  if (verdict.kind === 'unreachable') {
    for (const line of unreachableLines(verdict.targets, outcome.report)) {
      io.stderr.write(`${red(`parity: ${line.head}`)} ${printable(line.text)}\n`);
    }
  }
  const interrupted = outcome.report?.interrupted;
  if (interrupted !== undefined) {
    io.stderr.write(
      `parity: interrupted by ${interrupted.signal}: ${interrupted.ran} case(s) ran, ${interrupted.notRun.length} not run (listed in report.json); the tracker and reports/latest were left as they were\n`,
    );
    return EXIT_FOR_SIGNAL[interrupted.signal];
  }
  const bailed = outcome.report?.bailed;
  if (bailed !== undefined) {
    io.stderr.write(
      `parity: --bail: ${bailed.after} case(s) diverged, so no further case was sent: ${bailed.ran} case(s) ran, ${bailed.notRun.length} not run (listed in report.json)\n`,
    );
  }
  if (trackerError !== undefined && verdict.kind !== 'unreachable') {
    return EXIT_FOR_ERROR[trackerError.code];
  }
  return EXIT_FOR_VERDICT[verdict.kind];
}

/**
 * The exit code once the reporters are accounted for: GitHub Actions' job
 * summary that could not be written is parity failing (exit 4) where the run
 * itself passed or only diverged; a worse code (bad input, an unreachable
 * target, a signal) stands. Other reporters' failures are listed, not fatal.
 */
export function withReporters(
  code: ExitCode,
  failures: readonly ReporterFailure[] | undefined,
): ExitCode {
  const github = (failures ?? []).some((failure) => failure.name === GITHUB_REPORTER);
  return !github || (code !== EXIT.ok && code !== EXIT.divergent) ? code : EXIT.internal;
}
