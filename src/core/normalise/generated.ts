/**
 * Values the side that answered generated for itself, found on the first run
 * by evidence in the exchange, never by a member's name, and compared by
 * their format as `{{generated}}`. Two values at the same place that differ,
 * neither of which the side's own request holds (an input echoed back is
 * data), are per-instance when:
 *
 * - **format**: both are of one generated format — a UUID (dashed, or 32 hex
 *   digits with a UUID's version and variant digits), or a revision `N-<hash>` with the same counter and the same
 *   length and alphabet of hash — whatever the request (a fresh-UUID
 *   endpoint, a server's own identity in its root document);
 *   a dashed UUID inside a text too (a text body, a string member, a
 *   compared header: a code in a redirect), where the two texts hold as
 *   many, each pair in no request: masked in place, the rest of the texts
 *   compared as it is;
 * - **drawn hex**: hex digits of one length no common digest has (16 or
 *   more; not 32, 40, 56, 64, 96, 128), whatever the request: an object id,
 *   a secret, a salt;
 * - **write**: they are in the answer to a write both sides accepted (2xx):
 *   a `PUT`, `PATCH` or `DELETE`, or a `POST` both sides say made something
 *   (`201`, `202`, a `Location` header), or whose answer holds, in the
 *   object around them, every scalar member its JSON body sent (the record
 *   it sent, stored: a create answered `200`), or sent to an RPC-style path
 *   (`wrote`; a `POST` answered `200` elsewhere may only read: a query, a
 *   search). They are of one id-like format, or of one family of another
 *   length (hex digits, an opaque token: `idFamilyOf`) (a
 *   token of letters and digits of one shape, hex digits of one length, a
 *   release version, a decimal of one length longer than any 64-bit
 *   integer, an opaque token of one length): first seen there, so made
 *   there (an id, a revision a bulk write returns and nothing reads again,
 *   a sequence number, a paging or iterator token). On an API that sends
 *   every call as a `POST` (an RPC-style API: an operation named in a
 *   header, or a custom method `accounts:signUp` in the path), every
 *   accepted answer is one;
 * - **drawn pieces**: two texts the same but for pieces of one drawn form
 *   (`fakeHash:salt=<drawn>:…`, a link `…&code=<drawn>&…`), in no request,
 *   in the answer to such a write, or two base64 values whose readable
 *   texts are so (a token encoding a record that names a drawn id): those
 *   pieces (or the whole base64 value) as `{{generated}}`. On a read, only
 *   pieces that are the very pair a member beside the text holds (a link
 *   that carries a listed code): that member keeps its own row;
 * - **identity**: they sit in an object beside a value found per-instance
 *   above, and are hex digits of one length or release versions (a
 *   server's build hash and version beside its uuid);
 * - **own version**: they are release versions, and each is the version its
 *   side names as its own in an identity header (`Server: name/2.9.1`,
 *   `X-Powered-By`, `Via`, `X-…-Version`): two releases of one server each
 *   report theirs.
 *
 * - **entity tag**: at a member named for one (`etag`, `getetag`, `eTag`),
 *   both are entity tags of one kind (both strong, or both weak): opaque
 *   validators (RFC 9110 8.8.3), unless one is the digest of content the
 *   exchange holds.
 *
 * A list of records each side orders by a member whose values it drew
 * (some keys shared, the others each side's own) is compared in the
 * baseline's order, its records paired by their keys, where one run's
 * evidence is enough (five drawn keys or more, their records in another
 * relative order on each side); with fewer, the list awaits evidence
 * (`reordered`, `unsettled`): `own-key-order.ts`.
 *
 * A value whose format differs (decimal against hex, another revision
 * counter or scheme), a number, a word, a value one request named, the
 * MD5, SHA-1 or SHA-256 digest (hex or base64) of a text the exchange holds
 * (its request's body, a string of the answer: a digest of content is data),
 * or base64 that decodes to readable text (an encoded record, not a drawn
 * token) stays a divergence. Where two values of one id-like format differ without such
 * evidence (an answer to a read), they stay a divergence too, and the places
 * are listed as `unsettled`: `--noise` (a replica of the baseline) would
 * settle them. A member one side adds or lacks is never touched: a real
 * change in the same answer keeps its own row. Where it was done is kept,
 * with its evidence, for the reports; the `--noise` replica is masked at the
 * same places. Pure.
 */
import { createHash } from 'node:crypto';
import type { CaseRequest } from '../../contract/model/case.js';
import { pointerOfEntry } from '../../contract/model/entries.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { isTreeBody } from '../wire/tree-body.js';
import { etagKind, REVISION } from './derived.js';
import { isComparedHeader } from './headers.js';
import { maskReplicaAt } from './replica.js';
import { structuredBody, withStructuredValue } from './sequence-walk.js';

