/**
 * The numbers of a report: the one model the console, report.md, report.html
 * and junit.xml print their counts from, computed from report.json alone (its
 * summary, and its results for what the summary does not count). Every
 * renderer takes its counts and their words from here, so no two outputs of
 * one run can disagree. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { KIND_REPORT_ORDER } from '../../contract/model/comparison.js';
import type {
  DecisionCounts,
  Interruption,
  NotSeenDivergence,
  RunReport,
} from '../../contract/report.js';
import { DIVERGENCE_KINDS, type DivergenceKind } from '../../contract/vocabulary.js';
import { decisionCounts } from '../../judge/results/root-causes.js';
import { type CountedAs, countedAs } from '../../judge/results/summary.js';
import { plural } from '../../util/words.js';

/**
 * `--compare-to` in numbers: divergent cases by where they stand against the
 * compared-to report, and the root causes gone from cases that showed them.
 */
export interface RegressionNumbers {
  readonly runId: string;
  /** Divergent cases showing a root cause they did not show there (or equal or absent there). */
  readonly new: number;
  /** Divergent cases showing only root causes they showed there. */
  readonly persisting: number;
  /** Divergent cases the compared-to report has no comparison of (not run there, a side failed). */
  readonly notCompared: number;
  /** Root causes gone from at least one case that showed them there. */
  readonly fixed: number;
  /** The cases those root causes are gone from. */
  readonly fixedIn: number;
  /** A signal stopped the compared-to run. */
  readonly interrupted?: { readonly signal: string; readonly notRun: number };
}

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
  /**
   * Run errors: the cases a side of which failed in transport or whose `expect`
   * was not met, each counted once (a case can be both).
   */
  readonly runErrors: number;
  readonly encodingNotes: number;
  /** Cases where a side's own address was compared as `{{origin}}`. */
  readonly ownOrigin: number;
  /** Cases with timestamps both sides stamped during the run, compared by format. */
  readonly stamped: number;
  /** Cases with revisions (ETags, CouchDB-style _rev) derived from per-instance values, compared by format. */
  readonly derived: number;
  /** Cases that echoed values each side generated earlier in their flow or sequence. */
  readonly echoed: number;
  /** Cases holding numbers each side gives its own writes (a sequence per side). */
  readonly sequenced: number;
  /** Cases with values each side generated for itself, compared by format. */
  readonly generated: number;
  /** Cases with differing values of one id-like format and no evidence (`--noise` would settle them). */
  readonly unsettled: number;
  /** Reads of a sequence judged on their second answers: the first raced their side's change of state. */
  readonly raced: number;
  readonly flakyBaselines: number;
  /** Root causes per decision (open, accepted, wontfix, resolved): what the reports open with. */
  readonly decisions: DecisionCounts;
  /** Selected cases a signal kept from running (listed in `interrupted.notRun`); 0 for a complete run. */
  readonly notRun: number;
  /** junit.xml's counts; they add up to `cases + notRun` (a case not run is `skipped`). */
  readonly junit: Readonly<Record<JunitOutcomeKind, number>>;
  /** junit.xml's failures that are not divergences: an unmet `expect` on an equal or accepted case. */
  readonly expectationOnlyFailures: number;
  /** With `--compare-to`. */
  readonly regression?: RegressionNumbers;
}

/**
 * What a case is in junit.xml: an error when it could not be compared; an
 * unmet `expect` or a divergence with a root cause still open, a failure; an
 * accepted divergence (every root cause accepted or wontfix), skipped, and so
 * is a flow step that was not sent.
 */
