/** The console summary printed after a run. Pure: returns the text. */

import { KIND_REPORT_ORDER, primaryKind } from '../model/comparison.js';
import type { RunReport } from '../report/contract.js';
import { coverageGaps, coverageLine } from '../report/coverage-text.js';
import { latencyLine } from '../report/latency-table.js';
import { noiseSummaryLine } from '../report/noise-text.js';
import { count, countsLine, kindsLine, reportNumbers } from '../report/numbers.js';
import { latencyOf } from '../results/latency.js';
import type { CaseResult } from '../results/types.js';
import type { Colors } from './colors.js';

/** Divergences listed one per line before "… and N more". */
const LISTED = 25;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function line(result: CaseResult, c: Colors, idWidth: number): string {
  const kind = primaryKind(result.kinds) ?? 'error';
  const paint = kind === 'shape' || kind === 'status' || kind === 'transport' ? c.red : c.yellow;
  const row =
    result.tracker === undefined ? '' : c.dim(` [${result.tracker.id} ${result.tracker.status}]`);
  const regression =
    result.regression === undefined
      ? ''
      : ` ${result.regression === 'new' ? c.red('(new)') : c.dim(`(${result.regression})`)}`;
  return `  ${paint(pad(kind, 9))} ${pad(result.caseId, idWidth)}  ${result.summary ?? result.explanation ?? ''}${regression}${row}`;
}

/** `--compare-to`: the counts, then each fixed divergence (they have no result line). */
function regressionLines(report: RunReport, c: Colors): string[] {
  const r = report.regression;
  if (r === undefined) return [];
  const out = [
    '',
    `  compared to ${r.comparedTo.runId}: ${r.new.length > 0 ? c.red(`${r.new.length} new`) : '0 new'} · ${r.persisting.length} persisting · ${c.green(`${r.fixed.length} fixed`)}`,
  ];
  for (const fixed of r.fixed.slice(0, LISTED)) {
    out.push(`  ${c.green(pad('fixed', 9))} ${fixed.caseIds.join(', ')}  ${fixed.summary}`);
  }
  if (r.fixed.length > LISTED) out.push(c.dim(`  … and ${r.fixed.length - LISTED} more fixed`));
  return out;
}

/** Which part of the library this report covers, when not all of it in one run. */
function scopeLine(report: RunReport): string[] {
  if (report.shard !== undefined) return [`  shard ${report.shard.index}/${report.shard.total}`];
  if (report.mergedFrom !== undefined)
    return [`  merged from ${report.mergedFrom.length} report(s)`];
  return [];
}

/** One line per case whose `expect` was not met, naming what each side answered. */
function expectationLines(report: RunReport, c: Colors, idWidth: number): string[] {
  const out: string[] = [];
  for (const result of report.results) {
    if (result.expectations === undefined) continue;
    const line = `  ${c.yellow(pad('expect', 9))} ${pad(result.caseId, idWidth)}  ${result.expectations.join('; ')}`;
    out.push(line);
  }
  return out;
}

/** The counts, from the one model every report prints (`report/numbers.ts`). */
function countLines(report: RunReport, c: Colors): string[] {
  const n = reportNumbers(report);
  const out = [
    `  ${countsLine(n, { equal: c.green, divergent: c.red, error: c.red })}`,
    `  ${kindsLine(n)}`,
    `  ${latencyLine(latencyOf(report))}`,
  ];
  if (report.coverage !== undefined) {
    out.push(`  coverage: ${coverageLine(report.coverage)}`);
    for (const gap of coverageGaps(report.coverage)) out.push(c.yellow(`    ${gap}`));
  }
  const waived = n.junit.skipped;
  if (waived > 0) {
    out.push(
      c.dim(
        `  ${count(waived, 'divergent case')} accepted or wontfix in the tracker (not failures)`,
      ),
    );
  }
  if (n.expectationFailures > 0) {
    out.push(c.yellow(`  expectations not met: ${n.expectationFailures} (listed below)`));
  }
  return out;
}

export function renderSummary(report: RunReport, c: Colors, reportDir: string | undefined): string {
  const out: string[] = [];
  out.push(
    c.bold(
      `parity: ${report.baseline.name} (${report.baseline.url}) vs ${report.candidate.name} (${report.candidate.url})`,
    ),
  );
  out.push(...scopeLine(report));
  out.push(...countLines(report, c));
  const notEqual = report.results.filter((r) => r.verdict !== 'equal');
  const ordered = KIND_REPORT_ORDER.flatMap((k) =>
    notEqual.filter((r) => primaryKind(r.kinds) === k),
  );
  const rest = notEqual.filter((r) => primaryKind(r.kinds) === undefined);
  const listed = [...ordered, ...rest];
  const unmet = report.results.filter((r) => r.expectations !== undefined);
  if (listed.length + unmet.length > 0) {
    const ids = [...listed, ...unmet].map((r) => r.caseId.length);
    const idWidth = Math.min(48, Math.max(...ids));
    out.push('');
    for (const result of listed.slice(0, LISTED)) out.push(line(result, c, idWidth));
    if (listed.length > LISTED)
      out.push(c.dim(`  … and ${listed.length - LISTED} more (see the report)`));
    const expectations = expectationLines({ ...report, results: unmet }, c, idWidth);
    out.push(...expectations.slice(0, LISTED));
    if (expectations.length > LISTED)
      out.push(
        c.dim(`  … and ${expectations.length - LISTED} more unmet expectations (see the report)`),
      );
  }
  out.push(...regressionLines(report, c));
  if (report.noise !== undefined) out.push('', noiseSummaryLine(report.noise));
  if (report.tracker !== undefined) {
    const t = report.tracker;
    out.push(
      '',
      `  tracker ${t.path}: ${t.added.length} new, ${t.reopened.length} reopened, ${t.resolved.length} resolved, ${t.seen.length} seen again`,
    );
  }
  if (reportDir !== undefined) out.push(`  reports ${reportDir}`);
  return `${out.join('\n')}\n`;
}
