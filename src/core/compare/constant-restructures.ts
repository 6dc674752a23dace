/**
 * One object restructured is one row (issue 43, item 2; rule 56): a side
 * that writes another version of one object (a discovery link that follows
 * another draft of its spec: another `rel`, `type` and version, two
 * properties fewer) changes its members and its constants at once. Where an
 * object (or an object nested in it) gains or lacks members in exactly the
 * same answers, two or more, the **constants** of that object that change
 * in exactly those answers (each side writes one value there in every one
 * of them: one pair of values, the same in each answer) are that
 * restructure's, one row with its members.
 *
 * Evidence, read from the run's changes: members added or removed (no
 * list's elements, no retype) at one parent, in one set of two answers or
 * more; value changes of one pair alone, at one place, in that very set of
 * answers, no other value change at that place; the value's object is the
 * members' object, or one holds the other (`/links/*` and its
 * `/links/*\/properties`), neither of them the body itself.
 *
 * Kept apart: an answer both sides refused (an error envelope's members and
 * values are rule 12's, each value its own question); a value a person
 * reads (words and spaces: a message reworded beside members is a wording,
 * rule 8's); a member another object gains or lacks in the same answers
 * (the body's own `subject` added beside a link restructured: a body's top
 * members are each their own question, and equal answer sets alone join
 * nothing); values that are data (two pairs or more: each answer its own
 * value); a value that changes in other answers too, or in some of the
 * answers only; one answer alone (every change of it shares that answer:
 * the single-answer restructure in `co-travel.ts` has its own bounds). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { isElements } from './change-keys.js';
import { splitPath } from './wording/phrases.js';

/** A change as the clustering saw it over the run (`seen-changes.ts`). */
export interface RestructureSeen {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
  /** A value change's pairs of values, each `[baseline, candidate]` as JSON. */
  readonly pairs: ReadonlySet<string>;
  /** Per answer, the concrete pointers of its changes there. */
  readonly concrete: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Fewer answers than this cannot tell one restructure from another: every change of one answer shares it. */
const FEWEST_ANSWERS = 2;

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed']);

/** A pointer with each list index as `*` (`/links/0/type` → `/links/*\/type`). */
function memberOf(pointer: string): string {
  return pointer
    .split('/')
    .map((segment, i) => (i > 0 && /^\d+$/.test(segment) ? '*' : segment))
    .join('/');
}

/**
 * The one member, in the answers' own bodies, a change was seen at (a
 * change keyed by its object's kind has its place within the object);
 * undefined when it shows at several.
 */
function oneMember(one: RestructureSeen): string | undefined {
  const members = membersOf(one);
  return members.size === 1 ? [...members][0] : undefined;
}

/** The members, in the answers' own bodies, a change was seen at. */
function membersOf(one: RestructureSeen): Set<string> {
  const members = new Set<string>();
  for (const pointers of one.concrete.values()) {
    for (const pointer of pointers) members.add(memberOf(pointer));
  }
  return members;
}

function answersKey(one: RestructureSeen): string {
  return JSON.stringify([...one.answers].sort());
}

/** True when `a` is `b` or one holds the other, neither the body itself. */
function oneObject(a: string, b: string): boolean {
  if (a === b) return true;
  if (a === '' || b === '') return false;
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/**
 * True when a value change is one constant of each side: one pair, at one
 * place, of values a program reads (a name, a version, a URL, a number, a
 * flag), no text a person reads (words and spaces: a wording, rule 8's).
 */
function isConstant(one: RestructureSeen): boolean {
  const { op, edit } = one.change;
  if (op !== 'value' || edit !== undefined || one.pairs.size !== 1 || isElements(one.change)) {
    return false;
  }
  const [pair = '[]'] = one.pairs;
  const values: unknown = JSON.parse(pair);
  return Array.isArray(values) && values.length === 2 && values.every(isToken);
}

/** A number, a flag, or a string with no whitespace: what a program writes as a constant. */
function isToken(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'string' && value !== '' && value.length <= 256 && !/\s/.test(value);
}

/** True when no answer of a change is one both sides refused (an error envelope: rule 12's). */
function accepted(one: RestructureSeen, refused: ReadonlyMap<string, string>): boolean {
  return [...one.answers].every((answer) => !refused.has(answer));
}

/** True when a change is a member one side adds or lacks, at one object. */
function isMember(one: RestructureSeen): boolean {
  const { change } = one;
  if (!MEMBER_OPS.has(change.op) || change.values !== undefined) return false;
  return change.path !== '' && !isElements(change);
}

/**
 * The groups of one object's members added or removed and its constants
 * changed in exactly the same answers (see the module comment): each holds
 * the members' changes and the constants'. `refused`: by case id, the
 * answers both sides refused (`errorClasses`), whose changes are kept out.
 */
export function constantRestructures<T extends RestructureSeen>(
  seen: Iterable<T>,
  refused: ReadonlyMap<string, string>,
): T[][] {
  const all = [...seen].filter((one) => accepted(one, refused));
  // The members each object gains or lacks, by object and answer set.
  const restructures = new Map<string, { parent: string; answers: string; changes: T[] }>();
  for (const one of all) {
    if (!isMember(one) || one.answers.size < FEWEST_ANSWERS) continue;
    const member = oneMember(one);
    if (member === undefined) continue;
    const { parent } = splitPath(member);
    const answers = answersKey(one);
    const key = JSON.stringify([parent, answers]);
    const entry = restructures.get(key) ?? { parent, answers, changes: [] };
    entry.changes.push(one);
    restructures.set(key, entry);
  }
  if (restructures.size === 0) return [];
  // Places where more than one value change shows: keyed at one place otherwise, another question.
  const valuesAt = new Map<string, number>();
  for (const one of all) {
    if (one.change.op !== 'value') continue;
    for (const member of membersOf(one)) valuesAt.set(member, (valuesAt.get(member) ?? 0) + 1);
  }
  const groups = new Map<string, T[]>();
  for (const one of all) {
    const place = isConstant(one) ? oneMember(one) : undefined;
    if (place === undefined || valuesAt.get(place) !== 1) continue;
    if (one.answers.size < FEWEST_ANSWERS) continue;
    const { parent } = splitPath(place);
    const answers = answersKey(one);
    for (const [key, restructure] of restructures) {
      if (restructure.answers !== answers || !oneObject(parent, restructure.parent)) continue;
      groups.set(key, [...(groups.get(key) ?? restructure.changes), one]);
    }
  }
  return [...groups.values()];
}
