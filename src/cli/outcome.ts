/**
 * The end of `parity run` and `parity merge`, printed the same way: the
 * summary (console table, `--json`, or nothing with `--quiet`), the reports
 * that could not be written, the unreachable targets, and the exit code of
 * the verdict.
 */
import type { StoppedAnswering } from '../app/side-watch.js';
import type { RunVerdict } from '../app/verdict.js';
import type { RunReport } from '../report/contract.js';
import type { WrittenReports } from '../report/write.js';
import type { ReporterFailure } from '../results/reporter.js';
import { printable } from '../util/code-span.js';
import type { ParityError } from '../util/errors.js';
import { colorsFor } from './colors.js';
import { EXIT_FOR_ERROR, EXIT_FOR_SIGNAL, EXIT_FOR_VERDICT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { renderSummary } from './summary.js';
import { unreachableLines } from './unreachable.js';

/** The switches that choose what the summary looks like. */
export interface OutputFlags {
  readonly json?: true | undefined;
  readonly quiet?: true | undefined;
}

/**
 * `--json`: the report without per-case detail (its `rootCauses` are the
 * decisions), plus where the reports are and what diverged, with each
 * divergence's findings (fingerprint, kind, summary, tracker row).
 */
export function machineSummary(report: RunReport, reportDir: string) {
  const { results, ...head } = report;
  const skipped = results
    .filter((r) => r.verdict === 'skipped')
    .map((r) => ({ caseId: r.caseId, reason: r.reason }));
  const divergences = results
    .filter((r) => r.verdict === 'divergent' || r.verdict === 'error')
    .map((r) => ({
      caseId: r.caseId,
      verdict: r.verdict,
      kinds: r.kinds,
      fingerprint: r.fingerprint,
      summary: r.summary,
      ...(r.findings === undefined
        ? {}
        : { findings: r.findings.map(({ paths: _paths, cause: _cause, ...finding }) => finding) }),
      ...(r.regression === undefined ? {} : { regression: r.regression }),
    }));
  return { ...head, reportDir, divergences, ...(skipped.length === 0 ? {} : { skipped }) };
}

/** The summary on stdout: the console table, or `--json` for machines, or nothing. */
export function printSummary(report: RunReport, dir: string, flags: OutputFlags, io: Io): void {
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(machineSummary(report, dir), null, 2)}\n`);
  } else if (flags.quiet !== true) {
    io.stdout.write(renderSummary(report, colorsFor(io.stdout, io.env), dir));
  }
}

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
  if (trackerError !== undefined && verdict.kind !== 'unreachable') {
    return EXIT_FOR_ERROR[trackerError.code];
  }
  return EXIT_FOR_VERDICT[verdict.kind];
}