/** What a value each side generated is compared as. */
export const GENERATED_TOKEN = '{{generated}}';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX32 = /^(?:[0-9a-f]{32}|[0-9A-F]{32})$/;
const HEX = /^(?:[0-9a-f]{7,128}|[0-9A-F]{7,128})$/;
const VERSION = /^v?\d+(?:\.\d+){2,}(?:[-+][0-9A-Za-z.-]+)?$/;
const TOKEN = /^[A-Za-z0-9_.:-]{6,128}$/;
/** More digits than any 64-bit integer writes (2^64 has 20): no count, size or time, a composed id. */
const LONG_DIGITS = /^\d{21,200}$/;
/** Base64 (or base64url) of at least 24 bytes: 32 characters or more, padded or not. */
const OPAQUE = /^[A-Za-z0-9+/_-]{32,}={0,2}$/;
/** The longest opaque token looked at (an iterator, a paging token): longer is content. */
const MAX_OPAQUE = 4096;

const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Digits and letters both: a drawn value, not a word or a number. */
function mixed(value: string): boolean {
  return /\d/.test(value) && /[A-Za-z]/.test(value);
}

/**
 * 32 hex digits with a UUID's version (1-8) and variant (`8`-`b`) digits
 * where a UUID has them: a dashless UUID. An MD5 digest has them only one
 * time in eight; `digestOfContent` catches the digest of a text the exchange
 * holds.
 */
function dashlessUuid(value: string): boolean {
  return HEX32.test(value) && /^[1-8]$/.test(value[12] ?? '') && /^[89ab]$/i.test(value[16] ?? '');
}

/** A generated format that speaks for itself (a UUID, a revision), or undefined. */
export function generatedFormat(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  if (UUID.test(value)) return 'uuid';
  if (dashlessUuid(value) && mixed(value)) return 'uuid';
  const revision = REVISION.exec(value);
  const hash = revision?.[2];
  if (revision !== null && hash !== undefined && /\d/.test(hash)) {
    const alphabet = /^[0-9a-f]+$/.test(hash) ? 'hex' : 'base64';
    return `revision ${revision[1]}-${alphabet}${hash.length}`;
  }
  return undefined;
}

/** Hex digits of one length, or a release version: a build's hash and version. */
export function identityFormat(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (HEX.test(value) && mixed(value)) return `hex${value.length}`;
  return VERSION.test(value) ? 'version' : undefined;
}

/**
 * The family of an id-like format whose length may change between two
 * releases without changing what it is: hex digits (`hex24`, `hex32`) and
 * opaque tokens (`opaque44`, `opaque64`). A decimal, a UUID, a revision, a
 * version or a token's shape has none: another of them is another format.
 */
export function idFamilyOf(format: string): string | undefined {
  if (/^hex\d+$/.test(format)) return 'hex';
  if (/^opaque\d+$/.test(format)) return 'opaque';
  return undefined;
}

/**
 * A value's format as its family sees it: a dashless UUID is 32 hex digits
 * (`hex32`). Drawn bytes written as 32 hex digits (a CouchDB-style uuid, an
 * id) carry a UUID's version and variant digits one time in eight by chance,
 * so one side's value may read as a UUID and the other's as `hex32`: one
 * family, the same length. A dashed UUID keeps its own format.
 */
export function familyFormat(value: unknown, format: string | undefined): string | undefined {
  return format === 'uuid' && typeof value === 'string' && HEX32.test(value) ? 'hex32' : format;
}

/** Hex lengths of the common digests (MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512). */
const DIGEST_HEX_LENGTHS: ReadonlySet<number> = new Set([32, 40, 56, 64, 96, 128]);

/**
 * Hex digits, 16 or more, of a length no common digest has (`hex24`,
 * `hex48`): drawn bytes (an object id, a key, a salt, a secret), not a
 * digest of content, whose length says which algorithm made it.
 */
function drawnHex(value: string): boolean {
  return (
    value.length >= 16 && !DIGEST_HEX_LENGTHS.has(value.length) && HEX.test(value) && mixed(value)
  );
}

/** Whether `bytes` read as UTF-8 text a person could read: no control character, no invalid sequence. */
function readable(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * An opaque token (`opaque<length>`): base64 or base64url (not both
 * alphabets) of 32 to 4096 characters, with lower- and upper-case letters and
 * a digit or sign among them (drawn bytes, not a word), that does not decode
 * to readable text (base64 of a record or of JSON is content, not a token).
 * An iterator, a paging token, a session: opaque by design, each side its own.
 */
export function opaqueFormat(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_OPAQUE || !OPAQUE.test(value)) {
    return undefined;
  }
  if (/[+/]/.test(value) && /[-_]/.test(value)) return undefined;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[^A-Za-z=]/.test(value)) return undefined;
  if (readable(Buffer.from(value, 'base64'))) return undefined;
  return `opaque${value.length}`;
}

/** A decimal of more digits than a 64-bit integer holds (`digits<length>`): a sequence number. */
export function longDigitsFormat(value: unknown): string | undefined {
  return typeof value === 'string' && LONG_DIGITS.test(value) ? `digits${value.length}` : undefined;
}

/**
 * An id-like format: a generated one, an identity one, a long decimal, an
 * opaque token, or a token's shape (letters `a`, digits `9`).
 */
