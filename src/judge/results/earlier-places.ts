/**
 * The rows a tracker may hold from before one object kind was one place
 * (`core/compare/object-kinds.ts`): a change of a member of a response
 * header at `/header` and at `/result/header` was two causes, keyed by
 * place, and is one now. The run clusters its answers a second time keyed by
 * place alone (only when some change was keyed by its kind), and each cause
 * it finds there that the run no longer shows is superseded by the live
 * cause that now records most of its changes (the same case id and
 * pointer), never read as resolved while the servers still differ (as
 * `core/compare/earlier-keys.ts` does for other re-keyings). Pure.
 */
import type { AssessedObservation } from '../../contract/assessment.js';
import { hasFindings } from './types.js';

/** Per live root cause (its fingerprint), the fingerprints its changes had keyed by place. */
export function earlierPlaces(
  live: readonly AssessedObservation[],
  byPlace: readonly AssessedObservation[],
): Map<string, string[]> {
  const shown = new Set<string>();
  const rootAt = new Map<string, string>();
  for (const result of live) {
    if (!hasFindings(result)) continue;
    for (const finding of result.findings) {
      shown.add(finding.fingerprint);
      const root = finding.consequenceOf ?? finding.fingerprint;
      for (const path of finding.paths) rootAt.set(JSON.stringify([result.caseId, path]), root);
    }
  }
  // Per earlier cause, how many of its changes each live cause now records.
  const heirs = new Map<string, Map<string, number>>();
  for (const result of byPlace) {
    if (!hasFindings(result)) continue;
    for (const { fingerprint, paths } of result.findings) {
      if (shown.has(fingerprint)) continue;
      const counts = heirs.get(fingerprint) ?? new Map<string, number>();
      heirs.set(fingerprint, counts);
      for (const path of paths) {
        const heir = rootAt.get(JSON.stringify([result.caseId, path]));
        if (heir !== undefined) counts.set(heir, (counts.get(heir) ?? 0) + 1);
      }
    }
  }
  // Each earlier row goes to the one cause that records most of its changes (the first on a tie).
  const earlier = new Map<string, string[]>();
  for (const [old, counts] of heirs) {
    let best: [string, number] | undefined;
    for (const one of counts) if (best === undefined || one[1] > best[1]) best = one;
    if (best === undefined) continue;
    earlier.set(best[0], [...(earlier.get(best[0]) ?? []), old]);
  }
  return earlier;
}
