/**
 * Accept against refuse, one status (issue 43): an answer where one side
 * answers its error envelope (`{"error": {…}}`, `{"fault": …}`) and the
 * other a result (`{"result": "0x…"}`, `{"ok": …}`, a record), both with the
 * same status (a JSON-RPC API answers `200` either way), is what that
 * operation does with that request: one side refuses it, the other accepts.
 * Each operation's refusal is its own behaviour, so the change is keyed by
 * the answer's resource (on an RPC API its operation, `/ eth_sendTransaction`;
 * elsewhere its path), never one change across resources: `eth_sendTransaction`
 * refusing a reverting call and `eth_getBlockByNumber` refusing an unknown
 * tag, where the other side answers a hash and `null`, are two rows, though
 * both read ``candidate lacks `/error` ``. And the answer's outcome members
 * (the refusal member one side answers, the members the other answers
 * instead, a `null` result against none) are one cause: one row per
 * operation, not ``lacks `/error` `` beside ``adds `/result` ``.
 *
 * The rule, per answer:
 *
 * - both statuses known and equal, both bodies JSON objects (or XML-RPC
 *   answers: a `<methodResponse><fault>` on one side only is the refusal,
 *   below the body's top, `faultOutcome`);
 * - exactly one side has a **refusal member** at the body's top: a member
 *   named `error`, `errors`, `fault`, `faults`, `exception`, `failure` or `failure reason`
 *   (any case) whose value is not `null`, `false`, `""` or empty; the other
 *   side has none (it may have one that is `null`: JSON-RPC 1.0's `"error":
 *   null` on a success);
 * - its **outcome members** are those refusal members and the accepting
 *   side's top members the refusing side lacks or answers `null`;
 * - its findings whose every change (or, for a pattern, every path) sits at
 *   or under an outcome member are that answer's one cause, keyed by its
 *   resource, the refusal member's change first.
 *
 * **Kept apart**: every other change of the answer (an envelope member that
 * differs on every answer, an `id` retyped), answers both sides refused or
 * both accepted (an error envelope lacking `/error/data` on every refusal
 * still recurs across operations: rule 1), answers whose statuses differ
 * (rule 4 and rule 27 read those), and bodies that are no JSON objects. Pure.
 */
import type { Finding, SkeletonChange, StructureCause } from '../../contract/root-cause.js';
import { escapeSegment } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { isJsonObject } from '../normalise/json.js';
import { refusalsOf, refusesInBody } from './body-refusals.js';
import { changeKey, membersOf } from './change-keys.js';
import { resourceOfEndpoint } from './endpoint.js';
import { xmlRpcFault } from './xml-rpc-faults.js';

/** One answer as this rule reads it: its statuses, endpoint, findings and bodies. */
export interface RefusableAnswer {
  readonly caseId: string;
  readonly endpoint: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly bodies?: { readonly baseline?: unknown; readonly candidate?: unknown };
}

/** An answer one side refused and the other accepted, with one status. */
export interface RefusedAnswer {
  /** The answer's one cause: its outcome members' changes, keyed by its resource. */
  readonly cause: StructureCause;
  /** The outcome members, as pointers (`/error`, `/result`). */
  readonly members: ReadonlySet<string>;
}

/**
 * The side that refused in its body where the other did not (a fault or a
 * JSON-RPC `error` against a result, one status: rule 29), or undefined.
 */
export function refusedInBodyBy(
  baseline: unknown,
  candidate: unknown,
): 'baseline' | 'candidate' | undefined {
  const b = refusesInBody(baseline);
  if (b === refusesInBody(candidate)) return undefined;
  return b ? 'baseline' : 'candidate';
}

/**
 * True when both sides refused in the body (an RPC API answers `200` either
 * way; `error-envelopes.ts`): each body a JSON object with a refusal member
 * at its top (see the module comment), or an XML-RPC fault; or both a JSON
 * list (a batch of calls) of one length whose elements refuse at the same
 * places, one place at least.
 */
export function refusedByBoth(baseline: unknown, candidate: unknown): boolean {
  if (!Array.isArray(baseline) || !Array.isArray(candidate)) {
    return refusesInBody(baseline) && refusesInBody(candidate);
  }
  if (baseline.length !== candidate.length) return false;
  const refused = baseline.map((element, i) => {
    const one = refusesInBody(element);
    return one === refusesInBody(candidate[i]) ? one : undefined;
  });
  return refused.every((one) => one !== undefined) && refused.includes(true);
}

/** An answer's outcome members: the refusal's pointers, and those with the accepting side's. */
interface OutcomeMembers {
  readonly refusals: string[];
  readonly members: Set<string>;
}

