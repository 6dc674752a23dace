/**
 * A member written as `null` inside one answer's restructure (issue 43). In
 * a single answer, the members one object gains or loses there and nowhere
 * else are that object's one cause (`cause-clusters.ts`, co-occurrence): a
 * `/settings` whose `options` gained six members is one row. A member it
 * gained with the value `null` is recognised first as `null-vs-absent` (a
 * pattern: an encoder that writes a field with no value as `null`), so it
 * stayed a row of its own beside the restructure, though one answer cannot
 * tell it apart from the members gained with it.
 *
 * The rule: a `null-vs-absent` finding seen in **one answer alone**, at one
 * field, whose pattern recurs at no other field of the run, is a member of
 * that answer's restructure of the same top object when there is one: its
 * row is the restructure's (``/settings: candidate adds `/options/apiKey`,
 * …``). **Kept apart**: the pattern seen in a second answer, or at a second
 * field with the same parameters (evidence of the encoder's convention, rule
 * 5: its own row), a `null` member of another top object, and an answer
 * with no restructure of that object (the pattern's row as before). Pure.
 */
import type { Finding, SkeletonChange } from '../../contract/root-cause.js';
import { RESTRUCTURE_OPS, restructureOf } from './co-travel.js';
import { recordPlace } from './findings.js';
import { ownKey, type RecurringCauses } from './recurring-causes.js';
import { isObjectSignature } from './root-cause.js';
import type { Seen } from './seen-changes.js';

/** One answer's findings, as the clustering reads them. */
interface Answer {
  readonly caseId: string;
  /** Its endpoint template: a member's path is taken within its record, as its restructure's are. */
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** A `null` member one answer alone shows: its pattern's key and the member change it stands for. */
export interface NullMember {
  /** The pattern cause's own key (`ownKey`): the row it joins is looked up by it. */
  readonly key: string;
  /** The member as a change of the restructure: added (or removed) with the JSON type `null`. */
  readonly change: SkeletonChange;
}

/**
 * By case id: the `null-vs-absent` findings of one field each that only that
 * answer shows and whose pattern recurs at no other field (`recurring`: the
 * run's recurring causes, by own key).
 */
export function lonelyNulls(
  answers: readonly Answer[],
  recurring: RecurringCauses,
): ReadonlyMap<string, readonly NullMember[]> {
  const shownIn = new Map<string, Set<string>>();
  const found: { caseId: string; member: NullMember }[] = [];
  for (const { caseId, endpoint, findings } of answers) {
    for (const { cause, paths } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'null-vs-absent') continue;
      const key = ownKey(cause);
      shownIn.set(key, (shownIn.get(key) ?? new Set()).add(caseId));
      const [path, ...more] = paths;
      if (path === undefined || more.length > 0 || recurring.has(key)) continue;
      const added = cause.params[0] === 'candidate-null';
      const change: SkeletonChange = {
        op: added ? 'added' : 'removed',
        // Within its record, as the restructure's members are (`/projects/0/x` → `/x`).
        path: recordPlace(endpoint, path),
        baseline: added ? '-' : 'null',
        candidate: added ? 'null' : '-',
      };
      found.push({ caseId, member: { key, change } });
    }
  }
  const out = new Map<string, NullMember[]>();
  for (const { caseId, member } of found) {
    if (shownIn.get(member.key)?.size !== 1) continue;
    out.set(caseId, [...(out.get(caseId) ?? []), member]);
  }
  return out;
}

/**
 * The `null` members one answer alone shows (`lonelyNulls`) that join a
 * group where the group holds that answer's restructure: every member of
 * the group seen in that answer alone, added or removed (or an object's
 * zero-valued members), in the same top object as the `null` member. A
 * group of such changes, each of one answer, that another rule joined
 * across answers (one refusal's details on several operations,
 * `reason-details.ts`) keeps each answer's `null` members; a group with a
 * change seen in two answers or more takes none (its members recur: a
 * `null` of one answer beside them is a question of its own).
 */
export function restructureNulls(
  members: readonly Seen[],
  nulls: ReadonlyMap<string, readonly NullMember[]>,
): readonly NullMember[] {
  const alone = new Map<string, Seen[]>();
  for (const one of members) {
    const [answer] = one.answers;
    if (answer === undefined || one.answers.size !== 1) return [];
    alone.set(answer, [...(alone.get(answer) ?? []), one]);
  }
  return [...alone].flatMap(([answer, ones]) => {
    const candidates = nulls.get(answer);
    if (candidates === undefined) return [];
    const tops = new Set<string>();
    for (const { change } of ones) {
      if (!RESTRUCTURE_OPS.has(change.op) || change.values !== undefined) return [];
      tops.add(restructureOf(isObjectSignature(change) ? `${change.path}/*` : change.path));
    }
    const [top] = tops;
    if (tops.size !== 1) return [];
    return candidates.filter((member) => restructureOf(member.change.path) === top);
  });
}
