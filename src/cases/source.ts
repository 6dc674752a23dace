/**
 * The cases of a run, as the pipeline consumes them: in run order (files in
 * path order, cases in file order), a batch at a time. A library is read
 * from disk as the run reaches it (see `library.ts`), so a run of 100k cases
 * never holds 100k `Case` objects; an array of cases is a source too. Pure.
 */
import { declaredEquivalences } from '../compare/equivalence/labels.js';
import type { Case } from '../model/case.js';
import type { Rules } from '../rules/types.js';

export interface CaseSource {
  /** How many cases the run replays. */
  readonly count: number;
  /** Labels of the equivalence rules the cases declare (report.json's `unusedRules` checks them). */
  readonly declaredEquivalences: readonly string[];
  /** The cases in run order, a batch at a time. */
  batches(): AsyncIterable<readonly Case[]>;
}

/** The labels of every equivalence rule `rules` declare, each rules object looked at once. */
export function equivalenceLabels(rules: Iterable<Rules>): string[] {
  const seen = new Set<Rules>();
  const labels = new Set<string>();
  for (const r of rules) {
    if (seen.has(r)) continue;
    seen.add(r);
    for (const label of declaredEquivalences(r)) labels.add(label);
  }
  return [...labels];
}

/** A source over cases already in memory, in their order. */
export function inMemory(cases: readonly Case[]): CaseSource {
  return {
    count: cases.length,
    declaredEquivalences: equivalenceLabels(cases.map((c) => c.rules)),
    async *batches() {
      yield cases;
    },
  };
}

/** An array is a source in memory; a source is itself. */
export function asCaseSource(cases: readonly Case[] | CaseSource): CaseSource {
  return isSource(cases) ? cases : inMemory(cases);
}

function isSource(cases: readonly Case[] | CaseSource): cases is CaseSource {
  return !Array.isArray(cases);
}
