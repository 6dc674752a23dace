/** The console summary printed after a run. Pure: returns the text. */

import { KIND_REPORT_ORDER, primaryKind } from '../model/comparison.js';
import type { RunReport } from '../report/contract.js';
import { latencyLine } from '../report/latency-table.js';
import { noiseSummaryLine } from '../report/noise-text.js';
import { skippedGroups } from '../results/flows.js';
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

/** Cases not sent, one line per flow (its steps share the reason) or per case. */
function skippedLines(report: RunReport, c: Colors): string[] {
  const groups = skippedGroups(report.results);
  if (groups.length === 0) return [];
  const out = [''];
  for (const group of groups.slice(0, LISTED)) {
    out.push(`  ${c.yellow(pad('skipped', 9))} ${group.label}  ${c.dim(group.reason)}`);
  }
  if (groups.length > LISTED)
    out.push(c.dim(`  … and ${groups.length - LISTED} more (see the report)`));
  return out;
}

/** Which part of the library this report covers, when not all of it in one run. */
function scopeLine(report: RunReport): string[] {
  if (report.shard !== undefined) return [`  shard ${report.shard.index}/${report.shard.total}`];
  if (report.mergedFrom !== undefined)
    return [`  merged from ${report.mergedFrom.length} report(s)`];
  return [];
}

export function renderSummary(report: RunReport, c: Colors, reportDir: string | undefined): string {
  const { summary: s } = report;
  const out: string[] = [];
  out.push(
    c.bold(
      `parity: ${report.baseline.name} (${report.baseline.url}) vs ${report.candidate.name} (${report.candidate.url})`,
    ),
  );
  out.push(...scopeLine(report));
  const statusParity = `${s.statusParity.equal}/${s.statusParity.total}`;
  const skipped = (s.skipped ?? 0) > 0 ? ` · ${c.yellow(`skipped ${s.skipped}`)}` : '';
  out.push(
    `  cases ${s.cases} · ${c.green(`equal ${s.equal}`)} · ${s.divergent > 0 ? c.red(`divergent ${s.divergent}`) : 'divergent 0'} · errors ${s.errors}${skipped} · status parity ${statusParity}`,
  );
  out.push(`  by kind: ${KIND_REPORT_ORDER.map((k) => `${k} ${s.byKind[k]}`).join(' · ')}`);
  out.push(`  ${latencyLine(latencyOf(report))}`);
  if (s.expectationFailures > 0)
    out.push(c.yellow(`  expectations not met: ${s.expectationFailures}`));
  const notEqual = report.results.filter((r) => r.verdict !== 'equal' && r.verdict !== 'skipped');
  const ordered = KIND_REPORT_ORDER.flatMap((k) =>
    notEqual.filter((r) => primaryKind(r.kinds) === k),
  );
  const rest = notEqual.filter((r) => primaryKind(r.kinds) === undefined);
  const listed = [...ordered, ...rest];
  if (listed.length > 0) {
    const idWidth = Math.min(48, Math.max(...listed.map((r) => r.caseId.length)));
    out.push('');
    for (const result of listed.slice(0, LISTED)) out.push(line(result, c, idWidth));
    if (listed.length > LISTED)
      out.push(c.dim(`  … and ${listed.length - LISTED} more (see the report)`));
  }
  out.push(...skippedLines(report, c));
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
