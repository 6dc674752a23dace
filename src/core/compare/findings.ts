/**
 * Comparison → findings: one divergent case decomposed into its root causes
 * (see `root-cause.ts`). Pure; a case's findings depend on that case alone,
 * so any subset of cases, in any order, shows each cause under the same
 * fingerprint.
 *
 * - A status that differs is a `status` finding per endpoint template. When
 *   the status class differs too (`400 → 201`: one side accepted what the
 *   other rejected), the bodies and headers differ *because* of it: the case
 *   has that one finding. So does a part against the whole (`200 → 206`: one
 *   side honoured a `Range`): the status finding, and the headers but
 *   `content-range` and `content-length`. But a success status answered with
 *   the document the other side refused with (`answeredAsSuccess`: a GraphQL
 *   error answered `200`) accepted nothing: its status finding is keyed by
 *   that side and status, the other's any error (`0`), and the bodies are
 *   compared as for any two answers (a message worded otherwise is a row).
 * - Each recognised pattern is a finding keyed by pattern, field and
 *   parameters (`/items/3/tags` and `/tags`: one nil slice at `tags`).
 * - A change of body kind (JSON vs text) is a `body-kind` finding (the
 *   `content-type` difference that comes with it is part of it), unless
 *   the statuses differ and one of them defines the body (`204`: none,
 *   `207`: a multistatus document): then it is part of the status finding.
 * - Each change no pattern explains is a `structure` finding per endpoint
 *   template and wildcarded path (its op and JSON types, never its values).
 * - Each allow-listed header that differs is a `header` finding
 *   (`header-findings.ts`: a family missing on one side is one), but a
 *   `content-length` that differs because the bodies do (`lengthOfBody`).
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { Change, HeaderChange } from '../../contract/observation.js';
import type { Finding, RootCause, SkeletonChange } from '../../contract/root-cause.js';
import type { PatternName } from '../../contract/vocabulary.js';
import { parsePointer } from '../../util/json-pointer.js';
import { testShort } from '../../util/short-text.js';
import { isJsonObject } from '../normalise/json.js';
import { alikeDifference } from './alike-texts.js';
import { splitByAwaitingLists } from './awaiting-lists.js';
import { typeDifference } from './body-types.js';
import { pathOfEndpoint, resourceOfEndpoint } from './endpoint.js';
import { isBodyKindChange } from './explain-shape.js';
import { findingOf } from './finding-of.js';
import { sideType, wildcardPath } from './fingerprint.js';
import { headerFindings } from './header-findings.js';
import { layoutOf } from './html-layouts.js';
import { isIdKey, mapKeysOf } from './map-like.js';
import { type Recognition, recognisePatterns } from './patterns/registry.js';
import type { PatternMatch } from './patterns/types.js';
import { isZeroValue } from './patterns/util.js';
import { reasonKey, refusalReason } from './refusal.js';
import {
  causeKey,
  DIGESTS,
  isObjectSignature,
  methodOf,
  ZERO_VALUED_MEMBERS,
} from './root-cause.js';
import { textDifference } from './text-bodies.js';
import { urlChange } from './url-values.js';
import { templatesOf } from './value-template.js';
import { splitPath } from './wording/phrases.js';

/** What `findingsOf` derives the findings of one divergent case from. */
export interface FindingsInput {
  /** The case's endpoint template (`POST /v1/records/:id`). */
  readonly endpoint: string;
  readonly comparison: Comparison;
  /** Headers whose values are never shown: their value class is `[redacted]`. */
  readonly isSecretHeader?: (name: string) => boolean;
  /** The request's path as sent: a text body that echoes it is keyed without it (`text-bodies.ts`). */
  readonly requestPath?: string;
  /** `recognisePatterns(comparison.body)`, when the caller has it (the judge); else recognised here. */
  readonly recognition?: Recognition;
  /** The names of the request's query parameters: a list's elements are keyed by them (`listPlace`). */
  readonly queryNames?: readonly string[];
  /**
   * Lists (pointers) awaiting evidence for their order (`Exchange.reordered`):
   * every change under one is that list's one `array-order` finding (`awaiting-lists.ts`).
   */
  readonly awaitingLists?: readonly string[];
  /**
   * Values the request sent (`sent-values.ts`): a refusal's reason that says
   * one is keyed with it elided (tracker rule 38).
   */
  readonly sentValues?: readonly string[];
}

