/**
 * Where a new member (`new-members.ts`: one side never writes it, its value
 * empty) travels (issue 43, rules 1 and 2). It is a member one side added,
 * so it is keyed as one:
 *
 * 1. **By its name, whatever its value.** Where the run shows the same
 *    member (its name, the same side adding it) added with a value in one
 *    group of changes, it is that group's: a tag type's `color: null` and
 *    the tags' `color: "#FFFFFF"` are one row (``candidate adds `/color` ``).
 * 2. **With the additions of the same answers.** Otherwise, where one group
 *    of members added or removed (the same side adding one of them) shows in
 *    **exactly its answers**, it joins that group: a flag's view that gains
 *    `createdBy` and `collaborators` gains `links: []` and `yes: 0` there
 *    too. Two such groups: the one of its top object, else none.
 *
 * **Kept apart**: a member two groups of that name could hold, a group of
 * values (a reworded message is a question of its own), a group of
 * signatures alone, a group on other answers (two new members on two answer
 * sets are two rows), and a new member one answer's restructure already
 * holds (`null-members.ts`); such a member keeps its own row (its field's,
 * or its object's signature). Pure.
 */
import { RESTRUCTURE_OPS, restructureOf } from './co-travel.js';
import type { NewMember } from './new-members.js';
import { isObjectSignature } from './root-cause.js';
import type { Seen } from './seen-changes.js';
import { splitPath } from './wording/phrases.js';

/** The new members each group gains, and the groups that were a signature alone and joined another. */
export interface NewMemberJoins {
  readonly joins: ReadonlyMap<Seen[], readonly NewMember[]>;
  readonly absorbed: ReadonlySet<Seen[]>;
}

/** True for a group of members added, removed or retyped (no values), one of them `op`, not a signature. */
function membersGroup(group: readonly Seen[], op: string): boolean {
  const changes = group.map((one) => one.change);
  if (changes.some((c) => c.values !== undefined || c.op === 'value')) return false;
  return changes.some((c) => c.op === op && !isObjectSignature(c));
}

function answersOf(group: readonly Seen[]): Set<string> {
  return new Set(group.flatMap((one) => [...one.answers]));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((one) => b.has(one));
}

/** Rule 1: the one group that adds (or lacks) a member of its one name. */
function byName(member: NewMember, groups: readonly Seen[][]): Seen[] | undefined {
  const [name, ...more] = member.names;
  if (name === undefined || more.length > 0) return undefined;
  const named = groups.filter(
    (group) =>
      membersGroup(group, member.op) &&
      group.some(
        ({ change }) =>
          change.op === member.op &&
          !isObjectSignature(change) &&
          splitPath(change.path).name === name,
      ),
  );
  return named.length === 1 ? named[0] : undefined;
}

/** Rule 2: the one group of its answers (of its top object, where two are). */
function byAnswers(member: NewMember, groups: readonly Seen[][]): Seen[] | undefined {
  const same = groups.filter(
    (group) => membersGroup(group, member.op) && sameSet(answersOf(group), member.answers),
  );
  if (same.length < 2) return same[0];
  const tops = new Set(member.changes.map((change) => topOf(change.path)));
  const mine = same.filter((group) => group.some(({ change }) => tops.has(topOf(change.path))));
  return mine.length === 1 ? mine[0] : undefined;
}

function topOf(path: string): string {
  return restructureOf(path === '' ? '/*' : path);
}

/**
 * The groups the run's new members join (see the module comment); `taken`:
 * keys of members already joined to one answer's restructure.
 */
export function newMemberJoins(
  groups: readonly Seen[][],
  fresh: ReadonlyMap<string, NewMember>,
  taken: ReadonlySet<string>,
): NewMemberJoins {
  const joins = new Map<Seen[], NewMember[]>();
  const absorbed = new Set<Seen[]>();
  for (const member of fresh.values()) {
    if (taken.has(member.key) || !RESTRUCTURE_OPS.has(member.op)) continue;
    // A signature is a change of its own group: it moves only when it is alone there.
    const own = member.signature
      ? groups.find((group) => group.some((one) => one.keys.has(member.key)))
      : undefined;
    if (member.signature && (own === undefined || own.length > 1)) continue;
    const others = groups.filter((group) => group !== own);
    const target = byName(member, others) ?? byAnswers(member, others);
    if (target === undefined) continue;
    joins.set(target, [...(joins.get(target) ?? []), member]);
    if (own !== undefined) absorbed.add(own);
  }
  return { joins, absorbed };
}
