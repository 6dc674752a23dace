/**
 * Regression mode (`--compare-to`): a run's cases compared with a previous
 * report, root cause by root cause. A divergent case is `new` when it shows a
 * root cause it did not show in the previous report (or it was equal there, or
 * absent from a complete report), `persisting` when every root cause it shows
 * it showed there too, and `not-compared` when the previous report has no
 * comparison of it (a signal stopped that run before the case, a side failed
 * in transport there, or it was another shard). A root cause a case showed
 * before and no longer shows, in a case this run compared cleanly where it
 * was, is `fixed`, whether the case is equal now or still diverges for the
 * reasons it diverged for then. Where it was means in the answer that showed
 * it: a case whose baseline now answers another status, or that shows a
 * root cause it did not show before (it diverges otherwise: a state that
 * moved on, an id that changed), and every step of a flow with such a step,
 * proves nothing, and its lost root causes are `notSeen`, not fixed; so are
 * those of a case that ran and did not compare (a side failed, a step not
 * sent). A root cause shown only under a list sorted by keys each side drew
 * (awaiting evidence: `reordered`) is never fixed by an equal list: each run
 * draws the keys anew, and two draws agree by chance; it is `notSeen`
 * (`drawn-order`), or, in a case whose replica put the list in another order
 * than the baseline's (`Observation.orderNoise`: the order is noise, and a
 * run's tracker covers the row), `notSeen` as `order-noise`. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { pointerOfEntry } from '../../contract/model/entries.js';
import type { Observation } from '../../contract/observation.js';
import type {
  FixedDivergence,
  NotSeenDivergence,
  RegressionCauses,
  RegressionSummary,
} from '../../contract/report.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import type {
  DivergenceKind,
  DivergenceRegression,
  RegressionStatus,
} from '../../contract/vocabulary.js';
import { compareText } from '../../util/text.js';
import { hasFindings } from './types.js';

/** What regression mode needs of the compared-to report. */
export interface PreviousRun {
  readonly runId: string;
  readonly startedAt: string;
  readonly results: readonly AssessedObservation[];
  /** A signal stopped it: the cases it did not run. */
  readonly interrupted?: { readonly signal: string; readonly notRun: readonly string[] };
  /** `--bail` stopped it: the cases it did not run. */
  readonly bailed?: { readonly notRun: readonly string[] };
  /** It ran one shard of the library: a case absent from it was not compared there. */
  readonly shard?: unknown;
}

/** The classified results (same order) and the summary for report.json. */
export interface Regression {
  readonly results: AssessedObservation[];
  readonly summary: RegressionSummary;
}

/** Membership of case ids: a `Set`, or a lighter view over ids a run already holds. */
export interface IdSet {
  has(id: string): boolean;
}

/**
 * The cases whose two sides both answered, so their comparison means something:
 * a transport failure neither proves nor disproves that an old divergence is gone.
 */
export function cleanlyComparedIds(results: readonly AssessedObservation[]): IdSet {
  return comparedIds(
    results.map((r) => r.caseId),
    results,
  );
}

/** True when both sides of `result` answered (it is neither a transport error nor a step not sent). */
function comparedCleanly(result: AssessedObservation): boolean {
  return (
    result.verdict !== 'skipped' &&
    result.baseline.error === undefined &&
    result.candidate.error === undefined
  );
}

/**
 * The same for a run that keeps only some results in memory: every case that ran,
 * minus those whose kept result shows a transport failure (a failed result is never
 * dropped from memory, see `results-stream.ts`), and minus every step of a flow
 * with a step not sent: its later steps ran in another state than the flow
 * sets up (a package never published is absent on both sides), so none of its
 * steps proves a row resolved. Looked up by binary search in the ids, sorted (a
 * run's are already): a large run builds no set of 100k ids.
 */
export function comparedIds(ran: readonly string[], kept: readonly AssessedObservation[]): IdSet {
  const failed = new Set(kept.filter((r) => !comparedCleanly(r)).map((r) => r.caseId));
  const brokenFlows = [
    ...new Set(kept.flatMap((r) => (r.verdict === 'skipped' && r.flow ? [`${r.flow.id}/`] : []))),
  ];
  const inBrokenFlow = (id: string) => brokenFlows.some((flow) => id.startsWith(flow));
  const inOrder = ran.every((id, k) => k === 0 || compareText(ran[k - 1] ?? '', id) <= 0);
  const sorted = inOrder ? ran : [...ran].sort(compareText);
  const ranCase = (id: string): boolean => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = compareText(sorted[mid] ?? '', id);
      if (order === 0) return true;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  };
  return { has: (id) => !failed.has(id) && !inBrokenFlow(id) && ranCase(id) };
}

