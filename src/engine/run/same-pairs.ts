/**
 * The same two values again, once every answer is in
 * (`core/normalise/same-pairs.ts`): a result whose value changes hold a pair
 * of values the run found per-instance at another place is judged again
 * without those places, as echoed origins are (`echo-origins.ts`); the places
 * join its `generated`, with that evidence, and leave its `unsettled`. Pure.
 */

import type { CaseResult } from '../../contract/observation.js';
import type { SamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import { maskResult } from '../../judge/noise/post-pass.js';

/** `masked` with each result that holds a pair found per-instance elsewhere, judged again. */
export function maskSamePairs(input: {
  readonly results: readonly CaseResult[];
  readonly pairs: SamePairs;
  /** By case id, the results already judged again. */
  readonly masked: ReadonlyMap<string, CaseResult>;
  readonly redact: Redactor;
}): ReadonlyMap<string, CaseResult> {
  let out: Map<string, CaseResult> | undefined;
  for (const result of input.results) {
    const current = input.masked.get(result.caseId) ?? result;
    if (current.verdict !== 'divergent') continue;
    const places: string[] = [];
    const entries: string[] = [];
    for (const change of current.changes) {
      if (change.op !== 'value') continue;
      const origin = input.pairs.originOf(
        change.baseline,
        change.candidate,
        current.caseId,
        change.path,
      );
      if (origin === undefined) continue;
      places.push(change.path);
      const where =
        origin.caseId === current.caseId ? origin.path : `${origin.path} of ${origin.caseId}`;
      entries.push(
        `${change.path || '/'} (the same two values as at ${where}, found per-instance there)`,
      );
    }
    if (places.length === 0) continue;
    const judged = maskResult(current, { values: places, orders: [], headers: [] }, input.redact);
    if (judged === current) continue;
    const unsettled = (judged.unsettled ?? []).filter((p) => !places.includes(p));
    const { unsettled: _u, ...rest } = judged;
    out ??= new Map(input.masked);
    out.set(result.caseId, {
      ...rest,
      generated: [...(judged.generated ?? []), ...entries],
      ...(unsettled.length === 0 ? {} : { unsettled }),
    });
  }
  return out ?? input.masked;
}
