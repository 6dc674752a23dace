/**
 * The writes each side accepted in a run, tallied as the results stream past
 * (plainly equal ones included: they are not kept in memory), for tracker
 * rule 51 (`core/compare/missing-headers.ts`): how many requests of a method
 * that writes each side answered with a success status, their methods, and
 * the header names every one of them sent (`request.headers`); and the
 * pairs of success statuses of the writes both sides accepted, for tracker
 * rule 60 (`core/compare/write-statuses.ts`). A result without those names
 * (none sent, or a report written before they were kept) sent none, so it
 * leaves no header common to all.
 */

import { isWriteMethod } from '../../contract/model/case.js';
import type { Observation } from '../../contract/observation.js';
import type { AcceptedWrites, SideWrites } from '../../core/compare/missing-headers.js';
import type { WriteStatuses } from '../../core/compare/write-statuses.js';

/** Adds results one at a time; `writes` gives the tally so far. */
export interface WriteTally {
  add(result: Pick<Observation, 'request' | 'baseline' | 'candidate'>): void;
  writes(): AcceptedWrites;
}

interface Counting {
  accepted: number;
  sent: Set<string> | undefined;
  methods: Set<string>;
}

function sideWrites(counting: Counting): SideWrites {
  return {
    accepted: counting.accepted,
    sent: new Set(counting.sent ?? []),
    methods: new Set(counting.methods),
  };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** A tally with no write yet. */
export function createWriteTally(): WriteTally {
  const sides = {
    baseline: { accepted: 0, sent: undefined, methods: new Set() } as Counting,
    candidate: { accepted: 0, sent: undefined, methods: new Set() } as Counting,
  };
  // The success statuses of writes both sides accepted, one entry per method and pair (rule 60).
  const succeeded = new Map<string, WriteStatuses>();
  return {
    add(result) {
      if (!isWriteMethod(result.request.method)) return;
      const method = result.request.method.toUpperCase();
      const [b, c] = [result.baseline.status, result.candidate.status];
      if (b !== undefined && c !== undefined && isSuccess(b) && isSuccess(c)) {
        succeeded.set(`${method} ${b} ${c}`, { method, baseline: b, candidate: c });
      }
      const headers = result.request.headers ?? [];
      for (const side of ['baseline', 'candidate'] as const) {
        const status = result[side].status;
        if (status === undefined || status < 100 || status >= 400) continue;
        const counting = sides[side];
        counting.accepted += 1;
        counting.methods.add(result.request.method.toUpperCase());
        counting.sent =
          counting.sent === undefined
            ? new Set(headers)
            : new Set(headers.filter((name) => counting.sent?.has(name)));
      }
    },
    writes: () => ({
      baseline: sideWrites(sides.baseline),
      candidate: sideWrites(sides.candidate),
      bothSucceeded: [...succeeded.values()],
    }),
  };
}

/** The tally of `results`, all at once. */
export function acceptedWritesOf(
  results: Iterable<Pick<Observation, 'request' | 'baseline' | 'candidate'>>,
): AcceptedWrites {
  const tally = createWriteTally();
  for (const result of results) tally.add(result);
  return tally.writes();
}
