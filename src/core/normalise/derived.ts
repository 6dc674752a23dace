/**
 * Revision identifiers derived from per-instance values: a CouchDB-style
 * revision (`_rev: 3-5f5e2e…` vs `3-5683bb…`) or an `ETag` names a version
 * of a mutable document, and hashes that document, each side's own stamps,
 * address and ids included. When this answer already showed per-instance
 * values (its own origins, run stamps, or a flow's captured values compared
 * as placeholders), a revision that differs between the sides at the same
 * place in the same format (the same counter, the same length and alphabet
 * of its hash) and a compared `ETag` of the same form are compared as
 * `{{derived}}`. Another counter (`3-…` vs `4-…`: one side wrote once more),
 * another format, a revision on one side only, or an answer with no
 * per-instance value still differs; but two `ETag`s of one kind (both strong
 * or both weak) on answers that both show a body are opaque validators
 * (RFC 9110 8.8.3) whatever the answer holds (`maskOpaqueEtag`). A content digest (a `shasum`, an
 * `integrity`, a `sha256:` or a bare hash) is never derived: it names
 * content, so when it differs the content differs. Found by evidence and
 * format, never by field name; where it was done is kept, for the reports.
 * The replica's answer (`--noise`) is masked at the same places, so noise is
 * never learned from a masked value against a raw one. Pure.
 */
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../contract/model/exchange.js';
import type { Rules } from '../../contract/rules/types.js';
import { isTreeBody, type TreeBody, treeWithValue } from '../wire/tree-body.js';
import { isComparedHeader } from './headers.js';
import { maskPairs } from './pair-walk.js';
import { maskReplicaAt } from './replica.js';

/** Where a compared ETag found derived is listed (`derived`): a header place. */
export const ETAG_PLACE = 'header etag';

/** What a derived revision is compared as. */
export const DERIVED_TOKEN = '{{derived}}';

/** A revision: a counter, `-`, then a hash (16+ hex digits, or 20+ base64 characters). */
export const REVISION = /^(\d+)-([0-9a-f]{16,}|[A-Za-z0-9+/_-]{20,}={0,2})$/;

/** The revision's format (its counter, the alphabet and length of its hash), or undefined. */
function revisionFormat(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const match = REVISION.exec(value);
  const hash = match?.[2];
  if (match === null || hash === undefined || !/\d/.test(hash)) return undefined;
  const alphabet = /^[0-9a-f]+$/.test(hash) ? 'hex' : 'base64';
  return `${match[1]}|${alphabet}|${hash.length}`;
}

/** An entity tag's form: weak or strong, and its opaque tag's shape (runs of characters, separators kept). */
export function etagFormat(value: string): string | undefined {
  const match = /^(W\/)?"([^"]{1,200})"$/.exec(value.trim());
  if (match === null) return undefined;
  return `${match[1] ?? ''}${(match[2] ?? '').replace(/[A-Za-z0-9+/_=]+/g, 'x')}`;
}

/**
 * An entity tag's kind (RFC 9110 8.8.3): `weak` (`W/"…"`) or `strong`
 * (`"…"`); undefined for a value that is no entity tag (unquoted, empty).
 * The opaque part says nothing more: each server makes its own.
 */
export function etagKind(value: unknown): 'weak' | 'strong' | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(W\/)?"([^"]{1,200})"$/.exec(value.trim());
  if (match === null) return undefined;
  return match[1] === undefined ? 'strong' : 'weak';
}

function differInFormat(a: unknown, b: unknown, format: (v: unknown) => string | undefined) {
  if (a === b) return false;
  const left = format(a);
  return left !== undefined && left === format(b);
}

type Json = TreeBody;

function structured(body: ResponseBody): Json | undefined {
  return isTreeBody(body) ? body : undefined;
}

function withValue(body: Json, value: unknown): ResponseBody {
  // The wire texts still hold the raw values: dropped, so no wire note is made up from them.
  return treeWithValue(body, value);
}

/** Per-side responses after masking, and where. */
interface Masked {
  readonly baseline: Response;
  readonly candidate: Response;
  readonly places: readonly string[];
}

function maskBodies(b: Response, c: Response, places: string[]): [Response, Response] {
  const left = structured(b.body);
  const right = structured(c.body);
  if (left === undefined || right === undefined || left.kind !== right.kind) return [b, c];
  const found = maskPairs(left.value, right.value, {
    hit: (x, y) => differInFormat(x, y, revisionFormat),
    token: DERIVED_TOKEN,
  });
  if (found.places.length === 0) return [b, c];
  places.push(...found.places);
  const [x, y] = found.values;
  return [
    { ...b, body: withValue(left, x) },
    { ...c, body: withValue(right, y) },
  ];
}

function maskEtag(b: Response, c: Response, rules: Rules, places: string[]): [Response, Response] {
  const [x, y] = [b.headers['etag'], c.headers['etag']];
  if (x === undefined || y === undefined || x === y || !isComparedHeader('etag', rules)) {
    return [b, c];
  }
  const format = etagFormat(x);
  if (format === undefined || format !== etagFormat(y)) return [b, c];
  places.push(ETAG_PLACE);
  return [
    { ...b, headers: { ...b.headers, etag: DERIVED_TOKEN } },
    { ...c, headers: { ...c.headers, etag: DERIVED_TOKEN } },
  ];
}

