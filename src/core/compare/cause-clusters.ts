/**
 * Root causes keyed by what changed, not by where (issue 43). A case's
 * findings are made from that case alone (`findings.ts`: a change no pattern
 * explains is keyed by its resource); once the run has seen every answer,
 * the changes are clustered:
 *
 * 1. **Recurrence.** A change (op, member path within the record, JSON types,
 *    never values) seen on two resources or more is one cause keyed by the
 *    change alone (`ANY_ENDPOINT`): an envelope that lacks `/meta/version` on
 *    every endpoint is one row. Seen on one resource, it stays that
 *    resource's row; so do a list's elements one side adds or lacks (records
 *    of that resource). A finding that is a consequence of an earlier write
 *    in its flow is not counted (it shows under that write's row).
 * 2. **Co-occurrence.** Members of one object (the same parent path) that are
 *    added, removed or retyped in exactly the same answers, two answers or
 *    more, are one cause: three envelope members missing in the same 30
 *    answers, an error object given two more members. Kept apart: a change
 *    that also shows in an answer the others do not, a value that differs
 *    (each is a question of its own: a reworded message beside added
 *    members is a second decision, as a real S3 pair shows), a list's
 *    elements, and an object's signature (zero-valued members, digests).
 *    In a single answer, the members it gains or loses there and nowhere
 *    else, at any depth under one top object (with its lists' elements and
 *    zero-valued members), are its one cause (a restructure: one answer
 *    cannot tell them apart), and its values of their own join them when
 *    nothing else changes there;
 *    members retyped in one answer alone stay apart. An XML attribute (an
 *    `@name`, or an element's text against the element with attributes) is
 *    never a co-traveller.
 *    Members one side lacks (or adds) of an object below the top and of the
 *    objects nested in it, in exactly the same answers, are one cause too
 *    (`nested-members.ts`: an envelope and its addresses); and a member one
 *    side never writes, lost in fewer of those answers, where the bodies show
 *    nothing to lose in the others (`optional-members.ts`: a `cc` header).
 * 3. **Values of their own** (`value-template.ts`: templates that differ)
 *    are keyed by their field and templates wherever they show: each
 *    wording a cause, one transition at several paths one cause; values of
 *    one object whose templates change in exactly the same answers travel
 *    together, never with members in two answers or more. A place whose
 *    templates never repeat over three answers or more, or differ twice in
 *    one answer, holds data: keyed by its place, never a row per answer.
 * 4. **The same member under other parents**: a member added or removed
 *    whose value is an object of the same keys and types is one cause.
 * 5. **An error envelope that names its status** (`named-statuses.ts`): on
 *    an error answer, a value that is one side's reason phrase of its own
 *    status is a change of that side's envelope (one change per place, side
 *    and error class), never a row of its own; the message it moved to the
 *    side's one prose member and reworded there is a finding of its own,
 *    one row per moved place and error class listing the pairs. A value that
 *    is no reason phrase keeps rule 3.
 *
 * 6. **Links to one resource** (`resource-links.ts`): members one side adds
 *    whose values link to one resource, wherever they sit, are one cause;
 *    and a member one answer alone gains as `null` joins that answer's
 *    restructure (`null-members.ts`).
 *
 * Status transitions and patterns that recur are keyed by what changed too
 * (`recurring-causes.ts`), and so is a route one side refuses whole
 * (`refusal-gates.ts`).
 *
 * A cluster's fingerprint is its first member's (in key order) with the
 * endpoint rule above: independent of the cases and values, and kept as the
 * cluster grows or loses other members. Rows of the keys a cluster's members
 * had are superseded by it (`earlier-keys.ts`). Pure.
 */

