/**
 * The fingerprints a case's findings had under an earlier keying, for the
 * rows a tracker may still hold of them: since an object empty on one side
 * is one change at the object (`empty-objects.ts`), the rows of its members
 * (`/posts: candidate adds /author`, `/id`, …); since an identifier written
 * where the other side writes an integer is `int-as-string`, the row per
 * resource of its type change; since members moved into (or out of) a
 * nested object are `nesting`, the row of each member removed and added;
 * since a list against an object holding it is `list-envelope`, the row per
 * endpoint of its type change; since a `content-length` follows the body it
 * measures (`findings.ts`), its header row; since a rename (`key-rename`) is
 * told apart from a naming convention (`key-case`), the key-case row of the
 * object whose spellings folded alike (and since one-word keys are named by
 * the nearest conventions, the row named by the first); since a change no pattern explains is
 * keyed by what changed (`cause-clusters.ts`), the rows of its members on the
 * case's resource and across resources (and an integer string of another
 * value is `int-as-string` too; a value change keyed by its templates, the
 * row of its place alone; a message reworded by one edit with others, the
 * row of its own wording); since a status transition that recurs on
 * several endpoints is keyed by its method (or by the specific reason one
 * side refuses them with, `shared-reasons.ts`, or by the parameter its
 * reasons name, `checked-parameters.ts`), the row it had on the case's
 * endpoint; since a body the status defines is the status finding's, the
 * body-kind row it had; since a body change seen only on answers whose
 * status differs is the status finding's, its body-kind row or the row of
 * the endpoint's text body; since a text body that differs the same way on
 * several endpoints is keyed by what changed, the endpoint's row (and the
 * row it had kept apart there by itself, rule 9); since a text difference
 * that shows in two of its endpoint's answers or more is keyed by itself
 * there (rule 9, issue 43), the endpoint's row the one most answers show
 * held; since one
 * side's error bodies of several kinds are one cause, the body-kind row
 * (`body-causes.ts`); since a member one answer alone gains as `null` is a
 * member of that answer's restructure, its `absent vs null` row
 * (`null-members.ts`), and so is a member written `[]` or `{}` that one
 * side never writes, its `absent vs []` row (`new-member-joins.ts`); since a member renamed inside its object's
 * restructure joins it, its `key-rename` row (`renamed-members.ts`); since
 * a header that echoes the request is keyed as the request's, the row its
 * value had (`header-echoes.ts`), and a `content-type` one side leaves out
 * is keyed by the media type the other sends, the row of its name alone;
 * since one side's error handler is one
 * cause whatever the method, the status or body-kind row the answer had
 * (`error-handlers.ts`); since a list awaiting evidence for its
 * order is one `array-order` finding (`awaiting-lists.ts`), the rows of its
 * elements' members; since an RPC call's endpoint names its operation
 * (`operation.ts`), the row its cause had on the path alone (`POST /`), and
 * a value's across operations; since a refusing body's text that shows twice
 * is read once (`refusal.ts`), the row whose reason said it twice (and
 * since a value the request sent is elided from a reason, the row whose
 * reason kept it); since a
 * text body is keyed without the request's method it echoes
 * (`text-bodies.ts`), the row of its difference with the method; since a
 * router's answer to a method a route lacks is keyed by its two statuses
 * (`recurring-causes.ts`), the rows it had on its endpoint and its method,
 * and the `allow` header row only the `405` side's answer had; since a header
 * that describes a body the status holds is the status finding's, its header
 * row (`body-causes.ts`); since a value the request sent against a drawn id
 * is keyed by its member's name (`sent-vs-drawn`), the value rows of its
 * places; since one list under two names reordered one way is one cause
 * (`same-reorders.ts`), each name's `array-order` row; since both sides' refusals
 * under one transition, worded anew in one envelope, are one cause
 * (`refusal-rewordings.ts`), the rows of its values and the status rows the
 * answer had; since a list's order travels with its elements where they
 * change in exactly the same answers (`list-orders.ts`), the list's
 * `array-order` row; since a whole text body that is one drawn id on each
 * side is keyed by the two classes (`drawn-format`, rule 32 on whole text
 * bodies), the row of its endpoint's text body; since a route family one side
 * does not have is one cause (`missing-routes.ts`), the status row each
 * endpoint had, and the row by method of those both sides refused; since one
 * side's one success status to every write is one cause
 * (`write-statuses.ts`), the status row each write had on its endpoint and
 * by its method; since a media type that changes in exactly the answers of
 * one structured body's row joins it (`structured-labels.ts`), the
 * `content-type` row; since one error object's changes in exactly the same
 * answers are one cause (`error-objects.ts`), the rows of its code per
 * resource, its members, and its message by its templates or as one side's
 * constant wording. The rows
 * are superseded by the
 * findings that now record them (`judge/results/root-causes.ts`), never read as
 * resolved while the servers still differ. Pure.
 */

