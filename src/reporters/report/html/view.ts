/**
 * The data report.html embeds: a view of the RunReport with everything the
 * page shows already computed and formatted, so its script only draws. Every
 * string here may have come from a server; the page sets it with
 * `textContent`, never as markup. Pure.
 */

import type { AssessedObservation } from '../../../contract/assessment.js';
import { KIND_REPORT_ORDER, primaryKind } from '../../../contract/model/comparison.js';
import type { FlowRef } from '../../../contract/observation.js';
import type { FixedDivergence, RunReport } from '../../../contract/report.js';
import { DIVERGENCE_KINDS, type DivergenceKind } from '../../../contract/vocabulary.js';
import {
  describeMasked,
  describeStep,
  describeWaited,
  sidesWaited,
  waitedLonger,
} from '../../../judge/results/flows.js';
import { latencyOf } from '../../../judge/results/latency.js';
import { countedAs } from '../../../judge/results/summary.js';
import { compareText } from '../../../util/text.js';
import { changeLines } from '../change-lines.js';
import { coverageGaps, coverageLine, coverageTable } from '../coverage-text.js';
import { type DecisionView, decisionHeadline, decisionsOf, reach } from '../decisions.js';
import { KIND_TITLES } from '../kinds.js';
import { formatMs, LATENCY_HEADER, latencyLine, latencyRows } from '../latency-table.js';
import {
  comparedToWarning,
  junitLine,
  kindsNote,
  type ReportNumbers,
  regressionCounts,
  reportNumbers,
  runErrorsLine,
  stoppedEarly,
} from '../numbers.js';
import { type ChartsView, chartsOf } from './charts-view.js';
import { bodyLines, bodyLinesJson, type SideLines } from './diff-lines.js';

/** A row's colour and filter group: its primary divergence kind, or why it is listed. */
export type RowKind = DivergenceKind | 'accepted' | 'error' | 'expectation' | 'fixed' | 'skipped';

export interface RowView {
  readonly id: string;
  readonly endpoint: string;
  readonly kind: RowKind;
  readonly kinds: readonly DivergenceKind[];
  readonly verdict: AssessedObservation['verdict'];
  /** With `--compare-to`: `new`, `persisting`, `not-compared` or `fixed` (equal now). */
  readonly regression?: string;
  /**
   * With `--compare-to`: what the regression filter matches, its mark and
   * `fixed` when root causes it showed in the compared report are gone.
   */
  readonly regressions: readonly string[];
  /** With `--compare-to`: the root causes it showed in the compared report and no longer shows. */
  readonly fixedCauses: readonly string[];
  /** The tracker rows of its root causes: id and status. */
  readonly rows: readonly (readonly [id: string, status: string])[];
  /** Its root causes' fingerprints (the decisions list filters by them). */
  readonly causes: readonly string[];
  readonly fingerprint?: string;
  readonly summary: string;
  readonly explanation: string;
  readonly status: readonly [baseline: string, candidate: string];
  readonly ms: readonly [baseline: string, candidate: string];
  readonly changes: readonly string[];
  readonly headers: readonly (readonly [name: string, baseline: string, candidate: string])[];
  readonly expectations: readonly string[];
  /** A flow step: its place in the flow, and where captured values were masked. */
  readonly flow?: readonly string[];
  readonly repro?: readonly [baseline: string, candidate: string];
  readonly diff?: { readonly baseline: SideLines; readonly candidate: SideLines };
}

export interface EndpointView {
  readonly endpoint: string;
  readonly cases: number;
  readonly divergent: number;
  readonly errors: number;
  readonly kinds: string;
}

/** One root cause in the page's decisions list. */
export interface DecisionItem {
  readonly id: string;
  readonly status: string;
  readonly kind: string;
  readonly summary: string;
  readonly fingerprint: string;
  /** `12 cases · 3 endpoints`. */
  readonly reach: string;
  readonly endpoints: string;
  readonly next: string;
  readonly decision: string;
  /** How to fix it on the candidate, on the baseline, and the rule that declares it equivalent. */
  readonly fix?: { readonly candidate: string; readonly baseline: string; readonly rule: string };
}

