/**
 * One side's refusals under another status, worded its own way (issue 43,
 * tracker rule 47). A server rewritten so that it refuses bad requests with
 * `422` where the other refuses them with `400`, in the same envelope
 * (`{status, errorType, error}` on both), also names each error's class
 * otherwise (`bad_data` against `422`) and words each refusal its own way
 * (`missing \`query\` arg` for `parse error: no expression found in input`).
 * Rule 4 made the transition a row per method, rule 1 the class another row,
 * and rule 8 a row per wording (each answer's own): nine rows for what a
 * person decides once, how the candidate refuses those requests. Rule 39
 * joins a handler's wordings only where its envelope changed; here it did not.
 *
 * The rule, once the run has seen every answer. A **transition** is two
 * statuses, both refusals (≥ 400) and neither a router's answer (`404`,
 * `405`, `410`, `501`: a route, method or target missing, a question of its
 * own). It is **one way of refusing** when every answer of the run with those
 * two statuses, two answers or more, has a JSON object body on both sides.
 * Its **envelope** is one object of those bodies (the body, or a member of
 * it outside any list, `/error`) that has the same members of the same JSON
 * types on both sides in every such answer. Then the changes of values at
 * members of that envelope, text on both sides (an error's class, its
 * message: any text but a status's reason phrase, rule 20, and a message
 * moved, rule 20 too),
 * **every answer of each** among the transition's, and the transition's
 * status findings, **every answer of each** among them too, are one cause
 * (``status 400 → 422 where both refuse, worded anew at `/error`,
 * `/errorType`: … ``), listing each pair of wordings. Where values change at
 * members of several objects, the envelope is the object whose changes show
 * in the most answers (then the shorter path).
 *
 * **Kept apart**: a wording also seen on an answer outside the transition
 * (the same status on both sides, or another transition: rules 8 and 39 as
 * before); a transition where one side accepted (rule 4, 30, 33); another
 * transition (`400 → 422` and `403 → 401` are two rows); a router's status
 * on either side; a transition one of whose answers is no JSON object on
 * both sides, or whose envelope gains, loses or retypes a member (rules 12
 * and 39); a value of another object than the envelope (`/error/details/…`
 * beside `/error/message`); a number or a flag of the envelope (`limit`:
 * a setting the refusal reports, its own row); the name of what was
 * refused, qualified otherwise (`email` against `user.email`: how fields
 * are named, its own row); members added or removed; and a transition
 * alone, with no value changed at its envelope (rule 4's row). Pure.
 */
import type { Finding } from '../../contract/root-cause.js';
import { parsePointer } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { isJsonObject } from '../normalise/json.js';
import type { KindedAnswer } from './error-envelopes.js';
import { documentShape } from './error-handlers.js';
import { namedSideOf, type SeenNamed } from './named-statuses.js';
import { ownKey } from './recurring-causes.js';
import { splitPath } from './wording/phrases.js';

/** Statuses a router answers with: the route, method or target is missing on that side. */
const ROUTER: ReadonlySet<number> = new Set([404, 405, 410, 501]);

/** One answer as this rule reads it: its statuses, body kinds, bodies and findings. */
export interface RefusingAnswer extends KindedAnswer {
  readonly findings: readonly Pick<Finding, 'cause'>[];
  readonly bodies?: {
    readonly baseline?: unknown;
    readonly candidate?: unknown;
    readonly cut?: { readonly baseline?: unknown; readonly candidate?: unknown };
  };
}

/** One way of refusing: the two statuses, and the answers that show them. */
interface Transition {
  readonly statuses: readonly [baseline: number, candidate: number];
  readonly answers: readonly RefusingAnswer[];
}

/** A change as the clustering has seen it (`seen-changes.ts`): the answers (case ids) that show it. */
type SeenValue = SeenNamed<unknown>;

/** A transition's row: its statuses and its status findings' own keys. */
export interface RefusalRewording {
  readonly statuses: readonly [baseline: number, candidate: number];
  readonly owns: ReadonlySet<string>;
}