export function idFormat(value: unknown): string | undefined {
  const format =
    generatedFormat(value) ??
    identityFormat(value) ??
    longDigitsFormat(value) ??
    opaqueFormat(value);
  if (format !== undefined || typeof value !== 'string') return format;
  if (!TOKEN.test(value) || !mixed(value)) return undefined;
  return `token ${value.replace(/[A-Za-z]+/g, 'a').replace(/\d+/g, '9')}`;
}

/** A dashed UUID anywhere in a text (a code in a redirect's URL, an id in a message). */
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Two texts that hold as many UUIDs, each pair that differs in neither
 * side's request: both with those UUIDs as `{{generated}}` (`Redirecting
 * to /cb?code=<uuid>`: a code each side drew into its answer), as a UUID
 * that is a whole value is. What else the texts hold is compared as it is,
 * so a text that differs beside them keeps that difference (and the same
 * one on every run). Undefined when the texts hold no UUID that differs,
 * another number of them, or a request named one of them.
 */
function embeddedIds(a: string, b: string, walk: Walk): readonly [string, string] | undefined {
  if (a.length > MAX_OPAQUE || b.length > MAX_OPAQUE) return undefined;
  const left = a.match(UUID_IN_TEXT);
  const right = b.match(UUID_IN_TEXT);
  if (left === null || right === null || left.length !== right.length) return undefined;
  const [asked, askedOther] = walk.asked();
  let differs = false;
  const out: [string[], string[]] = [[], []];
  for (let i = 0; i < left.length; i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) {
      out[0].push(x);
      out[1].push(y);
      continue;
    }
    if (asked.includes(x) || askedOther.includes(y)) return undefined;
    differs = true;
    out[0].push(GENERATED_TOKEN);
    out[1].push(GENERATED_TOKEN);
  }
  if (!differs) return undefined;
  const join = (texts: readonly string[], ids: readonly string[]) =>
    texts.map((part, i) => `${part}${ids[i] ?? ''}`).join('');
  return [join(a.split(UUID_IN_TEXT), out[0]), join(b.split(UUID_IN_TEXT), out[1])];
}

/** Runs of letters, digits, `-` and `_` (a key, a base64url token) between the separators of a text. */
const PIECES = /([A-Za-z0-9_-]+)/;

/**
 * Two texts that are one composite with drawn pieces (`fakeHash:salt=<drawn>:password=…`,
 * a URL `…?code=<drawn>&lang=en`): split into runs of letters, digits, `-`
 * and `_`, they hold the same separators and pieces but for pieces of one
 * drawn form on both sides (`drawnKey` or one id-like format, one length),
 * in no request, in the answer to a write both sides accepted: the texts
 * with those pieces as `{{generated}}`. Undefined when anything else differs
 * (a word, a constant, another format), or without a write.
 */
function drawnPieces(a: string, b: string, walk: Walk): readonly [string, string] | undefined {
  if (a.length > MAX_OPAQUE || b.length > MAX_OPAQUE) return undefined;
  if (!walk.write && walk.siblings.size === 0) return undefined;
  const left = a.split(PIECES);
  const right = b.split(PIECES);
  if (left.length !== right.length || left.length < 5) return undefined;
  const [asked, askedOther] = walk.asked();
  let drawn = 0;
  for (let i = 0; i < left.length; i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    // Odd indices are pieces; even ones the separators between them.
    if (i % 2 === 0 || x.length !== y.length || !drawnPiece(x, y)) return undefined;
    if (asked.includes(x) || askedOther.includes(y)) return undefined;
    // On a read, only the very pair a member beside the text holds: that member's difference, shown again.
    if (!walk.write && !walk.siblings.has(`${x}\u0000${y}`)) return undefined;
    left[i] = GENERATED_TOKEN;
    right[i] = GENERATED_TOKEN;
    drawn += 1;
  }
  // Something beside the drawn pieces is the same on both sides: a composite, not one value.
  if (drawn === 0 || drawn === (left.length - 1) / 2) return undefined;
  return [left.join(''), right.join('')];
}

/** Base64 or base64url, padded or not: a text an answer may carry encoded (a token of a record). */
const BASE64_TEXT = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/**
 * Two base64 values that decode to readable texts that are one composite
 * with drawn pieces (`drawnPieces`): a token that encodes a record naming a
 * key the write drew (`{"localId": "<drawn>", "provider": …}`). True when
 * the decoded texts differ only there.
 */
function drawnInBase64(a: string, b: string, walk: Walk): boolean {
  if (!walk.write || a.length < 16 || !BASE64_TEXT.test(a) || !BASE64_TEXT.test(b)) return false;
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  if (!readable(x) || !readable(y)) return false;
  return drawnPieces(x.toString('utf8'), y.toString('utf8'), walk) !== undefined;
}

/** Two pieces of one drawn form: keys drawn from letters and digits, or one id-like format. */
function drawnPiece(x: string, y: string): boolean {
  if (drawnKey(x.replace(/[-_]/g, '')) && drawnKey(y.replace(/[-_]/g, ''))) return true;
  const format = idFormat(x);
  return format !== undefined && !format.startsWith('token') && format === idFormat(y);
}

/** What `generated` says of drawn pieces inside a text. */
const DRAWN_PIECES =
  'a text the same on both sides but for pieces drawn in the answer to a write, in no request';
/** What `generated` says of a text that differs only by the values a member beside it holds. */
const SIBLING_PIECES =
  'a text the same on both sides but for the values a member beside it holds: that difference, shown again';

/** What `generated` says of UUIDs inside a text. */
const EMBEDDED = 'uuid inside the text on both sides, in no request';

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** Everything a request says: path, query, header values and body, as one text. */
function requestText(request: CaseRequest): string {
  const { body } = request;
  const text =
    body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'text' ? body.text : '';
  const pairs = [...request.query, ...request.headers].map(([k, v]) => `${k}=${v}`);
  return `${request.path} ${pairs.join(' ')} ${text}`;
}

function accepted(side: SideOutcome): boolean {
  return side.outcome === 'response' && side.response.status >= 200 && side.response.status < 300;
}

/** Statuses that say a request made or queued something: `201 Created`, `202 Accepted`. */
const MADE: ReadonlySet<number> = new Set([201, 202]);

/** A header that names what a request made (`Location: /notes/17`). */
function namesWhatItMade(side: SideOutcome): boolean {
  return side.outcome === 'response' && side.response.headers.location !== undefined;
}

/**
 * Whether both sides accepted a write, by evidence: a `PUT`, `PATCH` or
 * `DELETE` changes what it names; a `POST` may only read (a query, a search,
 * a bulk get), so it counts as a write where both sides say they made
 * something (`201`, `202`, a `Location` header) or where the library is
 * RPC-style (`rpc`: every operation a `POST`, reads included, each answer
 * holding what that call drew: a sequence number, an iterator).
 */
export function wrote(
  method: string,
  baseline: SideOutcome,
  candidate: SideOutcome,
  rpc = false,
): boolean {
  if (!WRITES.has(method) || !accepted(baseline) || !accepted(candidate)) return false;
  if (method !== 'POST' || rpc) return true;
  const made = (side: SideOutcome) =>
    side.outcome === 'response' && (MADE.has(side.response.status) || namesWhatItMade(side));
  return made(baseline) && made(candidate);
}

const HEX_DIGESTS: Readonly<Record<number, string>> = {
  32: 'md5',
  40: 'sha1',
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
};
/** Base64 digests by their length unpadded (md5 22, sha1 27, sha256 43, sha384 64, sha512 86). */
const BASE64_DIGESTS: Readonly<Record<number, string>> = {
  22: 'md5',
  27: 'sha1',
  43: 'sha256',
  64: 'sha384',
  86: 'sha512',
};
/** The most texts of one answer whose digests are computed. */
const MAX_TEXTS = 256;

/** `value` as a digest's hex, with its algorithm; undefined when it cannot be one. */
function digestForm(value: string): { algorithm: string; hex: string } | undefined {
  const byHex = HEX_DIGESTS[value.length];
  if (byHex !== undefined && /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value)) {
    return { algorithm: byHex, hex: value.toLowerCase() };
  }
  const bare = value.replace(/={1,2}$/, '');
  const byBase64 = BASE64_DIGESTS[bare.length];
  if (byBase64 === undefined || !/^[A-Za-z0-9+/_-]+$/.test(bare)) return undefined;
  return { algorithm: byBase64, hex: Buffer.from(bare, 'base64').toString('hex') };
}

/**
 * Whether `value` is the MD5, SHA-1 or SHA-2 digest, in hex or base64, of
 * one of `texts` (a request's body, a string of the answer): a digest of
 * content, which changes with the content and is data, not a value the side drew.
 */
export function digestOfContent(value: string, texts: readonly (string | Uint8Array)[]): boolean {
  const form = digestForm(value);
  if (form === undefined) return false;
  return texts.some((text) => createHash(form.algorithm).update(text).digest('hex') === form.hex);
}

/** The strings of `value` (at most `MAX_TEXTS`), into `out`. */
function stringsOf(value: unknown, out: string[]): void {
  if (out.length >= MAX_TEXTS) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (isObject(value)) for (const key of Object.keys(value)) stringsOf(value[key], out);
}

/** The texts a side's digest could be of: its request's body and its answer's strings. */
export function contentTexts(request: CaseRequest, side: SideOutcome): (string | Uint8Array)[] {
  const { body } = request;
  const texts: (string | Uint8Array)[] = [];
  if (body.kind === 'json') texts.push(JSON.stringify(body.value));
  else if (body.kind === 'text') texts.push(body.text);
  else if (body.kind === 'bytes') texts.push(body.bytes);
  if (side.outcome !== 'response') return texts;
  const answer = side.response.body;
  if (!isTreeBody(answer)) return texts;
  const strings: string[] = [];
  stringsOf(answer.value, strings);
  return [...texts, ...strings];
}

/** What the walk knows of the exchange. */
interface Walk {
  /** Each side's request, as text (made when first asked). */
  asked(): readonly [baseline: string, candidate: string];
  /** Each side's texts a digest could be of (made when first asked): `contentTexts`. */
  contents(): readonly [
    baseline: readonly (string | Uint8Array)[],
    candidate: readonly (string | Uint8Array)[],
  ];
  /** Both sides accepted a write. */
  readonly write: boolean;
  /**
   * For a `POST` both sides accepted that is no write by `wrote` (it
   * answered `200`): the scalar members of each side's JSON object body
   * (`{"text": "first draft"}`), the record a create sends; else undefined.
   */
  readonly posted: readonly [baseline: ScalarMembers, candidate: ScalarMembers] | undefined;
  /** The release versions each side names as its own in its identity headers (made when first asked). */
  ownVersions(): readonly [baseline: ReadonlySet<string>, candidate: ReadonlySet<string>];
  /** Places masked, with their evidence. */
  readonly generated: string[];
  /** Places of one id-like format without evidence. */
  readonly unsettled: string[];
  /**
   * The pairs of id-like values of one format that differ at members of the
   * object being walked (`x\u0000y`): a text beside them that differs only
   * by one of them (a link that carries a code) holds that difference, not
   * another one.
   */
  siblings: ReadonlySet<string>;
}

type Found = { readonly evidence: string } | { readonly unsettled: true } | undefined;

type ScalarMembers = readonly (readonly [string, string | number | boolean])[];

/** The scalar members of a JSON object body, or undefined when it has none. */
function scalarMembers(request: CaseRequest): ScalarMembers | undefined {
  const { body } = request;
  if (body.kind !== 'json' || !isObject(body.value)) return undefined;
  const out: [string, string | number | boolean][] = [];
  for (const [key, value] of Object.entries(body.value)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out.push([key, value]);
    }
  }
  return out.length === 0 ? undefined : out;
}

/**
 * Whether `a` and `b` each hold every scalar member their side's `POST`
 * sent, with its value: the record the request sent, as the side stored it,
 * beside what the side gave it (a create answered `200`).
 */
function holdsRecordSent(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  walk: Walk,
): boolean {
  if (walk.posted === undefined) return false;
  const [mine, theirs] = walk.posted;
  return (
    mine.every(([key, value]) => a[key] === value) &&
    theirs.every(([key, value]) => b[key] === value)
  );
}

/** The evidence that `a` and `b` (differing, at one place) are per-instance; see the module comment. */
function evidenceOf(a: unknown, b: unknown, walk: Walk, identity: boolean, record = false): Found {
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return undefined;
  const drawn = drawnByWrite(a, b, walk);
  if (drawn !== undefined) return drawn;
  const id = idFormat(a);
  if (id === undefined) return undefined;
  const other = idFormat(b);
  // One family of another length (hex digits, an opaque token): generated only by a write's evidence.
  const kin = idFamilyOf(familyFormat(a, id) ?? id);
  const family =
    id !== other &&
    other !== undefined &&
    kin !== undefined &&
    kin === idFamilyOf(familyFormat(b, other) ?? other);
  if (id !== other && !family) return undefined;
  const [asked, askedOther] = walk.asked();
  if (asked.includes(a) || askedOther.includes(b)) return undefined;
  if (a.length >= 22 && a.length <= 128) {
    // A digest of content the exchange holds is data: it differs because the content does.
    const [mine, theirs] = walk.contents();
    if (digestOfContent(a, mine) || digestOfContent(b, theirs)) return undefined;
  }
  if (family) {
    const of = a.length === b.length ? `of ${a.length} digits on both sides` : 'of another length';
    return walk.write
      ? { evidence: `first seen in the answer to a write (${kin} ${of})` }
      : { unsettled: true };
  }
  const format = generatedFormat(a);
  if (format !== undefined) return { evidence: `${format} on both sides, in no request` };
  if (drawnHex(a)) {
    return {
      evidence: `hex of ${a.length} digits on both sides, a length no digest has, in no request`,
    };
  }
  if (identityFormat(a) === 'version') {
    const [mine, theirs] = walk.ownVersions();
    if (mine.has(bareVersion(a)) && theirs.has(bareVersion(b))) {
      return { evidence: "each side's own version, as its identity header names it" };
    }
  }
  if (walk.write) return { evidence: 'first seen in the answer to a write' };
  if (record) return { evidence: 'beside the record its POST sent: made there' };
  if (identity && identityFormat(a) !== undefined) return { evidence: "beside the side's own id" };
  return { unsettled: true };
}

/** Letters and digits only, 8 to 64 of them: a key drawn from an alphabet of letters and digits. */
const ALPHANUMERIC = /^[A-Za-z0-9]{8,64}$/;
/** A word or words run together (`pending`, `Accepted`, `inProgress`, `HTTP`): what a person writes. */
const WORDS = /^(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)$/;

/**
 * A key drawn from letters and digits: both cases of letters, or letters
 * and digits, and no word (`WORDS`). Drawn at random from 62 characters, a
 * key of 10 holds no digit one time in six (`qWeRtYkLmN`), and one of its
 * digits and letters take another shape on each side (`aB3xYz9Kq1` against
 * `Qw7rTy2uIo`), so no shape of runs names its format: its length does.
 */
function drawnKey(value: string): boolean {
  if (!ALPHANUMERIC.test(value) || WORDS.test(value)) return false;
  return (/[a-z]/.test(value) && /[A-Z]/.test(value)) || mixed(value);
}

/**
 * Keys each side drew for what a write made: first seen in the answer to a
 * write both sides accepted (`wrote`), of one length, each a `drawnKey`, in
 * no request (`/objectId` of a create answered `201`, whatever characters it
 * drew). A word a write answers (`Accepted` against `Received`), keys of two
 * lengths, or one a request named stays a divergence.
 */
function drawnByWrite(a: string, b: string, walk: Walk): Found {
  if (!walk.write || a.length !== b.length || !drawnKey(a) || !drawnKey(b)) return undefined;
  // Hex digits keep their own format (another alphabet on the other side is another format).
  if (HEX.test(a) || HEX.test(b)) return undefined;
  if (idFormat(a) !== undefined && idFormat(a) === idFormat(b)) return undefined;
  const [asked, askedOther] = walk.asked();
  if (asked.includes(a) || askedOther.includes(b)) return undefined;
  return {
    evidence: `first seen in the answer to a write (keys of ${a.length} letters and digits on both sides, drawn: no word)`,
  };
}

/**
 * Two entity tags of one kind at a member named for one (`etag`, `ETag`,
 * WebDAV's `getetag`): opaque validators (RFC 9110 8.8.3), each server's own,
 * of the representation another answer shows. Strong against weak, an
 * unquoted tag, or the digest of content the exchange holds stays a finding.
 */
function entityTagEvidence(key: string, a: unknown, b: unknown, walk: Walk): Found {
  if (!key.toLowerCase().endsWith('etag') || a === b) return undefined;
  const kind = etagKind(a);
  if (kind === undefined || kind !== etagKind(b)) return undefined;
  const [mine, theirs] = walk.contents();
  const inner = (v: unknown) => String(v).replace(/^W\//, '').slice(1, -1);
  if (digestOfContent(inner(a), mine) || digestOfContent(inner(b), theirs)) return undefined;
  return { evidence: `entity tags, ${kind} on both sides: opaque validators, each server's own` };
}

