/**
 * The numbers of a report: the one model the console, report.md, report.html
 * and junit.xml print their counts from, computed from report.json alone (its
 * summary, and its results for what the summary does not count). Every
 * renderer takes its counts and their words from here, so no two outputs of
 * one run can disagree. Pure.
 */
import { DIVERGENCE_KINDS, type DivergenceKind, KIND_REPORT_ORDER } from '../model/comparison.js';
import { type DecisionCounts, decisionCounts } from '../results/root-causes.js';
import { type CountedAs, countedAs } from '../results/summary.js';
import type { CaseResult } from '../results/types.js';
import type { Interruption, RunReport } from './contract.js';

/** What one case is in junit.xml: every case is exactly one of these. */
export const JUNIT_OUTCOMES = ['passed', 'failure', 'error', 'skipped'] as const;
export type JunitOutcomeKind = (typeof JUNIT_OUTCOMES)[number];

export interface ReportNumbers {
  readonly cases: number;
  /** A partition of the cases: `equal + divergent + accepted + error + skipped = cases` (see `countedAs`). */
  readonly counted: Readonly<Record<CountedAs, number>>;
  readonly statusParity: { readonly equal: number; readonly total: number };
  /** Cases per divergence kind; a case can have several. */
  readonly byKind: Readonly<Record<DivergenceKind, number>>;
  /** The sum of `byKind`: more than the cases that differ when some case has several kinds. */
  readonly kindTotal: number;
  /** Cases whose `expect.status` was not met (whatever their verdict). */
  readonly expectationFailures: number;
  readonly encodingNotes: number;
  readonly flakyBaselines: number;
  /** Root causes per decision (open, accepted, wontfix, resolved): what the reports open with. */
  readonly decisions: DecisionCounts;
  /** Selected cases a signal kept from running (listed in `interrupted.notRun`); 0 for a complete run. */
  readonly notRun: number;
  /** junit.xml's counts; they add up to `cases + notRun` (a case not run is `skipped`). */
  readonly junit: Readonly<Record<JunitOutcomeKind, number>>;
}

/**
 * What a case is in junit.xml: an error when it could not be compared; an
 * unmet `expect` or a divergence with a root cause still open, a failure; an
 * accepted divergence (every root cause accepted or wontfix), skipped, and so
 * is a flow step that was not sent.
 */
export function junitOutcomeOf(result: CaseResult): JunitOutcomeKind {
  const counted = countedAs(result);
  switch (counted) {
    case 'error':
      return 'error';
    case 'divergent':
      return 'failure';
    case 'accepted':
    case 'equal':
      if (result.expectations !== undefined) return 'failure';
      return counted === 'accepted' ? 'skipped' : 'passed';
    case 'skipped':
      return 'skipped';
    default: {
      const never: never = counted;
      return never;
    }
  }
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = 0;
  return out;
}

/**
 * The numbers of `report`. Its results may be only the notable ones (a run's
 * in-memory report): every divergence, error and unmet expectation is notable,
 * so the counts the summary lacks come out the same.
 */
export function reportNumbers(report: RunReport): ReportNumbers {
  const s = report.summary;
  // Every case that is not plainly equal is notable: in memory after a run too.
  const junit = zeros<JunitOutcomeKind>(JUNIT_OUTCOMES);
  for (const result of report.results) junit[junitOutcomeOf(result)]++;
  const byKind = zeros<DivergenceKind>(DIVERGENCE_KINDS);
  for (const kind of DIVERGENCE_KINDS) byKind[kind] = s.byKind[kind];
  const notPassed = junit.failure + junit.error + junit.skipped;
  const notRun = report.interrupted?.notRun.length ?? 0;
  return {
    cases: s.cases,
    counted: {
      equal: s.equal,
      divergent: s.divergent,
      accepted: s.accepted,
      error: s.errors,
      skipped: s.skipped ?? 0,
    },
    statusParity: s.statusParity,
    byKind,
    kindTotal: DIVERGENCE_KINDS.reduce((sum, kind) => sum + byKind[kind], 0),
    expectationFailures: s.expectationFailures,
    encodingNotes: s.encodingNotes ?? 0,
    flakyBaselines: s.flakyBaselines ?? 0,
    decisions: s.rootCauses ?? decisionCounts(report.rootCauses ?? []),
    notRun,
    junit: { ...junit, skipped: junit.skipped + notRun, passed: s.cases - notPassed },
  };
}

