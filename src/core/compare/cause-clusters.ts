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
 *    of that resource), and a value keyed by its place alone (each answer's
 *    data) whose values show no evidence of one change across resources
 *    (`endpoint-data.ts`: no pair, constant, transformation, edit or offset
 *    they share). A finding that is a consequence of an earlier write in its
 *    flow is not counted (it shows under that write's row).
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
 *    Values of one object kind, each answer's data (no templates), that differ
 *    in exactly the same answers, two or more, and nowhere else, are one
 *    cause (`co-values.ts`: a refusal's `path` and the `message` quoting it).
 *    Two wordings or more at one member of an error envelope that changed,
 *    every answer of each the envelope's, are one cause of their own
 *    (`envelope-wordings.ts`: a rewritten handler's words). Changes under
 *    one member of a refusal object, for one reason worded alike on both
 *    sides, on two resources or more, are one cause (`reason-details.ts`).
 *    Members one side lacks (or adds) of an object below the top and of the
 *    objects nested in it, in exactly the same answers, are one cause too
 *    (`nested-members.ts`: an envelope and its addresses); and a member one
 *    side never writes, lost in fewer of those answers, where the bodies show
 *    nothing to lose in the others (`optional-members.ts`: a `cc` header).
 *    A tag whose words change in exactly the answers where a sibling it
 *    names is restructured travels with that restructure
 *    (`tagged-restructures.ts`: `resultType` beside `result`).
 * 3. **Values of their own** (`value-template.ts`: templates that differ)
 *    are keyed by their field and templates wherever they show: each
 *    wording a cause, one transition at several paths one cause; values of
 *    one object whose templates change in exactly the same answers travel
 *    together, never with members in two answers or more. A place whose
 *    templates never repeat over three answers or more, or differ twice in
 *    one answer, holds data: keyed by its place, never a row per answer.
 *    On error answers, three pairs of wordings or more at one field that one
 *    edit relates (a validator's messages reworded one way) are one change
 *    keyed by their field and that edit (`message-edits.ts`).
 * 4. **The same member under other parents**: a member added or removed
 *    whose value is an object of the same keys and types is one cause; and
 *    a member of one object kind (`object-kinds.ts`: the same member names
 *    on one side, or the same name and members among the other's) is one
 *    change at any depth (a header at the top and under `/result`).
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
 *    restructure (`null-members.ts`); so does a member renamed (`key-rename`)
 *    in exactly the answers and objects of members that travel together
 *    (`renamed-members.ts`); and a member one side never writes, empty on
 *    the other (`new-members.ts`), joins the same member added with a value,
 *    else the members its answers gain (`new-member-joins.ts`).
 *
 * 7. **Values across body kinds** (`kind-values.ts`): two places, one in each
 *    side's format (XML, JSON), that hold the same text in two answers or
 *    more are one value; where they differ, a finding of its own.
 *
 * 8. **One side's list whatever the query** (`ignored-queries.ts`): a list's
 *    elements, keyed by the query parameters each read set, are one cause
 *    where one side answers the same body to reads of one endpoint and path
 *    that differ in their query alone and the other side's list changes.
 *
 * 9. **A body's label** (`body-labels.ts`): a `content-type` difference in
 *    exactly the answers of one whole body's difference, two or more, is
 *    that body's cause.
 *
 * 10. **A list's order with its elements** (`list-orders.ts`): an
 *    `array-order` cause in exactly the answers where the one list it
 *    reorders gains or loses elements, one answer or more, is that list's
 *    elements cause.
 *
 * 11. **A member beside a nesting** (`nesting-siblings.ts`): a member added
 *    or removed at the parent of a nesting's container, in exactly that
 *    nesting row's answers, two or more, is that row's cause.
 *
 * 12. **HTML pages of another layout** (`html-layouts.ts`): whole HTML
 *    bodies whose heads differ in their skeleton, one pair of heads in two
 *    answers or more, are one cause, with a `content-type` in exactly
 *    their answers.
 * 13. **A structured body's label** (`structured-labels.ts`): a
 *    `content-type` whose media type differs, in exactly the answers of one
 *    JSON or XML body's row, two or more, joins that row.
 * 14. **One error object's changes** (`error-objects.ts`, rule 58): in
 *    answers both sides refused, an error object's code, message and
 *    members that change in exactly the same answers, two or more, and
 *    nowhere else, are one cause there, keyed by the object.
 *
 * Status transitions and patterns that recur are keyed by what changed too
 * (`recurring-causes.ts`; one side's checks of a parameter,
 * `checked-parameters.ts`; its refused writes that lack a header every write
 * it accepted sent, `missing-headers.ts`; a route family one side does not
 * have, `missing-routes.ts`; one side's one success status to every write,
 * `write-statuses.ts`), and so are a route one side refuses whole
 * (`refusal-gates.ts`) and one side's error handler, whatever the method
 * (`error-handlers.ts`: its error document against the other's text pages).
 *
 * A cluster's fingerprint is its first member's (in key order) with the
 * endpoint rule above: independent of the cases and values, and kept as the
 * cluster grows or loses other members. Rows of the keys a cluster's members
 * had are superseded by it (`earlier-keys.ts`).
 *
 * Where each part lives: what a change is keyed by (`change-keys.ts`), the
 * run's changes collected under those keys (`seen-changes.ts`, with
 * `data-places.ts` for rule 3's data), the groups that travel together
 * (`co-travel.ts`, rule 2, and the families it joins), this module (the
 * groups made causes), and the clusters laid over one answer's findings
 * (`clustered-findings.ts`). Pure.
 */

import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { RootCause, SkeletonChange, StructureCause } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { bodiesOfStatus, errorBodies } from './body-causes.js';
import { labelsOfBodies } from './body-labels.js';
import type { CauseClusters } from './cause-cluster-record.js';
import { changeKey, isElements, type ObjectKinds } from './change-keys.js';
import { checkedParameters } from './checked-parameters.js';
import { clusteredFindings } from './clustered-findings.js';
import { travelling } from './co-travel.js';
import { offsetOfGroup } from './counter-offsets.js';
import { endpointData } from './endpoint-data.js';
import { type AnswerStatuses, errorClasses } from './error-envelopes.js';
import { errorHandlers } from './error-handlers.js';
import { errorObjects } from './error-objects.js';
import { findingOf } from './finding-of.js';
import { htmlLayouts } from './html-layouts.js';
import { ignoredQueries } from './ignored-queries.js';
import { kindValues } from './kind-values.js';
import { ordersOfLists } from './list-orders.js';
import { type AcceptedWrites, missingHeaders, NO_ACCEPTED_WRITES } from './missing-headers.js';
import { missingRoutes, NO_SERVED_ENDPOINTS, type ServedEndpoints } from './missing-routes.js';
import { namedChange, namedSideOf, rewordedFindings } from './named-statuses.js';
import { siblingsOfNestings } from './nesting-siblings.js';
import { newMemberJoins } from './new-member-joins.js';
import { newMembers } from './new-members.js';
import { lonelyNulls, restructureNulls } from './null-members.js';
import { objectKinds } from './object-kinds.js';
import { omittedDefaults } from './omitted-defaults.js';
import type { AnswerBodies } from './optional-members.js';
import { ownKey, recurringCauses } from './recurring-causes.js';
import { type GateAnswer, refusalGates } from './refusal-gates.js';
import { refusalRewordings } from './refusal-rewordings.js';
import { isOutcomeFinding, type RefusedAnswer, refusedAnswers } from './refused-answers.js';
import { renamedMembers } from './renamed-members.js';
import { linksOfGroup } from './resource-links.js';
import { ANY_ENDPOINT, ZERO_VALUED_MEMBERS } from './root-cause.js';
import { sameReorders } from './same-reorders.js';
import {
  type ChangedAnswer,
  compareSeen,
  type Seen,
  type SeenRewording,
  seenChanges,
} from './seen-changes.js';
import { refusalEvidence } from './shared-reasons.js';
import { type LabelRow, labelsOfRows, mediaTypesOf } from './structured-labels.js';
import { transformOfPlace } from './value-transforms.js';
import { splitPath } from './wording/phrases.js';
import { writeStatuses } from './write-statuses.js';
import { zeroOmissions } from './zero-omissions.js';

/** One answer as the clustering sees it: its case, endpoint template and findings. */
export interface ClusterAnswer extends ChangedAnswer, AnswerStatuses {
  /**
   * The request as sent: its method and path (`ignored-queries.ts`: reads
   * that differ in their query alone), and the names of the parameters it
   * and its flow sent, where a side refused (`checked-parameters.ts`).
   */
  readonly request?:
    | {
        readonly method: string;
        readonly path: string;
        readonly parameters?: readonly string[] | undefined;
        readonly malformed?: 'JSON' | 'XML' | undefined;
        /** For a write: the header names it sent (`missing-headers.ts`). */
        readonly headers?: readonly string[] | undefined;
      }
    | undefined;
  /** Each side's status and how its body decoded (`error-handlers.ts`: a page or a document). */
  readonly baseline?: NonNullable<GateAnswer['baseline']>;
  readonly candidate?: NonNullable<GateAnswer['candidate']>;
  /**
   * Both bodies (a result's preview): what a member never written shows
   * (`optional-members.ts`), the refusal one side answers a whole route with
   * (`refusal-gates.ts`), an error handler's document (`error-handlers.ts`).
   */
  readonly bodies?: AnswerBodies;
}

/** The clusters of the run's answers (see the module comment). */
export function clusterCauses(
  answers: Iterable<ClusterAnswer>,
  runtimes: SideRuntimes = {},
  {
    byKind = true,
    acceptedWrites = NO_ACCEPTED_WRITES,
    servedEndpoints = NO_SERVED_ENDPOINTS,
  }: {
    readonly byKind?: boolean;
    readonly acceptedWrites?: AcceptedWrites | undefined;
    readonly servedEndpoints?: ServedEndpoints | undefined;
  } = {},
): CauseClusters {
  const given = [...answers];
  // An answer one side refused and the other accepted: its outcome is its operation's own
  // cause, so those findings recur nowhere (`refused-answers.ts`).
  const refused = refusedAnswers(given);
  const all = refused.size === 0 ? given : given.map((answer) => withoutOutcome(answer, refused));
  const clusters = new Map<string, StructureCause>();
  const rewordings: SeenRewording[] = [];
  const bodies = new Map(
    all.flatMap(({ caseId, bodies }) => (bodies === undefined ? [] : [[caseId, bodies] as const])),
  );
  // One object kind at any depth (`object-kinds.ts`); without, each place is its own (the
  // keying before: the rows a tracker may still hold, `byKind: false`).
  const kinds: ObjectKinds = byKind ? objectKinds(all) : new Map();
  const classes = errorClasses(all);
  const travelled = travelling(seenChanges(all, rewordings, kinds), classes, bodies, kinds);
  const gates = refusalGates(all);
  // Both sides' refusals under one transition, worded anew in one envelope (`refusal-rewordings.ts`).
  const refusals = refusalRewordings(travelled, all, new Set(gates.keys()));
  const groups = refusals.groups;
  const handlers = errorHandlers(all, new Set(gates.keys()));
  // A status one side's error handler explains is no method's transition (rule 4); a new
  // member (empty, never written by the other side) is no encoder's convention (`new-members.ts`).
  const fresh = newMembers(all);
  const refused47 = new Set([...refusals.rows.values()].flatMap((row) => [...row.owns]));
  const recurrences = recurringCauses(
    all
      .flatMap((answer) => answer.findings)
      .filter(
        (f) =>
          !handlers.has(ownKey(f.cause)) &&
          !fresh.has(ownKey(f.cause)) &&
          !refused47.has(ownKey(f.cause)),
      ),
    refusalEvidence(all),
  );
  // One side's checks of one request parameter (`checked-parameters.ts`), where no rule joined them.
  const checked = checkedParameters(all, recurrences);
  // One side's refused writes that lack a header its accepted writes sent (`missing-headers.ts`).
  const headers = missingHeaders(all, acceptedWrites, new Map([...recurrences, ...checked]));
  // A route family one side does not have: its router's one not-found answer (`missing-routes.ts`).
  const routes = missingRoutes(
    all,
    servedEndpoints,
    new Map([
      ...recurrences,
      ...checked,
      ...headers,
      ...gates,
      ...handlers,
      ...[...refused47].map((key) => [key, GATHERED] as const),
    ]),
  );
  const unrouted = routes.statuses;
  // One side's one success status to every write (`write-statuses.ts`, rule 60).
  const everyWrite = writeStatuses(
    all,
    acceptedWrites.bothSucceeded,
    new Map([...recurrences, ...checked, ...headers, ...gates, ...handlers, ...unrouted]),
  );
  // One list under two names reordered one way (`same-reorders.ts`).
  const reorders = sameReorders(all);
  const patterns =
    checked.size === 0 &&
    reorders.size === 0 &&
    headers.size === 0 &&
    unrouted.size === 0 &&
    everyWrite.size === 0
      ? recurrences
      : new Map([...recurrences, ...checked, ...headers, ...unrouted, ...everyWrite, ...reorders]);
  const nulls = lonelyNulls(all, patterns);
  const renames = renamedMembers(all, groups);
  const restructured = new Map(groups.map((group) => [group, restructureNulls(group, nulls)]));
  const taken = new Set([...restructured.values()].flat().map((member) => member.key));
  // New members join the additions they travel with (`new-member-joins.ts`).
  const added = newMemberJoins(groups, fresh, taken);
  // Own keys of `null` members that joined their answer's restructure (`null-members.ts`),
  // of new members that joined a group, and of renames that joined their object's
  // (`renamed-members.ts`).
  const joins = new Map<string, StructureCause>();
  const perResource = new Set<string>();
  for (const group of groups) {
    if (added.absorbed.has(group)) continue;
    const refusal = refusals.rows.get(group);
    const members = group.sort(compareSeen);
    const [first, ...rest] = members;
    if (first === undefined) continue;
    if (refusal !== undefined) {
      // One transition both sides refuse under, worded anew: its status findings join too.
      const cause = refusalCause(first, rest, refusal.statuses);
      for (const seen of members) for (const key of seen.keys) clusters.set(key, cause);
      for (const own of refusal.owns) joins.set(own, cause);
      continue;
    }
    // A change keyed by its place again (its values are data) is its resource's on one resource.
    const rekeyed = [...first.keys].some((key) => key !== changeKey(first.change));
    // Co-travellers share the answer set, so the resources too (an envelope's members
    // may not: theirs joined). A list's elements are records of that resource (data),
    // never one change across resources.
    const resources = new Set(members.flatMap((seen) => [...seen.resources]));
    const one = resources.size < 2 && first.places.size < 2 && !rekeyed;
    const named = shownChanges(members);
    const joined = [
      ...(restructured.get(group) ?? []),
      ...(added.joins.get(group) ?? []),
      ...(renames.get(group) ?? []),
    ];
    if (rest.length === 0 && joined.length === 0) {
      if ((one || isElements(first.change)) && named === undefined) continue;
    }
    // A new member of its name on other answers (`new-member-joins.ts`) makes it recur.
    const shownIn = new Set(members.flatMap((seen) => [...seen.answers]));
    const elsewhere = (added.joins.get(group) ?? []).some((m) =>
      [...m.answers].some((answer) => !shownIn.has(answer)),
    );
    const endpoint =
      resources.size < 2 && !elsewhere ? ([...resources][0] ?? ANY_ENDPOINT) : ANY_ENDPOINT;
    // A `null` member (a rename) joins after the others: the row keeps the fingerprint it had.
    const [change, ...together] = [
      ...(named ?? members.map((seen) => seen.change)),
      ...joined.flatMap((member) => ('change' in member ? [member.change] : member.changes)),
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
    for (const member of joined) {
      // An object's zero-valued members are a change: looked up by their change key.
      if ('signature' in member && member.signature) clusters.set(member.key, cause);
      else joins.set(member.key, cause);
    }
    if (joined.length === 0 && endpointData(members)) {
      for (const key of first.keys) perResource.add(key);
    }
  }
  const ofStatus = bodiesOfStatus(all);
  // A route family's not-found bodies are its router's answer, part of the status (rule 54).
  const statusBodies =
    routes.bodies.size === 0 ? ofStatus : new Set([...ofStatus, ...routes.bodies]);
  const recurring = new Map<string, RootCause>([
    ...patterns,
    ...errorBodies(all, new Set([...statusBodies, ...handlers.keys()])),
    ...joins,
    ...handlers,
    ...gates,
  ]);
  // HTML pages of another layout, one pair of heads in two answers or more, are one row (rule 61).
  const others = new Set([...statusBodies, ...handlers.keys(), ...gates.keys()]);
  const layouts = htmlLayouts(all, ownKey, (own) => others.has(own));
  for (const [page, cause] of layouts) recurring.set(page, cause);
  // A `content-type` in exactly the answers of one whole body's difference is that body's (rule 52).
  for (const [label, cause] of labelsOfBodies(all, recurring, statusBodies)) {
    if (!layouts.has(label)) recurring.set(label, cause);
  }
  // A list's order in exactly the answers where its elements change is their row's (rule 53).
  const elementsRow = (cause: StructureCause): RootCause => {
    const key = changeKey(cause.change);
    const clustered = clusters.get(key);
    if (clustered === undefined) return cause;
    return perResource.has(key) ? { ...clustered, endpoint: cause.endpoint } : clustered;
  };
  for (const [order, cause] of ordersOfLists(all, recurring, elementsRow)) {
    recurring.set(order, cause);
  }
  // A member added beside a nesting in exactly its answers is the nesting's (rule 57).
  const nestings = siblingsOfNestings(
    all,
    recurring,
    (key) => clusters.get(key)?.together !== undefined,
  );
  const free = groups.filter((group) => !added.absorbed.has(group));
  for (const { cause, signatures, patternKeys } of defaultsOf(free, all, runtimes, kinds)) {
    for (const change of signatures) clusters.set(changeKey(change), cause);
    for (const key of patternKeys) recurring.set(key, cause);
  }
  // A message reworded where its place named the status in some answers only: rule 3's rows.
  // A route family's not-found body rewords nothing: the router answered (rule 54).
  const reworded = rewordedFindings(
    rewordings.filter(
      (one) => namedSideOf(one.value) !== undefined && !routes.cases.has(one.caseId),
    ),
  );
  // One error object's changes in exactly the same answers: one row (rule 58).
  const objects = errorObjects(all, classes, (key) => clusters.get(key)?.together !== undefined);
  const acrossKinds = kindValues(all);
  const ignored = ignoredQueries(all);
  const laid: CauseClusters = {
    changes: clusters,
    recurring,
    ...(statusBodies.size === 0 ? {} : { statusBodies }),
    ...(reworded.size === 0 ? {} : { reworded }),
    ...(acrossKinds.size === 0 ? {} : { acrossKinds }),
    ...(perResource.size === 0 ? {} : { perResource }),
    ...(refused.size === 0 ? {} : { refused }),
    ...(kinds.size === 0 ? {} : { byKind: true as const }),
    ...(ignored.size === 0 ? {} : { ignoredQueries: ignored }),
    ...(nestings.size === 0 ? {} : { nestings }),
    ...(objects.size === 0 ? {} : { errorObjects: objects }),
  };
  // A media type in exactly the answers of one structured body's row is that row's (rule 59).
  const labels = labelsOfStructuredRows(given, laid);
  return labels.size === 0 ? laid : { ...laid, labels };
}

/**
 * The labels that join a structured body's row (`structured-labels.ts`):
 * read off each answer's findings with the run's other clusters laid over
 * them, where some answer shows a media type no other rule took.
 */
function labelsOfStructuredRows(
  answers: readonly ClusterAnswer[],
  clusters: CauseClusters,
): ReadonlyMap<string, LabelRow> {
  const free = answers.some(({ findings }) =>
    findings.some(
      ({ cause }) =>
        mediaTypesOf(cause) !== undefined &&
        !clusters.recurring.has(ownKey(cause)) &&
        clusters.statusBodies?.has(ownKey(cause)) !== true,
    ),
  );
  if (!free) return new Map();
  return labelsOfRows(
    answers.map(({ caseId, endpoint, findings }) => ({
      caseId,
      findings: clusteredFindings(
        endpoint,
        findings.map(({ cause, paths }) => findingOf(cause, paths)),
        clusters,
        caseId,
      ),
    })),
  );
}

/** A status cause another rule gathered with others (rule 47's refusals worded anew): no route family's. */
const GATHERED: RootCause = { type: 'status', endpoint: '* *', baseline: 0, candidate: 0 };

/**
 * The cause of one transition both sides refuse under (`refusal-rewordings.ts`):
 * its values worded anew, the first in key order its change, on every endpoint.
 */
function refusalCause(
  first: Seen,
  rest: readonly Seen[],
  statuses: readonly [number, number],
): StructureCause {
  const together = rest.map((seen) => seen.change);
  return {
    type: 'structure',
    endpoint: ANY_ENDPOINT,
    change: first.change,
    ...(together.length === 0 ? {} : { together }),
    statuses: [statuses[0], statuses[1]],
  };
}

/** The answer without the findings of its refusal against a result, if it has one. */
function withoutOutcome(
  answer: ClusterAnswer,
  refused: ReadonlyMap<string, RefusedAnswer>,
): ClusterAnswer {
  const one = refused.get(answer.caseId);
  if (one === undefined) return answer;
  return { ...answer, findings: answer.findings.filter((f) => !isOutcomeFinding(f, one.members)) };
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
  return [...shown.entries()].sort(([a], [b]) => compareText(a, b)).map(([, change]) => change);
}

/**
 * One side's defaults left out in two objects or more (`omitted-defaults.ts`):
 * the zero-valued signatures whose group holds signatures alone (a signature
 * one answer's restructure holds with other members stays that answer's),
 * with the run's empty collections left out at a field, and what each side's
 * answers show it writes of those members elsewhere (`zero-omissions.ts`).
 */
function defaultsOf(
  groups: readonly Seen[][],
  answers: readonly ClusterAnswer[],
  runtimes: SideRuntimes,
  kinds: ObjectKinds,
) {
  const free = new Map<string, SkeletonChange>();
  for (const group of groups) {
    if (!group.every((one) => isZeroValued(one.change))) continue;
    for (const one of group) free.set(changeKey(one.change), one.change);
  }
  // The members each signature stands for, by their pointers in the answers' findings.
  const paths = new Map<string, Set<string>>();
  for (const { findings } of answers) {
    for (const { cause, paths: at } of findings) {
      if (cause.type !== 'structure' || !isZeroValued(cause.change)) continue;
      const key = changeKey(cause.change);
      const seen = paths.get(key) ?? new Set<string>();
      paths.set(key, seen);
      for (const path of at) seen.add(path);
    }
  }
  const signatures = [...free.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, change]) => {
      const at = paths.get(key) ?? new Set<string>();
      return { change, paths: at, names: new Set([...at].map((path) => splitPath(path).name)) };
    });
  const findings = answers.flatMap((answer) => answer.findings);
  // The walk reads the members asked about alone: those signatures and patterns stand for.
  const asked = findings.filter(({ cause }) => cause.type === 'pattern').flatMap((f) => f.paths);
  const names = new Set(
    [...asked, ...[...paths.values()].flatMap((at) => [...at])].map((p) => splitPath(p).name),
  );
  const omitsZero = zeroOmissions(
    answers.flatMap(({ bodies }) => (bodies === undefined ? [] : [bodies])),
    kinds,
    names,
  );
  return omittedDefaults(signatures, findings, runtimes, omitsZero);
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
