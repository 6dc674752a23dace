/**
 * An error envelope that names its status (issue 43: one decision, one row).
 * A framework's error handler writes the status's reason phrase where the
 * other side wrote its message: `{"error": "title is required"}` against
 * `{"statusCode": 400, "error": "Bad Request", "message": "body must have
 * required property 'title'"}`. Comparing the two values at `/error` compares
 * a message with a reason phrase, and reads as if the message was lost.
 *
 * The rule, in one error answer (both sides refused, in one error class):
 *
 * - **A named status.** A value that differs at `P` and that, on one side
 *   only, is the reason phrase of **that side's own status** (node:http's
 *   table; case, spaces and `_` ignored: `Bad Request`, `BAD_REQUEST`,
 *   `bad_request`) says that side's envelope names the status at `P`. The
 *   value change is a member of that envelope's cause (the members that side
 *   adds, or the other lacks, in the same object), wherever it shows, never
 *   a row "value of `P` differs". The clustering joins it when the value is
 *   that side's reason phrase in **every** answer its change shows in; all
 *   such values at `P` for one side and one error class are one change
 *   (``candidate names the status at `/error` (its reason phrase)``).
 * - **A message moved and reworded.** When that side also adds (or the other
 *   lacks) exactly one member `Q` of the same object whose value is prose
 *   (a message), the message is compared where it now lives: the other
 *   side's `P` against that side's `Q`. Equal: it moved (`moved-values.ts`),
 *   nothing more. Different: a reworded message, a finding of its own
 *   (``message reworded (moved from `/error` to `/message`): `title is
 *   required` vs `body must have required property …` ``); the rewordings
 *   of one moved place (the same `P` → `Q`, the same error class) are one
 *   row listing the pairs (the new error handler writes them all: one
 *   decision), kept apart from the envelope's row (a reworded message is a
 *   decision of its own).
 *
 * **Kept apart**: a value that is no reason phrase of its side's status
 * (another word, another status's phrase: its own row, as before), one that
 * is a reason phrase on both sides or in some of its answers only, success
 * answers, answers in two error classes, and a message reworded at a place
 * that did not move (each wording a cause, `value-template.ts`). Two prose
 * members or more added beside a named status say nothing of where the
 * message went: no rewording is read there. Pure.
 */
import type { SkeletonChange, StructureCause } from '../../contract/root-cause.js';
import { isReasonPhrase } from '../../util/reason-phrases.js';
import { placeOf } from './constant-values.js';
import type { ConcreteChange } from './moved-values.js';
import { ANY_ENDPOINT } from './root-cause.js';
import { templatesOf, valueTemplate } from './value-template.js';

/**
 * The side type of a change that stands for the values a side's error
 * envelope writes as its status's reason phrase at one place (the wordings
 * they replace are not its question).
 */
export const REASON_PHRASE = 'reason phrase';

type Side = 'baseline' | 'candidate';

/** One answer's two statuses, as a result holds them. */
export interface Statuses {
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
}

/** A message the named status moved to a member of its own and reworded, in one answer. */
export interface MovedMessage {
  /** Where the baseline writes the message (a concrete pointer). */
  readonly from: string;
  /** Where the candidate writes it. */
  readonly to: string;
  readonly baseline: string;
  readonly candidate: string;
}

