/**
 * Hashes derived from per-instance values: a CouchDB-style revision
 * (`_rev: 3-5f5e2e…` vs `3-5683bb…`), an `ETag`, a digest of a document that
 * holds each side's own timestamps or address. When this exchange already
 * showed per-instance values (its own origins, run stamps, or a flow's
 * captured values compared as placeholders), a hash-like value that differs
 * between the sides at the same place, in the same format (the same prefix,
 * such as a revision's counter, the same length and alphabet of its hash
 * part), is compared as `{{derived}}`: its inputs differ by values that are
 * no divergence. Another counter (`3-…` vs `4-…`), another length or
 * alphabet, a hash on one side only, or an exchange with no per-instance
 * value still differs. Found by evidence and format, never by field name;
 * where it was done is kept, for the reports. Pure.
 */
import type { Exchange, Response, ResponseBody, SideOutcome } from '../model/exchange.js';
import { joinPointer } from '../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';

/** What a derived hash is compared as. */
export const DERIVED_TOKEN = '{{derived}}';

/** An optional prefix (`3-`, `sha256:`, `W/"`), then a hash: hex of 16+ or base64 of 20+ characters. */
const HASH =
  /^(?<prefix>W\/"|"|(?:\d+-)|[a-z0-9]+[:-])?(?<hash>[0-9a-f]{16,}|[A-Za-z0-9+/_-]{20,}={0,2})"?$/;

/** The hash's format (prefix, alphabet, length), or undefined when the value is not hash-like. */
function hashFormat(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const match = HASH.exec(value);
  const hash = match?.groups?.['hash'];
  if (hash === undefined) return undefined;
  // A word is no hash: a hash mixes digits in.
  if (!/\d/.test(hash)) return undefined;
  const alphabet = /^[0-9a-f]+$/.test(hash) ? 'hex' : 'base64';
  return `${match?.groups?.['prefix'] ?? ''}|${alphabet}|${hash.length}|${value.endsWith('"')}`;
}

function bothDerived(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  const left = hashFormat(a);
  return left !== undefined && left === hashFormat(b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

function walk(a: unknown, b: unknown, path: string, places: string[]): [unknown, unknown] {
  if (bothDerived(a, b)) {
    places.push(path === '' ? '/' : path);
    return [DERIVED_TOKEN, DERIVED_TOKEN];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    let changed = false;
    const left = [...a];
    const right = [...b];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = walk(a[i], b[i], joinPointer(path, i), places);
      if (x !== a[i] || y !== b[i]) changed = true;
      left[i] = x;
      right[i] = y;
    }
    return changed ? [left, right] : [a, b];
  }
  if (isObject(a) && isObject(b)) {
    let changed = false;
    const left: Record<string, unknown> = { ...a };
    const right: Record<string, unknown> = { ...b };
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) continue;
      const [x, y] = walk(a[key], b[key], joinPointer(path, key), places);
      if (x !== a[key] || y !== b[key]) changed = true;
      left[key] = x;
      right[key] = y;
    }
    return changed ? [left, right] : [a, b];
  }
  return [a, b];
}

function bodies(a: ResponseBody, b: ResponseBody, places: string[]) {
  if ((a.kind !== 'json' && a.kind !== 'xml') || a.kind !== b.kind) return undefined;
  const before = places.length;
  const [left, right] = walk(a.value, b.value, '', places);
  if (places.length === before) return undefined;
  // The wire texts still hold the raw values: dropped, so no wire note is made up from them.
  const body = (value: unknown): ResponseBody =>
    a.kind === 'json' ? { kind: 'json', value } : { kind: 'xml', value };
  return { baseline: body(left), candidate: body(right) };
}

function headers(a: Response, b: Response, places: string[]) {
  const left: Record<string, string> = { ...a.headers };
  const right: Record<string, string> = { ...b.headers };
  let changed = false;
  for (const name of Object.keys(a.headers)) {
    const [x, y] = [a.headers[name], b.headers[name]];
    if (x === undefined || y === undefined || !bothDerived(x, y)) continue;
    places.push(`header ${name}`);
    left[name] = DERIVED_TOKEN;
    right[name] = DERIVED_TOKEN;
    changed = true;
  }
  return changed ? { baseline: left, candidate: right } : undefined;
}

/** True when this exchange already compared per-instance values (the evidence). */
function hasPerInstanceValues(exchange: Exchange): boolean {
  return (
    (exchange.origin?.length ?? 0) > 0 ||
    (exchange.stamped?.length ?? 0) > 0 ||
    (exchange.flow?.masked?.length ?? 0) > 0
  );
}

function withResponse(side: SideOutcome, response: Response): SideOutcome {
  return side.outcome === 'response' ? { outcome: 'response', response } : side;
}

/**
 * The exchange with the hashes derived from per-instance values compared as
 * `{{derived}}` (see the module comment), and `derived` listing where.
 */
export function maskDerivedHashes(exchange: Exchange): Exchange {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return exchange;
  if (!hasPerInstanceValues(exchange)) return exchange;
  const places: string[] = [];
  const b = baseline.response;
  const c = candidate.response;
  const masked = bodies(b.body, c.body, places);
  const heads = headers(b, c, places);
  if (places.length === 0) return exchange;
  const response = (
    r: Response,
    body: ResponseBody | undefined,
    h: Response['headers'] | undefined,
  ) => ({
    ...r,
    ...(body === undefined ? {} : { body }),
    ...(h === undefined ? {} : { headers: h }),
  });
  return {
    ...exchange,
    baseline: withResponse(baseline, response(b, masked?.baseline, heads?.baseline)),
    candidate: withResponse(candidate, response(c, masked?.candidate, heads?.candidate)),
    derived: places,
  };
}
