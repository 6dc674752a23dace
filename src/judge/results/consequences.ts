/**
 * Consequences: a divergence that follows from an earlier one in the same
 * flow or serial sequence is shown under that earlier root cause, not as a
 * row of its own. Pure; computed once every result is in, in run order.
 *
 * The rule (docs/tracker.md, "Findings and root causes"):
 * - the earlier root cause is a write (POST, PUT, PATCH, DELETE) one side
 *   accepted (2xx) and the other refused: a status transition across
 *   classes; on an RPC path, where every call is a `POST`, only a call whose
 *   name or refusal says it may have written (rule 34, `rpc-writes.ts`);
 * - the later case ran after it in the same flow or serial sequence, on the
 *   same resource: one endpoint's collection (its path without trailing
 *   `:id` segments) is a prefix of the other's; on a message protocol, the
 *   same channel (rule 49, `channel-state.ts`);
 * - its answers can show that state: one side answered 2xx, or the two
 *   statuses differ and one of them speaks of state (404, 409, 410, 412).
 *   Where both sides refused alike (`404 → 404` with a JSON and a text
 *   body), both refused the input itself (`400 → 422`), or one side accepted
 *   what the other refused as input (`400 → 201`: a write of its own kind),
 *   the state played no part: those findings keep their own rows;
 * - its status, body-kind and residual findings are consequences of the
 *   earliest such write (a recognised pattern or a header is a design
 *   difference that shows whatever the state, so it keeps its own row; so
 *   does a write's status where both sides succeeded and neither created,
 *   `204 → 200`: each server's choice of success status), but
 *   a value that differs in a record both sides hold alike otherwise and
 *   that does not name the written resource (`own-differences.ts`): it
 *   would differ without the write, so it keeps its own row too.
 *   So does a record only the refusing side lists after a write that
 *   removes nothing (`refusing-side-lists.ts`, rule 46b): such a write can
 *   only make the accepting side hold more. So does an answer where one
 *   side faulted (`5xx`) and the other did not, unless that side refused
 *   the write with a `5xx` itself (`server-faults.ts`, rule 62b).
 *
 * A write both sides answered `2xx` whose answer says its outcome differs
 * (a boolean at the body's top: `succeeded`, `applied`; `outcome-writes.ts`)
 * is such a write too: one side performed it and the other did not. Its
 * answer's other state-dependent findings (the branch that ran) and those of
 * the later cases on the same resource are its consequences; instead of the
 * record test above (its path often names an operation, `/txn`, not a
 * record), a finding whose change also shows where no outcome differed keeps
 * its own row (`shownApart`).
 *
 * A call accepted on one side only whose sent value a later list's extra
 * elements hold wrote, whatever its verb (rule 38, `echoed-writes.ts`); a
 * body of another kind on a route one side refuses whole is the route's
 * (rule 38, `refused-routes.ts`). A read of a record of the same name under
 * another collection than the write shows it in the direction the write
 * implies (rule 46, `same-name-reads.ts`).
 *
 * Across cases, whatever their order: `cross-case-consequences.ts`.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { AssessedFinding, RootCause } from '../../contract/root-cause.js';
import { showsWrittenState } from './channel-state.js';
import { echoedWriteConsequences } from './echoed-writes.js';
import {
  changesOf,
  outcomeFindingOf,
  shownApart,
  WRITE_METHODS,
  type WrittenOutcomes,
  writtenOutcomes,
} from './outcome-writes.js';
import { ownDifference } from './own-differences.js';
import { refusedRouteConsequences } from './refused-routes.js';
import { heldByRefusingSide, removesNothing } from './refusing-side-lists.js';
import { countsAsWrite } from './rpc-writes.js';
import { sameNameConsequences } from './same-name-reads.js';
import { faultedOn, faultingSide, faultOfItsOwn } from './server-faults.js';
import { hasFindings } from './types.js';

/** A write one side performed and the other did not, and where it was written. */
interface StateCause {
  readonly fingerprint: string;
  /** The write's endpoint: where its state shows (`channel-state.ts`). */
  readonly endpoint: string;
  /** The request path the write was sent to. */
  readonly path: string;
  /**
   * What shows it: a status one side refused it with, or an answer both sides
   * gave `2xx` whose outcome differs (`outcome-writes.ts`).
   */
  readonly shownBy: 'status' | 'outcome';
  /**
   * For a write shown by its status: the side that accepted it, when the
   * write removes nothing (`refusing-side-lists.ts`, rule 46b).
   */
  readonly addedBy?: 'baseline' | 'candidate';
  /** For a write shown by its status: the side that refused it with a `5xx` (rule 62b, `server-faults.ts`). */
  readonly faultedBy?: 'baseline' | 'candidate';
}

