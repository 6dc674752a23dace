/**
 * Signed tokens are compared by what they say. A token endpoint answers a
 * JWT (RFC 7519, in JWS compact form: `header.claims.signature`, each part
 * base64url) that each side signs for the call: its claims hold the side's
 * own issuer address and the times it stamped, and its signature is made
 * from header and claims with the side's key, so the two strings differ on
 * every call and, compared as strings, every token would be a row.
 *
 * Where both sides hold, at the same place of a JSON or XML body, a JWT (its
 * header decodes to a JSON object naming its `alg`, its claims to a JSON
 * object) and the two strings differ, each is replaced by what it says:
 * `{"header": {…}, "claims": {…}, "signature": "{{generated}}"}`. The
 * signature is set aside (it is derived from the two parts beside it, with a
 * key the JWKS shows; an unsigned token's empty signature stays empty); the
 * header and claims are compared as any JSON is, after the masks that come
 * next: the side's own address (`iss`), the times it stamped during the run
 * (`iat`, `nbf`, `exp`), ids of a generated format (`jti`). So a token whose
 * claims agree but for per-instance values is no row, and one whose header
 * or claims differ for real (a claim one side adds, another `alg`, another
 * `scope`) shows that difference at its place (`/access_token/claims/aud`).
 * A token on one side only, or against a value that is not one, is left as
 * it is. Found by the value, never by the member's name; listed under
 * `generated` (its signature), for the reports.
 *
 * This runs before secrets are redacted, since a secret the request sent
 * (a `nonce`) is signed into the claims, and redacted inside their base64 it
 * would leave them unreadable: the claims, opened, are redacted as any value
 * of the answer is. The signature, what makes the token a credential, is
 * never shown. Pure.
 */
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import { isExactNumber } from '../wire/exact-number.js';
import { parseJsonExact } from '../wire/parse-json.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';
import { maskPairs } from './pair-walk.js';
import { replaceReplicaAt } from './replica.js';

/** What a signed token's signature is compared as. */
const SIGNATURE_TOKEN = '{{generated}}';

/** The longest token opened: longer is content, not a credential. */
const MAX_TOKEN = 16_384;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** A signed token as it is compared: its header and claims, its signature set aside. */
export interface OpenedToken {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  /** `{{generated}}`, or `''` for an unsigned token (`alg: none`). */
  readonly signature: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** A base64url segment decoded as a JSON object; undefined when it is not one. */
function decodedObject(segment: string): Record<string, unknown> | undefined {
  const text = Buffer.from(segment, 'base64url').toString('utf8');
  if (!text.startsWith('{')) return undefined;
  const parsed = parseJsonExact(text);
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}

/** `value` opened as a JWT in JWS compact form; undefined when it is not one. */
export function openSignedToken(value: unknown): OpenedToken | undefined {
  // A JSON object's base64url always starts `eyJ` (`{"`).
  if (typeof value !== 'string' || value.length > MAX_TOKEN || !value.startsWith('eyJ')) {
    return undefined;
  }
  const [header, claims, signature, ...rest] = value.split('.');
  if (header === undefined || claims === undefined || signature === undefined) return undefined;
  if (rest.length > 0 || !SEGMENT.test(header) || !SEGMENT.test(claims)) return undefined;
  if (signature !== '' && !SEGMENT.test(signature)) return undefined;
  const opened = decodedObject(header);
  if (opened === undefined || typeof opened.alg !== 'string') return undefined;
  const said = decodedObject(claims);
  if (said === undefined || !/^eyJ/.test(claims)) return undefined;
  return { header: opened, claims: said, signature: signature === '' ? '' : SIGNATURE_TOKEN };
}

/**
 * Whether a body can hold a JWT, read off its text when it has one: a token's
 * header starts `eyJ`, written as is unless the text escapes characters
 * (`\u0065`, `&#101;`). A body without its text is walked.
 */
function mayHoldToken(body: ResponseBody & { readonly text?: string | undefined }): boolean {
  const { text } = body;
  return text === undefined || text.includes('eyJ') || text.includes('\\u') || text.includes('&#');
}

/** Both sides' JSON or XML bodies with every pair of differing JWTs opened, and where. */
function opened(a: ResponseBody, b: ResponseBody, places: string[]) {
  if (!isTreeBody(a) || !isTreeBody(b) || a.kind !== b.kind) return undefined;
  if (a === b || (a.text !== undefined && a.text === b.text)) return undefined;
  if (!mayHoldToken(a) || !mayHoldToken(b)) return undefined;
  const found = maskPairs(a.value, b.value, {
    hit: (x, y) => openSignedToken(x) !== undefined && openSignedToken(y) !== undefined,
    token: SIGNATURE_TOKEN,
    tokens: (x, y) => [openSignedToken(x), openSignedToken(y)],
  });
  if (found.places.length === 0) return undefined;
  places.push(...found.places);
  // The wire texts still hold the tokens: dropped, so no wire note is made up from them.
  const [left, right] = found.values;
  return { baseline: treeWithValue(a, left), candidate: treeWithValue(b, right) };
}

function withBody(side: SideOutcome, body: ResponseBody): SideOutcome {
  return side.outcome === 'response'
    ? { outcome: 'response', response: { ...side.response, body } }
    : side;
}

/** What `generated` says of a signed token's signature. */
const EVIDENCE =
  'the signature of a signed token (JWT) on both sides, made from the header and claims beside it: those are compared';

/**
 * The exchange with each pair of differing JWTs at one place opened into
 * their header and claims (see the module comment), and `generated` listing
 * each signature set aside. The replica (`--noise`) is opened at the same
 * places, so noise is learned from its claims, never from a token against
 * an opened one.
 */
export function openSignedTokens(exchange: Exchange): Exchange {
  const { baseline, candidate, replica } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return exchange;
  const places: string[] = [];
  const bodies = opened(baseline.response.body, candidate.response.body, places);
  if (bodies === undefined) return exchange;
  return {
    ...exchange,
    baseline: withBody(baseline, bodies.baseline),
    candidate: withBody(candidate, bodies.candidate),
    ...(replica === undefined
      ? {}
      : { replica: replaceReplicaAt(replica, places, openSignedToken) }),
    generated: [
      ...(exchange.generated ?? []),
      ...places.map((place) => `${place}/signature (${EVIDENCE})`),
    ],
  };
}
