/**
 * Values that change together (issue 43, rule 2 for values): the value
 * changes of two members or more of **one object kind** (the same parent
 * path, or one kind at other places, `object-kinds.ts`), keyed by their
 * place alone (data: no templates of their own, no edit), that show in
 * **exactly the same answers, two or more**, and as data in no other answer
 * at those members, are one cause: a validator that names a refused member
 * otherwise writes its `path` and the `message` that quotes it anew in every
 * refusal of a missing member, while the `message` of other refusals is
 * written alike. One answer says nothing (every change in it shares that
 * answer), so never on one answer; nor do values that differ in every
 * answer the run holds them in, both sides writing them (they co-occur
 * whatever their reasons: `selective`).
 *
 * Kept apart: values that share some answers but not all; a value that
 * also differs as data at one of its members (in the answers' bodies, list
 * indices aside) in an answer the others do not (a wording or an edit
 * there is another rule's row and does not count: the same `message`
 * reworded on other refusals); values of different object kinds; values
 * another rule family already groups or explains (a constant under other
 * parents, a transformation, a counter offset or any integers one amount
 * apart, a moved value, a named status, one side's error envelope: those
 * rules keep their rows); values keyed by their templates or an edit
 * (wordings, rule 8 joins those), a type family's values, XML attributes,
 * a list's elements, a whole body, and values whose pairs the run did not
 * keep (no evidence). The group is one row across its resources, unless
 * each of its values is each endpoint's own data (`endpoint-data.ts`): then
 * one row per resource, as each value alone was. Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { parsePointer } from '../../util/json-pointer.js';
import { isJsonObject } from '../normalise/json.js';
import { isElements, type ObjectKinds, objectOf } from './change-keys.js';
import { offsetsOf } from './counter-offsets.js';
import { movedEverywhere } from './moved-values.js';
import { namedSideOf } from './named-statuses.js';
import type { AnswerBodies } from './optional-members.js';
import type { Seen } from './seen-changes.js';
import { splitPath } from './wording/phrases.js';

/** Fewer answers than this cannot tell values apart: every change of one answer shares it. */
const FEWEST_ANSWERS = 2;

/** A value change keyed by its place alone: each answer's data, no wording of its own. */
function isDataValue(change: SkeletonChange): boolean {
  const { op, path, values, edit } = change;
  if (op !== 'value' || values !== undefined || edit !== undefined) return false;
  if (path === '' || isElements(change)) return false;
  return !splitPath(path).name.startsWith('@') && !path.endsWith('/#text');
}

/** A pointer with each list index as `*` (`/details/0/message`): a member wherever an index put it. */
function memberOf(pointer: string): string {
  return pointer
    .split('/')
    .map((segment, i) => (i > 0 && /^\d+$/.test(segment) ? '*' : segment))
    .join('/');
}

/**
 * The members an entry's value changed at, in the answers' own bodies: the
 * `message` of a record in a refusal's `details` list, never the envelope's
 * own `/message`, though both are `/message` within the record.
 */
function membersAt(one: Seen): Set<string> {
  const out = new Set<string>();
  for (const pointers of one.concrete.values()) {
    for (const pointer of pointers) out.add(memberOf(pointer));
  }
  return out;
}

/**
 * The object a value sits in: its kind (`object-kinds.ts`) when the run shows
 * one, else the parents of the members it changed at.
 */
function objectOfValue(one: Seen, kinds: ObjectKinds): string {
  const object = objectOf(one.change)?.object;
  const kind = object === undefined ? undefined : kinds.get(object);
  if (kind !== undefined) return `kind ${kind}`;
  const parents = [...membersAt(one)].map((member) => splitPath(member).parent);
  return JSON.stringify([...new Set(parents)].sort());
}

/**
 * Per member (`membersAt`), the answers a data value showed at it. A wording
 * or an edit there (rule 8) is a row of its own, another rule's question, so
 * it does not count: a refusal's message reworded in other answers leaves
 * the data its missing-member refusals show there to travel.
 */
function valueAnswers(seen: readonly Seen[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const one of seen) {
    if (!isDataValue(one.change)) continue;
    for (const [answer, pointers] of one.concrete) {
      for (const pointer of pointers) {
        const member = memberOf(pointer);
        out.set(member, (out.get(member) ?? new Set<string>()).add(answer));
      }
    }
  }
  return out;
}

/** True when no data value at the entry's members differs in an answer the entry does not show in. */
function nowhereElse(one: Seen, at: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  return [...membersAt(one)].every((member) =>
    [...(at.get(member) ?? [])].every((answer) => one.answers.has(answer)),
  );
}

/** The values at a member (`memberOf`: `*` for any index) in one body, by their pointer. */
function valuesAt(body: unknown, member: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: unknown, rest: readonly string[], pointer: string) => {
    const [segment, ...more] = rest;
    if (segment === undefined) {
      out.set(pointer, JSON.stringify(at));
      return;
    }
    if (segment === '*' && Array.isArray(at)) {
      for (const [i, element] of at.entries()) walk(element, more, `${pointer}/${i}`);
    } else if (isJsonObject(at) && Object.hasOwn(at, segment)) {
      walk(at[segment], more, `${pointer}/${segment}`);
    }
  };
  walk(body, parsePointer(member), '');
  return out;
}

/** True when both bodies hold the member at one pointer with one value (a preview's cut shows nothing). */
function alikeIn(bodies: AnswerBodies, member: string): boolean {
  const theirs = valuesAt(bodies.candidate, member);
  for (const [pointer, value] of valuesAt(bodies.baseline, member)) {
    if (theirs.get(pointer) === value && !value.includes('"…"')) return true;
  }
  return false;
}

/**
 * True when a value of the group is written alike by both sides in another
 * answer the run holds: its change picks some answers out, and the others
 * change exactly there. Values that differ in every answer that shows them
 * (every block's `gasLimit` and `size`, a default and a format of their
 * own) always co-occur: that says nothing of one reason.
 */
function selective(group: readonly Seen[], bodies: ReadonlyMap<string, AnswerBodies>): boolean {
  const [first] = group;
  if (first === undefined) return false;
  return group.some((one) => {
    const members = [...membersAt(one)];
    return [...bodies].some(
      ([answer, both]) =>
        !first.answers.has(answer) && members.some((member) => alikeIn(both, member)),
    );
  });
}

/**
 * The groups of data values that change together (see the module comment),
 * two members or more each; `claimed`: entries another rule family groups;
 * `bodies`: the answers' bodies, by case id (the evidence that the change
 * picks answers out, `selective`).
 */
export function coValues(
  seen: Iterable<Seen>,
  kinds: ObjectKinds,
  claimed: ReadonlySet<Seen>,
  bodies: ReadonlyMap<string, AnswerBodies>,
): Seen[][] {
  const all = [...seen];
  const at = valueAnswers(all);
  const groups = new Map<string, Seen[]>();
  for (const one of all) {
    if (!isDataValue(one.change) || claimed.has(one)) continue;
    if (one.answers.size < FEWEST_ANSWERS || one.pairs.size === 0) continue;
    // Integers one amount apart per answer are the counter rule's question (17), one or two causes.
    if (offsetsOf(one) !== undefined) continue;
    if (movedEverywhere(one) || namedSideOf(one) !== undefined) continue;
    if (!nowhereElse(one, at)) continue;
    const answers = [...one.answers].sort();
    const key = JSON.stringify([objectOfValue(one, kinds), answers]);
    groups.set(key, [...(groups.get(key) ?? []), one]);
  }
  return [...groups.values()].filter((group) => group.length > 1 && selective(group, bodies));
}