function statusClassOf(status: number): number {
  return Math.floor(status / 100);
}

/**
 * A side's status class in a status cause; on a row keyed by the header one
 * side's refused writes lack (`missing-headers.ts`), the other side's `0`
 * stands for any success it answered with.
 */
function sideClassOf(
  cause: RootCause & { type: 'status' },
  side: 'baseline' | 'candidate',
): number {
  const status = cause[side];
  return status === 0 && cause.header !== undefined ? 2 : statusClassOf(status);
}

/**
 * A status transition across classes with exactly one side 2xx; not a side
 * that answered the other's refusal with a success status (it accepted nothing).
 */
function acceptedOnOneSide(cause: RootCause): boolean {
  if (cause.type !== 'status' || cause.document === true) return false;
  const b = sideClassOf(cause, 'baseline');
  const c = sideClassOf(cause, 'candidate');
  return b !== c && (b === 2 || c === 2);
}

/**
 * A route family one side does not have (tracker rule 54), and one side's
 * one status to every write (rule 60), are one cause whatever the other
 * side answered (its status `0`, any): read with this answer's own
 * statuses, a write the other side accepted is one.
 */
function answeredCause(result: AssessedObservation, cause: RootCause): RootCause {
  if (cause.type !== 'status') return cause;
  if (cause.missingRoute === undefined && cause.everyWrite === undefined) return cause;
  const { baseline, candidate } = result;
  if (baseline.status === undefined || candidate.status === undefined) return cause;
  return { ...cause, baseline: baseline.status, candidate: candidate.status };
}

/** The side that answered `2xx` a status transition one side accepted. */
function acceptingSideOf(cause: RootCause): 'baseline' | 'candidate' | undefined {
  if (cause.type !== 'status') return undefined;
  return sideClassOf(cause, 'baseline') === 2 ? 'baseline' : 'candidate';
}

/** Refusals of the request itself (its syntax or its content), whatever the server holds. */
const INPUT_STATUSES: ReadonlySet<number> = new Set([400, 422]);

/** Refusals that depend on what the server holds, not on the request alone. */
const STATE_STATUSES: ReadonlySet<number> = new Set([404, 409, 410, 412]);

/**
 * True when the two answers can differ because the two sides hold different
 * state: one side succeeded, or one side's refusal is about state. Two sides
 * that both refused, with the same status or two input statuses (`400`,
 * `422`), agree on the outcome whatever they hold.
 */
function canShowState(result: AssessedDivergence): boolean {
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (b === undefined || c === undefined) return true;
  // One side accepted, the other refused the input itself: a decision about input, whatever the state.
  if (
    INPUT_STATUSES.has(b) !== INPUT_STATUSES.has(c) &&
    (statusClassOf(b) === 2 || statusClassOf(c) === 2)
  ) {
    return false;
  }
  if (statusClassOf(b) === 2 || statusClassOf(c) === 2) return true;
  return b !== c && (STATE_STATUSES.has(b) || STATE_STATUSES.has(c));
}

/** The key of the sequence a result ran in, or undefined for a plain case. */
function sequenceOf(result: AssessedObservation): string | undefined {
  if (result.flow !== undefined) return `flow:${result.flow.id}`;
  if (result.serial !== undefined) return `serial:${result.serial}`;
  return undefined;
}

/** Findings that can follow from state: status, body kind, residual structure. */
function stateDependent(finding: AssessedFinding, result: AssessedDivergence): boolean {
  if (finding.cause.type === 'status') return !successChoice(result);
  return finding.cause.type === 'body-kind' || finding.cause.type === 'structure';
}

