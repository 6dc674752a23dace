/**
 * One side's one success status to every write (issue 43, tracker rule 60).
 * A status transition is keyed by its method and two statuses (rule 4), so a
 * server that answers every successful write `205 Reset Content` where the
 * other answers `204` to a `PUT` and `200` to a `PATCH` and a `DELETE` was a
 * row per method and pair, three rows for one choice: how that side's
 * framework (or its one write handler) answers a write it accepted, whatever
 * the method. A rewrite whose framework answers every write `204 No Content`,
 * or `200` with the record, where the old one answered `201`/`200`/`204` by
 * method, is the same shape.
 *
 * **Joined**: the status findings of writes (`PUT`, `PATCH`, `DELETE`,
 * `POST`) that both sides accepted with two success statuses (`2xx` on both,
 * and they differ), where one side answers **one** status to all of them and
 * the other **two or more**, over **two methods or more**, and where that
 * one status is that side's answer to every write of the four methods both
 * sides accepted in the run, equal answers included (`bothSucceeded`), but
 * a `201 Created` both sides answered (a creation both report alike: what a
 * server holds shows in a write's status as created or not, so a `201`
 * that both write is an outcome, not the framework's default): one status
 * cause keyed by that side and its status (``candidate answers every write
 * 205 (baseline: DELETE 200, PATCH 200, PUT 204), on several endpoints``),
 * listing every method and endpoint.
 *
 * **Kept apart**, each bound argued:
 * - one method alone (a `201 → 200` on creation only, `POST`, where `PUT`
 *   and `DELETE` agree): the claim is about that method's answer, rule 4's
 *   row, never joined with unrelated others;
 * - a transition that leaves the success class (`2xx → 4xx`/`5xx`): one side
 *   refused, a question of what each endpoint supports (refusals are other
 *   rules: 4, 30, 47, 51, 54);
 * - a side whose write statuses vary (no single status on either side: two
 *   choices, or each endpoint's own), and both sides single (`200 → 204` on
 *   `PUT` and `DELETE`: nothing names one side's one answer against the
 *   other's several, so rule 4 keeps a row per method);
 * - a transition where the other side answered `201 Created`, when this
 *   side answers some write `201` itself (it tells a creation apart): the
 *   two disagree whether that write created something (a replacing `PUT`
 *   answered `201` by one, `204` by the other), a question of state, not of
 *   a default; it keeps rule 4's row and the rest are read without it (a
 *   side that never answers `201` answers a creation with its one status
 *   too, and joins);
 * - a side whose one status is not its answer to some other write both
 *   accepted (`DELETE` answered `204` alike where every other write
 *   changed to `200`: that side has no one answer for writes);
 * - reads (`GET`, `HEAD`) whose status changes: a read answers what it
 *   finds, no write's default;
 * - the bodies of those answers: a body that also changes (`Patch applied`
 *   against nothing) keeps its own row (or the status finding it belongs to,
 *   rules 6 and 10); only the status findings join;
 * - a status another rule already joined for its own reason (never rule 4's
 *   recurrence by method, which this rule supersedes).
 *
 * The limit: a side whose framework answers one status to every write and a
 * handler that chose the same status for a reason of its own read as one row.
 * Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { ANY_ROUTE, causeKey, isRecurringStatus } from './root-cause.js';

type Side = 'baseline' | 'candidate';
type StatusCause = RootCause & { type: 'status' };

/** The statuses both sides answered one write with (upper-case method). */
export interface WriteStatuses {
  readonly method: string;
  readonly baseline: number;
  readonly candidate: number;
}

