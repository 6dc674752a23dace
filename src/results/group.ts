/**
 * Divergent (and accepted) results grouped by their case-level fingerprint:
 * regression mode's grouping (`--compare-to`). Root causes are grouped by
 * `root-causes.ts`. Pure.
 */
import { type DivergenceKind, primaryKind } from '../model/comparison.js';
import { type CaseResult, type DivergenceResult, hasFindings } from './types.js';

/** Every divergent result that shares one fingerprint. */
export interface DivergenceGroup {
  readonly fingerprint: string;
  /** The kinds of the first result that showed it, most important first. */
  readonly kinds: readonly DivergenceKind[];
  /** Where a tracker row files it: the first of `kinds` in report order. */
  readonly kind: DivergenceKind;
  /** Sorted. */
  readonly endpoints: readonly string[];
  /** In result order. */
  readonly caseIds: readonly string[];
  /** One line, from the first result that showed it. */
  readonly summary: string;
}

/** The divergent and accepted results' fingerprints, in order of first appearance (errors are not divergences). */
export function groupDivergences(results: Iterable<CaseResult>): Map<string, DivergenceGroup> {
  const building = new Map<
    string,
    { first: DivergenceResult; endpoints: Set<string>; caseIds: string[] }
  >();
  for (const result of results) {
    if (!hasFindings(result)) continue;
    const entry = building.get(result.fingerprint);
    if (entry === undefined) {
      building.set(result.fingerprint, {
        first: result,
        endpoints: new Set([result.endpoint]),
        caseIds: [result.caseId],
      });
    } else {
      entry.endpoints.add(result.endpoint);
      entry.caseIds.push(result.caseId);
    }
  }
  const groups = new Map<string, DivergenceGroup>();
  for (const [fingerprint, { first, endpoints, caseIds }] of building) {
    groups.set(fingerprint, {
      fingerprint,
      kinds: first.kinds,
      kind: primaryKind(first.kinds) ?? 'value',
      endpoints: [...endpoints].sort(),
      caseIds,
      summary: first.summary,
    });
  }
  return groups;
}