const masks = (found: Found): found is { readonly evidence: string } =>
  found !== undefined && 'evidence' in found;

/** `a` and `b`, copied where something changed (`changed` says whether anything did). */
interface Pair<T> {
  readonly values: [T, T];
  readonly changed: boolean;
}

/** Masks the members of one pair of objects: generated ones first, then those beside them. */
function walkObjects(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  path: string,
  walk: Walk,
): Pair<Record<string, unknown>> {
  let left: Record<string, unknown> | undefined;
  let right: Record<string, unknown> | undefined;
  const set = (key: string, x: unknown, y: unknown) => {
    left ??= { ...a };
    right ??= { ...b };
    left[key] = x;
    right[key] = y;
  };
  let own = false;
  const later: string[] = [];
  const record = holdsRecordSent(a, b, walk);
  const outer = walk.siblings;
  walk.siblings = siblingPairs(a, b);
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(b, key) || a[key] === b[key]) continue;
    const at = joinPointer(path, key);
    const found =
      entityTagEvidence(key, a[key], b[key], walk) ??
      evidenceOf(a[key], b[key], walk, false, record);
    if (masks(found)) {
      set(key, GENERATED_TOKEN, GENERATED_TOKEN);
      walk.generated.push(`${at} (${found.evidence})`);
      own = true;
    } else if (found !== undefined) {
      later.push(key);
    } else {
      const inner = walkValues(a[key], b[key], at, walk);
      if (inner.changed) set(key, ...inner.values);
    }
  }
  for (const key of later) {
    const at = joinPointer(path, key);
    const found = evidenceOf(a[key], b[key], walk, own);
    if (masks(found)) {
      set(key, GENERATED_TOKEN, GENERATED_TOKEN);
      walk.generated.push(`${at} (${found.evidence})`);
    } else {
      walk.unsettled.push(at);
    }
  }
  walk.siblings = outer;
  return left === undefined || right === undefined
    ? { values: [a, b], changed: false }
    : { values: [left, right], changed: true };
}

