/**
 * One side's error envelope (issue 43): the members an error document gains
 * or loses are one cause, even where they show in overlapping, unequal sets
 * of answers. A server writes its error answers through one error handler,
 * so an envelope that names the key in `<Key>` on one error and the bucket
 * in `<BucketName>` on another, and drops `<RequestId>` on all of them, is
 * one choice (how that side writes its errors), not one row per member.
 *
 * The rule, once the run has seen every answer:
 *
 * - **An envelope member** is a member added or removed (never a value, a
 *   retyped member, an XML attribute, a list's elements or an object's
 *   signature) directly in the body (`/message`) or in one of its top
 *   members (`/Error/Key`, `/error/code`), and seen **only on error
 *   answers**: both sides refused, in one error class (`4xx` or `5xx`; or,
 *   with one status below 400, both refused in the body, as a JSON-RPC
 *   server answers `200` with an `error`: `200 refusal`).
 * - Members of one envelope (the same parent, the same error class) whose
 *   answer sets **overlap** (an answer shows both, directly or through a
 *   chain of members) are one cause.
 *
 * **Kept apart**: a member also seen on an answer where a side accepted (it
 * is not the error handler's), members of another object or of another
 * error class (a `5xx` envelope is another handler), members whose answers
 * share none (nothing shows them to be one envelope: the `404`s lack one
 * member, the `409`s gain another, two rows), values (a reworded message is
 * a question of its own) and retyped members. Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { refusedByBoth } from './refused-answers.js';
import { isObjectSignature } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** A change as the clustering has seen it across the run: the answers (case ids) that show it. */
export interface SeenMember {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
}

/** One answer's two statuses, as a result holds them. */
export interface AnswerStatuses {
  readonly caseId: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
}

/** An answer's two statuses and the kinds of its two bodies (`json`, `text`, …). */
export interface KindedAnswer extends AnswerStatuses {
  readonly baseline?: {
    readonly status?: number | undefined;
    readonly bodyKind?: string | undefined;
  };
  readonly candidate?: {
    readonly status?: number | undefined;
    readonly bodyKind?: string | undefined;
  };
}

/** An answer's two statuses and, where kept, its two bodies (a refusal in the body). */
export interface ClassedAnswer extends AnswerStatuses {
  readonly bodies?: { readonly baseline?: unknown; readonly candidate?: unknown } | undefined;
}

/**
 * By case id: the error class of each answer both sides refused in one
 * class: `4xx` or `5xx` by status, or, with one status below 400 on both
 * sides, `200 refusal` where both bodies refused in themselves (a JSON-RPC
 * `error` on both, an XML-RPC fault on both: `refused-answers.ts`).
 */
export function errorClasses(answers: Iterable<ClassedAnswer>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { caseId, baseline, candidate, bodies } of answers) {
    const b = baseline?.status;
    const c = candidate?.status;
    if (b === undefined || c === undefined) continue;
    if (b < 400 && b === c) {
      if (refusedByBoth(bodies?.baseline, bodies?.candidate)) out.set(caseId, `${b} refusal`);
      continue;
    }
    if (b < 400 || c < 400) continue;
    const one = Math.floor(b / 100);
    if (one === Math.floor(c / 100)) out.set(caseId, `${one}xx`);
  }
  return out;
}

const ENVELOPE_OPS: ReadonlySet<string> = new Set(['added', 'removed']);

/** The envelope a change is a member of (its parent and error class); undefined when kept apart. */
function envelopeOf(seen: SeenMember, classes: ReadonlyMap<string, string>): string | undefined {
  const { change, answers } = seen;
  if (!ENVELOPE_OPS.has(change.op) || change.values !== undefined) return undefined;
  if (change.path === '' || change.path.endsWith('/*') || isObjectSignature(change)) {
    return undefined;
  }
  const { parent, name } = splitPath(change.path);
  if (name.startsWith('@') || name === '#text') return undefined;
  // The body's own members or one top member's: `/Error/Key`, never `/Error/Detail/Key`.
  if (parent.split('/').length > 2) return undefined;
  let errorClass: string | undefined;
  for (const answer of answers) {
    const one = classes.get(answer);
    if (one === undefined || (errorClass !== undefined && one !== errorClass)) return undefined;
    errorClass = one;
  }
  return errorClass === undefined ? undefined : JSON.stringify([parent, errorClass]);
}

/**
 * The envelopes among `seen` (see the module comment): each a list of two
 * members or more that are one cause. A member is in one envelope at most.
 */
export function errorEnvelopes<T extends SeenMember>(
  seen: Iterable<T>,
  classes: ReadonlyMap<string, string>,
): T[][] {
  if (classes.size === 0) return [];
  const byEnvelope = new Map<string, T[]>();
  for (const one of seen) {
    const envelope = envelopeOf(one, classes);
    if (envelope === undefined) continue;
    byEnvelope.set(envelope, [...(byEnvelope.get(envelope) ?? []), one]);
  }
  const out: T[][] = [];
  for (const members of byEnvelope.values()) {
    for (const component of overlapping(members)) if (component.length > 1) out.push(component);
  }
  return out;
}

/** `members` split into the groups whose answer sets overlap, directly or through a chain. */
function overlapping<T extends SeenMember>(members: readonly T[]): T[][] {
  const groups: { members: T[]; answers: Set<string> }[] = [];
  for (const one of members) {
    const touching = groups.filter((g) => [...one.answers].some((a) => g.answers.has(a)));
    const merged = { members: [one], answers: new Set(one.answers) };
    for (const g of touching) {
      merged.members.unshift(...g.members);
      for (const a of g.answers) merged.answers.add(a);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => g.members);
}