/**
 * Where a list's elements one side adds or lacks are keyed: the resource and
 * the names of the query parameters the request set (`/v1/records?limit`),
 * never their values. A list read with `?limit=0` and one with `?tag=a&tag=b`
 * that both answer more elements on one side ask two questions (how each side
 * reads `limit`, how it reads a repeated `tag`); the same parameters with
 * other values (`?tag=a`, `?tag=b`) ask one.
 */
export function listPlace(resource: string, queryNames: readonly string[] | undefined): string {
  if (queryNames === undefined || queryNames.length === 0) return resource;
  return `${resource}?${[...new Set(queryNames)].sort().join('&')}`;
}

/** True for the elements of a list one side adds or lacks (`/records/*`). */
function isListElements(change: SkeletonChange): boolean {
  return (change.op === 'added' || change.op === 'removed') && change.path.endsWith('/*');
}

/** The class of a status code: `2xx`, `4xx`, … */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/** The key a pattern occurs at: the anchor's last key; `''` for the body or an array element. */
export function fieldOf(anchor: string): string {
  const last = parsePointer(anchor).at(-1);
  return last === undefined || /^\d+$/.test(last) || isIdKey(last) ? '' : last;
}

function patternFindings(
  matches: readonly PatternMatch<PatternName>[],
  endpoint: string,
): Finding[] {
  if (matches.length === 0) return [];
  const byKey = new Map<string, { cause: RootCause; paths: Set<string> }>();
  for (const match of matches) {
    // A cause scoped by method (see `PatternMatch.scope`) has the method among its parameters.
    const method = match.scope === 'method' ? methodOf(endpoint) : undefined;
    const cause: RootCause = {
      type: 'pattern',
      pattern: match.name,
      field: match.field ?? fieldOf(match.anchor),
      params: method === undefined ? match.params : [...match.params, method],
      detail: method === undefined ? match.detail : `${method} bodies: ${match.detail}`,
    };
    const key = causeKey(cause);
    const entry = byKey.get(key) ?? { cause, paths: new Set<string>() };
    byKey.set(key, entry);
    for (const change of match.covers) entry.paths.add(change.path);
  }
  return [...byKey.values()].map(({ cause, paths }) => findingOf(cause, [...paths]));
}

/** One `array-order` finding per list awaiting evidence for its order, with every change under it. */
function listOrderFindings(byList: ReadonlyMap<string, readonly Change[]>): Finding[] {
  return [...byList].map(([list, changes]) =>
    findingOf(
      {
        type: 'pattern',
        pattern: 'array-order',
        field: fieldOf(list === '/' ? '' : list),
        params: [],
        detail: 'array order',
      },
      changes.map((change) => change.path),
    ),
  );
}

function bodyKindOf(descriptor: unknown): string {
  return isJsonObject(descriptor) ? String(descriptor['kind']) : 'unknown';
}

/**
 * `/items/*\/colour` → `/colour`: a member of a record, wherever the record
 * sits (a read answers it whole, a list in an array, a wrapper under a key),
 * so a create, a read and a list showing one difference make one cause. A
 * change at an element itself (an item added to a list) keeps its path;
 * `record` gives the record for a parent path (`/items/*` → ``). A list of
 * records sits at the body's top or under one member of it (`/*`,
 * `/items/*`), at the top only in a read of one resource (`GET
 * /email/:id`): a list deeper is a list inside a record (a read's
 * `/attachments/*\/size` is the list answer's `/*\/attachments/*\/size`,
 * never a record `/size` of its own).
 */
/**
 * The last index of a list of records' `*` in a path's segments: under one
 * member (`['', 'items', '*']`), or at the top (`['', '*']`) of a read of one
 * resource (`GET /email/:id`: a list in it is part of its one record).
 */
