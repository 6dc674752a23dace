/**
 * The first appearance of an echoed reference: a create answers `id:
 * "b-7f3a9c21e4"` on one side and `"c-0d81be55aa"` on the other, and a later
 * answer of its sequence echoes each side's own (`core/normalise/references.ts`).
 * The echo proves both values per-instance, but the create was judged before
 * it was seen: once every answer is in, that case is judged again without the
 * places the echo proved, as learned endpoint noise is (`judge/noise/post-pass.ts`),
 * and the result joins the assessment's `masked` (`judge/results/assessment.ts`).
 * A write whose numbers the run's writes proved a sequence each side numbers
 * itself (`core/normalise/sequence-ids.ts`) is judged again the same way, those
 * places listed as `sequenced`, with that evidence; and so is an answer whose
 * two ETags another answer proved derived (`core/normalise/derived-etags.ts`: a
 * HEAD shows no body to prove its own), listed as `derived`.
 * Pure.
 */

import type { CaseResult } from '../../contract/observation.js';
import type { Redactor } from '../../core/redact/redact.js';
import { maskResult } from '../../judge/noise/post-pass.js';

/** `masked` with each result whose echoed origins change it, judged again (over its noise-masked form). */
export function maskEchoOrigins(input: {
  /** The results a run kept (every divergent one). */
  readonly results: readonly CaseResult[];
  /** By case id, the places a later echo proved per-instance. */
  readonly origins: ReadonlyMap<string, readonly string[]>;
  /** By case id, the places of numbers each side gives its own writes (a proven sequence). */
  readonly sequenced?: ReadonlyMap<string, readonly string[]>;
  /** By case id, `header etag` where another answer proved the same two tags derived. */
  readonly derived?: ReadonlyMap<string, readonly string[]>;
  /** By case id, the results already judged again (learned endpoint noise). */
  readonly masked: ReadonlyMap<string, CaseResult>;
  readonly redact: Redactor;
}): ReadonlyMap<string, CaseResult> {
  const echoed = judgedAgain(input.results, input.origins, input.masked, input.redact, 'echoed');
  const none = new Map<string, readonly string[]>();
  const sequenced = judgedAgain(
    input.results,
    input.sequenced ?? none,
    echoed,
    input.redact,
    'sequenced',
  );
  return judgedAgain(input.results, input.derived ?? none, sequenced, input.redact, 'derived');
}

const HEADER = 'header ';

/** The mask of a result's places: pointers, and headers as `header NAME`. */
function maskOfPlaces(places: readonly string[]) {
  return {
    values: places.filter((place) => !place.startsWith(HEADER)),
    orders: [],
    headers: places.filter((place) => place.startsWith(HEADER)).map((p) => p.slice(HEADER.length)),
  };
}

/** `masked` with each result `origins` names judged again without those places, listed under `field`. */
function judgedAgain(
  results: readonly CaseResult[],
  origins: ReadonlyMap<string, readonly string[]>,
  before: ReadonlyMap<string, CaseResult>,
  redact: Redactor,
  field: 'echoed' | 'sequenced' | 'derived',
): ReadonlyMap<string, CaseResult> {
  if (origins.size === 0) return before;
  const masked = new Map(before);
  for (const result of results) {
    const paths = origins.get(result.caseId);
    if (paths === undefined) continue;
    const current = masked.get(result.caseId) ?? result;
    const judged = maskResult(current, maskOfPlaces(paths), redact);
    if (judged === current) continue;
    const places = new Set([...(judged[field] ?? []), ...paths.map((p) => (p === '' ? '/' : p))]);
    masked.set(result.caseId, { ...judged, [field]: [...places] });
  }
  return masked;
}
