/**
 * Changes that travel together are one cause (`cause-clusters.ts`, rule 2):
 * members of one object added, removed or retyped in exactly the same
 * answers; in a single answer, that answer's restructure of one top object;
 * then the groups each rule family joins (one side's error envelope, one
 * constant, one transformation or offset, a moved value, a named status,
 * nested objects, a member never written, links to one resource, a tag with
 * the restructure of the sibling it names, an object's constants with its
 * members added or removed), and last
 * the data values of one object that differ in exactly the same answers
 * (`co-values.ts`). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { isElements, type ObjectKinds } from './change-keys.js';
import { coValues } from './co-values.js';
import { constantRestructures } from './constant-restructures.js';
import { constantValues } from './constant-values.js';
import { counterOffsets } from './counter-offsets.js';
import { envelopeWordings } from './envelope-wordings.js';
import { errorEnvelopes } from './error-envelopes.js';
import { movedEverywhere, movedGroups } from './moved-values.js';
import { namedGroups, namedSideOf } from './named-statuses.js';
import { nestedObjects } from './nested-members.js';
import { type AnswerBodies, optionalMembers } from './optional-members.js';
import { reasonDetails } from './reason-details.js';
import { resourceLinks } from './resource-links.js';
import { isObjectSignature } from './root-cause.js';
import { compareSeen, type Seen } from './seen-changes.js';
import { taggedRestructures } from './tagged-restructures.js';
import { valueTransforms } from './value-transforms.js';
import { splitPath } from './wording/phrases.js';

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);
/** What one answer alone may show together: members its object gained or lost. */
export const RESTRUCTURE_OPS: ReadonlySet<string> = new Set(['added', 'removed']);

/** Where a change may travel with others: its object, kind of change and exact answer set. */
interface Travel {
  readonly kind: 'values' | 'members';
  readonly parent: string;
  readonly answers: readonly string[];
  /** A single answer's restructure it may join (`restructureOf`). */
  readonly restructure?: string;
}

/** Where a change may travel with others; undefined when kept apart. */
function travelOf(one: Seen): Travel | undefined {
  const { change, answers } = one;
  const { parent, name } = splitPath(change.path);
  // A value moved to a member the other side adds travels with that member alone (`movedGroups`).
  // So does a value a side names its status with (`named-statuses.ts`): its envelope's.
  if (movedEverywhere(one) || namedSideOf(one) !== undefined) return undefined;
  const sorted = [...answers].sort();
  // An XML attribute gained, lost or changed is a choice of its own, never a co-traveller.
  if (name.startsWith('@') || isAttributed(change)) return undefined;
  // A set of messages one edit rewords (`message-edits.ts`) is a decision of its own.
  if (change.edit !== undefined) return undefined;
  // Values of their own (an error's type and its message) travel with values only, in one answer too.
  if (change.op === 'value' && change.values !== undefined) {
    return { kind: 'values', parent, answers: sorted, restructure: restructureOf(change.path) };
  }
  // In a single answer, every member it alone adds or lacks, at any depth, with the
  // elements of its lists and its objects' zero-valued members: that top object restructured.
  if (answers.size < 2 && RESTRUCTURE_OPS.has(change.op)) {
    // An object's zero-valued members sit in that object (its path is the object's).
    const at = isObjectSignature(change) ? `${change.path}/*` : change.path;
    return { kind: 'members', parent: restructureOf(at), answers: sorted };
  }
  if (!MEMBER_OPS.has(change.op) || isObjectSignature(change)) return undefined;
  if (change.path === '' || isElements(change)) return undefined;
  if (answers.size < 2) return undefined;
  return { kind: 'members', parent, answers: sorted };
}

/**
 * An XML element's text against the same element with attributes
 * (`<modified dt="…">…</modified>` vs `<modified>…</modified>`): its type
 * changes from text to an object of attributes and `#text` alone.
 */
function isAttributed(change: SkeletonChange): boolean {
  if (change.op !== 'type' || change.shape === undefined) return false;
  const keys = change.shape
    .slice(1, -1)
    .split(',')
    .map((entry) => entry.split(':')[0] ?? '');
  return keys.every((key) => key === '#text' || key.startsWith('@'));
}

/**
 * The object a single answer's restructure is of: the body's member a change
 * sits in (`/ListResult/Items/*\/Owner` → `/ListResult`), or the body itself
 * for its own members (`/message`), so two top objects are two restructures.
 */
export function restructureOf(path: string): string {
  const segments = path.split('/');
  return segments.length > 2 ? `* /${segments[1]}` : '* ';
}