/** One answer as the rule reads it. */
export interface WriteAnswer {
  readonly endpoint: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly request?: { readonly method: string } | undefined;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

/** The methods that write a resource: the statuses of their answers are the framework's write defaults. */
const WRITES: ReadonlySet<string> = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

/** A creation both sides report alike: an outcome, not a default. */
const CREATED = 201;

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * One write both sides accepted with two success statuses, and its own
 * status cause keys (none where another rule joined its status: it counts,
 * and stays that rule's).
 */
interface Transition extends WriteStatuses {
  readonly keys: readonly string[];
}

const isAnyRoute = (cause: RootCause) => cause.type === 'status' && cause.endpoint === ANY_ROUTE;

/** The status findings of an answer keyed on its own endpoint; undefined when another rule joined one. */
function ownKeys(
  answer: WriteAnswer,
  joined: ReadonlyMap<string, RootCause>,
): string[] | undefined {
  const out: string[] = [];
  for (const { cause } of answer.findings) {
    if (cause.type !== 'status' || cause.endpoint !== answer.endpoint) continue;
    if (cause.redirect !== undefined || cause.document !== undefined) return undefined;
    const key = causeKey(cause);
    const other = joined.get(key);
    // Rule 4's recurrence by method is superseded; any other rule's join stands (one of any
    // route, `* *`, reads as a method `*`'s recurrence: it is no method's).
    if (other !== undefined && (!isRecurringStatus(other) || isAnyRoute(other))) return undefined;
    out.push(key);
  }
  return out;
}

function transitionsOf(
  answers: Iterable<WriteAnswer>,
  joined: ReadonlyMap<string, RootCause>,
): Transition[] {
  const out: Transition[] = [];
  for (const answer of answers) {
    const method = answer.request?.method.toUpperCase();
    const baseline = answer.baseline?.status;
    const candidate = answer.candidate?.status;
    if (method === undefined || !WRITES.has(method)) continue;
    if (baseline === undefined || candidate === undefined || baseline === candidate) continue;
    if (!isSuccess(baseline) || !isSuccess(candidate)) continue;
    out.push({ method, baseline, candidate, keys: ownKeys(answer, joined) ?? [] });
  }
  return out;
}

/** True when `status` is `side`'s answer to every write both sides accepted, but a `201` both wrote. */
function answersEveryWrite(
  side: Side,
  status: number,
  evidence: readonly WriteStatuses[] | undefined,
): boolean {
  if (evidence === undefined) return true;
  return evidence.every(
    (one) =>
      !WRITES.has(one.method) ||
      one[side] === status ||
      (one.baseline === CREATED && one.candidate === CREATED),
  );
}

/** True when `side` answers some write `201 Created` in the run: it tells a creation apart. */
function createsAlike(
  side: Side,
  transitions: readonly Transition[],
  evidence: readonly WriteStatuses[] | undefined,
): boolean {
  return [...transitions, ...(evidence ?? [])].some((one) => one[side] === CREATED);
}

/** The cause of one side's one status to every write, the other's statuses by method for its summary. */
function everyWriteCause(side: Side, status: number, transitions: readonly Transition[]) {
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  const writes = [...new Set(transitions.map((one) => `${one.method} ${one[other]}`))].sort(
    compareText,
  );
  const cause: StatusCause = {
    type: 'status',
    endpoint: ANY_ROUTE,
    baseline: side === 'baseline' ? status : 0,
    candidate: side === 'candidate' ? status : 0,
    everyWrite: true,
    writes,
  };
  return cause;
}

/**
 * By cause key (`causeKey`) of a write's own status cause: one side's one
 * success status to every write, where it is one (see the module comment).
 * `evidence` holds the statuses of every write both sides accepted in the
 * run (`AcceptedWrites.bothSucceeded`); `joined`, the status causes other
 * rules already made one row with others.
 */
export function writeStatuses(
  answers: Iterable<WriteAnswer>,
  evidence: readonly WriteStatuses[] | undefined,
  joined: ReadonlyMap<string, RootCause> = new Map(),
): Map<string, RootCause> {
  const out = new Map<string, RootCause>();
  const transitions = transitionsOf(answers, joined);
  for (const side of ['baseline', 'candidate'] as const) {
    const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
    // Where this side answers a creation `201` itself, the other's `201` against its status
    // says the two disagree whether the write created something: a question of its own.
    const created = createsAlike(side, transitions, evidence);
    const joining = created ? transitions.filter((one) => one[other] !== CREATED) : transitions;
    if (new Set(joining.map((one) => one.method)).size < 2) continue;
    const own = new Set(joining.map((one) => one[side]));
    const theirs = new Set(joining.map((one) => one[other]));
    const [status] = own;
    if (own.size !== 1 || theirs.size < 2 || status === undefined) continue;
    if (!answersEveryWrite(side, status, evidence)) continue;
    const cause = everyWriteCause(side, status, joining);
    for (const { keys } of joining) for (const key of keys) out.set(key, cause);
  }
  return out;
}