/** A case in the previous report: compared (with the root causes it showed, none when equal) or not. */
type Before =
  | {
      readonly compared: true;
      readonly findings: readonly AssessedFinding[];
      readonly endpoint: string;
      readonly kinds: readonly DivergenceKind[];
      /** The baseline's status then: another one now means the answer moved on. */
      readonly status: number | undefined;
      /** The root causes it showed only under lists sorted by keys each side drew (`reordered`). */
      readonly drawn: ReadonlySet<string>;
    }
  | { readonly compared: false };

const NOT_COMPARED: Before = { compared: false };

/** Whether `path` is one of `places` or under one. */
function within(path: string, places: readonly string[]): boolean {
  return places.some(
    (place) => path === place || path.startsWith(place === '/' ? '/' : `${place}/`),
  );
}

/**
 * The root causes a result showed only under lists sorted by keys each side
 * drew that the answer does not show (`reordered`, awaiting evidence): each
 * run's writes draw the keys anew, so a later run whose lists come back in
 * one order proves no fix (two draws agree by chance).
 */
function drawnOrderCauses(result: AssessedObservation): ReadonlySet<string> {
  const places = (result.reordered ?? []).map(pointerOfEntry);
  const out = new Set<string>();
  if (places.length === 0) return out;
  for (const finding of result.findings ?? []) {
    if (finding.paths.length > 0 && finding.paths.every((path) => within(path, places))) {
      out.add(finding.fingerprint);
    }
  }
  return out;
}

/**
 * The root causes a divergent result is judged new or persisting by: all
 * but those it shows only under a list sorted by keys each side drew
 * (`drawnOrderCauses`), which each run's draws show or hide by chance, so a
 * case that shows one again is not new for it. All of them when only such
 * causes are left (a case equal before that now shows only one is new, and
 * awaits evidence).
 */
function settledCauses(result: AssessedObservation): readonly AssessedFinding[] {
  const findings = result.findings ?? [];
  const drawn = drawnOrderCauses(result);
  const settled = findings.filter((finding) => !drawn.has(finding.fingerprint));
  return settled.length === 0 ? findings : settled;
}

/** Every case of the previous report, by id. */
function casesBefore(previous: PreviousRun): Map<string, Before> {
  const before = new Map<string, Before>();
  for (const result of previous.results) {
    before.set(
      result.caseId,
      comparedCleanly(result)
        ? {
            compared: true,
            findings: result.findings ?? [],
            endpoint: result.endpoint,
            kinds: result.kinds,
            status: result.baseline.status,
            drawn: drawnOrderCauses(result),
          }
        : NOT_COMPARED,
    );
  }
  for (const id of previous.interrupted?.notRun ?? []) before.set(id, NOT_COMPARED);
  for (const id of previous.bailed?.notRun ?? []) before.set(id, NOT_COMPARED);
  return before;
}

/** Where a divergent case stands: see the module comment. */
function divergenceStatus(
  causes: readonly AssessedFinding[],
  before: Before | undefined,
  previous: PreviousRun,
): DivergenceRegression {
  if (before === undefined) return previous.shard === undefined ? 'new' : 'not-compared';
  if (!before.compared) return 'not-compared';
  const shown = new Set(before.findings.map((f) => f.fingerprint));
  return causes.every((f) => shown.has(f.fingerprint)) ? 'persisting' : 'new';
}

interface Building {
  readonly finding: AssessedFinding;
  readonly caseIds: string[];
  readonly endpoints: Set<string>;
}

/** Where a lost root cause stands: fixed, or not seen for a reason. */
type Lost = 'fixed' | NotSeenDivergence['reason'];

/**
 * True when the case answers otherwise than it did when it showed its root
 * causes: its baseline's status changed, or it shows a root cause it did not
 * show then (a case absent from `now` compared equal: it shows none).
 */
function answersOtherwise(
  seen: Before & { compared: true },
  result: AssessedObservation | undefined,
) {
  if (result === undefined) return false;
  if (result.baseline.status !== seen.status) return true;
  const shown = new Set(seen.findings.map((f) => f.fingerprint));
  return (result.findings ?? []).some((f) => !shown.has(f.fingerprint));
}

/** The flows (`suite/flow/`) with a step that answers otherwise (see `answersOtherwise`). */
function movedFlows(
  before: ReadonlyMap<string, Before>,
  now: ReadonlyMap<string, AssessedObservation>,
): string[] {
  const flows = new Set<string>();
  for (const result of now.values()) {
    const seen = before.get(result.caseId);
    if (result.flow === undefined || seen === undefined || !seen.compared) continue;
    if (answersOtherwise(seen, result)) flows.add(`${result.flow.id}/`);
  }
  return [...flows];
}