export function junitOutcomeOf(result: AssessedObservation): JunitOutcomeKind {
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

/** The run error a result is, if any: a transport failure first, else an unmet `expect`. */
export function runErrorOf(result: AssessedObservation): 'transport' | 'expect' | undefined {
  if (countedAs(result) === 'error') return 'transport';
  return result.expectations === undefined ? undefined : 'expect';
}

function regressionNumbers(report: RunReport): RegressionNumbers | undefined {
  const r = report.regression;
  if (r === undefined) return undefined;
  const stopped = r.comparedTo.interrupted;
  return {
    runId: r.comparedTo.runId,
    new: r.new.length,
    persisting: r.persisting.length,
    notCompared: r.notCompared?.length ?? 0,
    fixed: r.fixed.length,
    fixedIn: new Set(r.fixed.flatMap((f) => f.caseIds)).size,
    ...(stopped === undefined ? {} : { interrupted: stopped }),
  };
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
  let runErrors = 0;
  let expectationOnlyFailures = 0;
  for (const result of report.results) {
    const outcome = junitOutcomeOf(result);
    junit[outcome]++;
    if (runErrorOf(result) !== undefined) runErrors++;
    if (outcome === 'failure' && countedAs(result) !== 'divergent') expectationOnlyFailures++;
  }
  const regression = regressionNumbers(report);
  const byKind = zeros<DivergenceKind>(DIVERGENCE_KINDS);
  for (const kind of DIVERGENCE_KINDS) byKind[kind] = s.byKind[kind];
  const notPassed = junit.failure + junit.error + junit.skipped;
  const notRun = stoppedEarly(report)?.notRun.length ?? 0;
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
    runErrors,
    encodingNotes: s.encodingNotes ?? 0,
    ownOrigin: s.ownOrigin ?? 0,
    stamped: s.stamped ?? 0,
    derived: s.derived ?? 0,
    echoed: s.echoed ?? 0,
    sequenced: s.sequenced ?? 0,
    generated: s.generated ?? 0,
    unsettled: s.unsettled ?? 0,
    raced: s.raced ?? 0,
    flakyBaselines: s.flakyBaselines ?? 0,
    decisions: s.rootCauses ?? decisionCounts(report.rootCauses ?? []),
    notRun,
    junit: { ...junit, skipped: junit.skipped + notRun, passed: s.cases - notPassed },
    expectationOnlyFailures,
    ...(regression === undefined ? {} : { regression }),
  };
}

/** Colours for parts of a line (the console's); plain text without them. */
export type Paint = Partial<Record<CountedAs, (text: string) => string>>;

/**
 * The counts line, a partition of the cases by comparison: `cases 6 · equal 1 ·
 * divergent 5 · accepted 0 · transport errors 0 · status parity 6/6` (with `·
 * skipped N` before the status parity when flow steps were not sent). An unmet
 * `expect` does not change where a case counts here: see `runErrorsLine`.
 */
export function countsLine(n: ReportNumbers, paint: Paint = {}): string {
  const part = (key: CountedAs, label: string) => {
    const text = `${label} ${n.counted[key]}`;
    return n.counted[key] > 0 ? (paint[key]?.(text) ?? text) : text;
  };
  const parity = `${n.statusParity.equal}/${n.statusParity.total}`;
  const skipped = n.counted.skipped > 0 ? ` · ${part('skipped', 'skipped')}` : '';
  return `cases ${n.cases} · ${part('equal', 'equal')} · ${part('divergent', 'divergent')} · ${part('accepted', 'accepted')} · ${part('error', 'transport errors')}${skipped} · status parity ${parity}`;
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
  return `${plural(n.kindTotal, 'kind')} over ${plural(listed, 'case')}: a case can have several`;
}

/** The by-kind line with its note: `by kind: shape 5 · … (16 kinds over 12 cases: …)`. */
export function kindsLine(n: ReportNumbers): string {
  const note = kindsNote(n);
  return `by kind: ${kindsList(n)}${note === undefined ? '' : ` (${note})`}`;
}

/**
 * The run errors in words: `run errors 3: 1 transport error · 2 unmet expect`
 * (cases, each once: a case can be both).
 */
export function runErrorsLine(n: ReportNumbers): string {
  return `run errors ${n.runErrors}: ${plural(n.counted.error, 'transport error')} · ${n.expectationFailures} unmet expect`;
}

/**
 * junit.xml's counts in words, for the reports that show them: `junit.xml: 4
 * tests · 1 passed · 2 failures (1 divergent, 1 unmet expect) · 1 error · 0
 * skipped (accepted)`. A failure is a divergence with a root cause open, or an
 * unmet `expect` on a case that does not diverge; an error a transport failure.
 */
export function junitLine(n: ReportNumbers): string {
  const { passed, failure, error, skipped } = n.junit;
  const failures = `${plural(failure, 'failure')} (${n.counted.divergent} divergent, ${n.expectationOnlyFailures} unmet expect)`;
  const why =
    n.counted.skipped === 0 && n.notRun === 0
      ? 'accepted'
      : [
          `${n.counted.accepted} accepted`,
          ...(n.counted.skipped === 0 ? [] : [`${n.counted.skipped} not sent`]),
          ...(n.notRun === 0 ? [] : [`${n.notRun} not run`]),
        ].join(', ');
  return `junit.xml: ${plural(n.cases + n.notRun, 'test')} · ${passed} passed · ${failures} · ${plural(error, 'error')} · ${skipped} skipped (${why})`;
}

