/**
 * Members of one object that one side never writes, seen in fewer answers
 * because the other side writes them only sometimes (issue 43). A message's
 * `headers` map that loses `from`, `to` and `date` in every answer, and
 * `cc` in the answers whose message has a `cc`, is one change: the `cc` is
 * missing wherever there was one. Co-occurrence (`cause-clusters.ts`, 2)
 * asks for exactly the same answers; this joins a member whose answers are
 * **fewer**, when the bodies show why: in each other answer of the group,
 * the side that writes the members has no such member in that object
 * either (nothing was there to lose).
 *
 * Kept apart: a member that both sides write, alike, in one of the group's
 * other answers (it is lost only sometimes: a second reason, a row of its
 * own), and the members that change in exactly its answers with it; a
 * member also seen outside the group's answers; an answer whose
 * body is cut where it would show (no evidence); a member of another
 * object, of the other side, retyped, a value, a list's elements, an
 * object's signature; a member seen in one answer (a restructure's), and a
 * member two groups of that object could hold. Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { parsePointer } from '../../util/json-pointer.js';
import { isJsonObject } from '../normalise/json.js';
import { valueAt } from '../normalise/replica.js';
import { isObjectSignature } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** A change over the run: what changed, in which answers, at which concrete paths. */
export interface OptionalSeen {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
  /** Per answer, the concrete pointers of its change there (`/0/headers/date`). */
  readonly concrete?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One answer's two bodies as a result keeps them (a preview: `cut` names the sides that were cut). */
export interface AnswerBodies {
  readonly baseline?: unknown;
  readonly candidate?: unknown;
  readonly cut?: { readonly baseline?: unknown; readonly candidate?: unknown };
}

/** The key marking a container a preview cut (`judge/results/preview.ts`'s `CUT_KEY`). */
const CUT = '…';

function isMember(change: SkeletonChange): boolean {
  if (change.op !== 'added' && change.op !== 'removed') return false;
  if (change.path === '' || change.path.endsWith('/*') || change.values !== undefined) return false;
  return !isObjectSignature(change) && !splitPath(change.path).name.startsWith('@');
}

/**
 * True when, in `answer`, the side that writes the group's members has no
 * member `name` in any object the group's members sit in there.
 */
function nothingToLose(
  group: readonly OptionalSeen[],
  answer: string,
  name: string,
  side: 'baseline' | 'candidate',
  bodies: ReadonlyMap<string, AnswerBodies>,
): boolean {
  const both = bodies.get(answer);
  if (both === undefined || both.cut !== undefined) return false;
  const parents = new Set(
    group.flatMap((one) => [...(one.concrete?.get(answer) ?? [])].map((p) => splitPath(p).parent)),
  );
  if (parents.size === 0) return false;
  return [...parents].every((parent) => {
    const object = valueAt(both[side], parsePointer(parent));
    return isJsonObject(object) && !Object.hasOwn(object, CUT) && !Object.hasOwn(object, name);
  });
}

/**
 * The groups that hold a member one side never writes with the members of
 * its object lost or gained in more answers (see the module comment), each
 * a group's members and the members that join them.
 */
export function optionalMembers<T extends OptionalSeen>(
  seen: Iterable<T>,
  bodies: ReadonlyMap<string, AnswerBodies>,
): T[][] {
  const members = [...seen].filter((one) => isMember(one.change) && one.answers.size >= 2);
  // The object's members changed in exactly the same answers (co-occurrence's groups).
  const groups = new Map<string, T[]>();
  for (const one of members) {
    const key = JSON.stringify([
      splitPath(one.change.path).parent,
      one.change.op,
      [...one.answers].sort(),
    ]);
    const group = groups.get(key) ?? [];
    group.push(one);
    groups.set(key, group);
  }
  // Only groups of one object and op can hold each other.
  const byObject = new Map<string, T[][]>();
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const key = JSON.stringify([splitPath(first.change.path).parent, first.change.op]);
    const list = byObject.get(key) ?? [];
    list.push(group);
    byObject.set(key, list);
  }
  const joined = new Map<T[], T[]>();
  for (const list of byObject.values()) {
    if (list.length < 2) continue;
    // Only a group no other of its object holds can hold others: a member is checked
    // against every answer of the row it would join, never through a chain.
    const widest = list.filter((group) => !list.some((other) => holds(other, group)));
    for (const fewer of list) joinFewer(fewer, widest, bodies, joined);
  }
  return [...joined.values()];
}

/** True when `big`'s answers hold all of `small`'s and more (groups of one object and op). */
function holds(big: readonly OptionalSeen[], small: readonly OptionalSeen[]): boolean {
  const [b] = big;
  const [one] = small;
  if (b === undefined || one === undefined || big === small) return false;
  if (b.answers.size <= one.answers.size) return false;
  return [...one.answers].every((answer) => b.answers.has(answer));
}

/**
 * A group of fewer answers joins the one group of its object that holds them
 * all, when none of its members had anything to lose in that group's other
 * answers (into `joined`, by holder).
 */
function joinFewer<T extends OptionalSeen>(
  fewer: T[],
  widest: readonly T[][],
  bodies: ReadonlyMap<string, AnswerBodies>,
  joined: Map<T[], T[]>,
): void {
  const [one] = fewer;
  if (one === undefined) return;
  const side = one.change.op === 'removed' ? 'baseline' : 'candidate';
  // Two groups that could hold it: nothing says which row it belongs to.
  const holders = widest.filter((group) => holds(group, fewer));
  const [holder] = holders;
  if (holder === undefined || holders.length > 1) return;
  const others = [...(holder[0]?.answers ?? [])].filter((answer) => !one.answers.has(answer));
  const lost = fewer.every(({ change: member }) => {
    const { name } = splitPath(member.path);
    return others.every((answer) => nothingToLose(holder, answer, name, side, bodies));
  });
  if (!lost) return;
  joined.set(holder, [...(joined.get(holder) ?? holder), ...fewer]);
}