/**
 * True when a write succeeded on both sides with two statuses of which
 * neither is `201 Created` (`204 → 200` for a `PUT` that replaced a file):
 * what a server holds shows in a write's status as created or not (`201`
 * against `200`/`204`), or as accepted or refused; two other success
 * statuses for the same outcome are each server's choice of answer, which it
 * makes whatever it holds. Such a status keeps its own row after a refused
 * write, even on the same resource (a `PUT` refused `423` then sent again
 * with the lock's token: `204 → 200` is a decision of its own).
 */
function successChoice(result: AssessedDivergence): boolean {
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (b === undefined || c === undefined || !WRITE_METHODS.has(result.request.method)) return false;
  return statusClassOf(b) === 2 && statusClassOf(c) === 2 && b !== 201 && c !== 201;
}

/** Per finding fingerprint, the root cause it follows from; for one case. */
export type CaseConsequences = ReadonlyMap<string, string>;

/** Per case id: its findings that are consequences, each with the root cause it follows from. */
export type Consequences = ReadonlyMap<string, CaseConsequences>;

/** Adds to `marks` the findings of `result` that follow from `cause` (not marked already). */
function markFrom(result: AssessedDivergence, cause: StateCause, marks: Map<string, StateCause>) {
  for (const finding of result.findings) {
    if (marks.has(finding.fingerprint) || finding.fingerprint === cause.fingerprint) continue;
    if (!stateDependent(finding, result)) continue;
    // A value of a record the refused write did not touch differs on its own
    // (`own-differences.ts`); after an outcome, the change shown apart keeps its row instead.
    if (cause.shownBy === 'status' && ownDifference(result, finding, cause.path)) continue;
    // A record only the refusing side lists does not follow from a write that removes nothing (rule 46b).
    if (cause.addedBy !== undefined && heldByRefusingSide(result, finding, cause.addedBy)) continue;
    marks.set(finding.fingerprint, cause);
  }
}

/** The findings of `result` that follow from the earliest related cause of `causes`. */
function consequencesIn(
  result: AssessedDivergence,
  causes: readonly StateCause[],
): Map<string, StateCause> {
  const marks = new Map<string, StateCause>();
  const cause = causes.find((c) => showsWrittenState(c.endpoint, result.endpoint));
  if (cause === undefined || !canShowState(result)) return marks;
  // A server fault on one side is a decision of its own, never the state a write left (rule 62b).
  const statuses = { baseline: result.baseline.status, candidate: result.candidate.status };
  const faultedBy = faultedOn(cause.path, result.request.path, cause.faultedBy);
  if (!faultOfItsOwn(statuses, faultedBy)) markFrom(result, cause, marks);
  return marks;
}

/**
 * The write's own outcome, when its answer says it differs and no earlier
 * write explains it (`outcome-writes.ts`): its other findings are marked
 * under it in `marks`.
 */
function outcomeCause(
  result: AssessedDivergence,
  marks: Map<string, StateCause>,
  written: WrittenOutcomes,
): StateCause | undefined {
  const outcome = WRITE_METHODS.has(result.request.method)
    ? outcomeFindingOf(result, written)
    : undefined;
  if (outcome === undefined || outcome.consequenceOf !== undefined) return undefined;
  if (marks.has(outcome.fingerprint)) return undefined;
  const cause: StateCause = {
    fingerprint: outcome.fingerprint,
    endpoint: result.endpoint,
    path: result.request.path,
    shownBy: 'outcome',
  };
  markFrom(result, cause, marks);
  return cause;
}

/**
 * `result` with each finding `marks` names marked `consequenceOf` the root
 * cause it follows from; the result itself when `marks` names none.
 */
export function withConsequence(
  result: AssessedObservation,
  marks: CaseConsequences | undefined,
): AssessedObservation {
  if (marks === undefined || !hasFindings(result)) return result;
  let changed = false;
  const findings = result.findings.map((finding): AssessedFinding => {
    const cause = marks.get(finding.fingerprint);
    if (cause === undefined) return finding;
    changed = true;
    return { ...finding, consequenceOf: cause };
  });
  return changed ? { ...result, findings } : result;
}