import type {
  Finding,
  RootCause,
  SkeletonChange,
  StructureCause,
} from '../../contract/root-cause.js';
import { bodiesOfStatus, errorBodies } from './body-causes.js';
import { constantValues, placeOf } from './constant-values.js';
import { counterOffsets, offsetOfGroup, withOffset } from './counter-offsets.js';
import { resourceOfEndpoint } from './endpoint.js';
import { type AnswerStatuses, errorClasses, errorEnvelopes } from './error-envelopes.js';
import { findingOf } from './finding-of.js';
import { valueMoves } from './moved-values.js';
import {
  type NamedIn,
  namedChange,
  namedGroups,
  namedSideOf,
  noteNamedStatuses,
  type RewordedFinding,
  type Rewording,
  rewordedFindings,
} from './named-statuses.js';
import { nestedObjects } from './nested-members.js';
import { lonelyNulls, type NullMember } from './null-members.js';
import { omittedDefaults } from './omitted-defaults.js';
import { type AnswerBodies, optionalMembers } from './optional-members.js';
import { fieldOfPath, ownKey, type RecurringCauses, recurringCauses } from './recurring-causes.js';
import { refusalGates } from './refusal-gates.js';
import { linkedResource, linksOfGroup, resourceLinks } from './resource-links.js';
import {
  ANY_ENDPOINT,
  isObjectSignature,
  isRecurringStatus,
  REDIRECT_ENDPOINT,
  ZERO_VALUED_MEMBERS,
} from './root-cause.js';
import { transformOfPlace, valueTransforms } from './value-transforms.js';
import { splitPath } from './wording/phrases.js';

/** One answer as the clustering sees it: its case, endpoint template and findings. */
export interface ClusterAnswer extends AnswerStatuses {
  readonly caseId: string;
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  /** The answer's body changes with their values (a result's): the pairs a constant shows. */
  readonly changes?: readonly ValueChange[];
  /**
   * Both bodies (a result's preview): what a member never written shows
   * (`optional-members.ts`), the refusal one side answers a whole route with
   * (`refusal-gates.ts`).
   */
  readonly bodies?: AnswerBodies;
}