/** The groups with each transition's joined into one, and what each such group is. */
export interface RefusalRewordings<T> {
  readonly groups: T[][];
  readonly rows: ReadonlyMap<T[], RefusalRewording>;
}

/** The two statuses of an answer both sides refused under two statuses, neither a router's. */
function statusesOf(answer: RefusingAnswer): readonly [number, number] | undefined {
  const b = answer.baseline?.status;
  const c = answer.candidate?.status;
  if (b === undefined || c === undefined || b === c || b < 400 || c < 400) return undefined;
  if (ROUTER.has(b) || ROUTER.has(c)) return undefined;
  return [b, c];
}

/** True when both sides answered a whole JSON object (no preview cut it). */
function bothObjects(answer: RefusingAnswer): boolean {
  const { bodies } = answer;
  if (bodies === undefined || bodies.cut !== undefined) return false;
  if (answer.baseline?.bodyKind !== 'json' || answer.candidate?.bodyKind !== 'json') return false;
  return isJsonObject(bodies.baseline) && isJsonObject(bodies.candidate);
}

/** The transitions of the run whose every answer is a JSON object on both sides, two answers or more. */
function transitionsOf(answers: readonly RefusingAnswer[]): Transition[] {
  const byStatuses = new Map<string, { statuses: [number, number]; answers: RefusingAnswer[] }>();
  for (const answer of answers) {
    const statuses = statusesOf(answer);
    if (statuses === undefined) continue;
    const key = statuses.join(' ');
    const one = byStatuses.get(key) ?? { statuses: [...statuses], answers: [] };
    byStatuses.set(key, one);
    one.answers.push(answer);
  }
  return [...byStatuses.values()].filter(
    (one) => one.answers.length >= 2 && one.answers.every(bothObjects),
  );
}

/** The object at a parent path (no list on the way), or undefined. */
function objectAt(body: unknown, parent: string): unknown {
  let at = body;
  for (const segment of parsePointer(parent)) {
    if (!isJsonObject(at)) return undefined;
    at = at[segment];
  }
  return isJsonObject(at) ? at : undefined;
}

/** True when the object at `parent` has the same members of the same types on both sides in every answer. */
function oneEnvelope(answers: readonly RefusingAnswer[], parent: string): boolean {
  if (parent.split('/').includes('*')) return false;
  return answers.every(({ bodies }) => {
    const b = objectAt(bodies?.baseline, parent);
    const c = objectAt(bodies?.candidate, parent);
    return b !== undefined && c !== undefined && documentShape(b) === documentShape(c);
  });
}

/**
 * True when a change is a value of its own worded otherwise: text on both
 * sides (a number or a flag is a setting the refusal reports, `limit: 1000`
 * against `500`, a decision of its own), no reason phrase, no moved message.
 */
function isValue(one: SeenValue): boolean {
  const { change } = one;
  if (change.op !== 'value' || change.to !== undefined || change.kinds !== undefined) return false;
  if (change.baseline !== 'string' || change.candidate !== 'string') return false;
  return namedSideOf(one) === undefined;
}

/** The segments of a qualified name (`user.email`, `body/email`, `items[0]`). */
const segmentsOf = (name: string): string[] => name.split(/[./[\]]+/u).filter((s) => s !== '');

/** True when one name is the other qualified by where it sits (`email` against `user.email`). */
function qualifies(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const segments = segmentsOf(long);
  return short !== long && segments.length > 1 && segments.at(-1) === segmentsOf(short).at(-1);
}

/** The member `name` of the object at `parent`, or undefined. */
function memberAt(body: unknown, parent: string, name: string): unknown {
  const object = objectAt(body, parent);
  return isJsonObject(object) ? object[name] : undefined;
}

/**
 * True when, in every answer of a transition where the value at `path`
 * differs, it names one thing qualified otherwise on each side (`field`:
 * `email` against `user.email`): how the refusal names what it refused, a
 * decision of its own, not a wording.
 */
