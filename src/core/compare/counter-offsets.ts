/**
 * One counter seen through several members, offset (issue 43: type families
 * are keyed on types, and values that also differ are a second question,
 * asked once). A server that numbers its writes from another origin (a
 * store revision that starts at 1 on one side and at 0 on the other) shows
 * it at every member that copies the counter: a header's `revision`, a
 * record's `createRevision` and `modRevision`, on every endpoint. Each
 * member's values differ, by an amount that may change from answer to
 * answer (a write one side refused earlier widens it), but within one
 * answer every such member differs by **the same amount**.
 *
 * The rule: places whose values are integers on both sides (numbers, or
 * digit strings as a 64-bit integer is written), each differing in every
 * pair, by one amount per answer, always in the same direction, join when
 * they show together and differ by the same amount in **every** answer they
 * share. The group is one cause wherever it shows (members of any name, any
 * object, any endpoint): ``candidate's values are lower by one offset per
 * answer, at `/header/revision`, `/item/createRevision` ``.
 *
 * **Kept apart**: a place that differs by another amount in an answer it
 * shares with the group (a `quantity` off by 2 where the revisions are off
 * by 1: a second cause, even in the same answers), a place whose pairs in
 * one answer differ by two amounts (list elements each their own), a place
 * whose values are equal in some pair or not integers, a place that never
 * shows beside another (nothing to join), and a group seen in one answer
 * alone (one answer cannot tell an offset from a coincidence). Pure.
 */
import { isIntegerText } from '../normalise/numbers.js';

/** A value place as the clustering has seen it: per answer, the one amount its integers differ by. */
export interface SeenOffsets {
  /** Per answer (case id), candidate − baseline; undefined when a pair was no such offset. */
  readonly offsets: ReadonlyMap<string, number> | undefined;
}

/** A safe integer from a JSON number or a digit string; undefined otherwise. */
function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !isIntegerText(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * `offsets` with one more pair of values seen in `answer`: undefined (for
 * good) when the pair is not two different integers, or differs by another
 * amount than the answer's other pairs there (list elements each their own).
 * One number per answer and place: a run of many answers keeps no values.
 */
export function withOffset(
  offsets: Map<string, number> | undefined,
  answer: string,
  baseline: unknown,
  candidate: unknown,
): Map<string, number> | undefined {
  if (offsets === undefined) return undefined;
  const b = integerOf(baseline);
  const c = integerOf(candidate);
  if (b === undefined || c === undefined || b === c) return undefined;
  const d = c - b;
  if ((offsets.get(answer) ?? d) !== d) return undefined;
  return offsets.set(answer, d);
}

/** A place's amounts per answer, when it has some and they all go one way; undefined otherwise. */
export function offsetsOf(one: SeenOffsets): ReadonlyMap<string, number> | undefined {
  const { offsets } = one;
  if (offsets === undefined || offsets.size === 0) return undefined;
  const signs = new Set([...offsets.values()].map(Math.sign));
  return signs.size === 1 ? offsets : undefined;
}

/**
 * True when one place's integers differ by one amount in every answer, two
 * answers or more (a count one side always makes one higher): one change
 * wherever the place shows, not each answer's own data.
 */
export function constantOffset(one: SeenOffsets): boolean {
  const offsets = offsetsOf(one);
  return offsets !== undefined && offsets.size > 1 && new Set(offsets.values()).size === 1;
}

/** True when `a` and `b` share an answer and differ by the same amount in every answer they share. */
function together(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  let shared = 0;
  for (const [answer, d] of a) {
    const other = b.get(answer);
    if (other === undefined) continue;
    if (other !== d) return false;
    shared++;
  }
  return shared > 0;
}

/** Same as `together`, or no answer shared (neither evidence for nor against). */
function agrees(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  for (const [answer, d] of a) {
    const other = b.get(answer);
    if (other !== undefined && other !== d) return false;
  }
  return true;
}

/** `offset candidate`: the candidate's numbers are the lower ones (`offset baseline`: the baseline's). */
function directionOf(offsets: ReadonlyMap<string, number>): string {
  const [d = 0] = offsets.values();
  return d < 0 ? 'offset candidate' : 'offset baseline';
}

/**
 * The groups of two places or more that are one counter, offset (see the
 * module comment), in the order given (the caller's key order): each place
 * joins the first group of its direction it shows beside and agrees with.
 */
export function counterOffsets<T extends SeenOffsets>(seen: Iterable<T>): T[][] {
  const groups: {
    direction: string;
    members: { one: T; offsets: ReadonlyMap<string, number> }[];
  }[] = [];
  for (const one of seen) {
    const offsets = offsetsOf(one);
    if (offsets === undefined) continue;
    const direction = directionOf(offsets);
    const group = groups.find(
      (g) =>
        g.direction === direction &&
        g.members.some((m) => together(m.offsets, offsets)) &&
        g.members.every((m) => agrees(m.offsets, offsets)),
    );
    if (group === undefined) groups.push({ direction, members: [{ one, offsets }] });
    else group.members.push({ one, offsets });
  }
  const answersOf = (members: readonly { offsets: ReadonlyMap<string, number> }[]) =>
    new Set(members.flatMap((m) => [...m.offsets.keys()])).size;
  return groups
    .filter((g) => g.members.length > 1 && answersOf(g.members) > 1)
    .map((g) => g.members.map((m) => m.one));
}

/** The offset a group of places stands for (`offset candidate`), when they are one counter; undefined otherwise. */
export function offsetOfGroup(members: readonly SeenOffsets[]): string | undefined {
  if (members.length < 2) return undefined;
  const all = members.map(offsetsOf);
  const first = all[0];
  if (first === undefined || all.some((o) => o === undefined)) return undefined;
  const direction = directionOf(first);
  for (const [i, a] of all.entries()) {
    if (a === undefined || directionOf(a) !== direction) return undefined;
    for (const b of all.slice(i + 1)) if (b === undefined || !agrees(a, b)) return undefined;
  }
  return direction;
}