/** A body change with its values, as a result keeps it. */
interface ValueChange {
  readonly op: string;
  readonly path: string;
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

/** The run's causes keyed by what changed, laid over each answer's own. */
export interface CauseClusters {
  /**
   * By change key (`changeKey`): the clustered cause of the change, for the
   * changes whose cause is not their own resource's (recurring or clustered).
   */
  readonly changes: ReadonlyMap<string, StructureCause>;
  /**
   * By own key (`ownKey`): status and pattern causes that recur
   * (`recurring-causes.ts`), and body-kind causes that are one side's error
   * bodies (`body-causes.ts`).
   */
  readonly recurring: RecurringCauses;
  /** Own keys of body causes that are part of their answer's status finding (`body-causes.ts`). */
  readonly statusBodies?: ReadonlySet<string>;
  /** By case id: the findings of messages its error envelope moved and reworded (`named-statuses.ts`). */
  readonly reworded?: ReadonlyMap<string, readonly RewordedFinding[]>;
}

/** A change wherever it shows: op, member path, JSON types (and a value change's templates). */
export function changeKey(change: SkeletonChange): string {
  const { op, path, baseline, candidate, values } = change;
  return JSON.stringify([op, path, baseline, candidate, ...(values ?? [])]);
}

/** The member changes a cause stands for: none for a whole body or a cause of another family. */
export function membersOf(cause: RootCause): readonly SkeletonChange[] {
  if (cause.type !== 'structure') return [];
  const { change } = cause;
  if (change.path === '' && !isObjectSignature(change)) return [];
  return cause.together === undefined ? [change] : [change, ...cause.together];
}

interface Seen {
  /** The first of its changes in key order: the cause's. */
  change: SkeletonChange;
  /** The change keys (`changeKey`) it stands for: one, or the same change at several places. */
  readonly keys: Set<string>;
  readonly places: Set<string>;
  readonly answers: Set<string>;
  readonly resources: Set<string>;
  /** A value change's concrete pairs of values (`constant-values.ts`). */
  readonly pairs: Set<string>;
  /** Per answer, the members its old value moved to there (`moved-values.ts`). */
  moves?: Map<string, Set<Seen>>;
  /**
   * Per answer, the one amount its integers differ by, a type family's too
   * (`counter-offsets.ts`); undefined once a pair is no such offset.
   */
  offsets: Map<string, number> | undefined;
  /** Per answer, the side that wrote its status's reason phrase there (`named-statuses.ts`). */
  named?: Map<string, NamedIn<Seen>>;
  /** Per answer, the concrete pointers of its changes there. */
  readonly concrete: Map<string, Set<string>>;
  /** Per answer, the resource a member's value links to there, `''` for none (`resource-links.ts`). */
  links?: Map<string, string>;
}

/** `/a/b/#text` → `b`: the field a value sits at (an XML element's text is the element's). */
function fieldOfValue(path: string): string {
  return fieldOfPath(path.endsWith('/#text') ? path.slice(0, -'/#text'.length) : path);
}

/**
 * What a change is wherever it shows (see the module comment, 1): a value
 * change of its own templates by its field and templates; a member one side
 * adds or lacks whose value is an object, by its name and shape (the same
 * member under other parents); any other by its `changeKey`.
 */
function whatKey(change: SkeletonChange): string {
  if (change.values !== undefined) {
    const field = fieldOfValue(change.path);
    if (field !== '') return JSON.stringify(['value', field, ...change.values]);
  }
  if (change.shape !== undefined && !isElements(change) && !isObjectSignature(change)) {
    const { name } = splitPath(change.path);
    if (name !== '') {
      return JSON.stringify([change.op, name, change.baseline, change.candidate, change.shape]);
    }
  }
  return changeKey(change);
}

/** A value change without its templates: keyed by its place alone. */
function placeOnly(change: SkeletonChange): SkeletonChange {
  if (change.values === undefined) return change;
  const { values: _templates, ...rest } = change;
  return rest;
}

/** At least this many answers with templates that never repeat make a place's values data. */
const DATA_ANSWERS = 3;

/**
 * Places (`changeKey` of the change without templates) whose values are each
 * answer's own data, not wordings: three answers or more with no template
 * seen twice on either side (every record named its own way), or one answer
 * with two pairs of templates or more there (a list whose elements differ
 * each in its own way). Their changes are keyed by their place, never one
 * row per answer or element.
 */
function dataPlaces(answers: readonly ClusterAnswer[]): Set<string> {
  const byPlace = new Map<string, { answers: Set<string>; pairs: Map<string, Set<string>> }>();
  const out = new Set<string>();
  for (const { caseId, findings } of answers) {
    const here = new Map<string, string>();
    for (const { cause } of findings) {
      for (const change of membersOf(cause)) {
        if (change.values === undefined) continue;
        const place = changeKey(placeOnly(change));
        const pair = JSON.stringify(change.values);
        if ((here.get(place) ?? pair) !== pair) out.add(place);
        here.set(place, pair);
        const entry = byPlace.get(place) ?? { answers: new Set(), pairs: new Map() };
        byPlace.set(place, entry);
        entry.answers.add(caseId);
        for (const [side, template] of change.values.entries()) {
          const key = `${side} ${template}`;
          entry.pairs.set(key, (entry.pairs.get(key) ?? new Set()).add(caseId));
        }
      }
    }
  }
  for (const [place, { answers: seen, pairs }] of byPlace) {
    if (seen.size < DATA_ANSWERS) continue;
    if ([...pairs.values()].every((cases) => cases.size < 2)) out.add(place);
  }
  return out;
}

function seenChanges(
  answers: readonly ClusterAnswer[],
  rewordings: (Rewording & { readonly value: Seen })[] = [],
): Map<string, Seen> {
  const data = dataPlaces(answers);
  const seen = new Map<string, Seen>();
  for (const answer of answers) {
    const { caseId, endpoint, findings, changes } = answer;
    // Each concrete path of this answer's changes, with the entry it was seen under.
    const here = new Map<string, Seen>();
    for (const { cause, paths } of findings) {
      for (const own of membersOf(cause)) {
        const stripped = placeOnly(own);
        const change = data.has(changeKey(stripped)) ? stripped : own;
        const key = whatKey(change);
        const entry = seen.get(key) ?? {
          change,
          keys: new Set<string>(),
          places: new Set<string>(),
          answers: new Set<string>(),
          resources: new Set<string>(),
          pairs: new Set<string>(),
          offsets: own.op === 'value' ? new Map() : undefined,
          concrete: new Map<string, Set<string>>(),
        };
        seen.set(key, entry);
        if (own.op === 'value') {
          for (const change of changes ?? []) {
            // A type family's values that also differ (`"3"` vs `2`) are this value change's pair too.
            if (change.op !== 'value' && change.op !== 'type') continue;
            if (!paths.includes(change.path) || !placeOf(change.path, own.path)) continue;
            if (change.op === 'value') {
              entry.pairs.add(JSON.stringify([change.baseline, change.candidate]));
            }
            entry.offsets = withOffset(entry.offsets, caseId, change.baseline, change.candidate);
          }
        }
        if (compareKeys(changeKey(change), changeKey(entry.change)) < 0) entry.change = change;
        entry.keys.add(changeKey(own));
        entry.places.add(change.path);
        entry.answers.add(caseId);
        entry.resources.add(resourceOfEndpoint(endpoint));
        const concrete = entry.concrete.get(caseId) ?? new Set<string>();
        entry.concrete.set(caseId, concrete);
        for (const path of paths) {
          if (!placeOf(path, own.path)) continue;
          here.set(path, entry);
          concrete.add(path);
        }
      }
    }
    noteLinks(caseId, changes ?? [], here);
    for (const [value, member] of movedValues(changes ?? [], here)) {
      const moves = value.moves ?? new Map<string, Set<Seen>>();
      value.moves = moves;
      moves.set(caseId, (moves.get(caseId) ?? new Set()).add(member));
    }
    noteNamedStatuses(answer, resourceOfEndpoint(endpoint), here, rewordings);
  }
  return seen;
}

/**
 * The resource each member one answer adds or lacks links to there
 * (`resource-links.ts`): its entry's link for that answer, `''` once one of
 * its places there holds no link or links elsewhere.
 */
function noteLinks(
  caseId: string,
  changes: readonly ValueChange[],
  here: ReadonlyMap<string, Seen>,
) {
  for (const change of changes) {
    if (change.op !== 'added' && change.op !== 'removed') continue;
    const entry = here.get(change.path);
    if (entry === undefined) continue;
    const target = linkedResource(change.op === 'added' ? change.candidate : change.baseline);
    const links = entry.links ?? new Map<string, string>();
    entry.links = links;
    const before = links.get(caseId);
    links.set(caseId, before === undefined || before === target ? target : '');
  }
}

/**
 * The values one answer moved (`moved-values.ts`): each value change, as the
 * entry it was seen under, with the entry of the member the other side adds
 * (or lacks) in the same object holding its old value.
 */
function movedValues(
  changes: readonly ValueChange[],
  here: ReadonlyMap<string, Seen>,
): [Seen, Seen][] {
  const out: [Seen, Seen][] = [];
  for (const [from, to] of valueMoves(changes)) {
    const value = here.get(from);
    const member = here.get(to);
    if (value !== undefined && member !== undefined && value !== member) out.push([value, member]);
  }
  return out;
}

/** True when a value change moved to a member of its own in every answer it shows in. */
function movedEverywhere({ moves, answers }: Seen): boolean {
  return moves !== undefined && [...answers].every((answer) => moves.has(answer));
}

/** The entries of value changes moved in every answer they show in, with the members they moved to. */
function movedGroups(seen: Iterable<Seen>): Seen[][] {
  const out: Seen[][] = [];
  for (const one of seen) {
    if (!movedEverywhere(one)) continue;
    const members = [...(one.moves?.values() ?? [])].flatMap((set) => [...set]);
    out.push([one, ...new Set(members)]);
  }
  return out;
}

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);
/** What one answer alone may show together: members its object gained or lost. */
const RESTRUCTURE_OPS: ReadonlySet<string> = new Set(['added', 'removed']);

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
function restructureOf(path: string): string {
  const segments = path.split('/');
  return segments.length > 2 ? `* /${segments[1]}` : '* ';
}