import type { Change, HeaderChange } from '../../contract/observation.js';
import type { Finding, RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { isJsonObject } from '../normalise/json.js';
import { foldKey } from '../normalise/keys.js';
import { OTHER_KINDS } from './body-causes.js';
import { isElements, membersOf } from './change-keys.js';
import { placeOf } from './constant-values.js';
import { constantWordingEdit } from './constant-wordings.js';
import { membersOfCollapsed } from './empty-objects.js';
import { operationOfEndpoint, pathOfEndpoint, resourceOfEndpoint } from './endpoint.js';
import { isBodyKindChange } from './explain-shape.js';
import { findingOf } from './finding-of.js';
import {
  allowOfStatus,
  bodyKindCause,
  describesBody,
  fieldOf,
  findingsOf,
  statusDefinesBody,
  structureFindings,
} from './findings.js';
import { wildcardPath } from './fingerprint.js';
import { headerFindings, type MediaTypes } from './header-findings.js';
import { namedOriginals } from './named-statuses.js';
import { wholeBodyCaseMatch } from './patterns/enum-case.js';
import { sameOrIdentifier } from './patterns/int-as-string.js';
import { recogniseKeyCase } from './patterns/key-case.js';
import { ANY_FIELD } from './patterns/types.js';
import { isMalformedReason, isProtocolExtension, NAME_TOKEN } from './recurring-causes.js';
import { reasonKey, refusalReason } from './refusal.js';
import {
  ANY_ENDPOINT,
  ANY_ROUTE,
  causeFingerprint,
  isCheckedParameter,
  isEveryWrite,
  isMissingHeader,
  isMissingRoute,
  isRecurringStatus,
  isRefusalGate,
  isSharedReason,
  methodOf,
  RECURRING_ENDPOINT,
} from './root-cause.js';
import { SAME_ELEMENTS } from './same-reorders.js';
import {
  differenceBeforeCase,
  differenceBeforeDigits,
  differenceBeforeMethod,
} from './text-bodies.js';
import { templatesOf } from './value-template.js';
import { splitPath } from './wording/phrases.js';
import { xmlRpcFault } from './xml-rpc-faults.js';

/** What the earlier fingerprints are worked out from: one case as observed. */
export interface EarlierInput {
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'fingerprint' | 'cause' | 'paths'>[];
  readonly changes: readonly Change[];
  readonly headerChanges: readonly HeaderChange[];
  /** Member names that are no member of a stored object (a preview's cut marker). */
  readonly notMembers: ReadonlySet<string>;
  /** The request as sent (a result's): a text body's key before its method was elided. */
  readonly request?: { readonly path?: string | undefined } | undefined;
  /** The answer's statuses (a result's): the rows a redirect keyed by its rule had. */
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  /** Both bodies (a result's preview): the `faultString` a fault's row was keyed by. */
  readonly bodies?: { readonly baseline?: unknown; readonly candidate?: unknown } | undefined;
}

/** Per fingerprint of a finding of the case: the fingerprints it had before. */
export type EarlierKeys = ReadonlyMap<string, readonly string[]>;

const NONE: EarlierKeys = new Map();

/** An integer on one side against a string on the other that does not write it: an identifier. */
function isIdentifierChange({ baseline, candidate }: Change): boolean {
  const [text, number] =
    typeof baseline === 'string' ? [baseline, candidate] : [candidate, baseline];
  return typeof text === 'string' && sameOrIdentifier(text, number) !== 'same';
}

/** The patterns that took over what an earlier keying recorded as other causes. */
const REKEYED: ReadonlySet<string> = new Set([
  'empty-object',
  'int-as-string',
  'nesting',
  'list-envelope',
  'key-case',
  'key-rename',
]);

/**
 * A structural cause keyed by what changed (`cause-clusters.ts`): the keys
 * each of its members had on this case's resource, and across resources,
 * since a change seen on one resource more or fewer, or a member joining or
 * leaving its cluster, moves it between them.
 */
function clusterKeys(
  input: EarlierInput,
  cause: RootCause & { type: 'structure' },
  paths: readonly string[],
): string[] {
  if (cause.transform?.startsWith('defaults ') === true) {
    return [...clusterKeysOf(input, cause), ...emptyCollectionKeys(input, paths)];
  }
  if (cause.ignoredQuery !== undefined) return sameListKeys(input, cause.ignoredQuery, paths);
  // Refusals under one transition, worded anew (`refusal-rewordings.ts`): the status rows too.
  if (cause.statuses !== undefined) return [...clusterKeysOf(input, cause), ...handlerKeys(input)];
  // One error object's changes in exactly the same answers (`error-objects.ts`): each value's own rows too.
  if (cause.errorObject !== undefined) {
    return [...clusterKeysOf(input, cause), ...errorObjectKeys(input, cause)];
  }
  return [
    ...clusterKeysOf(input, cause),
    ...nullMemberKeys(cause),
    ...emptyMemberKeys(input, cause),
    ...renameKeys(input, cause),
  ];
}

/**
 * A list one side answers alike whatever the query (`ignored-queries.ts`):
 * the rows its elements had on their resource and the read's query
 * parameters (`/tasks?search`), one per parameter set the cause names (the
 * case's own among them: a result keeps no query).
 */
function sameListKeys(
  input: EarlierInput,
  { queries }: { readonly queries: readonly string[] },
  paths: readonly string[],
): string[] {
  const at = new Set(paths);
  const changes = input.changes.filter((change) => at.has(change.path));
  return queries.flatMap((query) =>
    structureFindings(input.endpoint, changes, false, query.split('&')).map((f) => f.fingerprint),
  );
}

/** `[]` or `{}`: a value a new member may be written empty as (its `null` is `nullMemberKeys`'). */
function emptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * A new member written as `[]` or `{}` that joined the members its answers
 * gain (`new-member-joins.ts`): the `absent vs []` (`{}`) row it had, as
 * that member's change alone is found.
 */
function emptyMemberKeys(input: EarlierInput, cause: RootCause & { type: 'structure' }): string[] {
  const members = membersOf(cause);
  const own = input.changes.filter((change) => {
    if (change.op !== 'added' && change.op !== 'removed') return false;
    const value = change.op === 'added' ? change.candidate : change.baseline;
    return emptyCollection(value) && members.some((member) => placeOf(change.path, member.path));
  });
  if (own.length === 0) return [];
  const status = { equal: true, baseline: 200, candidate: 200 };
  return own.flatMap((change) =>
    findingsOf({ endpoint: input.endpoint, comparison: { status, headers: [], body: [change] } })
      .filter((f) => f.cause.type === 'pattern')
      .map((f) => f.fingerprint),
  );
}

/**
 * A member renamed inside the restructure it joined (`renamed-members.ts`):
 * the `key-rename` row it had, from the case's changes of the two names.
 */
function renameKeys(input: EarlierInput, cause: RootCause & { type: 'structure' }): string[] {
  const members = membersOf(cause);
  const names = new Set<string>();
  for (const removed of members) {
    if (removed.op !== 'removed') continue;
    const { parent, name } = splitPath(removed.path);
    const renamed = members.find((added) => {
      if (added.op !== 'added') return false;
      const other = splitPath(added.path);
      return (
        other.parent === parent && other.name !== name && foldKey(other.name) === foldKey(name)
      );
    });
    if (renamed === undefined) continue;
    names.add(name).add(splitPath(renamed.path).name);
  }
  if (names.size === 0) return [];
  const body = input.changes.filter(
    (change) =>
      (change.op === 'removed' || change.op === 'added') && names.has(splitPath(change.path).name),
  );
  const status = { equal: true, baseline: 200, candidate: 200 };
  return findingsOf({ endpoint: input.endpoint, comparison: { status, headers: [], body } })
    .filter((f) => f.cause.type === 'pattern' && f.cause.pattern === 'key-rename')
    .map((f) => f.fingerprint);
}

/**
 * A member written as `null` that joined its answer's restructure
 * (`null-members.ts`): the `absent vs null` row it had at its field.
 */
function nullMemberKeys(cause: RootCause & { type: 'structure' }): string[] {
  return membersOf(cause).flatMap(({ op, path, baseline, candidate }) => {
    const side = op === 'added' && candidate === 'null' ? 'candidate' : undefined;
    const writes = side ?? (op === 'removed' && baseline === 'null' ? 'baseline' : undefined);
    if (writes === undefined) return [];
    return [
      causeFingerprint({
        type: 'pattern',
        pattern: 'null-vs-absent',
        field: fieldOf(path),
        params: [`${writes}-null`],
        detail: writes === 'baseline' ? 'null vs absent' : 'absent vs null',
      }),
    ];
  });
}

/**
 * One side's defaults left out (`omitted-defaults.ts`): the `[] vs absent`
 * (`{} vs absent`) rows its empty collections had, at their field and of any field.
 */
function emptyCollectionKeys(input: EarlierInput, paths: readonly string[]): string[] {
  const at = new Set(paths);
  return input.changes.flatMap((change) => {
    if (!at.has(change.path)) return [];
    const value =
      change.op === 'added'
        ? change.candidate
        : change.op === 'removed'
          ? change.baseline
          : undefined;
    const list = Array.isArray(value) && value.length === 0;
    const map = isJsonObject(value) && Object.keys(value).length === 0;
    if (!list && !map) return [];
    const side = change.op === 'added' ? 'candidate' : 'baseline';
    const shown = list ? '[]' : '{}';
    const cause = {
      type: 'pattern',
      pattern: list ? 'nil-slice' : 'nil-map',
      field: fieldOf(change.path),
      params: [`${side}-empty`, 'absent'],
      detail: side === 'baseline' ? `${shown} vs absent` : `absent vs ${shown}`,
    } as const;
    return [causeFingerprint(cause), causeFingerprint({ ...cause, field: ANY_FIELD })];
  });
}

function clusterKeysOf(input: EarlierInput, cause: RootCause & { type: 'structure' }): string[] {
  // A whole body keyed by its difference: the endpoint's own row, and the
  // row of its difference before the request's method was elided from it.
  if (cause.endpoint === ANY_ENDPOINT && cause.difference !== undefined) {
    const whole = input.changes.find(isWholeBody);
    const before =
      whole === undefined
        ? undefined
        : differenceBeforeMethod(whole, cause.difference, input.request?.path);
    // Texts that differ in letter case alone were keyed as any other text before.
    const cased = differenceBeforeCase(cause.difference);
    // Texts that differ in their digits alone were one difference whatever the digits, before.
    const numbers =
      whole === undefined ? undefined : differenceBeforeDigits(whole, cause.difference);
    // A difference kept apart on its endpoint (rule 9) that now recurs elsewhere: its row there.
    const apart =
      cause.alike === undefined
        ? []
        : [{ ...cause, endpoint: input.endpoint, apart: true as const }];
    return [
      causeFingerprint({ ...cause, endpoint: input.endpoint }),
      ...apart.map(causeFingerprint),
      ...(before === undefined ? [] : [causeFingerprint({ ...cause, difference: before })]),
      ...(cased === undefined ? [] : [causeFingerprint({ ...cause, difference: cased })]),
      ...(numbers === undefined ? [] : [causeFingerprint({ ...cause, difference: numbers })]),
    ];
  }
  // The difference most of its endpoint's answers show held the endpoint's key (rule 9).
  const main = cause.main === true ? [causeFingerprint(endpointKeyed(cause))] : [];
  const members = membersOf(cause);
  if (members.length === 0) return main;
  const resource = resourceOfEndpoint(input.endpoint);
  // `findingOf` hashes each cause once (memoised): a run asks for these of every structural finding.
  // A value change keyed by its templates since (`value-template.ts`) had the key of its place alone.
  // A value that names its side's status (`named-statuses.ts`) was keyed by its templates.
  const own = members.flatMap((change) => [change, ...namedOriginals(change, input.changes)]);
  const keyings = own.flatMap((change) => {
    if (change.edit !== undefined) return wordedKeyings(input, change);
    if (change.values === undefined) return [change];
    const { values: _templates, ...placeOnly } = change;
    return [change, placeOnly];
  });
  return [
    ...main,
    ...keyings.flatMap((change) => [
      findingOf({ type: 'structure', endpoint: resource, change }, []).fingerprint,
      findingOf({ type: 'structure', endpoint: ANY_ENDPOINT, change }, []).fingerprint,
    ]),
  ];
}

/**
 * A text difference keyed by itself on its endpoint (rule 9) as it was
 * keyed while the difference most of the endpoint's answers showed kept
 * the endpoint's key (session fifteen, and before it every text row of one
 * endpoint): the cause without its difference in the key.
 */
function endpointKeyed(
  cause: RootCause & { type: 'structure' },
): RootCause & { type: 'structure' } {
  const { apart: _apart, main: _main, ...keyed } = cause;
  return keyed;
}

/**
 * A message reworded by one edit with others (`message-edits.ts`): the
 * changes it was keyed as before, by this case's own templates there (each
 * wording a row of its own).
 */
function wordedKeyings(input: EarlierInput, change: SkeletonChange): SkeletonChange[] {
  const { edit: _edit, ...place } = change;
  return input.changes.flatMap((one) => {
    if (one.op !== 'value' || !placeOf(one.path, change.path)) return [];
    const values = templatesOf(one.baseline, one.candidate);
    return values === undefined ? [] : [{ ...place, values: [...values] as [string, string] }];
  });
}

/**
 * An error object's changes joined in exactly the same answers (rule 58,
 * `error-objects.ts`): the rows each value of it had on its own, keyed by
 * its templates (each wording a row) or by one side's constant wording
 * (`constant-wordings.ts`), on the case's resource and across resources.
 */
function errorObjectKeys(input: EarlierInput, cause: RootCause & { type: 'structure' }): string[] {
  const resource = resourceOfEndpoint(input.endpoint);
  const keyings = membersOf(cause).flatMap((member) => {
    if (member.op !== 'value') return [];
    const worded = wordedKeyings(input, member);
    const constants = input.changes.flatMap((one) => {
      if (one.op !== 'value' || !placeOf(one.path, member.path)) return [];
      const { baseline, candidate } = one;
      return [
        ...(typeof baseline === 'string' ? [constantWordingEdit('baseline', baseline)] : []),
        ...(typeof candidate === 'string' ? [constantWordingEdit('candidate', candidate)] : []),
      ].map((edit) => ({ ...member, edit }));
    });
    return [...worded, ...constants];
  });
  return keyings.flatMap((change) => [
    findingOf({ type: 'structure', endpoint: resource, change }, []).fingerprint,
    findingOf({ type: 'structure', endpoint: ANY_ENDPOINT, change }, []).fingerprint,
  ]);
}

const SPELLINGS: ReadonlySet<string> = new Set(['key-case', 'key-rename']);

/**
 * Before renames were told apart, every two spellings of one object that
 * fold alike were one key-case cause: its fingerprint, from the changes the
 * case's key-case and key-rename findings account for in the same objects.
 * Before one-word keys were named by the conventions nearest each other
 * (`value` → `Value`: camelCase vs PascalCase), each side was named by the
 * first convention its keys follow (snake_case vs PascalCase): that
 * fingerprint too.
 */
function keyCaseKeys(input: EarlierInput, finding: EarlierInput['findings'][number]): string[] {
  const parents = new Set(finding.paths.map((path) => splitPath(path).parent));
  const spelled = new Set(
    input.findings
      .filter(({ cause }) => cause.type === 'pattern' && SPELLINGS.has(cause.pattern))
      .flatMap((f) => f.paths)
      .filter((path) => parents.has(splitPath(path).parent)),
  );
  const at = input.changes.filter((change) => spelled.has(change.path));
  // A fingerprint the case still shows is a live row, never one to supersede.
  const live = new Set(input.findings.map((f) => f.fingerprint));
  const earlier = [
    ...recogniseKeyCase(at, { words: false, firstConvention: true }),
    ...recogniseKeyCase(at, { words: true, firstConvention: true }),
  ].map((match) =>
    causeFingerprint({
      type: 'pattern',
      pattern: 'key-case',
      field: match.field ?? fieldOf(match.anchor),
      params: match.params,
      detail: match.detail,
    }),
  );
  return [...new Set(earlier)].filter((fingerprint) => !live.has(fingerprint));
}

/**
 * A status finding's earlier rows: on its endpoint, for a transition that
 * recurs on several (keyed by its method since, or by the specific reason one
 * side refuses them with); the body-kind row of a body
 * the status defines (`204`, `207`: part of the status finding since).
 */
function statusKeys(
  input: EarlierInput,
  finding: EarlierInput['findings'][number],
  cause: RootCause & { type: 'status' },
): string[] {
  if (isRefusalGate(cause)) return gateKeys(input);
  if (isMalformedReason(cause) || isProtocolExtension(cause)) return [ownStatusKey(input, cause)];
  if (cause.document === true) {
    const own = isRecurringStatus(cause)
      ? [causeFingerprint({ ...cause, endpoint: input.endpoint })]
      : [];
    return [...own, ...documentKeys(input)];
  }
  const allow = cause.baseline === 405 || cause.candidate === 405 ? allowKeys(input) : [];
  const out = isMissingRoute(cause)
    ? missingRouteKeys(input)
    : isEveryWrite(cause)
      ? // One side's one status to every write (rule 60): the rows on its endpoint and by its method.
        redirectKeys(input)
      : isCheckedParameter(cause) || isMissingHeader(cause)
        ? parameterKeys(input)
        : cause.endpoint === ANY_ROUTE && !isSharedReason(cause)
          ? redirectKeys(input)
          : isSharedReason(cause)
            ? sharedReasonKeys(input.endpoint, cause)
            : isRecurringStatus(cause)
              ? [causeFingerprint({ ...cause, endpoint: input.endpoint })]
              : cause.reason?.includes(NAME_TOKEN) === true
                ? [causeFingerprint(ownSibling(input.endpoint, cause))]
                : [];
  out.push(...allow);
  const kindChange = input.changes.find(isBodyKindChange);
  if (kindChange !== undefined && statusDefinesBody(cause.baseline, cause.candidate)) {
    out.push(causeFingerprint(bodyKindCause(kindChange, cause.baseline)));
  } else if (finding.paths.includes('')) {
    // The body joined the status finding (`body-causes.ts`): the row the body had.
    const live = new Set(input.findings.map((f) => f.fingerprint));
    const body =
      kindChange === undefined
        ? structureFindings(input.endpoint, input.changes.filter(isWholeBody)).map(
            (f) => f.fingerprint,
          )
        : [causeFingerprint(bodyKindCause(kindChange, cause.baseline))];
    out.push(...body.filter((fingerprint) => !live.has(fingerprint)));
  }
  out.push(...bodyHeaderKeys(input));
  return out;
}

/**
 * A status row keyed by what changed since (rules 40 and 42): a malformed
 * request's refusals, their reason `{{malformed XML request}}`, and the calls
 * of a protocol's extension namespace (`POST / system.*`): the row the case
 * had on its own endpoint, with its own reason (a fault's `faultString`, or
 * the refusing side's words).
 */
function ownStatusKey(input: EarlierInput, cause: RootCause & { type: 'status' }): string {
  const { reason: _reason, ...unread } = cause;
  const fault =
    cause.document === true
      ? xmlRpcFault(cause.baseline === 0 ? input.bodies?.candidate : input.bodies?.baseline)
      : undefined;
  const status = { equal: false, baseline: cause.baseline, candidate: cause.candidate };
  const reason =
    fault === undefined ? refusalReason({ status, body: input.changes }) : reasonKey(fault);
  return causeFingerprint({
    ...unread,
    endpoint: input.endpoint,
    ...(reason === undefined ? {} : { reason }),
  });
}

/**
 * The headers that describe the body (`describesBody`), part of the status
 * finding where its body is (`body-causes.ts`, tracker rule 41): the header
 * rows they had, but those the case still shows.
 */
function bodyHeaderKeys(input: EarlierInput): string[] {
  const described = input.headerChanges.filter((change) => describesBody(change.name));
  if (described.length === 0) return [];
  const live = new Set(input.findings.map((f) => f.fingerprint));
  return headerFindings(described, () => false)
    .map((f) => f.fingerprint)
    .filter((fingerprint) => !live.has(fingerprint));
}

/**
 * A whole text body's earlier rows: the `enum-case` row a body in another
 * letter case had (a whole body is no enum member since, rule 9), and the
 * `content-type` row of a label that travels with the body's difference
 * since (rule 52, `body-labels.ts`), when the case no longer shows it.
 */
function wholeTextKeys(input: EarlierInput): string[] {
  const whole = input.changes.find(isWholeBody);
  const match = whole === undefined ? undefined : wholeBodyCaseMatch(whole);
  const cased =
    match === undefined
      ? []
      : [
          causeFingerprint({
            type: 'pattern',
            pattern: 'enum-case',
            field: '',
            params: match.params,
            detail: match.detail,
          }),
        ];
  const live = new Set(input.findings.map((f) => f.fingerprint));
  const label = input.headerChanges.filter((change) => change.name === 'content-type');
  const labels = headerFindings(label, () => false)
    .map((f) => f.fingerprint)
    .filter((fingerprint) => !live.has(fingerprint));
  return [...cased, ...labels];
}

/**
 * A reason whose refusing body says one text twice (`error` and `message`
 * alike), read once since (`refusal.ts`): the row it had with the text as
 * often as it shows, on the cause's own key and, for a shared reason, on
 * each endpoint (as `sharedReasonKeys`).
 */
function repeatedReasonKeys(input: EarlierInput, cause: RootCause & { type: 'status' }): string[] {
  if (cause.reason === undefined) return [];
  const status = { equal: false, baseline: cause.baseline, candidate: cause.candidate };
  // And since a value the request sent is elided from a reason (rule 38), the reason that kept it.
  const reasons = new Set([
    refusalReason({ status, body: input.changes }, { repeated: true }),
    refusalReason({ status, body: input.changes }),
  ]);
  const out: string[] = [];
  for (const reason of reasons) {
    if (reason === undefined || reason === cause.reason) continue;
    const before = { ...cause, reason };
    out.push(causeFingerprint(before));
    if (isSharedReason(cause)) out.push(...sharedReasonKeys(input.endpoint, before));
  }
  return out;
}

/**
 * A success status answered with the other side's error document
 * (`findings.ts`, `answeredAsSuccess`): the status row it had on its
 * endpoint, with both statuses and the refusing side's reason (its body
 * changes were part of it then).
 */
function documentKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const candidate = input.candidate?.status;
  if (baseline === undefined || candidate === undefined) return [];
  const status = { equal: false, baseline, candidate };
  const reason = refusalReason({ status, body: input.changes });
  return [
    causeFingerprint({
      type: 'status',
      endpoint: input.endpoint,
      baseline,
      candidate,
      ...(reason === undefined ? {} : { reason }),
    }),
  ];
}