/**
 * `--compare-to` in words: `0 new · 3 persisting (divergent cases) · 1 fixed
 * root cause, gone from 1 case` (with `· 2 not compared there` among the
 * divergent cases when the compared-to report has no comparison of some).
 */
export function regressionCounts(r: RegressionNumbers): string {
  const notCompared = r.notCompared > 0 ? ` · ${r.notCompared} not compared there` : '';
  const fixedIn = r.fixed > 0 ? `, gone from ${plural(r.fixedIn, 'case')}` : '';
  return `${r.new} new · ${r.persisting} persisting${notCompared} (divergent cases) · ${plural(r.fixed, 'fixed root cause')}${fixedIn}`;
}

/**
 * Why a compared-to report proves less than it seems, when it does: `the
 * compared report run-1 was interrupted by SIGINT (26 of its cases not run): a
 * divergence in those cases is "not compared", never new`.
 */
export function comparedToWarning(r: RegressionNumbers): string | undefined {
  const stopped = r.interrupted;
  if (stopped === undefined) return undefined;
  return `the compared report ${r.runId} was interrupted by ${stopped.signal} (${stopped.notRun} of its cases not run): a divergence in those cases is "not compared", never new`;
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

/** A run that stopped sending before every case ran: by a signal, or by `--bail`. */
export interface StoppedEarly {
  /** `Interrupted by SIGINT`, `Stopped by --bail after 1 divergent case`. */
  readonly title: string;
  /** `3 of 10 cases ran, 7 not run`. */
  readonly ran: string;
  readonly notRun: readonly string[];
  /** junit.xml's `<skipped>` message for a case not run. */
  readonly message: string;
  /** Where report.json lists the cases not run. */
  readonly field: 'interrupted.notRun' | 'bailed.notRun';
  /** Whether the tracker was left as it was (an interrupted run); a bailed run updates it. */
  readonly trackerLeft: boolean;
}

/** How the report says it stopped early, or undefined for a run that sent every case. */
export function stoppedEarly(
  report: Pick<RunReport, 'interrupted' | 'bailed'>,
): StoppedEarly | undefined {
  const { interrupted, bailed } = report;
  if (interrupted !== undefined) {
    return {
      ...interruptedWords(interrupted),
      notRun: interrupted.notRun,
      message: `not run: interrupted by ${interrupted.signal}`,
      field: 'interrupted.notRun',
      trackerLeft: true,
    };
  }
  if (bailed === undefined) return undefined;
  const total = bailed.ran + bailed.notRun.length;
  const after = plural(bailed.after, 'divergent case');
  return {
    title: `Stopped by --bail after ${after}`,
    ran: `${bailed.ran} of ${total} cases ran, ${bailed.notRun.length} not run`,
    notRun: bailed.notRun,
    message: `not run: --bail stopped the run after ${after}`,
    field: 'bailed.notRun',
    trackerLeft: false,
  };
}

/** Why a root cause of the compared report is not seen in this run, and not fixed (`regression.notSeen`). */
export const NOT_SEEN_WHY: Readonly<Record<NotSeenDivergence['reason'], string>> = {
  'diverges-otherwise': 'the case answers otherwise now',
  'not-compared': 'not compared',
  'drawn-order': 'its list is sorted by keys each side drew anew, equal by chance',
  'order-noise':
    "this run's replica put its list in another order than the baseline's: the order is noise, covered, not fixed",
};

/**
 * `3 root causes: 2 open · 1 accepted · 0 wontfix · 0 resolved`: what the
 * reports open with (`· 1 covered by a rule or noise` when a rule or learned noise hides one).
 */
export function decisionsLine(n: ReportNumbers): string {
  const d = n.decisions;
  const total = d.open + d.accepted + d.wontfix + d.resolved + d.covered;
  const covered = d.covered === 0 ? '' : ` · ${d.covered} covered by a rule or noise`;
  const waiting = d.awaitingEvidence ?? 0;
  const awaiting =
    waiting === 0 ? '' : ` · ${waiting} awaiting evidence (--noise --baseline-replica)`;
  return `${plural(total + waiting, 'root cause')}: ${d.open} open · ${d.accepted} accepted · ${d.wontfix} wontfix · ${d.resolved} resolved${covered}${awaiting}`;
}