function travelKey({ kind, parent, answers }: Travel): string {
  return JSON.stringify([kind, parent, answers]);
}

/** The changes grouped by object and answer set (a change kept apart alone), then by error envelope. */
function travelling(
  seen: ReadonlyMap<string, Seen>,
  classes: ReadonlyMap<string, string>,
  bodies: ReadonlyMap<string, AnswerBodies>,
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
  return joined(
    [...groups.values()].map((group) => group.members),
    [
      ...errorEnvelopes(seen.values(), classes),
      ...constantValues(seen.values()),
      ...valueTransforms(seen.values()),
      ...counterOffsets(sortedSeen(seen)),
      ...movedGroups(seen.values()),
      ...namedGroups(seen.values(), classes),
      ...nestedObjects(seen.values()),
      ...optionalMembers(seen.values(), bodies),
      ...resourceLinks(seen.values()),
    ],
  );
}

/** The entries in key order of their change (`counterOffsets` joins the first group a place agrees with). */
function sortedSeen(seen: ReadonlyMap<string, Seen>): Seen[] {
  return [...seen.values()].sort((a, b) => compareKeys(changeKey(a.change), changeKey(b.change)));
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

/** The clusters of the run's answers (see the module comment). */
export function clusterCauses(answers: Iterable<ClusterAnswer>): CauseClusters {
  const all = [...answers];
  const clusters = new Map<string, StructureCause>();
  const rewordings: (Rewording & { readonly value: Seen })[] = [];
  const bodies = new Map(
    all.flatMap(({ caseId, bodies }) => (bodies === undefined ? [] : [[caseId, bodies] as const])),
  );
  const groups = travelling(seenChanges(all, rewordings), errorClasses(all), bodies);
  const patterns = recurringCauses(all.flatMap((answer) => answer.findings));
  const nulls = lonelyNulls(all, patterns);
  // Own keys of `null` members that joined their answer's restructure (`null-members.ts`).
  const nullJoins = new Map<string, StructureCause>();
  for (const group of groups) {
    const members = group.sort((a, b) => compareKeys(changeKey(a.change), changeKey(b.change)));
    const [first, ...rest] = members;
    if (first === undefined) continue;
    // A change keyed by its place again (its values are data) is its resource's on one resource.
    const rekeyed = [...first.keys].some((key) => key !== changeKey(first.change));
    // Co-travellers share the answer set, so the resources too (an envelope's members
    // may not: theirs joined). A list's elements are records of that resource (data),
    // never one change across resources.
    const resources = new Set(members.flatMap((seen) => [...seen.resources]));
    const one = resources.size < 2 && first.places.size < 2 && !rekeyed;
    const named = shownChanges(members);
    const joinedNulls = restructureNulls(members, nulls);
    if (rest.length === 0 && joinedNulls.length === 0) {
      if ((one || isElements(first.change)) && named === undefined) continue;
    }
    const endpoint = resources.size < 2 ? ([...resources][0] ?? ANY_ENDPOINT) : ANY_ENDPOINT;
    // A `null` member joins after the others: the row keeps the fingerprint it had.
    const [change, ...together] = [
      ...(named ?? members.map((seen) => seen.change)),
      ...joinedNulls.map((member) => member.change),
    ];
    if (change === undefined) continue;
    const transform =
      named === undefined ? (transformOfGroup(members) ?? linksOfGroup(members)) : undefined;
    const cause: StructureCause = {
      type: 'structure',
      endpoint,
      change,
      ...(together.length === 0 ? {} : { together }),
      ...(transform === undefined ? {} : { transform }),
    };
    for (const seen of members) for (const key of seen.keys) clusters.set(key, cause);
    for (const member of joinedNulls) nullJoins.set(member.key, cause);
  }
  const statusBodies = bodiesOfStatus(all);
  const recurring = new Map<string, RootCause>([
    ...patterns,
    ...errorBodies(all, statusBodies),
    ...nullJoins,
    ...refusalGates(all),
  ]);
  for (const { cause, signatures, patternKeys } of defaultsOf(groups, all)) {
    for (const change of signatures) clusters.set(changeKey(change), cause);
    for (const key of patternKeys) recurring.set(key, cause);
  }
  // A message reworded where its place named the status in some answers only: rule 3's rows.
  const reworded = rewordedFindings(
    rewordings.filter((one) => namedSideOf(one.value) !== undefined),
  );
  return {
    changes: clusters,
    recurring,
    ...(statusBodies.size === 0 ? {} : { statusBodies }),
    ...(reworded.size === 0 ? {} : { reworded }),
  };
}

/**
 * The `null` members one answer alone shows (`null-members.ts`) that join a
 * group when the group is that answer's restructure: every member seen in
 * that answer alone, added or removed (or an object's zero-valued members),
 * in the same top object as the `null` member.
 */
function restructureNulls(
  members: readonly Seen[],
  nulls: ReadonlyMap<string, readonly NullMember[]>,
): readonly NullMember[] {
  const answers = new Set(members.flatMap((one) => [...one.answers]));
  const [answer] = answers;
  if (answer === undefined || answers.size !== 1) return [];
  const candidates = nulls.get(answer);
  if (candidates === undefined) return [];
  const tops = new Set<string>();
  for (const { change } of members) {
    if (!RESTRUCTURE_OPS.has(change.op) || change.values !== undefined) return [];
    tops.add(restructureOf(isObjectSignature(change) ? `${change.path}/*` : change.path));
  }
  const [top] = tops;
  if (tops.size !== 1) return [];
  return candidates.filter((member) => restructureOf(member.change.path) === top);
}

/**
 * A group's changes as its cause shows them when a value in it names a
 * side's status (`named-statuses.ts`): each such value as the one change it
 * stands for, in key order; undefined when none does.
 */
function shownChanges(members: readonly Seen[]): SkeletonChange[] | undefined {
  if (!members.some((one) => namedSideOf(one) !== undefined)) return undefined;
  const shown = new Map<string, SkeletonChange>();
  for (const one of members) {
    const side = namedSideOf(one);
    const change = side === undefined ? one.change : namedChange(one.change, side);
    shown.set(changeKey(change), change);
  }
  return [...shown.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, change]) => change);
}

