/**
 * Reports of schemaVersion 2 (and 1, upgraded to 2 first): their reader
 * schema and the upgrade to today's contract, so old reports stay readable
 * (`report --from`, `merge`, `--compare-to`, `tracker --check`, `show`).
 *
 * Version 2 had no findings: each divergent result had one case-level
 * fingerprint and at most one tracker row, and a result with one side
 * failed in transport was `divergent`. The upgrade re-derives each
 * divergent result's findings from what it kept (statuses, changes, header
 * changes: the same pure functions a run uses) and its fingerprint with
 * them, turns a transport failure into an `error`, and a divergence whose
 * row was accepted or won't fix into an `accepted` result.
 */
import * as z from 'zod';
import type { Comparison } from '../../contract/model/comparison.js';
import { judgeComparison } from '../../core/compare/judge.js';
import { WAIVED_STATUSES } from '../../io/tracker/types.js';
import { groupFindings, rootCauseEntries } from '../../judge/results/root-causes.js';
import { VERDICT_COUNTS } from '../../judge/results/summary.js';
import type { CaseResult } from '../../judge/results/types.js';
import type { RunReport } from './contract.js';
import {
  comparedShape,
  divergenceShape,
  equalResultSchema,
  errorResultSchema,
  resultBaseShape,
  runShape,
  sectionsShape,
  summaryShape,
  trackerRefSchema,
} from './contract-schema.js';

/** A result of schemaVersion 2: no findings, one tracker row, one-sided transport failures `divergent`. */
export const resultSchemaV2 = z.discriminatedUnion('verdict', [
  equalResultSchema,
  z.looseObject({
    ...resultBaseShape,
    ...divergenceShape,
    ...comparedShape,
    verdict: z.literal('divergent'),
    tracker: trackerRefSchema.exactOptional(),
  }),
  errorResultSchema,
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

function comparisonOf(result: DivergentV2): Comparison | undefined {
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

function upgradeDivergent(result: DivergentV2): CaseResult {
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
  const judged = judgeComparison({ caseId: result.caseId, endpoint: result.endpoint }, comparison);
  if (judged.verdict !== 'divergent') return { ...base, verdict: 'error' };
  const waived = tracker !== undefined && WAIVED_STATUSES.has(tracker.status);
  return {
    ...base,
    verdict: waived ? 'accepted' : 'divergent',
    fingerprint: judged.divergence.fingerprint,
    findings: judged.findings,
    changes,
    ...(changesOmitted === undefined ? {} : { changesOmitted }),
    headerChanges,
    bodies,
    ...(pattern === undefined ? {} : { pattern }),
    ...(regression === undefined ? {} : { regression }),
  };
}

function upgradeResult(result: ResultV2): CaseResult {
  return result.verdict === 'divergent' ? upgradeDivergent(result) : result;
}

/** The report as schemaVersion 3 holds it. */
export function upgradeV2(old: ReportV2): RunReport {
  const { patterns: _patterns, tracker, ...rest } = old;
  const results = old.results.map(upgradeResult);
  const counts = { equal: 0, divergent: 0, accepted: 0, errors: 0, skipped: 0 };
  for (const result of results) counts[VERDICT_COUNTS[result.verdict]]++;
  // A version-2 report holds no flow steps: nothing was skipped.
  const { skipped: _none, ...verdicts } = counts;
  const rootCauses = rootCauseEntries(groupFindings(results), () => undefined);
  return {
    ...rest,
    schemaVersion: 3,
    summary: { ...old.summary, ...verdicts },
    results,
    ...(tracker === undefined ? {} : { tracker: { ...tracker, superseded: [] } }),
    ...(rootCauses.length === 0 ? {} : { rootCauses }),
  };
}
