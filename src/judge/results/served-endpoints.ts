/**
 * The endpoints each side answered in a run with a status other than `404`,
 * tallied as the results stream past (plainly equal ones included: they are
 * not kept in memory), for tracker rule 54 (`core/compare/missing-routes.ts`):
 * a side that answered an endpoint otherwise has its route, so a `404` it
 * answered there to another request (a record missing) is no route missing.
 * A transport failure answered nothing. It tallies too the endpoints both
 * sides answered `404` alike (a plainly equal answer): there the side that
 * has the route refuses a missing record as the other does.
 */

import type { Observation } from '../../contract/observation.js';
import { NOT_FOUND, type ServedEndpoints } from '../../core/compare/missing-routes.js';

/** Adds results one at a time; `served` gives the tally so far. */
export interface ServedTally {
  add(result: Pick<Observation, 'endpoint' | 'baseline' | 'candidate' | 'verdict'>): void;
  served(): ServedEndpoints;
}

/** A tally with no answer yet. */
export function createServedTally(): ServedTally {
  const sides = { baseline: new Set<string>(), candidate: new Set<string>() };
  const refusedAlike = new Set<string>();
  return {
    add(result) {
      const both = [result.baseline.status, result.candidate.status];
      if (result.verdict === 'equal' && both.every((status) => status === NOT_FOUND)) {
        refusedAlike.add(result.endpoint);
      }
      for (const side of ['baseline', 'candidate'] as const) {
        const status = result[side].status;
        if (status === undefined || status === NOT_FOUND) continue;
        sides[side].add(result.endpoint);
      }
    },
    served: () => ({
      baseline: new Set(sides.baseline),
      candidate: new Set(sides.candidate),
      refusedAlike: new Set(refusedAlike),
    }),
  };
}

/** The tally of `results`, all at once. */
export function servedEndpointsOf(
  results: Iterable<Pick<Observation, 'endpoint' | 'baseline' | 'candidate' | 'verdict'>>,
): ServedEndpoints {
  const tally = createServedTally();
  for (const result of results) tally.add(result);
  return tally.served();
}