/**
 * One side's defaults left out in two objects or more (`omitted-defaults.ts`):
 * the zero-valued signatures whose group holds signatures alone (a signature
 * one answer's restructure holds with other members stays that answer's),
 * with the run's empty collections left out at a field.
 */
function defaultsOf(groups: readonly Seen[][], answers: readonly ClusterAnswer[]) {
  const free = groups
    .filter((group) => group.every((one) => isZeroValued(one.change)))
    .flat()
    .map((one) => one.change)
    .sort((a, b) => compareKeys(changeKey(a), changeKey(b)));
  const patterns = answers.flatMap((answer) => answer.findings.map((finding) => finding.cause));
  return omittedDefaults(free, patterns);
}

/** An object's zero-valued members (`ZERO_VALUED_MEMBERS`), on either side. */
function isZeroValued(change: SkeletonChange): boolean {
  return change.baseline === ZERO_VALUED_MEMBERS || change.candidate === ZERO_VALUED_MEMBERS;
}

/**
 * The value transformation a group of two places or more stands for
 * (`value-transforms.ts`): every member a value change, every pair of values
 * related by it.
 */
function transformOfGroup(members: readonly Seen[]): string | undefined {
  if (members.length < 2 || members.some((one) => one.change.op !== 'value')) return undefined;
  const offset = offsetOfGroup(members);
  if (offset !== undefined) return offset;
  if (members.some((one) => one.pairs.size === 0)) return undefined;
  return transformOfPlace(members.flatMap((one) => [...one.pairs]));
}

