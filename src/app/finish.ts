/**
 * The tail shared by `parity run` and `parity merge`: once every case has a
 * result, classify the divergences against a previous report, plan the
 * tracker's update (under its lock), judge the results after the decisions (a
 * divergence whose root causes are all accepted is `accepted`), list the root
 * causes, write every report format, and only then commit the tracker and
 * repoint `latest`. A run killed at any point leaves either no tracker change
 * or a complete report beside it. An interrupted run leaves the tracker and
 * `latest` untouched.
 */
import type { RunReport } from '../report/contract.js';
import type { RunFolder } from '../report/run-folder.js';
import { type AllResults, type WrittenReports, writeRunReports } from '../report/write.js';
import type { CollectedResults } from '../results/collected.js';
import { withConsequences } from '../results/consequences.js';
import { comparedIds, compareToPrevious, type Regression } from '../results/regression.js';
import { decisionCounts, groupFindings, rootCauseEntries } from '../results/root-causes.js';
import { adjustSummary, type RunSummary } from '../results/summary.js';
import { type CaseResult, isNotable } from '../results/types.js';
import { ParityError } from '../util/errors.js';
import type { Host } from '../util/host.js';
import { libraryEvidence } from './tracker-evidence.js';
import { coveredOf, observationsOf, planTracker, type TrackerUpdate } from './tracker-update.js';

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
  /** Where the reports go (created, and checked, before anything was sent). */
  readonly folder: RunFolder;
  readonly host: Host;
}

export interface Finished {
  /** The report with its notable results (report.json on disk has every result). */
  readonly report: RunReport;
  readonly written: WrittenReports;
  /** Every result in its final form, as the report files were written from. */
  readonly all: AllResults;
  readonly tracker: TrackerUpdate | undefined;
  /** Why the tracker could not be updated (the reports were written all the same). */
  readonly trackerError?: ParityError;
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
  // Findings that follow from an earlier step's write join that step's root cause.
  const classified = withConsequences(regression?.results ?? input.results);
  const { tracker, trackerError } = await trackerPlan(input, {
    observations: observationsOf(classified),
    covered: coveredOf(classified),
    ranCaseIds: compared,
    // A run of the whole library also knows which cases it no longer holds.
    library: libraryEvidence(
      input.head,
      comparedIds(input.collected.ranIds, []),
      compared,
      input.results,
    ),
    date,
  });
  try {
    return await reportAndCommit(input, { classified, regression, tracker, trackerError });
  } catch (error) {
    await tracker?.abandon();
    throw error;
  }
}

interface Judged {
  readonly classified: readonly CaseResult[];
  readonly regression: Regression | undefined;
  readonly tracker: TrackerUpdate | undefined;
  readonly trackerError: ParityError | undefined;
}

/** The tracker's planned update, or the error that kept it from being planned. */
async function trackerPlan(
  input: FinishInput,
  run: Parameters<typeof planTracker>[1],
): Promise<{ tracker?: TrackerUpdate; trackerError?: ParityError }> {
  if (input.tracker === undefined || input.head.interrupted !== undefined) return {};
  try {
    const options = { label: input.tracker.label, host: input.host };
    return { tracker: await planTracker(input.tracker.path, run, options) };
  } catch (error) {
    if (error instanceof ParityError) return { trackerError: error };
    throw error;
  }
}

/** The report from the judged results, its files, then the tracker commit and `latest`. */
async function reportAndCommit(input: FinishInput, judged: Judged): Promise<Finished> {
  const { classified, regression, tracker, trackerError } = judged;
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
  const all = { collected: input.collected, final };
  const written = await writeRunReports(report, all, input.folder);
  // Every report written, or no tracker change: the tracker never records what its run's folder lacks.
  const complete = written.partial !== true;
  if (tracker !== undefined) await (complete ? tracker.commit() : tracker.abandon());
  if (complete && input.head.interrupted === undefined) await input.folder.pointLatest();
  return { report, written, all, tracker, ...(trackerError === undefined ? {} : { trackerError }) };
}