/** Why a case's lost root causes are not fixed, or `fixed`; undefined: it proves nothing (not run). */
function lostAs(
  caseId: string,
  seen: Before & { compared: true },
  at: {
    readonly now: ReadonlyMap<string, AssessedObservation>;
    readonly compared: IdSet;
    readonly moved: readonly string[];
    /** The flows (`suite/flow/`) with a step not sent. */
    readonly broken: readonly string[];
  },
): Lost | undefined {
  const result = at.now.get(caseId);
  if (!at.compared.has(caseId)) {
    // Ran and did not compare (a side failed, a step not sent, a flow with one), or did not run.
    const ran = result !== undefined || at.broken.some((flow) => caseId.startsWith(flow));
    return ran ? 'not-compared' : undefined;
  }
  if (answersOtherwise(seen, result)) return 'diverges-otherwise';
  return at.moved.some((flow) => caseId.startsWith(flow)) ? 'diverges-otherwise' : 'fixed';
}

function entriesOf(building: ReadonlyMap<string, Building>): FixedDivergence[] {
  return [...building.values()].map(({ finding, caseIds, endpoints }) => ({
    fingerprint: finding.fingerprint,
    kinds: [finding.kind],
    endpoints: [...endpoints].sort(compareText),
    caseIds: caseIds.sort(compareText),
    summary: finding.summary,
  }));
}

/**
 * The root causes each previous case showed and no longer shows: fixed among
 * the cases this run compared cleanly where they were (`compared`; see the
 * module comment), not seen among the others that ran; a case without a result
 * in `results` that compared cleanly is equal (a run keeps plainly equal
 * results on disk only). A root cause fixed in one case and not seen in
 * another is not seen: it is fixed only where every case proves it.
 */
function lostCauses(
  before: ReadonlyMap<string, Before>,
  now: ReadonlyMap<string, AssessedObservation>,
  evidence: { readonly compared: IdSet; readonly orderNoise: IdSet },
): { fixed: FixedDivergence[]; notSeen: NotSeenDivergence[] } {
  const { compared } = evidence;
  const moved = movedFlows(before, now);
  const broken = [...now.values()].flatMap((r) =>
    r.verdict === 'skipped' && r.flow !== undefined ? [`${r.flow.id}/`] : [],
  );
  const building = new Map<Lost, Map<string, Building>>();
  for (const [caseId, seen] of before) {
    if (!seen.compared || seen.findings.length === 0) continue;
    const lost = lostAs(caseId, seen, { now, compared, moved, broken });
    if (lost === undefined) continue;
    const result = now.get(caseId);
    const still = new Set((result?.findings ?? []).map((f) => f.fingerprint));
    for (const finding of seen.findings) {
      if (still.has(finding.fingerprint)) continue;
      // A list its sides ordered by keys they drew anew: equal now by chance, no fix; or
      // its order shown to be noise by this run's replica (the row is covered): no fix either.
      const drawn = lost === 'fixed' && seen.drawn.has(finding.fingerprint);
      const as: Lost = !drawn
        ? lost
        : evidence.orderNoise.has(caseId)
          ? 'order-noise'
          : 'drawn-order';
      const into = building.get(as) ?? new Map<string, Building>();
      building.set(as, into);
      let entry = into.get(finding.fingerprint);
      if (entry === undefined) {
        entry = { finding, caseIds: [], endpoints: new Set() };
        into.set(finding.fingerprint, entry);
      }
      if (!entry.caseIds.includes(caseId)) entry.caseIds.push(caseId);
      entry.endpoints.add(result?.endpoint ?? seen.endpoint);
    }
  }
  const notSeen: NotSeenDivergence[] = [];
  const unproved = new Set<string>();
  for (const reason of [
    'diverges-otherwise',
    'not-compared',
    'drawn-order',
    'order-noise',
  ] as const) {
    for (const entry of entriesOf(building.get(reason) ?? new Map())) {
      notSeen.push({ ...entry, reason });
      unproved.add(entry.fingerprint);
    }
  }
  const fixed = entriesOf(building.get('fixed') ?? new Map()).filter(
    (entry) => !unproved.has(entry.fingerprint),
  );
  return { fixed, notSeen };
}

/** Each root cause of `results` as new or persisting, against every one the previous cases showed. */
function causesAcross(
  results: readonly AssessedObservation[],
  before: ReadonlyMap<string, Before>,
): RegressionCauses {
  const shown = new Set<string>();
  for (const seen of before.values()) {
    if (seen.compared) for (const f of seen.findings) shown.add(f.fingerprint);
  }
  const now = new Set<string>();
  for (const r of results) for (const f of r.findings ?? []) now.add(f.fingerprint);
  const sorted = [...now].sort(compareText);
  return {
    new: sorted.filter((fp) => !shown.has(fp)),
    persisting: sorted.filter((fp) => shown.has(fp)),
    before: shown.size,
  };
}

/**
 * `result`'s regression mark set afresh: `{ mark }` (undefined: no mark), or
 * undefined when its verdict is never marked (it keeps what it carried).
 */
