/**
 * The console summary printed after a run: the decisions first (the root
 * causes, open ones with their next action), then the counts, the cases, the
 * run errors. Pure: returns the text.
 */

import type { AssessedObservation } from '../contract/assessment.js';
import { KIND_REPORT_ORDER, primaryKind } from '../contract/model/comparison.js';
import type { RunReport } from '../contract/report.js';
import { skippedGroups } from '../judge/results/flows.js';
import { latencyOf } from '../judge/results/latency.js';
import { hasFindings } from '../judge/results/types.js';
import { printable } from '../util/code-span.js';
import type { Colors } from '../util/colors.js';
import { widest } from '../util/widest.js';
import { coverageGaps, coverageLine } from './report/coverage-text.js';
import { type DecisionView, decisionHeadline, decisionsOf, reach } from './report/decisions.js';
import { latencyLine } from './report/latency-table.js';
import { noiseSummaryLine } from './report/noise-text.js';
import {
  comparedToWarning,
  countsLine,
  kindsLine,
  NOT_SEEN_WHY,
  regressionCounts,
  reportNumbers,
  runErrorOf,
  runErrorsLine,
} from './report/numbers.js';
import { runtimeLine } from './report/runtime-words.js';
import { missingCaseLines, notSeenLines } from './tracker-lines.js';

/** Cases listed one per line before "… and N more". */
const LISTED = 25;
/** Root causes listed before "… and N more". */
const CAUSES_LISTED = 15;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `[PAR-001, PAR-004]`: the rows of a case's findings. */
function rowsOf(result: AssessedObservation): string {
  if (!hasFindings(result)) return '';
  const ids = [...new Set(result.findings.flatMap((f) => (f.tracker ? [f.tracker.id] : [])))];
  return ids.length === 0 ? '' : ` [${ids.join(', ')}]`;
}

function line(result: AssessedObservation, c: Colors, idWidth: number): string {
  const accepted = result.verdict === 'accepted';
  const kind = accepted ? 'accepted' : (primaryKind(result.kinds) ?? 'error');
  const paint = accepted ? c.green : kind === 'value' || kind === 'header' ? c.yellow : c.red;
  const regression = regressionMark(result, c);
  const summary = result.summary ?? result.explanation ?? '';
  return `  ${paint(pad(kind, 9))} ${pad(result.caseId, idWidth)}  ${summary}${regression}${c.dim(rowsOf(result))}`;
}

/** ` (new)`, ` (persisting)`, ` (not compared in the previous report)`: where a case stands. */
function regressionMark(result: AssessedObservation, c: Colors): string {
  switch (result.regression) {
    case undefined:
      return '';
    case 'new':
      return ` ${c.red('(new)')}`;
    case 'not-compared':
      return ` ${c.dim('(not compared in the previous report)')}`;
    default:
      return ` ${c.dim(`(${result.regression})`)}`;
  }
}

function decisionLines(view: DecisionView, c: Colors, idWidth: number): string[] {
  const paint = view.status === 'open' ? c.red : view.status === 'resolved' ? c.green : c.dim;
  const head = `  ${pad(view.id || '-', idWidth)} ${paint(pad(view.status, 9))} ${pad(view.kind, 7)} ${view.summary}`;
  const where = view.status === 'resolved' ? '' : c.dim(` · ${reach(view)}`);
  const lines = [head + where];
  if (view.status === 'open' || view.status === 'awaiting') {
    lines.push(c.dim(`  ${' '.repeat(idWidth)} next: ${view.next}`));
  }
  return lines;
}

/**
 * The decisions: a headline with the counts, then each root cause (open ones
 * first). Built from the report as written (a hint's rule quotes the key it
 * names as it is), then made printable.
 */
function decisionsSection(report: RunReport, c: Colors): string[] {
  const views = decisionsOf(report).map((v) => ({
    ...v,
    id: printable(v.id),
    summary: printable(v.summary),
    next: printable(v.next),
  }));
  if (views.length === 0) return [];
  const idWidth = widest(
    views.map((v) => v.id.length),
    1,
  );
  const out = ['', `  ${c.bold(decisionHeadline(report))}`];
  for (const view of views.slice(0, CAUSES_LISTED)) out.push(...decisionLines(view, c, idWidth));
  if (views.length > CAUSES_LISTED) {
    out.push(c.dim(`  … and ${views.length - CAUSES_LISTED} more (parity tracker, report.md)`));
  }
  return out;
}

