/**
 * The first appearance of an echoed reference: a create answers `id:
 * "b-7f3a9c21e4"` on one side and `"c-0d81be55aa"` on the other, and a later
 * answer of its sequence echoes each side's own (`normalise/references.ts`).
 * The echo proves both values per-instance, but the create was judged before
 * it was seen: once every answer is in, that case is judged again without the
 * places the echo proved, as learned endpoint noise is (`noise/post-pass.ts`),
 * and the result joins the assessment's `masked` (`results/assessment.ts`).
 * Pure.
 */
import { maskResult } from '../noise/post-pass.js';
import type { Redactor } from '../redact/redact.js';
import type { CaseResult } from '../results/types.js';

/** `masked` with each result whose echoed origins change it, judged again (over its noise-masked form). */
export function maskEchoOrigins(input: {
  /** The results a run kept (every divergent one). */
  readonly results: readonly CaseResult[];
  /** By case id, the places a later echo proved per-instance. */
  readonly origins: ReadonlyMap<string, readonly string[]>;
  /** By case id, the results already judged again (learned endpoint noise). */
  readonly masked: ReadonlyMap<string, CaseResult>;
  readonly redact: Redactor;
}): ReadonlyMap<string, CaseResult> {
  const { origins, redact } = input;
  if (origins.size === 0) return input.masked;
  const masked = new Map(input.masked);
  for (const result of input.results) {
    const paths = origins.get(result.caseId);
    if (paths === undefined) continue;
    const current = masked.get(result.caseId) ?? result;
    const judged = maskResult(current, { values: paths, orders: [], headers: [] }, redact);
    if (judged === current) continue;
    const echoed = new Set([...(judged.echoed ?? []), ...paths.map((p) => (p === '' ? '/' : p))]);
    masked.set(result.caseId, { ...judged, echoed: [...echoed] });
  }
  return masked;
}
