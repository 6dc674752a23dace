/**
 * The cases of a run, as the pipeline consumes them: in run order (files in
 * path order, cases in file order), a batch at a time, as units. A unit is a
 * case, which may overlap others, or a sequence, whose cases run strictly in
 * order, one request at a time per target: a flow, or a serial file (or a
 * serial suite's consecutive files). A library is read from disk as the run
 * reaches it (see `library.ts`), so a run of 100k cases never holds 100k
 * `Case` objects; an array of cases is a source too. Pure.
 */

import type { Case } from '../../contract/model/case.js';
import type { CaseSequence, RunUnit } from '../../contract/model/unit.js';
import type { Rules } from '../../contract/rules/types.js';
import { declaredEquivalences } from '../../core/compare/equivalence/labels.js';
import { rpcPathsOf } from './rpc-paths.js';

export interface CaseSource {
  /** How many results the run gives (a flow gives one per step). */
  readonly count: number;
  /** Labels of the equivalence rules the cases declare (report.json's `unusedRules` checks them). */
  readonly declaredEquivalences: readonly string[];
  /**
   * The paths the library sends RPC-style `POST`s to, each naming its
   * operation in a header (`rpc-paths.ts`): an accepted `POST` there is a write.
   */
  readonly rpcPaths?: ReadonlySet<string>;
  /** The units in run order, a batch at a time. */
  batches(): AsyncIterable<readonly RunUnit[]>;
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

/** A sequence over cases already in memory. */
export function sequenceOf(cases: readonly Case[]): CaseSequence {
  return {
    kind: 'sequence',
    size: cases.length,
    async *cases() {
      yield cases;
    },
  };
}

/**
 * Cases in run order as units: consecutive steps of one flow, and
 * consecutive cases of one serial sequence, become one sequence each.
 */
export function unitsOf(cases: readonly Case[]): RunUnit[] {
  const units: RunUnit[] = [];
  let run: Case[] = [];
  let key: string | undefined;
  const flush = () => {
    if (run.length > 0) units.push(sequenceOf(run));
    run = [];
  };
  for (const c of cases) {
    const together = c.serial ?? (c.flow === undefined ? undefined : `\0${c.flow.id}`);
    if (together === undefined || together !== key) flush();
    key = together;
    if (together === undefined) units.push(c);
    else run.push(c);
  }
  flush();
  return units;
}

/** A source over cases already in memory, in their order. */
export function inMemory(cases: readonly Case[]): CaseSource {
  const units = unitsOf(cases);
  return {
    count: cases.length,
    declaredEquivalences: equivalenceLabels(cases.map((c) => c.rules)),
    rpcPaths: rpcPathsOf(cases.map((c) => c.request)),
    async *batches() {
      yield units;
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