/** `--compare-to`: the counts, then each fixed root cause with the cases it is gone from. */
function regressionLines(report: RunReport, c: Colors): string[] {
  const r = report.regression;
  const n = reportNumbers(report).regression;
  if (r === undefined || n === undefined) return [];
  const counts = regressionCounts(n);
  const out = ['', `  compared to ${r.comparedTo.runId}: ${n.new > 0 ? c.red(counts) : counts}`];
  const warning = comparedToWarning(n);
  if (warning !== undefined) out.push(c.yellow(`  warning: ${warning}`));
  for (const fixed of r.fixed.slice(0, LISTED)) {
    out.push(`  ${c.green(pad('fixed', 9))} ${fixed.caseIds.join(', ')}  ${fixed.summary}`);
  }
  if (r.fixed.length > LISTED) out.push(c.dim(`  … and ${r.fixed.length - LISTED} more fixed`));
  const notSeen = r.notSeen ?? [];
  for (const cause of notSeen.slice(0, LISTED)) {
    const why = NOT_SEEN_WHY[cause.reason];
    out.push(
      `  ${c.yellow(pad('not seen', 9))} ${cause.caseIds.join(', ')}  ${cause.summary}  ${c.dim(`(not seen in this run: ${why}; not fixed)`)}`,
    );
  }
  if (notSeen.length > LISTED) {
    out.push(c.dim(`  … and ${notSeen.length - LISTED} more not seen in this run`));
  }
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
  if (groups.length > LISTED) {
    out.push(c.dim(`  … and ${groups.length - LISTED} more (see the report)`));
  }
  return out;
}

/** Which part of the library this report covers, when not all of it in one run. */
function scopeLine(report: RunReport): string[] {
  if (report.shard !== undefined) return [`  shard ${report.shard.index}/${report.shard.total}`];
  if (report.mergedFrom !== undefined)
    return [`  merged from ${report.mergedFrom.length} report(s)`];
  return [];
}

/** The cases: divergent ones by kind (status first), then the accepted ones. */
function caseLines(report: RunReport, c: Colors): string[] {
  const shown = report.results.filter(hasFindings);
  const open = shown.filter((r) => r.verdict === 'divergent');
  const ordered = [
    ...KIND_REPORT_ORDER.flatMap((k) => open.filter((r) => primaryKind(r.kinds) === k)),
    ...shown.filter((r) => r.verdict === 'accepted'),
  ];
  if (ordered.length === 0) return [];
  const idWidth = Math.min(48, widest(ordered.map((r) => r.caseId.length)));
  const out = [''];
  for (const result of ordered.slice(0, LISTED)) out.push(line(result, c, idWidth));
  if (ordered.length > LISTED) {
    out.push(c.dim(`  … and ${ordered.length - LISTED} more (see the report)`));
  }
  return out;
}

/** Run errors: a side failed in transport, or an `expect` was not met. Never decisions. */
function runErrorLines(report: RunReport, c: Colors): string[] {
  const errors = report.results.filter((r) => runErrorOf(r) !== undefined);
  if (errors.length === 0) return [];
  const out = [
    '',
    `  ${c.red(runErrorsLine(reportNumbers(report)))} (not decisions: fix the run or the case)`,
  ];
  const idWidth = Math.min(48, widest(errors.map((r) => r.caseId.length)));
  for (const r of errors.slice(0, LISTED)) {
    const [label, text] =
      runErrorOf(r) === 'transport'
        ? ['transport', r.summary ?? '']
        : ['expect', (r.expectations ?? []).join('; ')];
    out.push(`  ${c.red(pad(label, 9))} ${pad(r.caseId, idWidth)}  ${text}`);
  }
  if (errors.length > LISTED) out.push(c.dim(`  … and ${errors.length - LISTED} more`));
  return out;
}