/** The pairs of id-like values of one format that differ at members of `a` and `b`: `Walk.siblings`. */
function siblingPairs(a: Record<string, unknown>, b: Record<string, unknown>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (typeof x !== 'string' || typeof y !== 'string' || x === y) continue;
    const format = idFormat(x);
    if (format !== undefined && format === idFormat(y)) out.add(`${x}\u0000${y}`);
  }
  return out;
}

function walkArrays(a: unknown[], b: unknown[], path: string, walk: Walk): Pair<unknown[]> {
  let left: unknown[] | undefined;
  let right: unknown[] | undefined;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const at = joinPointer(path, i);
    const found = evidenceOf(a[i], b[i], walk, false);
    let pair: [unknown, unknown] | undefined;
    if (masks(found)) {
      pair = [GENERATED_TOKEN, GENERATED_TOKEN];
      walk.generated.push(`${at} (${found.evidence})`);
    } else if (found !== undefined) {
      walk.unsettled.push(at);
    } else {
      const inner = walkValues(a[i], b[i], at, walk);
      if (inner.changed) pair = inner.values;
    }
    if (pair === undefined) continue;
    left ??= [...a];
    right ??= [...b];
    [left[i], right[i]] = pair;
  }
  return left === undefined || right === undefined
    ? { values: [a, b], changed: false }
    : { values: [left, right], changed: true };
}

