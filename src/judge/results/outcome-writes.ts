/**
 * A write whose outcome differs (issue 43 rule 2: changes that always travel
 * together are one cause). A conditional write, a compare-and-swap, an
 * update guarded by a version, is answered with a success status on both
 * sides whether it ran or not; its answer says which at its top: `{"succeeded":
 * true}` against `false` (`applied`, `ok`, `created`, `matched`, …). One side
 * performed the write and the other did not, as surely as when one side
 * refused it with a status, so it reads the same way
 * (`consequences.ts`): the answer's other differences (the branch that ran,
 * the records it wrote) and the later steps of its flow that differ on the
 * same resource follow from it.
 *
 * The rule, per answer (the caller passes the answers to a write method):
 * - both statuses are `2xx`, both bodies JSON objects;
 * - a member at the body's top whose name says an outcome (`succeeded`,
 *   `success`, `ok`, `applied`, `created`, `updated`, `modified`, `matched`,
 *   `deleted`, `removed`, `acknowledged`, `committed`, in any case) holds a
 *   boolean on each side, and the two differ; or it is `true` on one side
 *   and absent on the other, where that side writes it `true` in other
 *   answers and never `false` (it leaves `false` out, as the protobuf JSON
 *   mapping does: etcd's gateway omits `"succeeded": false`). The first such
 *   member (in the answer's order of changes) is the outcome; its finding is
 *   the cause.
 *
 * **Kept apart**: an answer to a safe method (a `GET`'s `{"healthy": false}`
 * is a state it reports, not a write's outcome), a boolean of another name
 * (a log-in that answers the user's `verified`: a record's attribute), a
 * boolean below the top (a flag of a listed record), a boolean against a
 * member one side never writes (or also writes `false`: its absence says
 * nothing), and any difference also shown where no outcome
 * differed (`shownApart`). Pure.
 */

import type { AssessedDivergence, AssessedObservation } from '../../contract/assessment.js';
import type { Change } from '../../contract/observation.js';
import type { AssessedFinding } from '../../contract/root-cause.js';
import { changeKey, membersOf } from '../../core/compare/change-keys.js';
import {
  type MemberKey,
  type WrittenMembers,
  writtenMembers,
} from '../../core/compare/written-members.js';
import { isJsonObject } from '../../core/normalise/json.js';
import { parsePointer } from '../../util/json-pointer.js';
import { hasFindings } from './types.js';

/**
 * Names (lower case) of a member that says what came of the operation, not
 * what a record holds: a `POST` that answers a user's `verified` or a
 * light's `on` reports a record's attribute, a state both sides may hold
 * apart whatever the write did (as rule 29 reads a refusal by its member's
 * name).
 */
const OUTCOME_MEMBERS: ReadonlySet<string> = new Set([
  'succeeded',
  'success',
  'successful',
  'ok',
  'applied',
  'created',
  'updated',
  'modified',
  'matched',
  'deleted',
  'removed',
  'acknowledged',
  'committed',
]);

function succeeded(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** True for a member at the body's top whose name says an outcome (`OUTCOME_MEMBERS`). */
function isOutcomeMember(path: string): boolean {
  const segments = parsePointer(path);
  return segments.length === 1 && OUTCOME_MEMBERS.has(segments[0]?.toLowerCase() ?? '');
}

/**
 * Per side, per outcome member (its pointer): what that side wrote there in a
 * write's `2xx` answer (`false` its zero value, `true` another).
 */
export interface WrittenOutcomes {
  readonly baseline: WrittenMembers;
  readonly candidate: WrittenMembers;
}

/** An outcome member at the body's top holding a boolean, read under its pointer. */
const outcomeKey: MemberKey = (place, name, value) =>
  place === '' && typeof value === 'boolean' && OUTCOME_MEMBERS.has(name.toLowerCase())
    ? `/${name}`
    : undefined;

/** The outcomes each side wrote over the run's write answers it kept (`WrittenOutcomes`). */
export function writtenOutcomes(results: readonly AssessedObservation[]): WrittenOutcomes {
  const writes = results.filter(
    (result) => hasFindings(result) && WRITE_METHODS.has(result.request.method),
  );
  const bodiesOf = (side: 'baseline' | 'candidate') =>
    writes.flatMap((result) => (succeeded(result[side].status) ? [result.bodies?.[side]] : []));
  return {
    baseline: writtenMembers(bodiesOf('baseline'), outcomeKey, 0),
    candidate: writtenMembers(bodiesOf('candidate'), outcomeKey, 0),
  };
}

/** The write methods whose answers can say an outcome. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * True for an outcome one side wrote `true` and the other left out, where
 * the side that left it out writes it `true` elsewhere and never `false`: it
 * leaves its default out (the protobuf JSON mapping omits `false`), so the
 * member's absence there says `false`.
 */
function omittedFalse(change: Change, written: WrittenOutcomes): boolean {
  if (!isOutcomeMember(change.path)) return false;
  const [shown, omitting] =
    change.op === 'added'
      ? [change.candidate, written.baseline.get(change.path)]
      : change.op === 'removed'
        ? [change.baseline, written.candidate.get(change.path)]
        : [undefined, undefined];
  return shown === true && omitting?.other === true && !omitting.zero;
}

/** The finding of a write's answer that says its outcome differs; undefined when none (module comment). */
export function outcomeFindingOf(
  result: AssessedDivergence,
  written: WrittenOutcomes = { baseline: new Map(), candidate: new Map() },
): AssessedFinding | undefined {
  if (!succeeded(result.baseline.status) || !succeeded(result.candidate.status)) return undefined;
  if (!isJsonObject(result.bodies.baseline) || !isJsonObject(result.bodies.candidate)) {
    return undefined;
  }
  const outcome = result.changes.find(
    (change) =>
      (change.op === 'value' &&
        typeof change.baseline === 'boolean' &&
        typeof change.candidate === 'boolean' &&
        change.baseline !== change.candidate &&
        isOutcomeMember(change.path)) ||
      omittedFalse(change, written),
  );
  if (outcome === undefined) return undefined;
  return result.findings.find((finding) => finding.paths.includes(outcome.path));
}

/**
 * What a finding changed wherever it shows: each member change of a
 * structure cause (op, member path, types: `changeKey`), else its fingerprint.
 * So the same change on another endpoint, keyed there by its own resource,
 * is the same change here.
 */
export function changesOf(finding: Pick<AssessedFinding, 'cause' | 'fingerprint'>): string[] {
  const members = membersOf(finding.cause);
  return members.length === 0 ? [finding.fingerprint] : members.map(changeKey);
}

/**
 * The changes (`changesOf`) shown where no outcome differed: in an answer
 * that is no differing outcome's (`outcomeAnswers`) and not marked a
 * consequence of anything (`marked`, by case id and fingerprint). A finding
 * an outcome would take that shows one of them is a change of its own (the
 * same change on another endpoint, before the write, in another flow): it
 * keeps its row.
 */
export function shownApart(
  results: readonly AssessedObservation[],
  outcomeAnswers: ReadonlySet<string>,
  marked: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): Set<string> {
  const shown = new Set<string>();
  for (const result of results) {
    if (!hasFindings(result) || outcomeAnswers.has(result.caseId)) continue;
    const marks = marked.get(result.caseId);
    for (const finding of result.findings) {
      if (finding.consequenceOf !== undefined || marks?.has(finding.fingerprint) === true) continue;
      for (const change of changesOf(finding)) shown.add(change);
    }
  }
  return shown;
}