function markOf(
  result: AssessedObservation,
  before: ReadonlyMap<string, Before>,
  previous: PreviousRun,
  fixedCases: ReadonlySet<string>,
): { readonly mark: RegressionStatus | undefined } | undefined {
  switch (result.verdict) {
    case 'divergent':
    case 'accepted':
      return { mark: divergenceStatus(settledCauses(result), before.get(result.caseId), previous) };
    case 'equal':
      return { mark: fixedCases.has(result.caseId) ? 'fixed' : undefined };
    case 'error':
    case 'skipped':
      return undefined;
    default: {
      const never: never = result;
      return never;
    }
  }
}

/** Each case's regression mark, set afresh (a case absent keeps what it carries). */
export type RegressionMarks = ReadonlyMap<string, RegressionStatus | undefined>;

/**
 * `result` with its mark from `marks` (any mark it carried, e.g. from a merged
 * shard, is replaced); a case `marks` does not hold is returned as it is.
 */
export function withRegressionMark(
  result: AssessedObservation,
  marks: RegressionMarks,
): AssessedObservation {
  if (!marks.has(result.caseId)) return result;
  const mark = marks.get(result.caseId);
  switch (result.verdict) {
    case 'divergent':
    case 'accepted': {
      const { regression: _old, ...rest } = result;
      return mark === undefined || mark === 'fixed' ? rest : { ...rest, regression: mark };
    }
    case 'equal': {
      const { regression: _old, ...rest } = result;
      return mark === 'fixed' ? { ...rest, regression: 'fixed' } : rest;
    }
    default:
      return result;
  }
}

/** Distinct case fingerprints of the results marked `status`, in result order. */
function fingerprintsMarked(
  results: readonly AssessedObservation[],
  marks: RegressionMarks,
  status: DivergenceRegression,
): string[] {
  const out = new Set<string>();
  for (const r of results) {
    if (hasFindings(r) && marks.get(r.caseId) === status) out.add(r.fingerprint);
  }
  return [...out];
}

/**
 * Classifies each divergent result as `new`, `persisting` or `not-compared`
 * relative to `previous`, marks equal results that lost every root cause they
 * showed as `fixed`, and lists the fixed root causes. Results keep their order;
 * any regression mark they carried (e.g. from a merged shard) is replaced.
 * `compared` is the set of cases whose two sides both answered, `orderNoise`
 * those whose replica showed a list's order to be noise (by default, computed
 * from `results`; a run that keeps only some results in memory passes them).
 */
export function regressionMarks(
  results: readonly AssessedObservation[],
  previous: PreviousRun,
  compared: IdSet = cleanlyComparedIds(results),
  orderNoise: IdSet = orderNoiseIds(results),
): { readonly marks: RegressionMarks; readonly summary: RegressionSummary } {
  const before = casesBefore(previous);
  const now = new Map(results.map((r) => [r.caseId, r] as const));
  const { fixed, notSeen } = lostCauses(before, now, { compared, orderNoise });
  const fixedCases = new Set(fixed.flatMap((f) => f.caseIds));
  const marks = new Map<string, RegressionStatus | undefined>();
  for (const result of results) {
    const marked = markOf(result, before, previous, fixedCases);
    if (marked !== undefined) marks.set(result.caseId, marked.mark);
  }
  const notCompared = fingerprintsMarked(results, marks, 'not-compared');
  const stopped = previous.interrupted;
  return {
    marks,
    summary: {
      comparedTo: {
        runId: previous.runId,
        startedAt: previous.startedAt,
        ...(stopped === undefined
          ? {}
          : { interrupted: { signal: stopped.signal, notRun: stopped.notRun.length } }),
      },
      new: fingerprintsMarked(results, marks, 'new'),
      persisting: fingerprintsMarked(results, marks, 'persisting'),
      ...(notCompared.length === 0 ? {} : { notCompared }),
      fixed,
      ...(notSeen.length === 0 ? {} : { notSeen }),
      causes: causesAcross(results, before),
    },
  };
}

/**
 * The cases among `results` whose replica answer put a list in another order
 * than the baseline's (`Observation.orderNoise`); a run that keeps only some
 * results in memory passes its own set, plainly equal cases included.
 */
export function orderNoiseIds(
  results: readonly Pick<Observation, 'caseId' | 'orderNoise'>[],
): ReadonlySet<string> {
  return new Set(results.flatMap((r) => (r.orderNoise === undefined ? [] : [r.caseId])));
}

/** `regressionMarks`, with each result marked (see `withRegressionMark`). */
export function compareToPrevious(
  results: readonly AssessedObservation[],
  previous: PreviousRun,
  compared: IdSet = cleanlyComparedIds(results),
): Regression {
  const { marks, summary } = regressionMarks(results, previous, compared);
  return { results: results.map((r) => withRegressionMark(r, marks)), summary };
}