function walkValues(a: unknown, b: unknown, path: string, walk: Walk): Pair<unknown> {
  if (a === b) return { values: [a, b], changed: false };
  if (Array.isArray(a) && Array.isArray(b)) return walkArrays(a, b, path, walk);
  if (isObject(a) && isObject(b)) return walkObjects(a, b, path, walk);
  const found = evidenceOf(a, b, walk, false);
  if (masks(found)) {
    walk.generated.push(`${path || '/'} (${found.evidence})`);
    return { values: [GENERATED_TOKEN, GENERATED_TOKEN], changed: true };
  }
  if (found !== undefined) walk.unsettled.push(path || '/');
  if (typeof a !== 'string' || typeof b !== 'string') return { values: [a, b], changed: false };
  const inside = embeddedIds(a, b, walk);
  if (inside !== undefined) {
    walk.generated.push(`${path || '/'} (${EMBEDDED})`);
    return { values: [inside[0], inside[1]], changed: true };
  }
  if (found !== undefined) return { values: [a, b], changed: false };
  if (drawnInBase64(a, b, walk)) {
    walk.generated.push(`${path || '/'} (base64 of ${DRAWN_PIECES})`);
    return { values: [GENERATED_TOKEN, GENERATED_TOKEN], changed: true };
  }
  const pieces = drawnPieces(a, b, walk);
  if (pieces === undefined) return { values: [a, b], changed: false };
  walk.generated.push(`${path || '/'} (${walk.write ? DRAWN_PIECES : SIBLING_PIECES})`);
  return { values: [pieces[0], pieces[1]], changed: true };
}