/**
 * A refusal keyed by the request parameter its side checks since
 * (`checked-parameters.ts`): the cause it had on its endpoint, with the
 * refusing side's reason, or with none where its body was of another kind.
 */
function parameterKeys(input: EarlierInput): string[] {
  const [own] = redirectKeys(input);
  return own === undefined ? [] : [...documentKeys(input), own];
}

/**
 * A route family one side does not have, one row since (`missing-routes.ts`,
 * tracker rule 54): the rows its answer had, its transition on its endpoint
 * with the refusing side's reason (one side accepted) or without (both
 * refused), and keyed by its method (rule 4, where both refused).
 */
function missingRouteKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const candidate = input.candidate?.status;
  if (baseline === undefined || candidate === undefined) return [];
  const reason = refusalReason({
    status: { equal: false, baseline, candidate },
    body: input.changes,
  });
  const own = { type: 'status', endpoint: input.endpoint, baseline, candidate } as const;
  const read = reason === undefined ? [] : [causeFingerprint({ ...own, reason })];
  return [...read, ...redirectKeys(input)];
}

/**
 * A refusal keyed by its specific reason on any endpoint since
 * (`shared-reasons.ts`): the cause it had on its endpoint, with that reason,
 * or with none where the reason was read from a body of another kind.
 */