const RECORD_DEPTH = 2;
const ONE_RECORD_DEPTH = 1;

function inRecord(wild: string, record = false, depth = RECORD_DEPTH): string {
  const segments = wild.split('/');
  const star = segments.indexOf('*');
  if (star < 0 || star > depth) return wild;
  const rest = segments.slice(star + 1);
  if (rest.length === 0) return record ? '' : wild;
  return `/${rest.join('/')}`;
}

/**
 * Where a change sits, without what varies between answers: `(path, record)`
 * → the path within its record (`inRecord`) for JSON; for XML, the path
 * without array indices but a last one (`xmlPlace`).
 */
type Place = (path: string, record?: boolean) => string;

const jsonPlace: Place = (path, record) => inRecord(wildcardPath(path), record);
const oneRecordPlace: Place = (path, record) =>
  inRecord(wildcardPath(path), record, ONE_RECORD_DEPTH);

/** `GET /email/:id`: a read of one resource (its last segment a template's), whose answer is one record. */
function readsOne(endpoint: string): boolean {
  return /\/:[^/]+$/.test(endpoint);
}

/**
 * Where a member sits within its record, as an answer of `endpoint` keys its
 * changes (`structureFindings`): `/projects/0/owner` → `/owner` (XML: `xmlPlace`).
 */
export function recordPlace(endpoint: string, path: string, xml = false): string {
  return (xml ? xmlPlace : readsOne(endpoint) ? oneRecordPlace : jsonPlace)(path);
}

/**
 * `/multistatus/response/3/propstat/href` → `/multistatus/response/propstat/href`:
 * an XML element that occurs once is an object, several times an array
 * (`core/xml/tree.ts`), so a list's length would give one member two paths. Its
 * path is the same whatever the list's length: the indices are dropped, but a
 * last one (elements one side adds to a list keep `/*`).
 */
export const xmlPlace: Place = (path) => wildcardPath(path).replace(/\/\*(?=\/)/g, '');

function skeletonChange(change: Change, place: Place): SkeletonChange {
  // Two whole bodies of one kind that differ (text, bytes): reports keep them in
  // another form (bytes as a line of text), so their types are left out.
  if (change.path === '' && change.op === 'value') {
    return { op: 'value', path: '', baseline: 'body', candidate: 'body' };
  }
  const line: SkeletonChange = {
    op: change.op,
    path: place(change.path),
    baseline: sideType(change.baseline),
    candidate: sideType(change.candidate),
  };
  if (change.op === 'value') {
    const values = templatesOf(change.baseline, change.candidate);
    return values === undefined ? line : { ...line, values };
  }
  const shape =
    change.op === 'added'
      ? shapeOf(change.candidate)
      : (shapeOf(change.baseline) ??
        (change.op === 'type' ? shapeOf(change.candidate) : undefined));
  return shape === undefined ? line : { ...line, shape };
}

/** `{Mode:string,Since:number}`: an object's keys and their JSON types, in key order; undefined for any other value. */
function shapeOf(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return undefined;
  return `{${keys.map((key) => `${key}:${sideType(value[key])}`).join(',')}}`;
}

/**
 * A member one side adds (or lacks) with a zero value (`0`, `""`, `false`,
 * `[]`, `{}`): the signature of its object (a struct that writes every field
 * it has no value for), one cause per object however many members show it;
 * undefined for any other change.
 */
function zeroValuedMember(change: Change, place: Place): SkeletonChange | undefined {
  const added = change.op === 'added' && isZeroValue(change.candidate);
  const removed = change.op === 'removed' && isZeroValue(change.baseline);
  if ((!added && !removed) || change.path === '') return undefined;
  const { parent, name } = splitPath(change.path);
  if (/^\d+$/.test(name)) return undefined;
  const path = place(parent, true);
  return added
    ? { op: 'added', path, baseline: '-', candidate: ZERO_VALUED_MEMBERS }
    : { op: 'removed', path, baseline: ZERO_VALUED_MEMBERS, candidate: '-' };
}