/** `/items/*`: elements one side adds to (or lacks of) a list. */
function isElements(change: SkeletonChange): boolean {
  return change.path === '/*' || change.path.endsWith('/*');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One answer's findings with the run's clusters laid over them: each change
 * under its cluster's cause, each status or pattern cause that recurs under
 * the cause keyed by what changed, the findings of one cause merged (their
 * paths joined), in order of first appearance. Findings of other families,
 * and changes no cluster holds, keep their own cause.
 */
export function clusteredFindings<F extends Finding>(
  endpoint: string,
  findings: readonly F[],
  clusters: CauseClusters,
  caseId?: string,
): readonly (F | Finding)[] {
  const own = clusteredOwn(endpoint, findings, clusters);
  // The messages its error envelope moved and reworded: findings of their own (`named-statuses.ts`).
  const reworded = caseId === undefined ? undefined : clusters.reworded?.get(caseId);
  if (reworded === undefined) return own;
  const shown = new Set(own.map((f) => f.fingerprint));
  const added = reworded
    .map(({ cause, paths }) => findingOf(cause, paths))
    .filter((f) => !shown.has(f.fingerprint));
  return added.length === 0 ? own : [...own, ...added];
}

function clusteredOwn<F extends Finding>(
  endpoint: string,
  findings: readonly F[],
  clusters: CauseClusters,
): readonly (F | Finding)[] {
  const joined = withBodiesOfStatus(findings, clusters.statusBodies);
  if (joined !== findings) return clusteredOwn(endpoint, joined, clusters);
  if (!findings.some((f) => clusterOf(f, clusters))) return findings;
  // Per fingerprint, in order of first appearance: the finding kept, or the cluster's with its paths.
  const out = new Map<string, { kept?: F; made?: Finding; paths: Set<string> }>();
  // One finding per cluster, made once: a cluster may hold thousands of members.
  const made = new Map<RootCause, Finding>();
  const resource = resourceOfEndpoint(endpoint);
  const add = (cause: RootCause, paths: readonly string[]) => {
    const one = made.get(cause) ?? findingOf(cause, []);
    made.set(cause, one);
    const entry = out.get(one.fingerprint) ?? { made: one, paths: new Set<string>() };
    out.set(one.fingerprint, entry);
    for (const path of paths) entry.paths.add(path);
  };
  for (const finding of findings) {
    if (!clusterOf(finding, clusters)) {
      if (!out.has(finding.fingerprint))
        out.set(finding.fingerprint, { kept: finding, paths: new Set() });
      continue;
    }
    const recurring = recurringOf(finding.cause, endpoint, clusters);
    if (recurring !== undefined) {
      add(recurring, finding.paths);
      continue;
    }
    for (const change of membersOf(finding.cause)) {
      const cause = clusters.changes.get(changeKey(change)) ?? {
        type: 'structure',
        endpoint: resource,
        change,
      };
      add(cause, finding.paths);
    }
  }
  return [...out.values()].flatMap(({ kept, made: one, paths }): (F | Finding)[] => {
    if (kept !== undefined) return [kept];
    return one === undefined ? [] : [{ ...one, paths: [...paths] }];
  });
}

/**
 * One answer's findings with its body causes that are its status's
 * (`body-causes.ts`) left out, their body joined to the status finding (the
 * findings themselves when none is).
 */
function withBodiesOfStatus<F extends Finding>(
  findings: readonly F[],
  statusBodies: ReadonlySet<string> | undefined,
): readonly F[] {
  if (statusBodies === undefined) return findings;
  const status = findings.find((f) => f.cause.type === 'status');
  if (status === undefined) return findings;
  const joined = findings.filter(
    (f) =>
      (f.cause.type === 'body-kind' || f.cause.type === 'structure') &&
      statusBodies.has(ownKey(f.cause)),
  );
  if (joined.length === 0) return findings;
  const paths = [...new Set([...status.paths, ...joined.flatMap((f) => f.paths)])];
  return findings
    .filter((f) => !joined.includes(f))
    .map((f) => (f === status ? { ...status, paths } : f));
}

/**
 * A status or pattern cause as the run's recurrences make it: the recurring
 * cause, or (for a status already keyed by its method, read back under other
 * recurrences) the endpoint's own; undefined for a structural cause.
 */
function recurringOf(
  cause: RootCause,
  endpoint: string,
  clusters: CauseClusters,
): RootCause | undefined {
  if (cause.type === 'structure' && cause.difference === undefined) return undefined;
  // A redirect keyed by its rule already (read back from a report): its statuses are not one answer's.
  if (cause.type === 'status' && cause.endpoint === REDIRECT_ENDPOINT) return cause;
  const own =
    (cause.type === 'status' && isRecurringStatus(cause)) ||
    (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
      ? { ...cause, endpoint }
      : cause;
  return clusters.recurring.get(ownKey(own)) ?? own;
}

/** True when a finding's cause is not what the clusters make of it. */
function clusterOf(finding: Finding, clusters: CauseClusters): boolean {
  const { cause } = finding;
  if (cause.type !== 'structure' || cause.difference !== undefined) {
    // A status keyed by its method (a body by its difference) that no longer recurs goes back to its endpoint.
    return (
      clusters.recurring.has(ownKey(cause)) ||
      isRecurringStatus(cause) ||
      (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
    );
  }
  const members = membersOf(cause);
  if (members.length === 0) return false;
  if (members.length > 1 || cause.endpoint === ANY_ENDPOINT) return true;
  return members.some((change) => clusters.changes.has(changeKey(change)));
}