function sharedReasonKeys(endpoint: string, cause: RootCause & { type: 'status' }): string[] {
  const { reason: _read, ...unread } = cause;
  return [causeFingerprint({ ...cause, endpoint }), causeFingerprint({ ...unread, endpoint })];
}

/**
 * A sibling's refusal keyed by its route since (`recurring-causes.ts`,
 * `namedSibling`): the cause it had on its endpoint, its name in the reason.
 */
function ownSibling(endpoint: string, cause: RootCause & { type: 'status' }) {
  const name = endpoint.slice(endpoint.lastIndexOf('/') + 1);
  return { ...cause, endpoint, reason: (cause.reason ?? '').replaceAll(NAME_TOKEN, name) };
}

/**
 * An `Allow` only the `405` side sends, part of its status finding since
 * (`findings.ts`, tracker rule 36): the header row it had.
 */
function allowKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const candidate = input.candidate?.status;
  if (baseline === undefined || candidate === undefined) return [];
  const status = { equal: false, baseline, candidate };
  const allow = input.headerChanges.filter((change) => allowOfStatus(change, status));
  return headerFindings(allow, () => false).map((f) => f.fingerprint);
}

/**
 * A redirect keyed by the rule it follows (`recurring-causes.ts`): the rows
 * its answer had, on its endpoint and keyed by its method, with its statuses.
 */
function redirectKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const candidate = input.candidate?.status;
  if (baseline === undefined || candidate === undefined) return [];
  const own = { type: 'status', endpoint: input.endpoint, baseline, candidate } as const;
  return [
    causeFingerprint(own),
    causeFingerprint({ ...own, endpoint: `${methodOf(input.endpoint)} ${RECURRING_ENDPOINT}` }),
  ];
}

/**
 * A route one side refuses whole (`refusal-gates.ts`): the rows its answer
 * had, its status transition (on its endpoint and keyed by its method) or,
 * where the statuses agree, the body-kind row of its bodies.
 */
function gateKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const kindChange = input.changes.find(isBodyKindChange);
  if (baseline !== undefined && baseline === input.candidate?.status) {
    return kindChange === undefined ? [] : [causeFingerprint(bodyKindCause(kindChange, baseline))];
  }
  return redirectKeys(input);
}

/**
 * A list awaiting evidence for its order (`awaiting-lists.ts`): the rows its
 * elements' members had, one per place, before the list was one finding.
 * An order an identity showed (`moved` changes) had no other row.
 */
function listOrderKeys(input: EarlierInput, finding: EarlierInput['findings'][number]): string[] {
  const paths = new Set(finding.paths);
  const at = input.changes.filter((change) => paths.has(change.path) && change.op !== 'moved');
  if (at.length === 0) return [];
  return structureFindings(input.endpoint, at).flatMap((member) =>
    member.cause.type === 'structure'
      ? [member.fingerprint, ...clusterKeys(input, member.cause, member.paths)]
      : [member.fingerprint],
  );
}