/**
 * A digest as services write one: 32 or more hex digits (md5, sha1, sha256…)
 * or a subresource-integrity value (`sha512-<base64>`).
 */
const DIGEST = /^(?:[0-9a-f]{32,}|[0-9A-F]{32,}|sha(?:1|256|384|512)-[A-Za-z0-9+/]{16,}={0,2})$/;

/**
 * A member whose digest differs (a digest on both sides, in one format): the
 * signature of its object, one cause per object however many digests of the
 * one content it lists (`shasum` and `integrity`); undefined for any other change.
 */
function digestMember(change: Change, place: Place): SkeletonChange | undefined {
  const { baseline, candidate } = change;
  if (change.op !== 'value' || typeof baseline !== 'string' || typeof candidate !== 'string') {
    return undefined;
  }
  if (!testShort(DIGEST, baseline) || !testShort(DIGEST, candidate)) return undefined;
  // A digest's hex holds letters (all 32 digits decimal: one time in 3 million); a long decimal is no digest.
  if (/^\d+$/.test(baseline) || /^\d+$/.test(candidate)) return undefined;
  if (baseline.length !== candidate.length || change.path === '') return undefined;
  const path = place(splitPath(change.path).parent, true);
  return { op: 'value', path, baseline: DIGESTS, candidate: DIGESTS };
}

/** A change of the whole body (not of members of the record at its top). */
function wholeBody(change: SkeletonChange): boolean {
  return change.path === '' && !isObjectSignature(change);
}

/** `/objects/3` → `/objects`: the list an element change is of; undefined for other changes. */
function listOfElement(change: Change): string | undefined {
  if (change.op !== 'added' && change.op !== 'removed') return undefined;
  const { parent, name } = splitPath(change.path);
  return /^\d+$/.test(name) ? parent : undefined;
}

/**
 * Counts that follow a list: a number one side changes by exactly as many
 * items as a sibling list gains or loses (`total` 3 → 2 beside one item
 * fewer in `objects`) is part of that list's difference, not a cause of its
 * own. Returns the count change → the element change it follows.
 */
function countsOfLists(changes: readonly Change[]): ReadonlyMap<Change, Change> {
  let lists: Map<string, { net: number; first: Change }> | undefined;
  for (const change of changes) {
    const list = listOfElement(change);
    if (list === undefined) continue;
    lists ??= new Map();
    const entry = lists.get(list) ?? { net: 0, first: change };
    entry.net += change.op === 'added' ? 1 : -1;
    lists.set(list, entry);
  }
  // Most divergences add or remove no list element: nothing follows, nothing to allocate.
  if (lists === undefined) return NOTHING_FOLLOWS;
  const follows = new Map<Change, Change>();
  for (const change of changes) {
    const { baseline, candidate } = change;
    if (change.op !== 'value' || typeof baseline !== 'number' || typeof candidate !== 'number') {
      continue;
    }
    const { parent } = splitPath(change.path);
    for (const [list, { net, first }] of lists) {
      if (net !== 0 && candidate - baseline === net && splitPath(list).parent === parent) {
        follows.set(change, first);
        break;
      }
    }
  }
  return follows;
}

const NOTHING_FOLLOWS: ReadonlyMap<Change, Change> = new Map();

/**
 * The member an element of a list of values holds its value in: `''` for a
 * scalar element (`"VEVENT"`), the one member of an object that holds a
 * scalar and nothing else (XML's `<comp name="VEVENT"/>`, `{"@name": "VEVENT"}`);
 * undefined for a record (an object of several members, or of a nested one).
 */
function valueMemberOf(element: unknown): string | undefined {
  if (element === null || typeof element !== 'object') return '';
  if (Array.isArray(element)) return undefined;
  const keys = Object.keys(element);
  const [only] = keys;
  if (keys.length !== 1 || only === undefined) return undefined;
  const value = (element as Record<string, unknown>)[only];
  return value !== null && typeof value === 'object' ? undefined : only;
}

