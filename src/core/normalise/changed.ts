/**
 * Evidence (a) of a per-instance value: it changed between two requests to
 * the same side. A safe request (`GET`, `HEAD`, `OPTIONS`) whose answers
 * still hold differing values of one format at one place once every other
 * mask ran is worth a second look (`needsSecondLook`): the run sends it once
 * more to each side (`engine/run/second-look.ts`). A place whose value one side
 * answered differently the second time — a new value, not one the first
 * answer held at a sibling place (an unordered list is not a change) — is
 * per-instance (a process's uptime, its memory, a per-request id) and
 * compared by its format as `{{generated}}` (`maskChangedValues`), listed
 * with its evidence. A value whose format differs between the two sides
 * (decimal against hex, an integer against a fraction, text against a
 * number) stays a divergence, and so does one that did not change. Pure.
 */
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { formatPointer, joinPointer, parsePointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { normaliseJson } from './body.js';
import {
  familyFormat,
  GENERATED_TOKEN,
  generatedFormat,
  identityFormat,
  idFamilyOf,
  idFormat,
  opaqueFormat,
} from './generated.js';
import { bothStructured, structuredBody, withStructuredValue } from './sequence-walk.js';

/** The evidence a place is listed with, by which side's value changed. */
const EVIDENCE = {
  baseline: 'changed between two requests to the baseline',
  candidate: 'changed between two requests to the candidate',
  both: 'changed between two requests to each side',
} as const;

/** The methods a second look may send again: they change nothing on the server. */
const LOOKS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/**
 * A text's shape: each run of letters and digits is `9` (digits only), `a`
 * (letters only) or `x` (both: a drawn id's hex, `3ms`); other characters are kept.
 */
function shapeOf(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (run) =>
    /^\d+$/.test(run) ? '9' : /^[A-Za-z]+$/.test(run) ? 'a' : 'x',
  );
}

/**
 * The format of a leaf, as two sides' values are compared by it: an id-like
 * format (an opaque token, a UUID, a revision, hex digits of one length, a
 * release version: `generated.ts`), a text's shape, an integer or a fraction, a
 * boolean, null; undefined for an object, an array or a very long text
 * (but an opaque token).
 */
export function valueFormat(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction';
  if (isExactNumber(value)) return /^-?\d+$/.test(value.text) ? 'integer' : 'fraction';
  if (typeof value !== 'string') return undefined;
  if (value.length > 200) return opaqueFormat(value);
  return (
    familyFormat(value, generatedFormat(value)) ??
    identityFormat(value) ??
    opaqueFormat(value) ??
    `text ${shapeOf(value)}`
  );
}

/**
 * Two formats a value changing between requests may have on the two sides:
 * one format, or one family of another length (hex digits, an opaque token:
 * `idFamilyOf`), as a drawn id or token of each side's own size is.
 */
function oneFormat(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  const family = idFamilyOf(a);
  return family !== undefined && family === idFamilyOf(b);
}

/** A leaf's identity for comparing two answers of one side (exact numbers by their text). */
function leafKey(value: unknown): string {
  return isExactNumber(value) ? `#${value.text}` : JSON.stringify(value);
}

/**
 * Calls `visit` for each place where `a` and `b` hold differing leaves of
 * one format, with its segments (the walk's own stack: read it during the
 * call, copy it to keep it). The segments are the keys themselves: a visit
 * that looks the place up elsewhere neither parses a pointer nor hashes
 * fresh copies of long keys (200 levels of 1,000-character keys above 2,000
 * members took seconds that way), and no pointer is written for the places
 * that hold the same leaves (most of a divergent answer's), only for a
 * place a visit keeps (`formatPointer`).
 */
function eachDiffering(
  a: unknown,
  b: unknown,
  visit: (segments: readonly string[]) => boolean,
  segments: string[] = [],
): boolean {
  if (a === b) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    let any = false;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      segments.push(String(i));
      if (eachDiffering(a[i], b[i], visit, segments)) any = true;
      segments.pop();
    }
    return any;
  }
  if (isObject(a) && isObject(b)) {
    let any = false;
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) continue;
      segments.push(key);
      if (eachDiffering(a[key], b[key], visit, segments)) any = true;
      segments.pop();
    }
    return any;
  }
  if (leafKey(a) === leafKey(b)) return false;
  if (!oneFormat(valueFormat(a), valueFormat(b))) return false;
  return visit(segments);
}

/** Both sides answered a safe request with the same status. */
function comparable(exchange: Exchange): boolean {
  const { baseline, candidate } = exchange;
  if (!LOOKS.has(exchange.case.request.method)) return false;
  return (
    baseline.outcome === 'response' &&
    candidate.outcome === 'response' &&
    baseline.response.status === candidate.response.status
  );
}

/**
 * Whether a second look at `exchange` (masked as the run masks it) could
 * settle a value row: a safe request, one status on both sides, and a place
 * where the two answers, under the case's rules, hold differing values of
 * one format.
 */
export function needsSecondLook(exchange: Exchange): boolean {
  if (!comparable(exchange)) return false;
  const both = bothStructured(exchange);
  if (both === undefined) return false;
  const [left, right] = both;
  if (left.value === right.value) return false;
  const { rules } = exchange.case;
  const ruled = (value: unknown) => (left.kind === 'json' ? normaliseJson(value, rules) : value);
  return eachDiffering(ruled(left.value), ruled(right.value), () => true);
}

/** Every leaf of `value` at the places `segments` names, any array index standing for all. */
function leavesLike(value: unknown, segments: readonly string[], out: Set<string>): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    out.add(leafKey(value));
    return;
  }
  if (Array.isArray(value)) {
    for (const element of value) leavesLike(element, rest, out);
  } else if (isObject(value) && Object.hasOwn(value, head)) {
    leavesLike(value[head], rest, out);
  }
}