/** Headers where a server names itself (`Server: mountain/2.4.1`, `X-Powered-By`, `Via`, `X-…-Version`). */
function identityHeader(name: string): boolean {
  return (
    name === 'server' || name === 'x-powered-by' || name === 'via' || name.endsWith('-version')
  );
}

const VERSIONS_IN_TEXT = /(?<![\w.])v?\d+(?:\.\d+){2,}(?:[-+][0-9A-Za-z.-]+)?/g;

/** A release version without its `v`: `v2.9.1` and `2.9.1` are one. */
function bareVersion(value: string): string {
  return value.startsWith('v') ? value.slice(1) : value;
}

/**
 * The release versions a side names in its identity headers: the evidence
 * that a version in its body is its own (a server's version is per-instance:
 * two releases of one server each name theirs).
 */
function versionsNamed(side: SideOutcome): ReadonlySet<string> {
  const out = new Set<string>();
  if (side.outcome !== 'response') return out;
  for (const name in side.response.headers) {
    if (!identityHeader(name)) continue;
    for (const found of (side.response.headers[name] ?? '').matchAll(VERSIONS_IN_TEXT)) {
      out.add(bareVersion(found[0]));
    }
  }
  return out;
}

function sideRequest(exchange: Exchange, side: 'baseline' | 'candidate'): CaseRequest {
  return exchange.flow?.requests[side] ?? exchange.case.request;
}

/** What the walk knows of one exchange: its requests, whether it wrote, each side's own versions. */
function walkOf(exchange: Exchange, options: { readonly rpc?: boolean }): Walk {
  const { baseline, candidate } = exchange;
  const request = sideRequest(exchange, 'baseline');
  const write = wrote(request.method, baseline, candidate, options.rpc ?? true);
  let asked: readonly [string, string] | undefined;
  let contents: ReturnType<Walk['contents']> | undefined;
  let versions: ReturnType<Walk['ownVersions']> | undefined;
  return {
    asked: () => {
      asked ??= [requestText(request), requestText(sideRequest(exchange, 'candidate'))];
      return asked;
    },
    contents: () => {
      contents ??= [
        contentTexts(request, baseline),
        contentTexts(sideRequest(exchange, 'candidate'), candidate),
      ];
      return contents;
    },
    write,
    posted: (() => {
      if (write || request.method !== 'POST' || !accepted(baseline) || !accepted(candidate)) {
        return undefined;
      }
      const mine = scalarMembers(request);
      const theirs = scalarMembers(sideRequest(exchange, 'candidate'));
      return mine === undefined || theirs === undefined ? undefined : [mine, theirs];
    })(),
    ownVersions: () => {
      versions ??= [versionsNamed(baseline), versionsNamed(candidate)];
      return versions;
    },
    generated: [],
    unsettled: [],
    siblings: new Set(),
  };
}

/**
 * Whether two values at one place of this exchange's answers, one on each
 * side, are per-instance by the evidence the exchange holds (a UUID on both
 * sides in no request, drawn hex, first seen in the answer to a write…):
 * `own-key-order.ts` asks it of the keys only one side holds.
 */
