/**
 * One error object's changes in exactly the same answers are one row
 * (tracker rule 58, issue 43 item 2). A handler that raises another error
 * writes its code, its message and its extra members in one statement:
 * JSON-RPC's `error: {code, message, data}` whose code, message and `data`
 * change in exactly the answers of two operations was four rows (the code a
 * row per operation, the message, `data`), one decision.
 *
 * The rule, once the run has seen every answer: in answers both sides
 * refused, the changes under one top member of the body (the error object:
 * `/error`) are read per member, as **units** that show in a set of answers
 * over the whole run:
 *
 * - a member added, removed or retyped (`data`, `details`, `errors`), one
 *   unit per member and change;
 * - a value changed: one unit per side and value that side writes there
 *   (`-32602` on the baseline wherever the candidate writes its own code:
 *   the two codes of two operations are one change when one side writes
 *   one code in both, or both sides one pair); a text a person reads (words
 *   and spaces: a message) is also one unit at its member, wherever it
 *   changes.
 *
 * Where two members of one error object or more, one of them a value,
 * each have a unit whose answers are **exactly one set**, two answers or
 * more, every one of them refused by both sides, and nothing else of that
 * object changes in those answers, those members' changes there are one
 * cause, keyed by the error object's path and the members that changed
 * (`errorObject`), never by the endpoints.
 *
 * **Kept apart**: a message reworded in other answers too (its unit's
 * answers are another set), a member added in some of the answers only,
 * codes whose transitions differ with neither side constant (`-32602 →
 * -32000` on one operation, `404 → 10` on another: two choices), an object
 * that also changes another way in those answers (S3's `<Error>` gains
 * `<Key>` where its message gains a full stop, and loses `<Resource>` in
 * every error: two reasons), changes the run already joined to other
 * members (a refusal's pointer and the message quoting it, `co-values.ts`:
 * that row is wider), members alone (rules 2 and 12's), a value
 * that is a status's reason phrase (rule 20's named status), another error
 * object, answers one side accepted (success bodies), and one answer alone
 * (every change of it shares that answer). Pure.
 */
import type { Finding, RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { isReasonPhrase, REASON_PHRASES } from '../../util/reason-phrases.js';
import { compareText } from '../../util/text.js';
import { changeKey, membersOf } from './change-keys.js';
import { placeOf } from './constant-values.js';
import type { ConcreteChange } from './moved-values.js';
import { ANY_ENDPOINT } from './root-cause.js';

/** One answer as the rule reads it: its case, findings and concrete changes. */
export interface ErrorObjectAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  readonly changes?: readonly ConcreteChange[];
}

/** By case id, then by change key (`changeKey`) of a finding's member: the error object's cause. */
export type ErrorObjectCauses = ReadonlyMap<string, ReadonlyMap<string, RootCause>>;

/** Fewer answers than this cannot tell one change from another: every change of one answer shares it. */
const LEAST = 2;

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);

/** A change read as the rule reads it: its error object, member and units. */
interface Read {
  readonly object: string;
  readonly member: string;
  readonly pointer: string;
  readonly units: readonly string[];
}