/**
 * The content of lists of values: where one side adds (or lacks) elements
 * of a list whose elements are values (`valueMemberOf`), the elements whose
 * value differs in the same answer are part of that change, one change of
 * the list's content (`[VTODO, VEVENT]` vs `[VEVENT, VTODO, VFREEBUSY]`: the
 * list holds other values), not a cause of their own. A list of records
 * keeps its members' values apart: a record gained and a member's value
 * changed are two questions. Returns the value change → the element change
 * it follows.
 */
function contentOfLists(changes: readonly Change[]): ReadonlyMap<Change, Change> {
  let lists: Map<string, { member: string | undefined; first: Change }> | undefined;
  for (const change of changes) {
    const list = listOfElement(change);
    if (list === undefined) continue;
    const member = valueMemberOf(change.op === 'added' ? change.candidate : change.baseline);
    lists ??= new Map();
    const entry = lists.get(list);
    // Elements of one list held in different members (or records among them): not values.
    if (entry === undefined) lists.set(list, { member, first: change });
    else if (entry.member !== member) lists.set(list, { member: undefined, first: entry.first });
  }
  if (lists === undefined) return NOTHING_FOLLOWS;
  let follows: Map<Change, Change> | undefined;
  for (const change of changes) {
    const { baseline, candidate } = change;
    if (change.op !== 'value' || isObjectLike(baseline) || isObjectLike(candidate)) continue;
    const { list, member } = placeInList(change.path);
    const entry = list === undefined ? undefined : lists.get(list);
    if (entry === undefined || entry.member !== member) continue;
    follows ??= new Map();
    follows.set(change, entry.first);
  }
  return follows ?? NOTHING_FOLLOWS;
}

/** `<list>/3` → the list and `''` (the element is the value); `<list>/3/@name` → the list and `@name`. */
function placeInList(path: string): { list?: string; member: string } {
  const { parent, name } = splitPath(path);
  if (/^\d+$/.test(name)) return { list: parent, member: '' };
  const element = splitPath(parent);
  return /^\d+$/.test(element.name) ? { list: element.parent, member: name } : { member: name };
}

