/**
 * `RunReport`: the one canonical, versioned artefact of a run (report.json).
 * Markdown, console and the other formats are pure renderings of it.
 */
import { type CaseResult, DIVERGENCE_KINDS, type DivergenceKind } from '../model.js';

/** Bump on any incompatible change of report.json, with a changelog note. */
export const REPORT_SCHEMA_VERSION = 1;

export interface TargetRef {
  readonly name: string;
  readonly url: string;
}

export interface RunSummary {
  readonly cases: number;
  readonly equal: number;
  readonly divergent: number;
  readonly errors: number;
  readonly statusParity: { readonly equal: number; readonly total: number };
  readonly byKind: Readonly<Record<DivergenceKind, number>>;
  /** Cases whose `expect.status` was not met by one side or both. */
  readonly expectationFailures: number;
}

export interface TrackerOutcome {
  readonly path: string;
  readonly added: readonly string[];
  readonly reopened: readonly string[];
  readonly resolved: readonly string[];
  readonly seen: readonly string[];
}

export interface RunReport {
  readonly schemaVersion: number;
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly baseline: TargetRef;
  readonly candidate: TargetRef;
  readonly summary: RunSummary;
  /** Sorted by case id. */
  readonly results: readonly CaseResult[];
  readonly tracker?: TrackerOutcome;
}

export function summarise(results: readonly CaseResult[]): RunSummary {
  const byKind = Object.fromEntries(DIVERGENCE_KINDS.map((kind) => [kind, 0])) as Record<
    DivergenceKind,
    number
  >;
  let equal = 0;
  let divergent = 0;
  let errors = 0;
  let statusEqual = 0;
  let statusTotal = 0;
  let expectationFailures = 0;
  for (const result of results) {
    if (result.verdict === 'equal') equal++;
    else if (result.verdict === 'divergent') divergent++;
    else errors++;
    for (const kind of result.kinds) byKind[kind]++;
    const { status: b } = result.baseline;
    const { status: c } = result.candidate;
    if (b !== undefined && c !== undefined) {
      statusTotal++;
      if (b === c) statusEqual++;
    }
    if (result.expectations !== undefined) expectationFailures++;
  }
  return {
    cases: results.length,
    equal,
    divergent,
    errors,
    statusParity: { equal: statusEqual, total: statusTotal },
    byKind,
    expectationFailures,
  };
}

/** Results in the report's deterministic order. */
export function sortResults(results: readonly CaseResult[]): CaseResult[] {
  return [...results].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}