/** `/error/details/0/field` → `/error/details/*\/field`. */
function memberOf(pointer: string): string {
  return pointer
    .split('/')
    .map((segment, i) => (i > 0 && /^\d+$/.test(segment) ? '*' : segment))
    .join('/');
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A text a person reads: words and spaces (a message), never a code. */
function isText(value: unknown): boolean {
  return typeof value === 'string' && /\S\s+\S/.test(value.trim());
}

/** A change's error object, member and units; undefined for one the rule never reads. */
function readOf(change: ConcreteChange): Read | undefined {
  const { op, path } = change;
  const [, top] = path.split('/');
  if (top === undefined || top === '') return undefined;
  const object = `/${top}`;
  const member = memberOf(path);
  if (MEMBER_OPS.has(op)) {
    const types = `${typeOf(change.baseline)} ${typeOf(change.candidate)}`;
    const unit = op === 'type' ? `${op} ${member} ${types}` : `${op} ${member}`;
    return { object, member, pointer: path, units: [unit] };
  }
  if (op !== 'value' || path === object) return undefined;
  // A side that names its status there is rule 20's: a change of the object no unit stands for.
  if (namesAStatus(change.baseline) || namesAStatus(change.candidate)) {
    return { object, member, pointer: path, units: [] };
  }
  const units = [
    `value ${member} baseline ${JSON.stringify(change.baseline)}`,
    `value ${member} candidate ${JSON.stringify(change.candidate)}`,
  ];
  if (isText(change.baseline) || isText(change.candidate)) units.push(`value ${member}`);
  return { object, member, pointer: path, units };
}

/** A status's reason phrase (`Not Found`, `NOT_FOUND`): a side that names a status, rule 20's. */
function namesAStatus(value: unknown): boolean {
  return Object.keys(REASON_PHRASES).some((status) => isReasonPhrase(value, Number(status)));
}

function answersKey(answers: ReadonlySet<string>): string {
  return JSON.stringify([...answers].sort(compareText));
}

/** One error object's changes that travel together: its path, and per answer the pointers. */
interface Joined {
  readonly object: string;
  readonly pointers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The unit keys of every change, by case id, and each unit's answers over the whole run. */
function unitsOf(answers: readonly ErrorObjectAnswer[]) {
  // Accepted answers count too: a unit shown there is shown "elsewhere".
  const shown = new Map<string, Set<string>>();
  const reads = new Map<string, Read[]>();
  for (const { caseId, changes = [] } of answers) {
    for (const change of changes) {
      const read = readOf(change);
      if (read === undefined) continue;
      reads.set(caseId, [...(reads.get(caseId) ?? []), read]);
      for (const unit of read.units) {
        shown.set(unit, (shown.get(unit) ?? new Set<string>()).add(caseId));
      }
    }
  }
  return { shown, reads };
}

/** The error objects whose changes travel together (see the module comment). */
function joinedObjects(
  answers: readonly ErrorObjectAnswer[],
  refused: ReadonlyMap<string, string>,
): Joined[] {
  const { shown, reads } = unitsOf(answers);
  // By error object and exact answer set: the members with a unit shown there alone.
  const sets = new Map<
    string,
    { object: string; answers: Set<string>; members: Set<string>; values: boolean }
  >();
  for (const [caseId, read] of reads) {
    if (!refused.has(caseId)) continue;
    for (const { object, member, units } of read) {
      for (const unit of units) {
        const at = shown.get(unit);
        if (at === undefined || at.size < LEAST) continue;
        if (![...at].every((one) => refused.has(one))) continue;
        const key = JSON.stringify([object, answersKey(at)]);
        const set = sets.get(key) ?? {
          object,
          answers: at,
          members: new Set<string>(),
          values: false,
        };
        set.members.add(member);
        set.values ||= unit.startsWith('value ');
        sets.set(key, set);
      }
    }
  }
  const out: Joined[] = [];
  for (const { object, answers: at, members, values } of sets.values()) {
    // Members alone are rules 2 and 12's; and the object changes as one only where nothing else of it does.
    if (members.size < LEAST || !values) continue;
    const whole = [...at].every((caseId) =>
      (reads.get(caseId) ?? []).every((read) => read.object !== object || members.has(read.member)),
    );
    if (!whole) continue;
    const pointers = new Map<string, ReadonlySet<string>>();
    for (const caseId of at) {
      const mine = (reads.get(caseId) ?? []).filter(
        (read) => read.object === object && members.has(read.member),
      );
      pointers.set(caseId, new Set(mine.map((read) => read.pointer)));
    }
    out.push({ object, pointers });
  }
  return out;
}

/** A member change as the error object's cause names it: its place, no values or wording. */
function bare(change: SkeletonChange): SkeletonChange {
  const { values: _values, edit: _edit, ...rest } = change;
  return rest;
}

/**
 * By case id and change key: the cause of the error object whose changes
 * travel together there (see the module comment). `refused`: by case id,
 * the answers both sides refused (`errorClasses`).
 */
export function errorObjects(
  answers: readonly ErrorObjectAnswer[],
  refused: ReadonlyMap<string, string>,
  joined: (key: string) => boolean = () => false,
): ErrorObjectCauses {
  const out = new Map<string, Map<string, RootCause>>();
  if (refused.size === 0) return out;
  for (const { object, pointers } of joinedObjects(answers, refused)) {
    // Its members' changes (by change key) and, per answer, the keys it takes.
    const members = new Map<string, SkeletonChange>();
    const taken = new Map<string, string[]>();
    for (const { caseId, findings } of answers) {
      const mine = pointers.get(caseId);
      if (mine === undefined) continue;
      for (const { cause, paths } of findings) {
        if (cause.type !== 'structure' || cause.difference !== undefined) continue;
        for (const change of membersOf(cause)) {
          const at = paths.filter((path) => placeOf(path, change.path));
          if (at.length === 0 || !at.every((path) => mine.has(path))) continue;
          const member = bare(change);
          members.set(changeKey(member), member);
          taken.set(caseId, [...(taken.get(caseId) ?? []), changeKey(change)]);
        }
      }
    }
    // A change the run already joined to other members (`co-values.ts`: data that changes together) keeps that row.
    if (members.size < LEAST || [...taken.values()].flat().some(joined)) continue;
    const [change, ...together] = [...members.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, one]) => one);
    if (change === undefined) continue;
    const cause: RootCause = {
      type: 'structure',
      endpoint: ANY_ENDPOINT,
      change,
      together,
      errorObject: object,
    };
    for (const [caseId, keys] of taken) {
      const mine = out.get(caseId) ?? new Map<string, RootCause>();
      out.set(caseId, mine);
      for (const key of keys) mine.set(key, cause);
    }
  }
  return out;
}