function isObjectLike(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/** The changes that are part of another (`countsOfLists`, `contentOfLists`): change → the one it follows. */
function followingChanges(changes: readonly Change[]): ReadonlyMap<Change, Change> {
  const counts = countsOfLists(changes);
  const content = contentOfLists(changes);
  if (content.size === 0) return counts;
  if (counts.size === 0) return content;
  return new Map([...content, ...counts]);
}

/**
 * Residual changes, one root cause per resource (the endpoint's path without
 * its method and trailing ids: a create, a read and a list of records share
 * it) and skeleton change, the path taken within the record (`inRecord`;
 * members one side adds or lacks with zero values, and digests that differ:
 * one per object, see `zeroValuedMember` and `digestMember`; a count that
 * follows a list joins the list's cause, see `countsOfLists`, and so do the
 * values of a list of values that gains or loses elements, see
 * `contentOfLists`): a rule that
 * removes one of them (an ignore, a learned noise path) never renames another.
 */
export function structureFindings(
  endpoint: string,
  changes: readonly Change[],
  xml = false,
  queryNames?: readonly string[],
): Finding[] {
  const place = xml ? xmlPlace : readsOne(endpoint) ? oneRecordPlace : jsonPlace;
  const resource = resourceOfEndpoint(endpoint);
  const byKey = new Map<string, { change: SkeletonChange; paths: string[] }>();
  const follows = followingChanges(changes);
  const mapKeys = mapKeysOf(changes.map((change) => change.path));
  for (const change of changes) {
    const found = follows.get(change) ?? change;
    // A map's keys are one path (`/*`), whatever their names.
    const keyed = mapKeys(found.path);
    const of = keyed === found.path ? found : { ...found, path: keyed };
    const line =
      zeroValuedMember(of, place) ?? digestMember(of, place) ?? skeletonChange(of, place);
    // Two URLs of other origins: where they point, and what they name where that differs too.
    const url = of.op === 'value' ? urlChange(of.baseline, of.candidate) : undefined;
    const lines =
      url === undefined ? [line] : [{ ...line, values: url.origins }, ...(url.rest ? [line] : [])];
    for (const one of lines) {
      // One cause per key: an object's shape (not part of it) is its first occurrence's.
      const key = causeKey({ type: 'structure', endpoint: '', change: one });
      const entry = byKey.get(key) ?? { change: one, paths: [] };
      byKey.set(key, entry);
      entry.paths.push(change.path);
    }
  }
  return [...byKey.values()].map(({ change, paths }) =>
    // A whole body that differs is the endpoint's own answer (a create's error text is not a read's).
    findingOf(
      {
        type: 'structure',
        endpoint: wholeBody(change)
          ? endpoint
          : isListElements(change)
            ? listPlace(resource, queryNames)
            : resource,
        change,
      },
      paths,
    ),
  );
}

/**
 * `206 Partial Content` on one side and `200 OK` on the other: one side
 * honoured the request's `Range` and sent a part, the other sent the whole
 * representation. The bodies (a JSON document cut after ten bytes does not
 * parse) and the `content-range` header differ because of it.
 */
function partialAgainstWhole(baseline: number, candidate: number): boolean {
  return (baseline === 206 && candidate === 200) || (baseline === 200 && candidate === 206);
}

/**
 * An `Allow` header sent only by the side that answered `405 Method Not
 * Allowed` where the other answered another status (tracker rule 36): a
 * `405` carries the methods the route has, so the header follows the status
 * and is the status finding's, not a decision of its own.
 */
export function allowOfStatus(change: HeaderChange, status: Comparison['status']): boolean {
  if (change.name !== 'allow' || status.baseline === status.candidate) return false;
  if ((change.baseline === undefined) === (change.candidate === undefined)) return false;
  return (change.baseline === undefined ? status.candidate : status.baseline) === 405;
}

/**
 * Headers that describe the body they come with (its media type, length,
 * coding and language): where the statuses differ and the two bodies are the
 * status's (tracker rules 10 and 41, `body-causes.ts`), so are these.
 */
const BODY_HEADERS: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
]);

/** True for a header that describes its answer's body (`content-type`, `content-length`, …). */
export function describesBody(name: string): boolean {
  return BODY_HEADERS.has(name);
}

/**
 * A `content-length` that differs because the bodies do: each side's length
 * is computed from its own body, so two bodies that differ have lengths that
 * differ, and the body's findings are the decision (as a `HEAD` follows its
 * `GET`). Missing on one side, it follows the body when that side sent none
 * (an empty 404 against an error page); otherwise (a side that frames its
 * answers as chunks) it is a choice of its own.
 */
function lengthOfBody(
  change: HeaderChange,
  body: readonly Change[],
  kindChange: Change | undefined,
): boolean {
  if (change.name !== 'content-length' || body.length === 0) return false;
  if (change.baseline !== undefined && change.candidate !== undefined) return true;
  const missing = change.baseline === undefined ? kindChange?.baseline : kindChange?.candidate;
  return missing !== undefined && bodyKindOf(missing) === 'empty';
}

/**
 * Statuses that define their answer's body: none for `204 No Content`, `205
 * Reset Content` and `304 Not Modified`, a multistatus document for WebDAV's
 * `207 Multi-Status`.
 */
const BODY_OF_STATUS: ReadonlySet<number> = new Set([204, 205, 207, 304]);

/**
 * True when two statuses differ and one of them defines its body: a body of
 * another kind (XML against empty beside `207 → 204`) follows from the status,
 * one decision, so it makes no finding of its own.
 */
export function statusDefinesBody(baseline: number, candidate: number): boolean {
  return baseline !== candidate && (BODY_OF_STATUS.has(baseline) || BODY_OF_STATUS.has(candidate));
}

/** The body-kind cause of a change of body kind in answers of this status (the baseline's class). */
export function bodyKindCause(kindChange: Change, status: number): RootCause {
  return {
    type: 'body-kind',
    statusClass: statusClass(status),
    baseline: bodyKindOf(kindChange.baseline),
    candidate: bodyKindOf(kindChange.candidate),
  };
}