/** A value one answer's side writes as its status's reason phrase (see the module comment). */
export interface NamedStatus {
  /** The value change's concrete pointer. */
  readonly path: string;
  readonly side: Side;
  readonly errorClass: string;
  /** The members of the same object that side adds (or the other lacks): its envelope's. */
  readonly members: readonly string[];
  /** The message it moved and reworded, if it did. */
  readonly reworded?: MovedMessage;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** `4xx` when both sides refused in one error class; undefined otherwise. */
export function errorClassOf({ baseline, candidate }: Statuses): string | undefined {
  const b = baseline?.status;
  const c = candidate?.status;
  if (b === undefined || c === undefined || b < 400 || c < 400) return undefined;
  const one = Math.floor(b / 100);
  return one === Math.floor(c / 100) ? `${one}xx` : undefined;
}

/** Prose: a string of two words or more (a message, never a code or a number). */
function isProse(value: unknown): value is string {
  return typeof value === 'string' && /\S\s+\S/.test(value.trim());
}

/** The member's value on the side that has it (added: the candidate's; removed: the baseline's). */
function memberValue(change: ConcreteChange): unknown {
  return change.op === 'added' ? change.candidate : change.baseline;
}

/** The values one answer's sides write as their status's reason phrase (see the module comment). */
export function namedStatuses(
  changes: readonly ConcreteChange[],
  statuses: Statuses,
): NamedStatus[] {
  const errorClass = errorClassOf(statuses);
  if (errorClass === undefined) return [];
  const out: NamedStatus[] = [];
  for (const value of changes) {
    if (value.op !== 'value') continue;
    const b = isReasonPhrase(value.baseline, statuses.baseline?.status);
    const c = isReasonPhrase(value.candidate, statuses.candidate?.status);
    if (b === c) continue;
    const side: Side = c ? 'candidate' : 'baseline';
    // The candidate adds its envelope's members; a baseline's envelope shows as members the candidate lacks.
    const op = side === 'candidate' ? 'added' : 'removed';
    const parent = parentOf(value.path);
    const members = changes.filter((m) => m.op === op && parentOf(m.path) === parent);
    const message = side === 'candidate' ? value.baseline : value.candidate;
    const reworded = rewordedAt(value.path, side, message, members);
    out.push({
      path: value.path,
      side,
      errorClass,
      members: members.map((m) => m.path),
      ...(reworded === undefined ? {} : { reworded }),
    });
  }
  return out;
}

/** The message `message` (the other side's at `path`) moved to a prose member and reworded there. */
function rewordedAt(
  path: string,
  side: Side,
  message: unknown,
  members: readonly ConcreteChange[],
): MovedMessage | undefined {
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const prose = members.filter((m) => isProse(memberValue(m)));
  // Moved unchanged: `moved-values.ts` joins it. Two messages or more: which one it became is unknown.
  if (prose.length !== 1 || prose.some((m) => memberValue(m) === message)) return undefined;
  const [to] = prose;
  const now = to === undefined ? undefined : memberValue(to);
  if (to === undefined || typeof now !== 'string') return undefined;
  return side === 'candidate'
    ? { from: path, to: to.path, baseline: message, candidate: now }
    : { from: to.path, to: path, baseline: now, candidate: message };
}

/** Where one answer's side named its status at a value change: the side, class and envelope members. */
export interface NamedIn<T> {
  readonly side: Side;
  readonly errorClass: string;
  readonly members: ReadonlySet<T>;
}

/** A change as the clustering has seen it, with the answers where a side named its status there. */
export interface SeenNamed<T> {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
  /** By case id (`noteNamedStatuses`). */
  named?: Map<string, NamedIn<T>>;
}

/** One answer as the clustering reads it: its case, statuses and concrete changes. */
export interface NamedAnswer extends Statuses {
  readonly caseId: string;
  readonly changes?: readonly ConcreteChange[];
}

/**
 * Notes one answer's named statuses on the entries it was seen under (`here`:
 * each concrete path's entry), and its reworded messages in `rewordings`
 * with the entry of the value that named the status (they are read only
 * where that value names it in all its answers: `namedSideOf`).
 */
export function noteNamedStatuses<T extends SeenNamed<T>>(
  answer: NamedAnswer,
  resource: string,
  here: ReadonlyMap<string, T>,
  rewordings: (Rewording & { readonly value: T })[],
): void {
  const { caseId } = answer;
  for (const named of namedStatuses(answer.changes ?? [], answer)) {
    const value = here.get(named.path);
    if (value === undefined) continue;
    const members = new Set<T>();
    for (const path of named.members) {
      const member = here.get(path);
      if (member !== undefined && member !== value) members.add(member);
    }
    value.named ??= new Map();
    value.named.set(caseId, { side: named.side, errorClass: named.errorClass, members });
    const { reworded } = named;
    if (reworded === undefined) continue;
    const from = here.get(reworded.from);
    const to = here.get(reworded.to);
    if (from === undefined || to === undefined) continue;
    rewordings.push({
      ...reworded,
      value,
      from: from.change.path,
      to: to.change.path,
      caseId,
      resource,
      errorClass: named.errorClass,
      paths: [reworded.from, reworded.to],
    });
  }
}

/** The side a change names its status for in every answer it shows in (one side, one class); undefined otherwise. */
export function namedSideOf<T>(one: SeenNamed<T>): Side | undefined {
  const { named, change } = one;
  if (change.op !== 'value') return undefined;
  // A change read back already standing for the named status.
  if (change.candidate === REASON_PHRASE) return 'candidate';
  if (change.baseline === REASON_PHRASE) return 'baseline';
  return namedKey(one) === undefined ? undefined : [...(named?.values() ?? [])][0]?.side;
}

/** The place, side and class a change names its status for in all its answers; undefined otherwise. */
function namedKey<T>({ named, answers, change }: SeenNamed<T>): string | undefined {
  if (change.op !== 'value') return undefined;
  if (change.baseline === REASON_PHRASE || change.candidate === REASON_PHRASE) {
    return JSON.stringify([change.path, change.baseline, change.candidate]);
  }
  if (named === undefined) return undefined;
  const keys = new Set<string>();
  for (const answer of answers) {
    const here = named.get(answer);
    if (here === undefined) return undefined;
    const side =
      here.side === 'candidate'
        ? [change.baseline, REASON_PHRASE]
        : [REASON_PHRASE, change.candidate];
    keys.add(JSON.stringify([change.path, ...side, here.errorClass]));
  }
  return keys.size === 1 ? [...keys][0] : undefined;
}

/**
 * The groups of named statuses: per place, side and error class, every value
 * change that names it in all its answers, with the envelope members of
 * those answers (the clustering joins them with the envelope's group). A
 * member is the envelope's only when every answer it shows in is an error
 * answer of that class (`classes`, by case id): a member a side also adds
 * to its success answers (a request id) is a choice of its own, never
 * joined through the phrase.
 */
export function namedGroups<T extends SeenNamed<T>>(
  seen: Iterable<T>,
  classes: ReadonlyMap<string, string>,
): T[][] {
  const groups = new Map<string, Set<T>>();
  for (const one of seen) {
    const key = namedKey(one);
    if (key === undefined) continue;
    const group = groups.get(key) ?? new Set<T>();
    groups.set(key, group);
    group.add(one);
    for (const { members, errorClass } of one.named?.values() ?? []) {
      for (const m of members) {
        if ([...m.answers].every((answer) => classes.get(answer) === errorClass)) group.add(m);
      }
    }
  }
  return [...groups.values()].map((group) => [...group]);
}

/** The change a named status stands for in its cause: the place, and which side names it. */
export function namedChange(change: SkeletonChange, side: Side): SkeletonChange {
  return {
    op: 'value',
    path: change.path,
    baseline: side === 'baseline' ? REASON_PHRASE : change.baseline,
    candidate: side === 'candidate' ? REASON_PHRASE : change.candidate,
  };
}

/** One answer's rewording as the clustering read it: the places wildcarded, its resource. */
export interface Rewording extends MovedMessage {
  readonly caseId: string;
  readonly resource: string;
  readonly errorClass: string;
  /** The concrete pointers the finding accounts for. */
  readonly paths: readonly string[];
}

/** A reworded message's finding in one answer: its cause (the row) and paths. */
export interface RewordedFinding {
  readonly cause: StructureCause;
  readonly paths: readonly string[];
}

/** A message as its template (`value-template.ts`), or `…` for one with none. */
function templateOf(message: string): string {
  return valueTemplate(message) ?? '…';
}

/**
 * By case id, the findings of the run's reworded messages: one cause per
 * moved place (`from` → `to`) and error class, its pairs of templates listed
 * in `together`, keyed by the place alone (the pairs never move its
 * fingerprint), on `*` when it shows on two resources or more.
 */
export function rewordedFindings(rewordings: readonly Rewording[]): Map<string, RewordedFinding[]> {
  const byPlace = new Map<string, Rewording[]>();
  for (const one of rewordings) {
    const key = JSON.stringify([one.from, one.to, one.errorClass]);
    byPlace.set(key, [...(byPlace.get(key) ?? []), one]);
  }
  const out = new Map<string, RewordedFinding[]>();
  for (const group of byPlace.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const { from, to, errorClass } = first;
    const resources = new Set(group.map((one) => one.resource));
    const pairs = new Map<string, SkeletonChange>();
    for (const one of group) {
      const values = [templateOf(one.baseline), templateOf(one.candidate)] as const;
      pairs.set(JSON.stringify(values), { ...placeChange(from, to, errorClass), values });
    }
    const cause: StructureCause = {
      type: 'structure',
      endpoint: resources.size < 2 ? (first.resource ?? ANY_ENDPOINT) : ANY_ENDPOINT,
      change: placeChange(from, to, errorClass),
      together: [...pairs.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, c]) => c),
    };
    for (const one of group) {
      const list = out.get(one.caseId) ?? [];
      list.push({ cause, paths: one.paths });
      out.set(one.caseId, list);
    }
  }
  return out;
}