/**
 * Whether both answers carry a body that shows what their tags validate: an
 * answer with none (a `HEAD`, a `304`, an empty body) has only its tag to
 * show a change of content, so its tag keeps its evidence rule.
 */
function bodiesShown(b: Response, c: Response): boolean {
  const shown = (r: Response) =>
    r.status !== 304 && r.body.kind !== 'empty' && !(r.body.kind === 'text' && r.body.text === '');
  return shown(b) && shown(c);
}

/**
 * Two compared `ETag`s of one kind (both strong, or both weak) on answers
 * that show their bodies: opaque validators (RFC 9110 8.8.3), each server's
 * own, where the body they validate is compared on its own (a content that
 * differs is that body's row). Strong against weak, an unquoted tag, or a
 * tag on one side stays a finding.
 */
function maskOpaqueEtag(b: Response, c: Response, rules: Rules): Masked | undefined {
  const [x, y] = [b.headers['etag'], c.headers['etag']];
  if (x === undefined || y === undefined || x === y || !isComparedHeader('etag', rules)) {
    return undefined;
  }
  const kind = etagKind(x);
  if (kind === undefined || kind !== etagKind(y) || !bodiesShown(b, c)) return undefined;
  return {
    baseline: { ...b, headers: { ...b.headers, etag: DERIVED_TOKEN } },
    candidate: { ...c, headers: { ...c.headers, etag: DERIVED_TOKEN } },
    places: [ETAG_PLACE],
  };
}

function masked(b: Response, c: Response, rules: Rules): Masked | undefined {
  const places: string[] = [];
  const [b1, c1] = maskBodies(b, c, places);
  const [b2, c2] = maskEtag(b1, c1, rules, places);
  return places.length === 0 ? undefined : { baseline: b2, candidate: c2, places };
}

/** The replica masked where the baseline was, where it holds a value of the same format. */
function replicaMasked(
  replica: SideOutcome,
  baseline: Response,
  places: readonly string[],
): SideOutcome {
  const masked = maskReplicaAt(replica, baseline, {
    places,
    alike: (raw, value) => {
      const want = revisionFormat(raw);
      return want !== undefined && revisionFormat(value) === want;
    },
    token: DERIVED_TOKEN,
  });
  if (masked.outcome !== 'response' || !places.includes(ETAG_PLACE)) return masked;
  const [x, y] = [baseline.headers['etag'], masked.response.headers['etag']];
  if (x === undefined || y === undefined || etagFormat(x) !== etagFormat(y)) return masked;
  const headers = { ...masked.response.headers, etag: DERIVED_TOKEN };
  return { outcome: 'response', response: { ...masked.response, headers } };
}

/**
 * Header stamps that date the answer, not the document: the moment it was
 * sent (`Date`), and times counted from it (`Expires`, `Retry-After`, a
 * rate-limit reset). Two servers' `Date` headers a second boundary apart
 * are no sign that a document's tag hashes per-instance values; a stamp in
 * the body, or a `Last-Modified`, is.
 */
const documentStamp = (place: string) =>
  !place.startsWith('header ') || place === 'header last-modified';

/** True when this answer already compared per-instance values (the evidence). */
function hasPerInstanceValues(exchange: Exchange): boolean {
  return (
    (exchange.origin?.length ?? 0) > 0 ||
    (exchange.stamped?.some(documentStamp) ?? false) ||
    (exchange.flow?.masked?.length ?? 0) > 0 ||
    (exchange.echoed?.length ?? 0) > 0 ||
    (exchange.sequenced?.length ?? 0) > 0
  );
}

/**
 * The exchange with the revisions derived from per-instance values compared
 * as `{{derived}}` (see the module comment), and `derived` listing where.
 */
export function maskDerivedRevisions(exchange: Exchange): Exchange {
  const { baseline, candidate, replica } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return exchange;
  const rules = exchange.case.rules;
  const proven = hasPerInstanceValues(exchange)
    ? masked(baseline.response, candidate.response, rules)
    : undefined;
  // Tags of one kind on answers that show their bodies, whatever else the answer holds.
  const opaque = proven?.places.includes(ETAG_PLACE)
    ? undefined
    : maskOpaqueEtag(
        proven?.baseline ?? baseline.response,
        proven?.candidate ?? candidate.response,
        rules,
      );
  const found =
    opaque === undefined
      ? proven
      : { ...opaque, places: [...(proven?.places ?? []), ...opaque.places] };
  if (found === undefined) return exchange;
  return {
    ...exchange,
    baseline: { outcome: 'response', response: found.baseline },
    candidate: { outcome: 'response', response: found.candidate },
    ...(replica === undefined
      ? {}
      : { replica: replicaMasked(replica, baseline.response, found.places) }),
    derived: found.places.map((place) => (place === '' ? '/' : place)),
  };
}
