/**
 * Reports of schemaVersion 2 (and 1, upgraded to 2 first): their reader
 * schema and the upgrade to today's contract, so old reports stay readable
 * (`report --from`, `merge`, `--compare-to`, `tracker --check`, `show`).
 *
 * Version 2 had no findings: each divergent result had one case-level
 * fingerprint and at most one tracker row, and a result with one side
 * failed in transport was `divergent`. The upgrade re-derives each
 * divergent result's findings from what it kept (statuses, changes, header
 * changes) and its fingerprint with them, turns a transport failure into
 * an `error`, and a divergence whose row was accepted or won't fix into an
 * `accepted` result.
 *
 * Judging is not the contract's: the reader hands the upgrade the judge a
 * run uses (`Rejudge`, `reporters/report/read.ts` gives `compare/`'s), so the
 * contract imports nothing above it.
 */
import * as z from 'zod';

import type { AssessedObservation } from './assessment.js';
import type { Comparison } from './model/comparison.js';
import {
  comparedShape,
  divergenceShape,
  equalObservationSchema,
  errorObservationSchema,
  observationBaseShape,
} from './observation.js';
import { type RunReport, runShape, sectionsShape, summaryShape } from './report.js';
import { type Finding, type RootCauseEntry, trackerRefSchema } from './root-cause.js';
import { DIVERGENCE_REGRESSIONS, WAIVED_STATUSES } from './vocabulary.js';

/** A result of schemaVersion 2: no findings, one tracker row, one-sided transport failures `divergent`. */
export const resultSchemaV2 = z.discriminatedUnion('verdict', [
  equalObservationSchema.extend({
    regression: z.literal('fixed').exactOptional().describe('showed a now-fixed divergence'),
  }),
  z.looseObject({
    ...observationBaseShape,
    ...divergenceShape,
    ...comparedShape,
    verdict: z.literal('divergent'),
    tracker: trackerRefSchema.exactOptional(),
    regression: z
      .enum(DIVERGENCE_REGRESSIONS)
      .exactOptional()
      .describe('relative to the --compare-to report'),
  }),
  errorObservationSchema,
]);

/** report.json, schemaVersion 2. */
export const reportSchemaV2 = z.looseObject({
  schemaVersion: z.literal(2).describe('report format version'),
  ...runShape,
  summary: z.looseObject(summaryShape),
  results: z.array(resultSchemaV2).describe('per-case results, in run order'),
  ...sectionsShape,
});

/** report.json as schemaVersion 2 held it (and version 1 upgraded to it). */
export type ReportV2 = z.output<typeof reportSchemaV2>;
type ResultV2 = z.output<typeof resultSchemaV2>;
type DivergentV2 = Extract<ResultV2, { verdict: 'divergent' }>;

/** What a version-2 divergence kept of its comparison: statuses, header and body changes. */
export type StoredComparison = Pick<Comparison, 'headers' | 'body' | 'xml'> & {
  readonly status: Omit<Comparison['status'], 'redirect'>;
};

/** The judging an upgrade needs, given by the reader (`reporters/report/read.ts`: the run's own). */
export interface Rejudge {
  /** The case-level fingerprint and findings of a comparison, or undefined when it shows no divergence. */
  judge(
    ids: { readonly caseId: string; readonly endpoint: string },
    comparison: StoredComparison,
  ): { readonly fingerprint: string; readonly findings: readonly Finding[] } | undefined;
  /** The run's root-cause list over the upgraded results (no tracker rows). */
  rootCauses(results: readonly AssessedObservation[]): readonly RootCauseEntry[];
}

function comparisonOf(result: DivergentV2): StoredComparison | undefined {
  const { status: b } = result.baseline;
  const { status: c } = result.candidate;
  if (b === undefined || c === undefined || result.kinds.includes('transport')) return undefined;
  const status = { equal: b === c, baseline: b, candidate: c };
  const xml = result.baseline.bodyKind === 'xml' && result.candidate.bodyKind === 'xml';
  return {
    status,
    headers: result.headerChanges,
    body: result.changes,
    ...(xml ? { xml: true as const } : {}),
  };
}

function upgradeDivergent(result: DivergentV2, rejudge: Rejudge): AssessedObservation {
  const {
    tracker,
    changes,
    changesOmitted,
    headerChanges,
    pattern,
    bodies,
    regression,
    verdict,
    ...base
  } = result;
  const comparison = comparisonOf(result);
  if (comparison === undefined) return { ...base, verdict: 'error' };
  const judged = rejudge.judge({ caseId: result.caseId, endpoint: result.endpoint }, comparison);
  if (judged === undefined) return { ...base, verdict: 'error' };
  const waived = tracker !== undefined && WAIVED_STATUSES.has(tracker.status);
  return {
    ...base,
    verdict: waived ? 'accepted' : 'divergent',
    fingerprint: judged.fingerprint,
    findings: judged.findings,
    changes,
    ...(changesOmitted === undefined ? {} : { changesOmitted }),
    headerChanges,
    bodies,
    ...(pattern === undefined ? {} : { pattern }),
    ...(regression === undefined ? {} : { regression }),
  };
}

function upgradeResult(result: ResultV2, rejudge: Rejudge): AssessedObservation {
  return result.verdict === 'divergent' ? upgradeDivergent(result, rejudge) : result;
}

/** The summary count each verdict adds to. */
const COUNTED = {
  equal: 'equal',
  divergent: 'divergent',
  accepted: 'accepted',
  error: 'errors',
  skipped: 'skipped',
} as const;

/** The report as schemaVersion 3 holds it. */
export function upgradeV2(old: ReportV2, rejudge: Rejudge): RunReport {
  const { patterns: _patterns, tracker, ...rest } = old;
  const results = old.results.map((result) => upgradeResult(result, rejudge));
  const counts = { equal: 0, divergent: 0, accepted: 0, errors: 0, skipped: 0 };
  for (const result of results) counts[COUNTED[result.verdict]]++;
  // A version-2 report holds no flow steps: nothing was skipped.
  const { skipped: _none, ...verdicts } = counts;
  const rootCauses = rejudge.rootCauses(results);
  return {
    ...rest,
    schemaVersion: 3,
    summary: { ...old.summary, ...verdicts },
    results,
    ...(tracker === undefined ? {} : { tracker: { ...tracker, superseded: [] } }),
    ...(rootCauses.length === 0 ? {} : { rootCauses }),
  };
}