/**
 * A value the request sent against a drawn id, keyed by its member's name
 * since (`sent-vs-drawn`): the rows its value change had, on the case's
 * resource and across resources.
 */
function sentKeys(input: EarlierInput, paths: readonly string[]): string[] {
  const at = new Set(paths);
  const changes = input.changes.filter((change) => at.has(change.path) && change.op === 'value');
  return structureFindings(input.endpoint, changes).flatMap((member) =>
    member.cause.type === 'structure'
      ? [member.fingerprint, ...clusterKeys(input, member.cause, member.paths)]
      : [member.fingerprint],
  );
}

/**
 * One list under two names reordered one way (`same-reorders.ts`): the
 * `array-order` row each name had.
 */
function sameReorderKeys(cause: RootCause & { type: 'pattern' }, paths: readonly string[]) {
  if (cause.params[0] !== SAME_ELEMENTS) return [];
  const fields = new Set(paths.map((path) => fieldOf(splitPath(path).parent)));
  return [...fields]
    .filter((field) => field !== '')
    .map((field) =>
      causeFingerprint({
        type: 'pattern',
        pattern: 'array-order',
        field,
        params: [],
        detail: 'array order',
      }),
    );
}

/**
 * A list's elements (`list-orders.ts`, rule 53): the `array-order` row of
 * the list's order, which travels with its elements since, when the case
 * moves elements of that list and no `array-order` finding records them.
 */