/** The counts, from the one model every report prints (`reporters/report/numbers.ts`). */
function countLines(report: RunReport, c: Colors): string[] {
  const n = reportNumbers(report);
  const paint = {
    equal: c.green,
    divergent: c.red,
    accepted: c.green,
    error: c.red,
    skipped: c.yellow,
  };
  const out = [
    '',
    `  ${countsLine(n, paint)}`,
    `  ${kindsLine(n)}`,
    `  ${latencyLine(latencyOf(report))}`,
  ];
  if (report.coverage !== undefined) {
    out.push(`  coverage: ${coverageLine(report.coverage)}`);
    for (const gap of coverageGaps(report.coverage)) out.push(c.yellow(`    ${gap}`));
  }
  if (n.expectationFailures > 0) {
    out.push(c.yellow(`  expectations not met: ${n.expectationFailures} (listed below)`));
  }
  if (n.ownOrigin > 0) {
    out.push(
      `  own origins: ${n.ownOrigin} case(s) where a side wrote its own address, compared as {{origin}} (report.json: origin)`,
    );
  }
  if (n.stamped > 0) {
    out.push(
      `  per-instance: ${n.stamped} case(s) with timestamps both sides stamped within this run, compared by format (report.json: stamped)`,
    );
  }
  if (n.echoed > 0) {
    out.push(
      `  per-instance: ${n.echoed} case(s) echoing values each side generated earlier in its flow or sequence, compared as one reference (report.json: echoed)`,
    );
  }
  if (n.sequenced > 0) {
    out.push(
      `  per-instance: ${n.sequenced} case(s) holding numbers each side gives its own writes (a sequence per side), compared as one reference (report.json: sequenced)`,
    );
  }
  if (n.derived > 0) {
    out.push(
      `  per-instance: ${n.derived} case(s) with revisions (ETags, CouchDB-style _rev) derived from per-instance values, compared by format (report.json: derived)`,
    );
  }
  if (n.generated > 0) {
    out.push(
      `  per-instance: ${n.generated} case(s) with values each side generated for itself (ids, revisions, UUIDs), compared by format, each with its evidence (report.json: generated)`,
    );
  }
  if (n.unsettled > 0) {
    out.push(
      `  unsettled: ${n.unsettled} case(s) with id-like values, or lists in another order by keys each side drew, that differ without evidence they are per-instance; a second instance of the baseline (--noise --baseline-replica) would settle them (report.json: unsettled)`,
    );
  }
  if (n.raced > 0) {
    out.push(
      `  raced: ${n.raced} read(s) of a flow or serial sequence whose answers differed, then agreed on one more request to each side: judged on those (each side met the same state a moment apart; report.json: raced)`,
    );
  }
  const look = report.secondLook;
  if (look !== undefined) {
    const over =
      look.over > 0 ? `; ${look.over} more past the limit of ${look.max} (--second-look N)` : '';
    const large =
      look.tooLarge !== undefined && look.tooLarge > 0
        ? `; ${look.tooLarge} not sent, an answer over ${look.maxBytes ?? 0} bytes (secondLookBytes; report.json: secondLookSkipped)`
        : '';
    out.push(
      `  second look: ${look.sent} safe request(s) sent once more to each side, to see which values change between requests${over}${large} (report.json: secondLook)`,
    );
  }
  return out;
}

/**
 * The report with every string the summary may print made printable: server
 * text (keys in summaries, decision titles) must not reach a terminal raw.
 * Bodies and changes are left out: the summary never prints them.
 */
function printableReport(report: RunReport): RunReport {
  const results = report.results.map((r) => {
    const { bodies: _b, changes: _c, headerChanges: _h, ...rest } = r;
    return rest;
  });
  const safe: RunReport = JSON.parse(JSON.stringify({ ...report, results }), (_key, value) =>
    typeof value === 'string' ? printable(value) : value,
  );
  return safe;
}

/** A run stopped by a signal says so before its counts (they cover only the cases that ran). */
function interruptedLine(report: RunReport, c: Colors): string[] {
  const { interrupted, bailed } = report;
  if (bailed !== undefined) {
    const { after, ran, notRun } = bailed;
    return [
      c.yellow(
        `  stopped by --bail after ${after} divergent case(s): ${ran} of ${ran + notRun.length} cases ran`,
      ),
    ];
  }
  if (interrupted === undefined) return [];
  const { signal, ran, notRun } = interrupted;
  return [c.yellow(`  interrupted by ${signal}: ${ran} of ${ran + notRun.length} cases ran`)];
}

export function renderSummary(given: RunReport, c: Colors, reportDir: string | undefined): string {
  const report = printableReport(given);
  const out: string[] = [];
  out.push(
    c.bold(
      `parity: ${report.baseline.name} (${report.baseline.recording === undefined ? report.baseline.url : `the recording ${report.baseline.recording}, of ${report.baseline.url}`}) vs ${report.candidate.name} (${report.candidate.url})`,
    ),
  );
  out.push(...scopeLine(report));
  if (report.rootCauses !== undefined) out.push(c.dim(`  ${runtimeLine(report)}`));
  out.push(...interruptedLine(report, c));
  out.push(...decisionsSection(given, c));
  out.push(...countLines(report, c));
  out.push(...caseLines(report, c));
  out.push(...runErrorLines(report, c));
  out.push(...skippedLines(report, c));
  out.push(...regressionLines(report, c));
  if (report.noise !== undefined) out.push('', noiseSummaryLine(report.noise));
  if (report.tracker !== undefined) {
    const t = report.tracker;
    const superseded = t.superseded.length > 0 ? `, ${t.superseded.length} superseded` : '';
    out.push(
      '',
      `  tracker ${t.path}: ${t.added.length} new, ${t.reopened.length} reopened,${t.opened.length > 0 ? ` ${t.opened.length} opened by evidence,` : ''} ${t.resolved.length} resolved, ${t.seen.length} seen again${t.covered.length > 0 ? `, ${t.covered.length} covered by a rule or noise` : ''}${superseded}`,
      ...missingCaseLines(t.missingCases ?? []).map((text) => `    ${text}`),
      ...notSeenLines(t.notSeen ?? []).map((text) => `    ${text}`),
    );
  }
  if (reportDir !== undefined) out.push(`  reports ${printable(reportDir)}`);
  return `${out.join('\n')}\n`;
}
