/**
 * A constant of each side is no per-instance value (issue 43, item 1;
 * tracker rule 45 on awaiting evidence, amended): a place left `unsettled`
 * (one id-like format on both sides, no evidence either way:
 * `core/normalise/generated.ts`) whose two values, the baseline's and the
 * candidate's, are the **same pair in the answers of two cases or more**
 * (two requests: two users looked up, two records read) at one member of
 * one endpoint holds
 * the run's own evidence: each side writes that value whatever the request
 * asked, a constant of the side (a spec's draft it follows,
 * `draft-dejong-remotestorage-01` against `…-10`), not a value drawn for one
 * answer. Its change is a real value row, never `_awaiting_`.
 *
 * Only values that read as names, not draws: a release version
 * (`1.4.2`), or a token whose pieces (between `-`, `_`, `.`, `:`) are words,
 * short numbers and a word with a short number (`v2`, `rc1`), with one word
 * of three letters or more. A piece of hex or of mixed letters and digits
 * (`node-7f3a9c`, `srv-aB3xYz9Kq1`) may be drawn once per instance and
 * repeated in every answer of it: it keeps awaiting a replica.
 *
 * Kept awaiting: a pair seen in one case alone; values that differ between
 * answers (drawn per answer or per record: each answer its own pair). Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';

/** A release version: a server's own constant. */
const VERSION = /^v?\d+(?:\.\d+){1,}(?:[-+][0-9A-Za-z.-]+)?$/;
/** A piece a person writes: a word, a short number, a word and a short number (`v2`, `rc1`). */
const NAMED_PIECE = /^(?:[A-Za-z]+|\d{1,4}|[A-Za-z]+\d{1,2})$/;
/** Letters as a person writes them (`draft`, `HTTP`, `remoteStorage`); both cases else are a drawn key's. */
const WORD = /^(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)\d{0,2}$/;
/** The fewest cases (each its own request) one pair must show in. */
const FEWEST_CASES = 2;

/** True when `value` reads as a name a side writes, not a value it draws (see the module comment). */
export function readsAsName(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 128) return false;
  if (VERSION.test(value)) return true;
  const pieces = value.split(/[-_.:]+/).filter((piece) => piece !== '');
  if (pieces.length === 0 || !pieces.every((piece) => NAMED_PIECE.test(piece))) return false;
  if (!pieces.some((piece) => /^[A-Za-z]{3,}$/.test(piece))) return false;
  // Both cases of letters anywhere else in a piece (`qWeRtY`) is a drawn key's alphabet, not a word.
  return pieces.every((piece) => /^\d+$/.test(piece) || WORD.test(piece));
}

/** A pointer with each list index as `*`: one member wherever an index put it. */
function memberOf(pointer: string): string {
  return pointer
    .split('/')
    .map((segment, i) => (i > 0 && /^\d+$/.test(segment) ? '*' : segment))
    .join('/');
}

/** The key of one pair at one member of one endpoint, or undefined when the pair is no name. */
function pairKey(result: AssessedObservation, path: string, b: unknown, c: unknown) {
  if (!readsAsName(b) || !readsAsName(c)) return undefined;
  return JSON.stringify([result.endpoint, memberOf(path), b, c]);
}

/** Each unsettled place's pair of values in `result`, by place. */
function unsettledPairs(result: AssessedObservation): Map<string, string> {
  const out = new Map<string, string>();
  const places = new Set(result.unsettled ?? []);
  if (places.size === 0 || result.verdict === 'equal') return out;
  if (!('changes' in result)) return out;
  for (const change of result.changes) {
    if (change.op !== 'value' || !places.has(change.path)) continue;
    const key = pairKey(result, change.path, change.baseline, change.candidate);
    if (key !== undefined) out.set(change.path, key);
  }
  return out;
}

/**
 * The unsettled places of each result the run settles as constants of each
 * side (see the module comment), by case id.
 */
export function settledConstants(
  results: readonly AssessedObservation[],
): Map<string, ReadonlySet<string>> {
  const cases = new Map<string, Set<string>>();
  const pairs = results.map((result) => [result, unsettledPairs(result)] as const);
  for (const [result, byPlace] of pairs) {
    for (const key of byPlace.values()) {
      cases.set(key, (cases.get(key) ?? new Set<string>()).add(result.caseId));
    }
  }
  const out = new Map<string, ReadonlySet<string>>();
  for (const [result, byPlace] of pairs) {
    const settled = new Set<string>();
    for (const [place, key] of byPlace) {
      if ((cases.get(key)?.size ?? 0) >= FEWEST_CASES) settled.add(place);
    }
    if (settled.size > 0) out.set(result.caseId, settled);
  }
  return out;
}

/** Per result, its unsettled places but those the run settles as constants of each side. */
export function unsettledPlacesOf(
  results: readonly AssessedObservation[],
): (result: AssessedObservation) => readonly string[] {
  const settled = settledConstants(results);
  return (result) => {
    const places = result.unsettled ?? [];
    const constant = settled.get(result.caseId);
    return constant === undefined ? places : places.filter((place) => !constant.has(place));
  };
}

/** The results with the places the run settles as constants of each side no longer `unsettled`. */
export function withConstantsSettled<T extends AssessedObservation>(results: readonly T[]): T[] {
  const placesOf = unsettledPlacesOf(results);
  return results.map((result) => {
    if (result.unsettled === undefined) return result;
    const unsettled = placesOf(result);
    if (unsettled.length === result.unsettled.length) return result;
    const { unsettled: _, ...rest } = result;
    return (unsettled.length === 0 ? rest : { ...rest, unsettled }) as T;
  });
}