function elementsOrderKeys(input: EarlierInput, cause: RootCause & { type: 'structure' }) {
  if (cause.together !== undefined || !isElements(cause.change)) return [];
  const list = cause.change.path;
  const moved = input.changes.find((c) => c.op === 'moved' && wildcardPath(c.path) === list);
  if (moved === undefined) return [];
  const order = causeFingerprint({
    type: 'pattern',
    pattern: 'array-order',
    field: fieldOf(splitPath(moved.path).parent),
    params: [],
    detail: 'array order',
  });
  // The order still a finding of its own (or another rule's, `same-reorders.ts`): no heir.
  const ordered = input.findings.some(
    ({ cause: own, paths }) =>
      own.type === 'pattern' &&
      own.pattern === 'array-order' &&
      paths.some((path) => wildcardPath(path) === list),
  );
  return ordered ? [] : [order];
}

/**
 * A whole text body that is one drawn id on each side, keyed by the two
 * classes since session sixteen (`drawn-format` at no field, rule 32;
 * `core/normalise/drawn-texts.ts`): the row of its endpoint's text body
 * (`GET /x: body differs`), keyed without its difference.
 */
function drawnBodyKeys(input: EarlierInput, paths: readonly string[]): string[] {
  const whole = paths.includes('') ? input.changes.find(isWholeBody) : undefined;
  return whole === undefined
    ? []
    : structureFindings(input.endpoint, [whole]).map((f) => f.fingerprint);
}

/** A whole body that differs (text, bytes): one change at the body's root. */
function isWholeBody(change: Change): boolean {
  return change.path === '' && change.op === 'value';
}

/**
 * One side's error bodies of several kinds (`body-causes.ts`): the body-kind
 * row of the case's own; an empty one kept apart from them, their row.
 */
function bodyKindKeys(input: EarlierInput, cause: RootCause & { type: 'body-kind' }): string[] {
  if (cause.document !== undefined) {
    // A handler's row whose documents named two codes held them all before codes split it.
    const { codes, ...joined } = cause;
    const before = codes === undefined ? [] : [causeFingerprint(joined)];
    return [...handlerKeys(input), ...before];
  }
  if (cause.baseline !== OTHER_KINDS && cause.candidate !== OTHER_KINDS) {
    // An empty error body kept apart from one side's error bodies since: the row it was part of.
    if (cause.baseline !== 'empty' && cause.candidate !== 'empty') return [];
    const side = cause.candidate === 'empty' ? 'candidate' : 'baseline';
    return [causeFingerprint({ ...cause, [side]: OTHER_KINDS })];
  }
  const kindChange = input.changes.find(isBodyKindChange);
  if (kindChange === undefined) return [];
  // Any status of the cause's class (`4xx` → 400) gives the case's own cause.
  const status = Number.parseInt(cause.statusClass, 10) * 100;
  return [causeFingerprint(bodyKindCause(kindChange, status))];
}

/**
 * One side's error handler (`error-handlers.ts`): the rows the answer had
 * before it joined it, its status on its endpoint and on its method's
 * several endpoints, or its body-kind row (with one side's error bodies of
 * several kinds, `body-causes.ts`).
 */
function handlerKeys(input: EarlierInput): string[] {
  const baseline = input.baseline?.status;
  const candidate = input.candidate?.status;
  if (baseline === undefined || candidate === undefined) return [];
  if (baseline !== candidate) {
    const status = { type: 'status', baseline, candidate } as const;
    const recurring = `${methodOf(input.endpoint)} ${RECURRING_ENDPOINT}`;
    return [
      causeFingerprint({ ...status, endpoint: input.endpoint }),
      causeFingerprint({ ...status, endpoint: recurring }),
    ];
  }
  const kindChange = input.changes.find(isBodyKindChange);
  if (kindChange === undefined) return [];
  const own = bodyKindCause(kindChange, baseline);
  if (own.type !== 'body-kind') return [];
  return [own, { ...own, candidate: OTHER_KINDS }, { ...own, baseline: OTHER_KINDS }].map(
    causeFingerprint,
  );
}

function earlierOf(input: EarlierInput, finding: EarlierInput['findings'][number]): string[] {
  const { cause } = finding;
  if (cause.type === 'structure') {
    const keys = clusterKeys(input, cause, finding.paths);
    if (cause.difference === undefined) return [...keys, ...elementsOrderKeys(input, cause)];
    return [...keys, ...wholeTextKeys(input)];
  }
  if (cause.type === 'status')
    return [...statusKeys(input, finding, cause), ...repeatedReasonKeys(input, cause)];
  if (cause.type === 'body-kind') return bodyKindKeys(input, cause);
  if (cause.type === 'pattern' && cause.pattern === 'array-order')
    return [...listOrderKeys(input, finding), ...sameReorderKeys(cause, finding.paths)];
  if (cause.type === 'pattern' && cause.pattern === 'sent-vs-drawn') {
    return sentKeys(input, finding.paths);
  }
  if (cause.type === 'pattern' && cause.pattern === 'drawn-format') {
    return drawnBodyKeys(input, finding.paths);
  }
  if (cause.type === 'header') return headerKeys(input, cause);
  if (cause.type !== 'pattern' || !REKEYED.has(cause.pattern)) return [];
  if (SPELLINGS.has(cause.pattern)) return keyCaseKeys(input, finding);
  const { changes, endpoint } = input;
  // A list element one side lacks and the other adds has one path for both changes.
  const paths = new Set(finding.paths);
  const at = changes.filter((change) => paths.has(change.path));
  if (cause.pattern === 'empty-object') {
    const body = at.flatMap((change) => membersOfCollapsed(change, input.notMembers));
    const status = { equal: true, baseline: 200, candidate: 200 };
    return findingsOf({ endpoint, comparison: { status, headers: [], body } }).map(
      (f) => f.fingerprint,
    );
  }
  // An identifier's type change; the members, elements or body type change a nesting or an envelope took over.
  const taken = cause.pattern === 'int-as-string' ? at.filter(isIdentifierChange) : at;
  // A nesting's finding lists the members beside it it took over too (rule 57,
  // `nesting-siblings.ts`): each one's own row is among these.
  return structureFindings(endpoint, taken).map((f) => f.fingerprint);
}