function namesQualified(answers: readonly RefusingAnswer[], path: string): boolean {
  const { parent, name } = splitPath(path);
  const pairs = answers
    .map(({ bodies }) => [
      memberAt(bodies?.baseline, parent, name),
      memberAt(bodies?.candidate, parent, name),
    ])
    .filter(([b, c]) => b !== c);
  return (
    pairs.length > 0 &&
    pairs.every(([b, c]) => typeof b === 'string' && typeof c === 'string' && qualifies(b, c))
  );
}

/** The parent of a group whose every member is a value of one object, every answer among `within`. */
function parentOf(
  group: readonly SeenValue[],
  within: ReadonlySet<string>,
  named: (path: string) => boolean,
): string | undefined {
  const parents = new Set(group.map((one) => splitPath(one.change.path).parent));
  const [parent] = parents;
  if (parent === undefined || parents.size > 1) return undefined;
  const inside = group.every(
    (one) =>
      isValue(one) &&
      !named(one.change.path) &&
      [...one.answers].every((answer) => within.has(answer)),
  );
  return inside ? parent : undefined;
}

/**
 * The groups (`co-travel.ts`) with each transition's (see the module
 * comment) joined into one. `answers`: the run's; `claimed`: own keys of
 * status causes another rule holds already (a route refused whole).
 */
export function refusalRewordings<T extends SeenValue>(
  groups: readonly T[][],
  answers: readonly RefusingAnswer[],
  claimed: ReadonlySet<string> = new Set(),
): RefusalRewordings<T> {
  const rows = new Map<T[], RefusalRewording>();
  const transitions = transitionsOf(answers);
  if (transitions.length === 0) return { groups: [...groups], rows };
  // Where each status cause shows: it joins only when every answer of it is the transition's.
  const shownIn = new Map<string, Set<string>>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      if (cause.type !== 'status') continue;
      const own = ownKey(cause);
      shownIn.set(own, (shownIn.get(own) ?? new Set()).add(caseId));
    }
  }
  const taken = new Set<T[]>();
  for (const { statuses, answers: refused } of transitions) {
    const within = new Set(refused.map((answer) => answer.caseId));
    const byParent = new Map<string, T[][]>();
    for (const group of groups) {
      if (taken.has(group)) continue;
      const parent = parentOf(group, within, (path) => namesQualified(refused, path));
      if (parent === undefined) continue;
      byParent.set(parent, [...(byParent.get(parent) ?? []), group]);
    }
    const envelope = [...byParent.entries()]
      .filter(([parent]) => oneEnvelope(refused, parent))
      .map(([parent, joined]) => ({
        parent,
        joined,
        shown: new Set(joined.flat().flatMap((one) => [...one.answers])).size,
      }))
      .sort(
        (a, b) =>
          b.shown - a.shown || a.parent.length - b.parent.length || compareText(a.parent, b.parent),
      )[0];
    if (envelope === undefined) continue;
    const owns = new Set(
      refused.flatMap(({ findings }) =>
        findings.flatMap(({ cause }) => {
          if (cause.type !== 'status') return [];
          const own = ownKey(cause);
          const everyAnswer = [...(shownIn.get(own) ?? [])].every((id) => within.has(id));
          return everyAnswer && !claimed.has(own) ? [own] : [];
        }),
      ),
    );
    if (owns.size === 0) continue;
    const group = envelope.joined.flat();
    for (const one of envelope.joined) taken.add(one);
    rows.set(group, { statuses, owns });
  }
  if (rows.size === 0) return { groups: [...groups], rows };
  // Each joined group where the first of its groups was, the order of the rest kept.
  const firstOf = new Map<T[], T[]>();
  for (const row of rows.keys()) {
    const first = groups.find(
      (group) => group.length > 0 && group.every((one) => row.includes(one)),
    );
    if (first !== undefined) firstOf.set(first, row);
  }
  const out = groups.flatMap((group) => {
    const row = firstOf.get(group);
    if (row !== undefined) return [row];
    return taken.has(group) ? [] : [group];
  });
  return { groups: out, rows };
}
