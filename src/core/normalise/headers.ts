/**
 * Response header normalisation: keep the allow-listed headers and put their
 * values in a canonical form, so cosmetic differences are not divergences.
 */
import type { Rules } from '../../contract/rules/types.js';
import { FRAMING_HEADERS, VOLATILE_HEADERS } from '../../contract/rules/volatile-headers.js';
import { withoutCharset } from '../wire/content-type.js';

/**
 * Keep only headers named in `rules.headers` (names compared in lower case) and
 * normalise their values: `content-type` is lower-cased with its parameters
 * sorted and unquoted and no spaces around `;`/`=`
 * (`Application/JSON; charset="UTF-8"` → `application/json;charset=utf-8`) and
 * compared without its `charset`; every other value is trimmed. An empty
 * list header whose empty list means "none" (`Link:`, `Vary:`, see
 * `EMPTY_MEANS_ABSENT`) is left out, as if absent.
 */
export function normaliseHeaders(
  headers: Readonly<Record<string, string>>,
  rules: Rules,
): Record<string, string> {
  if (rules.allHeaders !== undefined) return normaliseAll(headers, excludedBy(rules));
  const out: Record<string, string> = {};
  // The allow-list is short and response header names are lower case already
  // (see `Response.headers`): look each allowed name up instead of scanning all.
  for (const allowed of rules.headers) {
    const name = allowed.toLowerCase();
    const value = Object.hasOwn(headers, name) ? headers[name] : undefined;
    if (value === undefined || emptyList(name, value)) continue;
    // The charset is compared apart: a label that decides how the body is read
    // is a divergence (`core/compare/charset-label.ts`), any other an encoding note.
    out[name] = normalisedValue(name, value);
  }
  return out;
}

/**
 * List headers (RFC 9110 §5.6.1 `#element`) whose empty list says what their
 * absence says: no links, no variance, no coding, nothing exposed or allowed
 * across origins. Not `Allow`: an empty `Allow` says no method is allowed.
 */
const EMPTY_MEANS_ABSENT: ReadonlySet<string> = new Set([
  'link',
  'vary',
  'content-encoding',
  'access-control-expose-headers',
  'access-control-allow-headers',
  'access-control-allow-methods',
]);

/** An empty (or blank, or commas only) value of a header in `EMPTY_MEANS_ABSENT`. */
function emptyList(name: string, value: string): boolean {
  return EMPTY_MEANS_ABSENT.has(name) && /^[\s,]*$/.test(value);
}

/** True when a response header named `name` (lower case) is compared under `rules`. */
export function isComparedHeader(name: string, rules: Rules): boolean {
  if (rules.allHeaders !== undefined) return !excludedBy(rules).has(name);
  return rules.headers.some((allowed) => allowed.toLowerCase() === name);
}

function normalisedValue(name: string, value: string): string {
  return name === 'content-type' ? contentTypeKey(value) : value.trim();
}

/** `headers: "*"`: every header (names are lower case already) but the excluded ones. */
function normaliseAll(
  headers: Readonly<Record<string, string>>,
  excluded: ReadonlySet<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || excluded.has(name) || emptyList(name, value)) continue;
    out[name] = normalisedValue(name, value);
  }
  return out;
}

// Measured (Node 20, normaliseHeaders of 8 headers under `headers: "*"`):
// 180-280 ns a call with this cache, 1,550-2,150 ns building the set each
// call, twice an exchange. Kept; the clean form is building it once where a
// case's rules are resolved.
const excludedByRules = new WeakMap<Rules, ReadonlySet<string>>();

/**
 * The headers `headers: "*"` leaves out: framing headers, the volatile list
 * (`volatileHeaders`, else the built-in one) and `except`, but never a header
 * the rules name in a `headers` list. Cached per rules object (cases of a
 * file share one).
 */
export function excludedBy(rules: Rules): ReadonlySet<string> {
  let excluded = excludedByRules.get(rules);
  if (excluded === undefined) {
    const names = [
      ...FRAMING_HEADERS,
      ...(rules.volatileHeaders ?? VOLATILE_HEADERS),
      ...(rules.allHeaders?.except ?? []),
    ];
    const listed = new Set(rules.headers);
    excluded = new Set(names.filter((name) => !listed.has(name)));
    excludedByRules.set(rules, excluded);
  }
  return excluded;
}

/**
 * Content types repeat across responses: normalise each distinct value once.
 * Measured (paired, Node 20, fresh strings as from the wire): ~1,000 ns a
 * call without the map, ~150 ns with it, twice per exchange. Cleared when it
 * holds 1,024 values, so a server that varies its content type per answer
 * cannot grow it without bound.
 */
const contentTypes = new Map<string, string>();

function contentTypeKey(value: string): string {
  let key = contentTypes.get(value);
  if (key === undefined) {
    key = withoutCharset(normaliseContentType(value));
    if (contentTypes.size >= 1024) contentTypes.clear();
    contentTypes.set(value, key);
  }
  return key;
}

/** Canonical form of a media type: `type/subtype;a=1;b=2`, lower case, parameters sorted. */
export function normaliseContentType(value: string): string {
  const [mediaType = '', ...params] = splitParameters(value.toLowerCase());
  const normalised = params
    .filter((param) => param !== '')
    .map((param) => {
      const eq = param.indexOf('=');
      if (eq < 0) return param;
      return `${param.slice(0, eq).trim()}=${unquote(param.slice(eq + 1).trim())}`;
    })
    .sort();
  return [mediaType, ...normalised].join(';');
}

/** Split on `;` outside double quotes, trimming each part. */
function splitParameters(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && quoted && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (ch === ';' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replaceAll(/\\(.)/g, '$1');
  }
  return value;
}