/**
 * A header one side answers with what the request asked for, keyed as the
 * request's since (`header-echoes.ts`): the row its value had; a
 * `content-type` one side leaves out, keyed by the media type the other side
 * sends since (`header-findings.ts`): the row of the name alone; and a
 * `content-type` whose media type is kept whole since (`contentTypeClass`):
 * the row its value had with the media type cut as any header value's.
 */
function headerKeys(input: EarlierInput, cause: RootCause & { type: 'header' }): string[] {
  if (cause.difference !== 'value' && cause.classes !== undefined) {
    const { classes: _classes, ...unlabelled } = cause;
    return [causeFingerprint(unlabelled)];
  }
  const change = input.headerChanges.find((c) => c.name === cause.name);
  if (change === undefined) return [];
  const { echoes, ...plain } = change;
  const media: readonly MediaTypes[] = cause.name === 'content-type' ? ['whole', 'cut'] : ['whole'];
  const keysOf = (one: HeaderChange) =>
    media.flatMap((m) => headerFindings([one], () => false, m).map((f) => f.fingerprint));
  // The current key is among them: the caller leaves it out.
  return [...new Set([...(echoes === undefined ? [] : keysOf(plain)), ...keysOf(change)])];
}

/**
 * A `content-length` the case's header changes hold that no finding of its
 * own records (it follows the body): its earlier row, under every finding of
 * the body (or the status finding of a part against the whole).
 */
function lengthKeys(input: EarlierInput, into: Map<string, string[]>): void {
  const length = input.headerChanges.find((change) => change.name === 'content-length');
  if (length === undefined) return;
  const [own] = headerFindings([length], () => false);
  if (own === undefined || input.findings.some((f) => f.fingerprint === own.fingerprint)) return;
  for (const heir of input.findings) {
    if (heir.cause.type === 'header') continue;
    into.set(heir.fingerprint, [...(into.get(heir.fingerprint) ?? []), own.fingerprint]);
  }
}

/**
 * On an RPC call, the row its cause had before the endpoint named the
 * operation: on the path alone (`POST /`, the resource `/`), and a structural
 * change's across endpoints (the operations' values at one member were one).
 */
function operationKeys(input: EarlierInput, { cause }: EarlierInput['findings'][number]): string[] {
  const { endpoint } = input;
  if (operationOfEndpoint(endpoint) === undefined) return [];
  const pathEndpoint = `${methodOf(endpoint)} ${pathOfEndpoint(endpoint)}`;
  if (cause.type === 'status' && cause.endpoint === endpoint) {
    return [causeFingerprint({ ...cause, endpoint: pathEndpoint })];
  }
  if (cause.type !== 'structure') return [];
  if (cause.endpoint === endpoint) {
    const keyings = cause.main === true ? [cause, endpointKeyed(cause)] : [cause];
    return keyings.map((one) => causeFingerprint({ ...one, endpoint: pathEndpoint }));
  }
  if (cause.endpoint !== resourceOfEndpoint(endpoint)) return [];
  const resource = resourceOfEndpoint(pathEndpoint);
  return [resource, ANY_ENDPOINT].map((one) => causeFingerprint({ ...cause, endpoint: one }));
}

/**
 * A structured body's row that names the media types of its answers'
 * `content-type` (rule 59, `structured-labels.ts`): the header row the label
 * had, when the case no longer shows it.
 */
function mediaTypeKeys(input: EarlierInput, { cause }: EarlierInput['findings'][number]): string[] {
  if (cause.type !== 'pattern' && cause.type !== 'structure') return [];
  if (cause.mediaTypes === undefined) return [];
  const live = new Set(input.findings.map((f) => f.fingerprint));
  const label = input.headerChanges.filter((change) => change.name === 'content-type');
  const media: readonly MediaTypes[] = ['whole', 'cut'];
  return media
    .flatMap((m) => headerFindings(label, () => false, m).map((f) => f.fingerprint))
    .filter((fingerprint) => !live.has(fingerprint));
}

/** The earlier fingerprints of the findings of one case (see the module comment). */
export function earlierKeys(input: EarlierInput): EarlierKeys {
  let out: Map<string, string[]> | undefined;
  for (const finding of input.findings) {
    const keys = new Set([
      ...earlierOf(input, finding),
      ...operationKeys(input, finding),
      ...mediaTypeKeys(input, finding),
    ]);
    const earlier = [...keys].filter((old) => old !== finding.fingerprint);
    if (earlier.length === 0) continue;
    out ??= new Map();
    out.set(finding.fingerprint, [...(out.get(finding.fingerprint) ?? []), ...earlier]);
  }
  if (input.headerChanges.length > 0) {
    out ??= new Map();
    lengthKeys(input, out);
  }
  return out ?? NONE;
}
