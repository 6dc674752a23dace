/**
 * The cases of a run, as the pipeline consumes them: in run order, a batch
 * at a time. A library held in memory is one batch; a large one is streamed
 * a file at a time (see `library.ts`), so a run of 100k cases never holds
 * 100k `Case` objects. Pure.
 */
import type { Case } from '../model/case.js';
import type { Rules } from '../rules/types.js';

export interface CaseSource {
  /** How many cases the run replays. */
  readonly count: number;
  /** Every case id, in run order (case-id order for a loaded library). */
  ids(): readonly string[];
  /** The distinct rules objects of the cases (the cases of a file share one). */
  rules(): Iterable<Rules>;
  /** The cases in run order, a batch at a time. */
  batches(): AsyncIterable<readonly Case[]>;
}

/** A source over cases already in memory. */
export function inMemory(cases: readonly Case[]): CaseSource {
  return {
    count: cases.length,
    ids: () => cases.map((c) => c.id),
    rules: () => new Set(cases.map((c) => c.rules)),
    async *batches() {
      yield cases;
    },
  };
}

/** An array is a source in memory; a source is itself. */
export function asCaseSource(cases: readonly Case[] | CaseSource): CaseSource {
  return Array.isArray(cases) ? inMemory(cases as readonly Case[]) : (cases as CaseSource);
}
