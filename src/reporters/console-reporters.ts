/**
 * The console as a reporter (`reporter.ts`): the summary on stdout (console
 * table, `--json`, or nothing with `--quiet`) once the reports are written;
 * `parity run` and `parity merge` print it the same way. The progress bar on
 * stderr while the cases run is `progress.ts`.
 */

import type { RunReport } from '../contract/report.js';
import { colorsFor } from '../util/colors.js';
import { displayPath } from '../util/paths.js';
import { renderSummary } from './console-summary.js';
import type { RunReporter } from './reporter.js';

/** One stream of the console. */
export interface ConsoleStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** What a console reporter writes to (the CLI's `Io` is one). */
export interface ConsoleIo {
  readonly stdout: ConsoleStream;
  readonly stderr: ConsoleStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

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
export function printSummary(
  report: RunReport,
  dir: string,
  flags: OutputFlags,
  io: ConsoleIo,
): void {
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(machineSummary(report, dir), null, 2)}\n`);
  } else if (flags.quiet !== true) {
    io.stdout.write(renderSummary(report, colorsFor(io.stdout, io.env), dir));
  }
}

/** The summary once the run (or the merge) ended, its folder named relative to the working folder. */
export function summaryReporter(flags: OutputFlags, io: ConsoleIo): RunReporter {
  return {
    name: 'console',
    onEnd: ({ report, dir }) => printSummary(report, displayPath(io.cwd, dir), flags, io),
  };
}