/**
 * The findings with the whole body's difference said (a text body's,
 * `text-bodies.ts`; a body of another JSON type, `body-types.ts`): the
 * finding of a whole body that differs holds what changed, for the run to
 * key it by that where it recurs (its fingerprint stays its endpoint's).
 */
function withWholeDifference(
  findings: Finding[],
  residual: readonly Change[],
  input: FindingsInput,
): Finding[] {
  const whole = residual.find(
    (change) => change.path === '' && (change.op === 'value' || change.op === 'type'),
  );
  if (whole === undefined) return findings;
  const { comparison } = input;
  const request = { path: input.requestPath, method: methodOf(input.endpoint) };
  const sent = { ...request, sent: input.sentValues };
  const difference =
    whole.op === 'type'
      ? typeDifference(whole, comparison.status)
      : textDifference(whole, comparison.textType, request);
  if (difference === undefined) return findings;
  // What one endpoint's answers that differ alike share (rule 9): each answer's own values elided too.
  const alike = whole.op === 'type' ? undefined : alikeDifference(whole, comparison.textType, sent);
  // HTML pages whose heads differ in their skeleton: another layout (rule 61, `html-layouts.ts`).
  const layout =
    typeof whole.baseline === 'string' && typeof whole.candidate === 'string'
      ? layoutOf(whole.baseline, whole.candidate, comparison.textType)
      : undefined;
  return findings.map((finding) => {
    const { cause } = finding;
    if (cause.type !== 'structure' || cause.change.path !== '' || cause.change.op !== whole.op) {
      return finding;
    }
    // Its words say what the texts differ by (`endpointDifferenceWords`): made with it.
    const said = {
      ...cause,
      difference,
      ...(alike === undefined ? {} : { alike }),
      ...(layout === undefined || whole.op !== 'value' ? {} : { layout }),
    };
    return findingOf(said, finding.paths);
  });
}

/**
 * The side that answered a success status (2xx) with the document the other
 * side refused with (≥ 400): JSON on both sides or XML on both, the same
 * members of the same types, only messages differing (texts of two words
 * or more: each side's words for the error), or nothing. It accepted
 * nothing (a GraphQL server that answers a failed query `200` with its
 * `errors`, where the other answers them `400`): undefined for a side that
 * wrote another document (a record against an error), a body of another
 * kind, or one status not a success. An XML-RPC fault answered `200`
 * (`<methodResponse><fault>`, `xml-rpc-faults.ts`) is such a side whatever
 * the other side's error body (none, a page).
 */
export function answeredAsSuccess(comparison: Comparison): 'baseline' | 'candidate' | undefined {
  const { baseline, candidate } = comparison.status;
  const success = (status: number) => status >= 200 && status < 300;
  const side =
    success(baseline) && candidate >= 400
      ? 'baseline'
      : success(candidate) && baseline >= 400
        ? 'candidate'
        : undefined;
  if (side === undefined) return undefined;
  // An XML-RPC fault is a refusal whatever the other side answered (an empty `404`).
  if (comparison.faults?.[side] !== undefined) return side;
  if (comparison.documents !== true) return undefined;
  const messages = comparison.body.every(
    (change) =>
      change.op === 'value' &&
      change.path !== '' &&
      isMessage(change.baseline) &&
      isMessage(change.candidate),
  );
  return messages ? side : undefined;
}

/**
 * A message: a text of two words or more. Where the two documents differ
 * otherwise (a flag, a number, a one-word status: `{"ok": true}` against
 * `{"ok": false}`, `"ok"` against `"error"`), they say two outcomes.
 */
function isMessage(value: unknown): boolean {
  return typeof value === 'string' && /\S\s+\S/.test(value.trim());
}

/**
 * The sent values the endpoint does not name: a path segment the endpoint
 * keeps as written (`/v1/items/zebra`) is part of its key already, and rule
 * 19 reads it in the reason (`item zebra not found`) to join the siblings.
 */