/** `5 cases`, `1 case`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Colours for parts of a line (the console's); plain text without them. */
export type Paint = Partial<Record<CountedAs, (text: string) => string>>;

/**
 * The counts line: `cases 6 · equal 1 · divergent 5 · accepted 0 · errors 0 · status parity 6/6`
 * (with `· skipped N` before the status parity when flow steps were not sent).
 */
export function countsLine(n: ReportNumbers, paint: Paint = {}): string {
  const part = (key: CountedAs, label: string) => {
    const text = `${label} ${n.counted[key]}`;
    return n.counted[key] > 0 ? (paint[key]?.(text) ?? text) : text;
  };
  const parity = `${n.statusParity.equal}/${n.statusParity.total}`;
  const skipped = n.counted.skipped > 0 ? ` · ${part('skipped', 'skipped')}` : '';
  return `cases ${n.cases} · ${part('equal', 'equal')} · ${part('divergent', 'divergent')} · ${part('accepted', 'accepted')} · ${part('error', 'errors')}${skipped} · status parity ${parity}`;
}

/** `shape 5 · status 0 · …`, in report order. */
export function kindsList(n: ReportNumbers): string {
  return KIND_REPORT_ORDER.map((kind) => `${kind} ${n.byKind[kind]}`).join(' · ');
}

/**
 * Why the kinds add up to more than the cases, when they do: `16 kinds over 12
 * cases: a case can have several`; undefined when every listed case has one kind.
 */
export function kindsNote(n: ReportNumbers): string | undefined {
  const listed = n.counted.divergent + n.counted.accepted + n.counted.error;
  if (n.kindTotal <= listed) return undefined;
  return `${count(n.kindTotal, 'kind')} over ${count(listed, 'case')}: a case can have several`;
}

/** The by-kind line with its note: `by kind: shape 5 · … (16 kinds over 12 cases: …)`. */
export function kindsLine(n: ReportNumbers): string {
  const note = kindsNote(n);
  return `by kind: ${kindsList(n)}${note === undefined ? '' : ` (${note})`}`;
}

/**
 * junit.xml's counts in words, for the reports that show them:
 * `junit.xml: 14 tests · 10 failures · 2 errors · 2 skipped (accepted or wontfix)`.
 */
export function junitLine(n: ReportNumbers): string {
  const { failure, error, skipped } = n.junit;
  const why =
    n.counted.skipped === 0 && n.notRun === 0
      ? 'accepted'
      : [
          `${n.counted.accepted} accepted`,
          ...(n.counted.skipped === 0 ? [] : [`${n.counted.skipped} not sent`]),
          ...(n.notRun === 0 ? [] : [`${n.notRun} not run`]),
        ].join(', ');
  return `junit.xml: ${count(n.cases + n.notRun, 'test')} · ${count(failure, 'failure')} · ${count(error, 'error')} · ${skipped} skipped (${why})`;
}

/**
 * What every format says of a run a signal stopped: `Interrupted by SIGINT`
 * and `4 of 30 cases ran, 26 not run`.
 */
export function interruptedWords(stopped: Interruption): { title: string; ran: string } {
  const total = stopped.ran + stopped.notRun.length;
  return {
    title: `Interrupted by ${stopped.signal}`,
    ran: `${stopped.ran} of ${total} cases ran, ${stopped.notRun.length} not run`,
  };
}

/** junit.xml's `<skipped>` message for a case a signal kept from running. */
export function notRunMessage(stopped: Interruption): string {
  return `not run: interrupted by ${stopped.signal}`;
}

/** `3 root causes: 2 open · 1 accepted · 0 wontfix · 0 resolved`: what the reports open with. */
export function decisionsLine(n: ReportNumbers): string {
  const d = n.decisions;
  const total = d.open + d.accepted + d.wontfix + d.resolved;
  return `${count(total, 'root cause')}: ${d.open} open · ${d.accepted} accepted · ${d.wontfix} wontfix · ${d.resolved} resolved`;
}