export function perInstanceIn(
  exchange: Exchange,
  options: { readonly rpc?: boolean } = {},
): (x: unknown, y: unknown) => boolean {
  let walk: Walk | undefined;
  return (x, y) => {
    walk ??= walkOf(exchange, options);
    return x !== y && masks(evidenceOf(x, y, walk, false));
  };
}

/** Both sides' text bodies, when both answered text that differs. */
function textBodies(exchange: Exchange): readonly [string, string] | undefined {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  const a = baseline.response.body;
  const b = candidate.response.body;
  if (a.kind !== 'text' || b.kind !== 'text' || a.text === b.text) return undefined;
  return [a.text, b.text];
}

/** A text body's side with `text` in place of its text. */
function withText(side: SideOutcome, text: string): SideOutcome {
  return side.outcome === 'response'
    ? { outcome: 'response', response: { ...side.response, body: { kind: 'text', text } } }
    : side;
}

/** Two text bodies with the UUIDs each side drew inside them as `{{generated}}` (`embeddedIds`). */
function maskTextIds(exchange: Exchange, texts: readonly [string, string], walk: Walk): Exchange {
  const inside = embeddedIds(texts[0], texts[1], walk);
  if (inside === undefined) return exchange;
  return {
    ...exchange,
    baseline: withText(exchange.baseline, inside[0]),
    candidate: withText(exchange.candidate, inside[1]),
    generated: [...(exchange.generated ?? []), `body (${EMBEDDED})`],
  };
}

/**
 * The exchange with the values each side generated compared as
 * `{{generated}}` (see the module comment); `generated` lists where, with the
 * evidence, and `unsettled` where values of one id-like format differ without it.
 */
export function maskGeneratedValues(
  exchange: Exchange,
  options: {
    /** An accepted `POST` is a write whatever it answers (an RPC-style endpoint); by default it is. */
    readonly rpc?: boolean;
  } = {},
): Exchange {
  return maskHeaderIds(maskBodyValues(exchange, options), options);
}

/**
 * The compared headers both sides answered with the UUIDs each drew inside
 * them as `{{generated}}` (`embeddedIds`): a redirect's `Location:
 * /cb?code=<uuid>`, where `location` is compared.
 */
function maskHeaderIds(exchange: Exchange, options: { readonly rpc?: boolean }): Exchange {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return exchange;
  const a = baseline.response.headers;
  const b = candidate.response.headers;
  let walk: Walk | undefined;
  let left: Record<string, string> | undefined;
  let right: Record<string, string> | undefined;
  const places: string[] = [];
  // `for…in`, not `Object.entries`: no array per header on every answer.
  for (const name in a) {
    const x = a[name];
    const y = b[name];
    if (x === undefined || y === undefined || x === y) continue;
    if (!isComparedHeader(name, exchange.case.rules)) continue;
    walk ??= walkOf(exchange, options);
    const inside = embeddedIds(x, y, walk);
    if (inside === undefined) continue;
    left ??= { ...a };
    right ??= { ...b };
    [left[name], right[name]] = inside;
    places.push(`header ${name} (${EMBEDDED})`);
  }
  if (left === undefined || right === undefined) return exchange;
  return {
    ...exchange,
    baseline: { outcome: 'response', response: { ...baseline.response, headers: left } },
    candidate: { outcome: 'response', response: { ...candidate.response, headers: right } },
    generated: [...(exchange.generated ?? []), ...places],
  };
}

/** `maskGeneratedValues` on the bodies. */
function maskBodyValues(exchange: Exchange, options: { readonly rpc?: boolean }): Exchange {
  const { baseline, candidate, replica } = exchange;
  const texts = textBodies(exchange);
  if (texts !== undefined) return maskTextIds(exchange, texts, walkOf(exchange, options));
  const left = structuredBody(baseline);
  const right = structuredBody(candidate);
  if (left === undefined || right === undefined || left.kind !== right.kind) return exchange;
  if (left.value === right.value) return exchange;
  const walk = walkOf(exchange, options);
  const [x, y] = walkValues(left.value, right.value, '', walk).values;
  if (walk.generated.length === 0 && walk.unsettled.length === 0) return exchange;
  // Places an earlier pass found unsettled (a list in its own keys' order: `own-key-order.ts`) stay so.
  const unsettled = [...(exchange.unsettled ?? []), ...walk.unsettled];
  if (walk.generated.length === 0) return { ...exchange, unsettled };
  const places = walk.generated.map(pointerOfEntry);
  return {
    ...exchange,
    baseline: withStructuredValue(baseline, left, x),
    candidate: withStructuredValue(candidate, right, y),
    ...(replica === undefined || baseline.outcome !== 'response'
      ? {}
      : {
          replica: maskReplicaAt(replica, baseline.response, {
            places,
            alike: (raw, value) => idFormat(raw) !== undefined && idFormat(raw) === idFormat(value),
            token: GENERATED_TOKEN,
          }),
        }),
    generated: [...(exchange.generated ?? []), ...walk.generated],
    ...(unsettled.length === 0 ? {} : { unsettled }),
  };
}