function unnamedBy(endpoint: string, sent: readonly string[]): readonly string[] {
  if (sent.length === 0) return sent;
  const named = new Set<string>();
  for (const segment of pathOfEndpoint(endpoint).split('/')) {
    named.add(segment);
    try {
      named.add(decodeURIComponent(segment));
    } catch {
      // A broken escape is kept as written.
    }
  }
  return sent.filter((value) => !named.has(value));
}

/** The status cause of a comparison (see `findingsOf`); `sent`: the request's values (rule 38). */
function statusCause(
  comparison: Comparison,
  endpoint: string,
  sent: readonly string[] = [],
): RootCause {
  const { status } = comparison;
  const { baseline, candidate } = status;
  // A success status for the other side's refusal: that side's status, the other's any error.
  const answered = answeredAsSuccess(comparison);
  if (answered !== undefined) {
    // A fault's `faultString` is its reason, values elided as any refusal's.
    const fault = comparison.faults?.[answered];
    const reason = fault === undefined ? undefined : reasonKey(fault);
    return {
      type: 'status',
      endpoint,
      baseline: answered === 'baseline' ? baseline : 0,
      candidate: answered === 'candidate' ? candidate : 0,
      ...(reason === undefined ? {} : { reason }),
      document: true,
    };
  }
  const reason = refusalReason(comparison, { sent: unnamedBy(endpoint, sent) });
  return {
    type: 'status',
    endpoint,
    baseline,
    candidate,
    ...(reason === undefined ? {} : { reason }),
    ...(status.redirect === undefined ? {} : { redirect: status.redirect }),
  };
}

/** The findings of one divergent comparison, in order: status, patterns, body kind, structure, headers. */
export function findingsOf(input: FindingsInput): Finding[] {
  const { comparison, endpoint } = input;
  const { status } = comparison;
  const found: Finding[] = [];
  if (!status.equal) {
    const { baseline, candidate } = status;
    const cause = statusCause(comparison, endpoint, input.sentValues);
    found.push(findingOf(cause, []));
    // One side accepted what the other rejected: the rest follows from that. A side that
    // answered the other's refusal with a success status accepted nothing: its bodies are compared.
    // A fault against an error status is two refusals: their bodies differ because each refused.
    const document = cause.type === 'status' && cause.document === true;
    if (
      statusClass(status.baseline) !== statusClass(status.candidate) &&
      (!document || comparison.faults !== undefined)
    ) {
      return found;
    }
    // One side sent a part of the representation, the other all of it: so do the bodies.
    if (partialAgainstWhole(baseline, candidate)) {
      const headers = comparison.headers.filter(
        (change) => change.name !== 'content-range' && change.name !== 'content-length',
      );
      found.push(...headerFindings(headers, input.isSecretHeader ?? (() => false)));
      return found;
    }
  }
  const { byList, outside } = splitByAwaitingLists(comparison.body, input.awaitingLists ?? []);
  const { matches, unexplained } = input.recognition ?? recognisePatterns(outside);
  found.push(...patternFindings(matches, endpoint), ...listOrderFindings(byList));
  const kindChange = unexplained.find(isBodyKindChange);
  // A body of another kind that the status defines (`204`, `207`) is the status finding's.
  if (kindChange !== undefined && !statusDefinesBody(status.baseline, status.candidate)) {
    found.push(findingOf(bodyKindCause(kindChange, status.baseline), ['']));
  }
  const residual = unexplained.filter((change) => change !== kindChange);
  found.push(
    ...withWholeDifference(
      structureFindings(endpoint, residual, comparison.xml === true, input.queryNames),
      residual,
      input,
    ),
  );
  const secret = input.isSecretHeader ?? (() => false);
  // Another body kind comes with another content type: that is the body-kind finding.
  // Another body comes with another length: that is the body's finding.
  const headers = comparison.headers.filter(
    (change) =>
      (kindChange === undefined || change.name !== 'content-type') &&
      !lengthOfBody(change, comparison.body, kindChange) &&
      !allowOfStatus(change, status),
  );
  found.push(...headerFindings(headers, secret));
  return found;
}