/** The consequences among `results` (in run order), by case id (see the module comment). */
export function consequencesOf(results: readonly AssessedObservation[]): Consequences {
  const causes = new Map<string, StateCause[]>();
  const out = new Map<string, Map<string, StateCause>>();
  const outcomeAnswers = new Set<string>();
  const written = writtenOutcomes(results);
  for (const result of results) {
    if (!hasFindings(result)) continue;
    const sequence = sequenceOf(result);
    const earlier = sequence === undefined ? [] : (causes.get(sequence) ?? []);
    const marks = consequencesIn(result, earlier);
    const outcome = outcomeCause(result, marks, written);
    if (outcome !== undefined) outcomeAnswers.add(result.caseId);
    if (marks.size > 0) out.set(result.caseId, marks);
    if (sequence === undefined || !WRITE_METHODS.has(result.request.method)) continue;
    for (const finding of result.findings) {
      const consequenceOf = marks.get(finding.fingerprint) ?? finding.consequenceOf;
      const own = answeredCause(result, finding.cause);
      if (consequenceOf !== undefined || !acceptedOnOneSide(own)) continue;
      // On an RPC path a call is a write only where its name or its refusal says so (rule 34).
      if (!countsAsWrite(result, finding.cause)) continue;
      const path = result.request.path;
      const cause: StateCause = {
        fingerprint: finding.fingerprint,
        endpoint: result.endpoint,
        path,
        shownBy: 'status',
      };
      const addedBy = removesNothing(result) ? acceptingSideOf(own) : undefined;
      const faultedBy = own.type === 'status' ? faultingSide(own) : undefined;
      earlier.push({
        ...cause,
        ...(addedBy === undefined ? {} : { addedBy }),
        ...(faultedBy === undefined ? {} : { faultedBy }),
      });
    }
    if (outcome !== undefined) earlier.push(outcome);
    causes.set(sequence, earlier);
  }
  const kept = keptApart(results, out, outcomeAnswers);
  // A call whose sent value a later list's extra elements hold wrote, whatever its verb, and a
  // body of another kind on a route one side refuses whole is the route's (rule 38).
  const echoed = laidUnder(kept, echoedWriteConsequences(results, kept));
  const routes = laidUnder(echoed, refusedRouteConsequences(results, echoed));
  // A read of a record of the same name under another collection than a refused write (rule 46).
  return laidUnder(routes, sameNameConsequences(results, routes));
}

/** `marks` with `more` added where `marks` marks nothing for that finding. */
function laidUnder(marks: Consequences, more: Consequences): Consequences {
  if (more.size === 0) return marks;
  const out = new Map<string, Map<string, string>>();
  for (const layer of [more, marks]) {
    for (const [caseId, byFinding] of layer) {
      const merged = out.get(caseId) ?? new Map<string, string>();
      for (const [finding, cause] of byFinding) merged.set(finding, cause);
      out.set(caseId, merged);
    }
  }
  return out;
}

/**
 * `marks` as fingerprints, without the marks an outcome made on findings
 * whose change also shows where no outcome differed (`outcome-writes.ts`,
 * `shownApart`): those keep their rows.
 */
function keptApart(
  results: readonly AssessedObservation[],
  marks: ReadonlyMap<string, ReadonlyMap<string, StateCause>>,
  outcomeAnswers: ReadonlySet<string>,
): Consequences {
  const shown = outcomeAnswers.size === 0 ? undefined : shownApart(results, outcomeAnswers, marks);
  const out = new Map<string, Map<string, string>>();
  for (const result of results) {
    const byFinding = marks.get(result.caseId);
    if (byFinding === undefined || !hasFindings(result)) continue;
    const kept = new Map<string, string>();
    for (const finding of result.findings) {
      const cause = byFinding.get(finding.fingerprint);
      if (cause === undefined) continue;
      const apart = cause.shownBy === 'outcome' && changesOf(finding).some((c) => shown?.has(c));
      if (!apart) kept.set(finding.fingerprint, cause.fingerprint);
    }
    if (kept.size > 0) out.set(result.caseId, kept);
  }
  return out;
}

/** The root cause a finding's row is: its own, or the one it is a consequence of. */
export function rowFingerprintOf(finding: AssessedFinding): string {
  return finding.consequenceOf ?? finding.fingerprint;
}