function placeChange(from: string, to: string, errorClass: string): SkeletonChange {
  return { op: 'value', path: from, baseline: 'string', candidate: 'string', to, errorClass };
}

/**
 * The value changes a named status stands for in one answer (`changes`, its
 * concrete body changes): each with its templates, as it was keyed before it
 * joined the envelope, so the rows a tracker holds of them are superseded
 * (`earlier-keys.ts`). None for any other change.
 */
export function namedOriginals(
  change: SkeletonChange,
  changes: readonly ConcreteChange[],
): SkeletonChange[] {
  if (change.op !== 'value') return [];
  if (change.baseline !== REASON_PHRASE && change.candidate !== REASON_PHRASE) return [];
  const out: SkeletonChange[] = [];
  for (const concrete of changes) {
    if (concrete.op !== 'value' || !isPlaceOf(concrete.path, change.path)) continue;
    const values = templatesOf(concrete.baseline, concrete.candidate);
    out.push({
      op: 'value',
      path: change.path,
      baseline: change.baseline === REASON_PHRASE ? 'string' : change.baseline,
      candidate: change.candidate === REASON_PHRASE ? 'string' : change.candidate,
      ...(values === undefined ? {} : { values }),
    });
  }
  return out;
}

/** True when `concrete` (`/faults/0/reason`) is a place of `skeleton` (`/faults/*\/reason`, `/faults/reason`). */
function isPlaceOf(concrete: string, skeleton: string): boolean {
  if (placeOf(concrete, skeleton)) return true;
  const a = concrete.split('/');
  const b = skeleton.split('/');
  return a.length === b.length && b.every((segment, n) => segment === '*' || segment === a[n]);
}