export interface HtmlView {
  readonly title: string;
  /** A run a signal stopped: the banner's words and every case it did not run, in run order. */
  readonly interrupted?: {
    readonly title: string;
    readonly line: string;
    readonly notRun: readonly string[];
  };
  /** The page opens with these: the counts and every root cause, open first. */
  readonly decisions: { readonly headline: string; readonly items: readonly DecisionItem[] };
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly baseline: { readonly name: string; readonly url: string };
  readonly candidate: { readonly name: string; readonly url: string };
  readonly counts: readonly (readonly [key: string, label: string, value: string])[];
  /** What the counts are in junit.xml, and the run errors, in words. */
  readonly countNotes: readonly string[];
  /** With `--compare-to`: the counts in words, and a warning when the compared report proves less. */
  readonly regression?: { readonly line: string; readonly warning?: string };
  readonly kinds: readonly (readonly [kind: DivergenceKind, title: string, count: number])[];
  /** Why the kind counts add up to more than the cases, when they do. */
  readonly kindsNote?: string;
  readonly endpoints: readonly EndpointView[];
  readonly latency: {
    readonly line: string;
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
  readonly rows: readonly RowView[];
  /** The latency distribution, divergences per endpoint and root causes across runs. */
  readonly charts: ChartsView;
  /** Absent for reports written before coverage existed. */
  readonly coverage?: {
    readonly line: string;
    readonly gaps: readonly string[];
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
}

function sideStatus(side: AssessedObservation['baseline']): string {
  return side.status !== undefined ? String(side.status) : (side.error?.code ?? '?');
}

function rowKind(result: AssessedObservation): RowKind {
  if (result.verdict === 'accepted') return 'accepted';
  if (result.verdict === 'error') return 'error';
  if (result.verdict === 'skipped') return 'skipped';
  const primary = primaryKind(result.kinds);
  if (primary !== undefined) return primary;
  return result.regression === 'fixed' ? 'fixed' : 'expectation';
}

function diffOf(result: AssessedObservation): RowView['diff'] {
  if (result.bodies === undefined) return undefined;
  return {
    baseline: bodyLines(result.bodies.baseline, result.changes, 'baseline'),
    candidate: bodyLines(result.bodies.candidate, result.changes, 'candidate'),
  };
}

/** The root causes `result`'s case no longer shows, from the regression summary's fixed list. */
type FixedByCase = ReadonlyMap<string, readonly string[]>;

function fixedByCase(fixed: readonly FixedDivergence[]): FixedByCase {
  const byCase = new Map<string, string[]>();
  for (const cause of fixed) {
    for (const id of cause.caseIds) {
      const list = byCase.get(id);
      if (list === undefined) byCase.set(id, [cause.summary]);
      else list.push(cause.summary);
    }
  }
  return byCase;
}

function regressionsOf(result: AssessedObservation, fixedCauses: readonly string[]): string[] {
  const out = result.regression === undefined ? [] : [result.regression];
  if (fixedCauses.length > 0 && !out.includes('fixed')) out.push('fixed');
  return out;
}

/** The tracker rows of a result's findings, each id once (its last status), in order of first finding. */
export function rowsOfFindings(findings: AssessedObservation['findings']): RowView['rows'] {
  if (findings === undefined || findings.length === 0) return [];
  // One finding (most divergences): its row, no map.
  if (findings.length === 1) {
    const tracker = findings[0]?.tracker;
    return tracker === undefined ? [] : [[tracker.id, tracker.status]];
  }
  return [
    ...new Map(
      findings.flatMap((f) =>
        f.tracker === undefined ? [] : [[f.tracker.id, f.tracker.status] as const],
      ),
    ),
  ];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One row, its members set in place in the page's order (an object literal
 * with five conditional spreads copied the row built so far at each).
 */
function rowOf(result: AssessedObservation, fixed: FixedByCase, withDiff = true): RowView {
  const diff = withDiff ? diffOf(result) : undefined;
  const fixedCauses = fixed.get(result.caseId) ?? [];
  const summary =
    result.summary ??
    result.reason ??
    (result.regression === 'fixed' ? 'fixed since the compared report' : '');
  const flow = result.flow === undefined ? undefined : flowNotes(result.flow);
  const row: Partial<Mutable<RowView>> = {
    id: result.caseId,
    endpoint: result.endpoint,
    kind: rowKind(result),
    kinds: result.kinds,
    verdict: result.verdict,
  };
  if (result.regression !== undefined) row.regression = result.regression;
  row.regressions = regressionsOf(result, fixedCauses);
  row.fixedCauses = fixedCauses;
  row.rows = rowsOfFindings(result.findings);
  row.causes = (result.findings ?? []).map((f) => f.fingerprint);
  if (result.fingerprint !== undefined) row.fingerprint = result.fingerprint;
  row.summary = summary === '' ? (result.expectations ?? []).join('; ') : summary;
  row.explanation = result.explanation ?? '';
  row.status = [sideStatus(result.baseline), sideStatus(result.candidate)];
  row.ms = [formatMs(result.baseline.durationMs), formatMs(result.candidate.durationMs)];
  row.changes = changeLines(result.changes ?? []);
  row.headers = (result.headerChanges ?? []).map((h) => [
    h.name,
    h.baseline ?? '(absent)',
    h.candidate ?? '(absent)',
  ]);
  row.expectations = result.expectations ?? [];
  if (flow !== undefined) row.flow = flow;
  if (result.repro !== undefined) row.repro = [result.repro.baseline, result.repro.candidate];
  if (diff !== undefined) row.diff = diff;
  return row as RowView;
}

function flowNotes(flow: FlowRef): string[] {
  const notes = [describeStep(flow), describeMasked(flow), describeWaited(flow)];
  return notes.filter((note): note is string => note !== undefined);
}

/** The card's note on the steps with `until` that were sent again (or never met), whatever their verdict. */
function waitedNote(report: RunReport): string[] {
  const waited = report.results.filter((result) => waitedLonger(result.flow));
  if (waited.length === 0) return [];
  const steps = waited.map((result) => {
    const sides = result.flow === undefined ? undefined : sidesWaited(result.flow);
    return `${result.caseId} (${sides ?? ''})`;
  });
  return [`Waited (until): ${steps.join('; ')}.`];
}

/** Listed: what is not plainly equal, plus what the compared-to report had and is fixed now. */
function listed(result: AssessedObservation): boolean {
  return (
    result.verdict !== 'equal' || result.expectations !== undefined || result.regression === 'fixed'
  );
}

/** Both sides answered: the case was timed (see `judge/results/latency.ts`). */
const bothAnswered = (r: AssessedObservation) =>
  r.baseline.status !== undefined && r.candidate.status !== undefined;

/**
 * Cases per endpoint. A report that holds every result (a re-read report.json)
 * counts them. A run's report keeps only its notable results in memory (see
 * `results-stream.ts`): its cases per endpoint are then the coverage section's
 * (every case sent) plus the steps not sent; without coverage, the cases both
 * sides answered (the latency's count) plus the results where a side did not answer.
 */
function endpointCases(
  report: RunReport,
): (endpoint: string, group: readonly AssessedObservation[]) => number {
  if (report.results.length === report.summary.cases) return (_, group) => group.length;
  const { coverage } = report;
  if (coverage !== undefined) {
    const sent = new Map(coverage.endpoints.map((e) => [e.endpoint, e.cases]));
    return (endpoint, group) =>
      (sent.get(endpoint) ?? 0) + group.filter((r) => r.verdict === 'skipped').length;
  }
  const timed = new Map(
    latencyOf(report).endpoints.map((e) => [
      e.endpoint,
      Math.min(e.baseline.count, e.candidate.count),
    ]),
  );
  return (endpoint, group) =>
    Math.max(
      group.length,
      (timed.get(endpoint) ?? 0) + group.filter((r) => !bothAnswered(r)).length,
    );
}

/** One row per endpoint: its cases (see `endpointCases`), divergent, errors and kinds. */
function endpointsOf(report: RunReport): EndpointView[] {
  const groups = new Map<string, AssessedObservation[]>();
  for (const r of report.results) {
    const group = groups.get(r.endpoint);
    if (group === undefined) groups.set(r.endpoint, [r]);
    else group.push(r);
  }
  const listed = [...(report.coverage?.endpoints ?? []), ...latencyOf(report).endpoints].map(
    (e) => e.endpoint,
  );
  for (const endpoint of listed) if (!groups.has(endpoint)) groups.set(endpoint, []);
  const casesOf = endpointCases(report);
  return [...groups]
    .sort(([a], [b]) => compareText(a, b))
    .map(([endpoint, group]) => {
      const byKind = DIVERGENCE_KINDS.map(
        (k) => [k, group.filter((r) => r.kinds.includes(k)).length] as const,
      );
      return {
        endpoint,
        cases: casesOf(endpoint, group),
        divergent: group.filter((r) => countedAs(r) === 'divergent').length,
        errors: group.filter((r) => countedAs(r) === 'error').length,
        kinds: byKind
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', '),
      };
    });
}

function countsOf(n: ReportNumbers): HtmlView['counts'] {
  const counts: [string, string, string][] = [
    ['cases', 'Cases', String(n.cases)],
    ['equal', 'Equal', String(n.counted.equal)],
    ['divergent', 'Divergent', String(n.counted.divergent)],
    ['accepted', 'Accepted', String(n.counted.accepted)],
    ['errors', 'Transport errors (a side failed)', String(n.counted.error)],
    ...(n.counted.skipped > 0
      ? [['skipped', 'Skipped (not sent)', String(n.counted.skipped)] as [string, string, string]]
      : []),
    ['status-parity', 'Status parity', `${n.statusParity.equal}/${n.statusParity.total}`],
  ];
  if (n.expectationFailures > 0) {
    counts.push(['expectations', 'Unmet expect', String(n.expectationFailures)]);
  }
  if (n.runErrors > 0) {
    counts.push(['run-errors', 'Run errors (transport or unmet expect)', String(n.runErrors)]);
  }
  return counts;
}

function decisionItem(view: DecisionView): DecisionItem {
  const { hint } = view;
  return {
    id: view.id,
    status: view.status,
    kind: view.kind,
    summary: view.summary,
    fingerprint: view.fingerprint,
    reach: reach(view),
    endpoints: view.endpoints.join(', '),
    next: view.status === 'open' || view.status === 'awaiting' ? view.next : '',
    decision: view.decision,
    ...(hint === undefined || view.status === 'resolved'
      ? {}
      : { fix: { candidate: hint.candidate, baseline: hint.baseline, rule: hint.rule ?? '' } }),
  };
}

function interruptedOf(report: RunReport): HtmlView['interrupted'] {
  const stopped = stoppedEarly(report);
  if (stopped === undefined) return undefined;
  const { title, ran } = stopped;
  const tracker = stopped.trackerLeft ? '; the tracker was not updated' : '';
  const line = `${ran}. The counts below cover the cases that ran${tracker}.`;
  return { title, line, notRun: stopped.notRun };
}

function regressionOf(n: ReportNumbers): HtmlView['regression'] {
  if (n.regression === undefined) return undefined;
  const line = `Compared to ${n.regression.runId}: ${regressionCounts(n.regression)}.`;
  const warning = comparedToWarning(n.regression);
  return warning === undefined ? { line } : { line, warning: `Warning: ${warning}.` };
}

/** Builds the page's data from a report. */
export function htmlView(report: RunReport): HtmlView {
  return { ...viewWithoutRows(report), rows: [...rowViews(report)] };
}

/**
 * The page's rows one at a time, in `htmlView`'s order: the page's script
 * draws them from one array, but report.html writes each as it is built, so
 * a run's thousands of rows are never all held at once.
 */
export function* rowViews(report: RunReport): Generator<RowView> {
  const fixed = fixedByCase(report.regression?.fixed ?? []);
  for (const result of report.results) if (listed(result)) yield rowOf(result, fixed);
}

/** A row for embedding: the row without its `diff`, and the diff's JSON (see `bodyLinesJson`). */
export interface RowText {
  readonly row: RowView;
  /** `JSON.stringify(row.diff)` of the row `rowViews` gives; undefined when it has none. */
  readonly diff: string | undefined;
  /** The result the row shows (report.html cuts a row past its bound from it, `row-bound.ts`). */
  readonly result: AssessedObservation;
}

/**
 * The diff's JSON of `diffOf(result)`, written from its lines' pieces; with
 * `maxChars`, each side's lines cut before their JSON takes that many characters.
 */
export function diffJsonOf(result: AssessedObservation, maxChars?: number): string | undefined {
  if (result.bodies === undefined) return undefined;
  const { baseline: b, candidate: c } = result.bodies;
  const baseline = bodyLinesJson(b, result.changes, 'baseline', maxChars);
  const candidate = bodyLinesJson(c, result.changes, 'candidate', maxChars);
  return `{"baseline":${baseline},"candidate":${candidate}}`;
}

/**
 * `rowViews` for report.html's writer: each row with its diff as JSON text
 * (the diff is the row's last member, so the row's JSON is the two spliced).
 */
export function* rowTexts(report: RunReport): Generator<RowText> {
  const fixed = fixedByCase(report.regression?.fixed ?? []);
  for (const result of report.results) {
    if (listed(result)) {
      yield { row: rowOf(result, fixed, false), diff: diffJsonOf(result), result };
    }
  }
}

/** `htmlView` with its `rows` left empty (see `rowViews`). */
export function viewWithoutRows(report: RunReport): HtmlView {
  const latency = latencyOf(report);
  const n = reportNumbers(report);
  const note = kindsNote(n);
  const interrupted = interruptedOf(report);
  const regression = regressionOf(n);
  return {
    title: `Parity report: ${report.baseline.name} vs ${report.candidate.name}`,
    ...(interrupted === undefined ? {} : { interrupted }),
    decisions: {
      headline: decisionHeadline(report),
      items: decisionsOf(report).map(decisionItem),
    },
    runId: report.runId,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    // A recorded baseline is named by its recording (its server was not asked now).
    baseline:
      report.baseline.recording === undefined
        ? report.baseline
        : {
            name: report.baseline.name,
            url: `(the recording ${report.baseline.recording}, of ${report.baseline.url})`,
          },
    candidate: report.candidate,
    counts: countsOf(n),
    countNotes: [
      ...(n.runErrors > 0 ? [`${runErrorsLine(n)}.`] : []),
      `${junitLine(n)}.`,
      ...waitedNote(report),
    ],
    ...(regression === undefined ? {} : { regression }),
    kinds: KIND_REPORT_ORDER.map((k) => [k, KIND_TITLES[k], n.byKind[k]] as const),
    ...(note === undefined ? {} : { kindsNote: `By kind: ${note}.` }),
    endpoints: endpointsOf(report),
    latency: { line: latencyLine(latency), header: LATENCY_HEADER, rows: latencyRows(latency) },
    rows: [],
    charts: chartsOf(report),
    ...(report.coverage === undefined
      ? {}
      : {
          coverage: {
            line: coverageLine(report.coverage),
            gaps: coverageGaps(report.coverage),
            ...coverageTable(report.coverage),
          },
        }),
  };
}
