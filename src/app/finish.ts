/**
 * The tail shared by `parity run` and `parity merge`: once every case has a
 * result, classify the divergences against a previous report, update the
 * tracker, judge the results after the decisions (a divergence whose root
 * causes are all accepted is `accepted`), list the root causes, and write
 * every report format.
 */
import type { RunReport } from '../report/contract.js';
import { type WrittenReports, writeReports } from '../report/write.js';
import type { CollectedResults } from '../results/collected.js';
import { comparedIds, compareToPrevious, type Regression } from '../results/regression.js';
import { decisionCounts, groupFindings, rootCauseEntries } from '../results/root-causes.js';
import { adjustSummary, type RunSummary } from '../results/summary.js';
import { type CaseResult, isNotable } from '../results/types.js';
import { observationsOf, type TrackerUpdate, updateTracker } from './tracker-update.js';

/** The report without its results, summary and what `finishRun` adds. */
export type ReportHead = Omit<
  RunReport,
  'results' | 'summary' | 'tracker' | 'regression' | 'rootCauses'
>;

export interface FinishInput {
  readonly head: ReportHead;
  readonly collected: CollectedResults;
  /** The notable results, after anything that changed them since they were collected (noise). */
  readonly results: readonly CaseResult[];
  readonly summary: RunSummary;
  /** The `--compare-to` report, read before this run wrote anything. */
  readonly previous: RunReport | undefined;
  /** The tracker file (absolute) and how reports name it; undefined when it is disabled. */
  readonly tracker: { readonly path: string; readonly label: string } | undefined;
  readonly reportsDir: string;
}

export interface Finished {
  /** The report with its notable results (report.json on disk has every result). */
  readonly report: RunReport;
  readonly written: WrittenReports;
  readonly tracker: TrackerUpdate | undefined;
}

/**
 * Regression marks for the results, with the equal results of cases that showed
 * a now-fixed divergence read back (a run keeps plainly equal results on disk only).
 */
async function regressionOf(
  input: FinishInput,
  previous: RunReport,
  compared: ReturnType<typeof comparedIds>,
): Promise<Regression> {
  const first = compareToPrevious(input.results, previous, compared);
  const held = new Set(input.results.map((r) => r.caseId));
  const missing = new Set(
    first.summary.fixed.flatMap((f) => f.caseIds).filter((id) => !held.has(id)),
  );
  if (missing.size === 0) return first;
  const fetched = await input.collected.read(missing);
  const all = input.collected.inRunOrder([...input.results, ...fetched]);
  return compareToPrevious(all, previous, compared);
}

/** Regression mode, then the tracker, then the report files (see the module comment). */
export async function finishRun(input: FinishInput): Promise<Finished> {
  const date = input.head.finishedAt.slice(0, 10);
  // Only cases whose two sides answered can resolve a row or fix a divergence.
  const compared = comparedIds(input.collected.ranIds, input.results);
  const regression =
    input.previous === undefined ? undefined : await regressionOf(input, input.previous, compared);
  const classified = regression?.results ?? input.results;
  const tracker =
    input.tracker === undefined
      ? undefined
      : await updateTracker(
          input.tracker.path,
          { observations: observationsOf(classified), ranCaseIds: compared, date },
          input.tracker.label,
        );
  const results = tracker === undefined ? classified : classified.map((r) => tracker.annotate(r));
  const rootCauses = rootCauseEntries(
    groupFindings(results),
    (fingerprint) => tracker?.rowOf(fingerprint),
    tracker?.resolved,
  );
  const summary = {
    ...adjustSummary(input.summary, classified, results),
    rootCauses: decisionCounts(rootCauses),
  };
  const report: RunReport = {
    ...input.head,
    summary,
    results: results.filter(isNotable),
    ...(tracker === undefined ? {} : { tracker: tracker.outcome }),
    ...(regression === undefined ? {} : { regression: regression.summary }),
    ...(rootCauses.length === 0 ? {} : { rootCauses }),
  };
  // Every result changed since it was collected replaces its line in report.json.
  const final = new Map(results.map((r) => [r.caseId, r] as const));
  const written = await writeReports(
    report,
    { collected: input.collected, final },
    input.reportsDir,
  );
  return { report, written, tracker };
}