function travelKey({ kind, parent, answers }: Travel): string {
  return JSON.stringify([kind, parent, answers]);
}

/**
 * The changes grouped by object and answer set (a change kept apart alone),
 * then by the families each rule joins; last, data values that change
 * together (`co-values.ts`, their objects read by `kinds`) among the
 * changes no family took.
 */
export function travelling(
  seen: ReadonlyMap<string, Seen>,
  classes: ReadonlyMap<string, string>,
  bodies: ReadonlyMap<string, AnswerBodies>,
  kinds: ObjectKinds = new Map(),
): Seen[][] {
  const groups = new Map<string, { travel?: Travel; members: Seen[] }>();
  for (const [key, one] of seen) {
    const travel = travelOf(one);
    const at = travel === undefined ? `alone ${key}` : travelKey(travel);
    const group =
      groups.get(at) ?? (travel === undefined ? { members: [] } : { travel, members: [] });
    group.members.push(one);
    groups.set(at, group);
  }
  for (const [at, { travel, members: values }] of groups) {
    // Only one answer cannot tell them apart: in two or more, they are two questions.
    if (travel?.kind !== 'values' || travel.answers.length !== 1) continue;
    const parent = travel.restructure ?? '* ';
    const members = groups.get(travelKey({ kind: 'members', parent, answers: travel.answers }));
    if (members === undefined || othersOf(seen, travel, [...values, ...members.members])) continue;
    members.members.push(...values);
    groups.delete(at);
  }
  const envelopes = errorEnvelopes(seen.values(), classes);
  const families = [
    ...envelopes,
    // One side's rewritten error handler words its refusals anew (`envelope-wordings.ts`).
    ...envelopeWordings(seen.values(), envelopes),
    ...constantValues(seen.values()),
    ...valueTransforms(seen.values()),
    // `counterOffsets` joins the first group a place agrees with: the entries in key order.
    ...counterOffsets([...seen.values()].sort(compareSeen)),
    ...movedGroups(seen.values()),
    ...namedGroups(seen.values(), classes),
    ...nestedObjects(seen.values()),
    ...optionalMembers(seen.values(), bodies),
    ...resourceLinks(seen.values()),
    // A tag that names its sibling's shape, with the restructure it names (`tagged-restructures.ts`).
    ...taggedRestructures(seen.values()),
    // One object's constants changed where its members are added or removed (`constant-restructures.ts`).
    ...constantRestructures(seen.values(), classes),
  ];
  // One refusal's details on several operations (`reason-details.ts`), the envelope's left out.
  const details = reasonDetails(seen.values(), classes, bodies, new Set(envelopes.flat()));
  // A value another family groups keeps that family's row (`co-values.ts`).
  const claimed = new Set([...families, ...details].filter((family) => family.length > 1).flat());
  return joined(
    [...groups.values()].map((group) => group.members),
    [...families, ...details, ...coValues(seen.values(), kinds, claimed, bodies)],
  );
}

/**
 * The groups with those that hold members of one error envelope
 * (`error-envelopes.ts`: one side's error handler is one cause), or one
 * constant under other parents (`constant-values.ts`), joined.
 */
function joined(groups: readonly Seen[][], envelopes: readonly Seen[][]): Seen[][] {
  if (envelopes.length === 0) return [...groups];
  const groupOf = new Map<Seen, Seen[]>();
  for (const group of groups) for (const one of group) groupOf.set(one, group);
  const out = new Set<Seen[]>(groups);
  for (const envelope of envelopes) {
    const joined = new Set<Seen[]>();
    for (const one of envelope) {
      const group = groupOf.get(one);
      if (group !== undefined) joined.add(group);
    }
    if (joined.size < 2) continue;
    const merged = [...joined].flat();
    for (const group of joined) out.delete(group);
    for (const one of merged) groupOf.set(one, merged);
    out.add(merged);
  }
  return [...out];
}

/**
 * True when the object of `travel` changes in one of its answers in a way
 * none of `changes` is. An object's values of their own and its members
 * added or removed in one answer, and nowhere else, are one cause when they
 * are all that object shows there (an unknown operation's error type and the
 * message only that error has: the whole change of the object); kept apart
 * otherwise (a reworded message beside members that other answers lack or
 * add too), and in two answers or more (each is a question of its own).
 */
function othersOf(seen: ReadonlyMap<string, Seen>, travel: Travel, changes: readonly Seen[]) {
  const mine = new Set(changes);
  return [...seen.values()].some(
    (one) => !mine.has(one) && travel.answers.some((answer) => one.answers.has(answer)),
  );
}