/**
 * An XML-RPC answer's outcome members: a `<methodResponse><fault>` on one
 * side only is the refusal, wherever it sits below the body's top, and the
 * members of the other side's `methodResponse` the refusing side lacks
 * (`params`) are what it answered instead (`xml-rpc-faults.ts`).
 */
function faultOutcome(baseline: unknown, candidate: unknown): OutcomeMembers | undefined {
  const onBaseline = xmlRpcFault(baseline) !== undefined;
  if (onBaseline === (xmlRpcFault(candidate) !== undefined)) return undefined;
  const [refusing, accepting] = onBaseline ? [baseline, candidate] : [candidate, baseline];
  const refused = isJsonObject(refusing) ? refusing['methodResponse'] : undefined;
  const answered = isJsonObject(accepting) ? accepting['methodResponse'] : undefined;
  if (!isJsonObject(refused) || !isJsonObject(answered)) return undefined;
  const refusal = '/methodResponse/fault';
  const members = new Set([refusal]);
  for (const key of Object.keys(answered)) {
    if (!Object.hasOwn(refused, key)) members.add(`/methodResponse/${escapeSegment(key)}`);
  }
  return { refusals: [refusal], members };
}

/** The outcome members of one answer's bodies as pointers, with the refusals first; undefined when none. */
function outcomeMembers(baseline: unknown, candidate: unknown): OutcomeMembers | undefined {
  const fault = faultOutcome(baseline, candidate);
  if (fault !== undefined) return fault;
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return undefined;
  const onBaseline = refusalsOf(baseline);
  const onCandidate = refusalsOf(candidate);
  if ((onBaseline.length === 0) === (onCandidate.length === 0)) return undefined;
  const [refusing, accepting, refusals] =
    onBaseline.length > 0 ? [baseline, candidate, onBaseline] : [candidate, baseline, onCandidate];
  const members = new Set(refusals);
  for (const [key, value] of Object.entries(accepting)) {
    const lacked = !Object.hasOwn(refusing, key);
    if (lacked || (refusing[key] === null && value !== null)) members.add(key);
  }
  const pointer = (key: string) => `/${escapeSegment(key)}`;
  return { refusals: refusals.map(pointer), members: new Set([...members].map(pointer)) };
}

/** True when `path` is one of `members` or under one (a fault's members sit below the top). */
function under(path: string, members: ReadonlySet<string>): boolean {
  for (let slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
    if (members.has(path.slice(0, slash))) return true;
  }
  return members.has(path);
}

/** True when every change of the finding (a pattern's every path) sits at an outcome member. */
export function isOutcomeFinding(
  finding: Pick<Finding, 'cause' | 'paths'>,
  members: ReadonlySet<string>,
): boolean {
  const { cause, paths } = finding;
  if (cause.type === 'pattern') return paths.length > 0 && paths.every((p) => under(p, members));
  if (cause.type !== 'structure' || cause.difference !== undefined) return false;
  const changes = membersOf(cause);
  return changes.length > 0 && changes.every((change) => under(change.path, members));
}

/** By case id: the answers one side refused and the other accepted with one status. */
export function refusedAnswers(answers: Iterable<RefusableAnswer>): Map<string, RefusedAnswer> {
  const out = new Map<string, RefusedAnswer>();
  for (const answer of answers) {
    const b = answer.baseline?.status;
    if (b === undefined || b !== answer.candidate?.status) continue;
    const outcome = outcomeMembers(answer.bodies?.baseline, answer.bodies?.candidate);
    if (outcome === undefined) continue;
    const changes = new Map<string, SkeletonChange>();
    for (const finding of answer.findings) {
      if (!isOutcomeFinding(finding, outcome.members)) continue;
      for (const change of membersOf(finding.cause)) changes.set(changeKey(change), change);
    }
    // The refusal member's change first: the row is keyed by it on every answer of the operation.
    const refusalFirst = (change: SkeletonChange) =>
      under(change.path, new Set(outcome.refusals)) ? 0 : 1;
    const [change, ...together] = [...changes.entries()]
      .sort(([a, x], [b, y]) => refusalFirst(x) - refusalFirst(y) || compareText(a, b))
      .map(([, one]) => one);
    if (change === undefined) continue;
    out.set(answer.caseId, {
      cause: {
        type: 'structure',
        endpoint: resourceOfEndpoint(answer.endpoint),
        change,
        ...(together.length === 0 ? {} : { together }),
      },
      members: outcome.members,
    });
  }
  return out;
}