/** The value at `segments`, or a sentinel when there is none. */
const MISSING = Symbol('missing');
function valueAt(value: unknown, segments: readonly string[]): unknown {
  let at = value;
  for (const segment of segments) {
    if (Array.isArray(at)) at = at[Number(segment)];
    else if (isObject(at) && Object.hasOwn(at, segment)) at = at[segment];
    else return MISSING;
    if (at === undefined) return MISSING;
  }
  return at;
}

/**
 * Whether the side's value at `segments` changed between its two answers:
 * the second holds a value there the first held at no place like it.
 */
function changedOn(
  first: SideOutcome,
  again: SideOutcome | undefined,
  segments: readonly string[],
): boolean {
  if (again === undefined || first.outcome !== 'response' || again.outcome !== 'response')
    return false;
  if (first.response.status !== again.response.status) return false;
  const one = structuredBody(first);
  const two = structuredBody(again);
  if (one === undefined || two === undefined || one.kind !== two.kind) return false;
  const was = valueAt(one.value, segments);
  const now = valueAt(two.value, segments);
  if (was === MISSING || now === MISSING || isObject(now) || Array.isArray(now)) return false;
  if (leafKey(was) === leafKey(now)) return false;
  const seen = new Set<string>();
  leavesLike(one.value, segments, seen);
  return !seen.has(leafKey(now));
}

/** Each side's two answers: the first (masked only for origins and stamps) and the second look's. */
export interface TwoLooks {
  readonly first: { readonly baseline: SideOutcome; readonly candidate: SideOutcome };
  readonly again: { readonly baseline?: SideOutcome; readonly candidate?: SideOutcome };
}

/** `value` with `token` at `segments` (copies along the way). */
function setAt(value: unknown, segments: readonly string[], token: string): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return token;
  if (Array.isArray(value)) {
    const out = [...value];
    out[Number(head)] = setAt(value[Number(head)], rest, token);
    return out;
  }
  if (isObject(value)) return { ...value, [head]: setAt(value[head], rest, token) };
  return value;
}

/** The evidence of a place beside an id found changed (as `generated.ts` words it for its own). */
const BESIDE = "beside the side's own id";

/**
 * The places beside an id-like value found changed, in the same object on
 * both sides, that the generated pass left unsettled (one id-like format on
 * both sides, in no request, no digest of content) and that are hex digits
 * of one length or release versions: a server's version and build hash
 * beside its own uuid, where the uuid's evidence is the second look (32 hex
 * digits drawn at random, no UUID's digits: `generated.ts` has no evidence
 * of its own for it). A number, a word, or a place with evidence against it
 * (not unsettled) is left as it is.
 */
function besideFound(
  a: unknown,
  b: unknown,
  found: readonly { readonly path: string }[],
  unsettled: readonly string[],
): { path: string; evidence: string }[] {
  const out: { path: string; evidence: string }[] = [];
  const taken = new Set(found.map((f) => f.path));
  for (const { path } of found) {
    const segments = path === '' ? [] : parsePointer(path);
    if (segments.length === 0 || idFormat(valueAt(a, segments)) === undefined) continue;
    const parent = segments.slice(0, -1);
    const [x, y] = [valueAt(a, parent), valueAt(b, parent)];
    if (!isObject(x) || !isObject(y)) continue;
    for (const key of Object.keys(x)) {
      const at = joinPointer(formatPointer(parent), key);
      if (taken.has(at) || !unsettled.includes(at) || !Object.hasOwn(y, key)) continue;
      const format = identityFormat(x[key]);
      if (format === undefined || format !== identityFormat(y[key])) continue;
      taken.add(at);
      out.push({ path: at, evidence: BESIDE });
    }
  }
  return out;
}

/**
 * The exchange with each value that changed between two requests to one
 * side compared as `{{generated}}` when both sides' values are of one
 * format; `generated` lists where, with the evidence (see the module comment).
 */
export function maskChangedValues(exchange: Exchange, looks: TwoLooks): Exchange {
  if (looks.again.baseline === undefined && looks.again.candidate === undefined) return exchange;
  if (!comparable(exchange)) return exchange;
  const both = bothStructured(exchange);
  if (both === undefined) return exchange;
  const [left, right] = both;
  const found: { path: string; evidence: string }[] = [];
  eachDiffering(left.value, right.value, (segments) => {
    const b = changedOn(looks.first.baseline, looks.again.baseline, segments);
    const c = changedOn(looks.first.candidate, looks.again.candidate, segments);
    if (!b && !c) return false;
    found.push({
      path: formatPointer(segments),
      evidence: EVIDENCE[b && c ? 'both' : b ? 'baseline' : 'candidate'],
    });
    return true;
  });
  if (found.length === 0) return exchange;
  found.push(...besideFound(left.value, right.value, found, exchange.unsettled ?? []));
  let x = left.value;
  let y = right.value;
  for (const { path } of found) {
    const segments = path === '' ? [] : parsePointer(path);
    x = setAt(x, segments, GENERATED_TOKEN);
    y = setAt(y, segments, GENERATED_TOKEN);
  }
  const masked = new Set(found.map((f) => f.path || '/'));
  const unsettled = (exchange.unsettled ?? []).filter((place) => !masked.has(place));
  const { unsettled: _, ...rest } = exchange;
  return {
    ...rest,
    baseline: withStructuredValue(exchange.baseline, left, x),
    candidate: withStructuredValue(exchange.candidate, right, y),
    generated: [
      ...(exchange.generated ?? []),
      ...found.map(({ path, evidence }) => `${path || '/'} (${evidence})`),
    ],
    ...(unsettled.length === 0 ? {} : { unsettled }),
  };
}
