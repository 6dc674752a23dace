/**
 * The tail shared by `parity run` and `parity merge`: once every case is
 * observed, assess it (`judge/results/assessment.ts`: an overlay beside the
 * observations, never a changed result): the learned endpoint noise, the
 * regression marks against a previous report, the consequences, the
 * tracker's rows (its update planned under its lock) and so the verdicts
 * after the decisions (a divergence whose root causes are all accepted is
 * `accepted`). Then count the verdicts once, list the root causes, tell
 * every reporter of the assessment (the report files write themselves then),
 * and only then commit the tracker and repoint `latest`. A run killed at any
 * point leaves either no tracker change
 * or a complete report beside it. An interrupted run leaves the tracker and
 * `latest` untouched.
 *
 * A live run (a shadow session's, `refresh`) goes through the same tail as
 * often as its reports are refreshed: the report files are rewritten in place
 * in its open folder and `latest` repointed, the folder is not published (its
 * last refresh, `refresh` absent, publishes it), and the tracker is committed
 * only when one is given.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { RegressionSummary, RunReport, RunSummary } from '../../contract/report.js';
import type { ShownRootCause } from '../../contract/root-cause.js';
import {
  type Assessment,
  assessed,
  clustersOf,
  NOT_ASSESSED,
} from '../../judge/results/assessment.js';
import type { BodyDigests } from '../../judge/results/body-digests.js';
import type { CollectedObservations } from '../../judge/results/collected.js';
import { type Consequences, consequencesOf } from '../../judge/results/consequences.js';
import {
  digestConsequencesOf,
  withCrossCaseConsequences,
} from '../../judge/results/cross-case-consequences.js';
import { earlierPlaces } from '../../judge/results/earlier-places.js';
import { headConsequencesOf } from '../../judge/results/head-consequences.js';
import type { Masking } from '../../judge/results/judged-again.js';
import {
  comparedIds,
  orderNoiseIds,
  type RegressionMarks,
  regressionMarks,
} from '../../judge/results/regression.js';
import {
  decisionCounts,
  groupFindings,
  rootCauseEntries,
} from '../../judge/results/root-causes.js';
import { countedSummary } from '../../judge/results/summary.js';
import { isNotable } from '../../judge/results/types.js';
import {
  type FileReporter,
  publishReports,
  type WrittenReports,
  writtenBy,
} from '../../reporters/files.js';
import type { RunFolder } from '../../reporters/report/run-folder.js';
import { runtimesOf } from '../../reporters/report/run-report.js';
import type { AllObservations, Reporters } from '../../reporters/reporter.js';
import { ParityError } from '../../util/errors.js';
import type { Host } from '../../util/host.js';
import { withConstantsSettled } from './side-constants.js';
import { trackerAnswers } from './tracker-answers.js';
import { libraryEvidence } from './tracker-evidence.js';
import {
  coveredOf,
  flowsWithCauses,
  observationsOf,
  planTracker,
  type TrackerUpdate,
  unsettledCauses,
} from './tracker-update.js';

/** The report without its results, summary and what `finishRun` adds. */
export type ReportHead = Omit<
  RunReport,
  'results' | 'summary' | 'tracker' | 'regression' | 'rootCauses'
>;

export interface FinishInput {
  readonly head: ReportHead;
  /** Every result as observed (the notable ones in memory). */
  readonly collected: CollectedObservations;
  /**
   * By case id: what the end of the run masked in each result, and why (the
   * endpoint noise the run learned with `--noise`, places a later answer proved
   * per-instance): the results read as judged again under them.
   */
  readonly masked?: Masking | undefined;
  /**
   * What was assessed of the results before (`merge`: the shards' assessments,
   * split from their reports): where this assessment starts. A mark, a
   * consequence or a row this one makes replaces it; a row of a tracker this
   * one plans replaces all of them.
   */
  readonly prior?: Assessment | undefined;
  /** The summary of the results as observed; its verdict counts are made again here. */
  readonly summary: RunSummary;
  /** The `--compare-to` report, read before this run wrote anything. */
  readonly previous: RunReport | undefined;
  /**
   * By case id, the digests of bodies the two sides answered differently
   * (`judge/results/body-digests.ts`); absent when the run did not see the bodies
   * (`merge`).
   */
  readonly bodyDigests?: ReadonlyMap<string, BodyDigests> | undefined;
  /** The tracker file (absolute) and how reports name it; undefined when it is disabled. */
  readonly tracker: { readonly path: string; readonly label: string } | undefined;
  /** Where the reports go (created, and checked, before anything was sent). */
  readonly folder: RunFolder;
  readonly host: Host;
  /** Every reporter of the run or merge: told of the assessment (the report files write then). */
  readonly reporters: Reporters;
  /** The report files among them: the folder is published when each wrote its file. */
  readonly files: readonly FileReporter[];
  /** A live run's refresh: its reports rewritten in place, its folder left open (see the module comment). */
  readonly refresh?: boolean | undefined;
}

export interface Finished {
  /** The report with its notable results (report.json on disk has every result). */
  readonly report: RunReport;
  readonly written: WrittenReports;
  /** Every result in its final form, as the report files were written from. */
  readonly all: AllObservations;
  readonly tracker: TrackerUpdate | undefined;
  /** Why the tracker could not be updated (the reports were written all the same). */
  readonly trackerError?: ParityError;
}

/**
 * Regression marks for the results, with the equal results of cases that showed
 * a now-fixed divergence read back (a run keeps plainly equal results on disk
 * only): those are returned too, to be listed with their mark.
 */
async function regressionOf(
  input: FinishInput,
  views: readonly AssessedObservation[],
  previous: RunReport,
  compared: ReturnType<typeof comparedIds>,
): Promise<{ marks: RegressionMarks; summary: RegressionSummary; fetched: Observation[] }> {
  const orderNoise = input.collected.orderNoise ?? orderNoiseIds(views);
  const first = regressionMarks(views, previous, compared, orderNoise);
  const held = new Set(views.map((r) => r.caseId));
  const missing = new Set(
    first.summary.fixed.flatMap((f) => f.caseIds).filter((id) => !held.has(id)),
  );
  if (missing.size === 0) return { ...first, fetched: [] };
  const fetched = await input.collected.read(missing);
  const all = input.collected.inRunOrder([...views, ...fetched]);
  return { ...regressionMarks(all, previous, compared, orderNoise), fetched };
}

/**
 * Assesses the results (see the module comment and `judge/results/assessment.ts`),
 * then the report files and the tracker commit.
 */
export async function finishRun(input: FinishInput): Promise<Finished> {
  const date = input.head.finishedAt.slice(0, 10);
  const observed = input.collected.notable;
  const prior = input.prior ?? NOT_ASSESSED;
  const unclustered: Assessment = { ...prior, masked: input.masked ?? prior.masked };
  // Root causes keyed by what changed: clustered over every answer, once noise is masked.
  const plain = observed.map((r) => assessed(r, unclustered));
  const following = consequencesOf(plain);
  const { acceptedWrites, servedEndpoints } = input.collected;
  const clusters = clustersOf(plain, following, runtimesOf(input.head), {
    acceptedWrites,
    servedEndpoints,
  });
  const masking: Assessment = { ...unclustered, clusters };
  const denoised = observed.map((r) => assessed(r, masking));
  // Only cases whose two sides answered can resolve a row or fix a divergence.
  const compared = comparedIds(input.collected.ranIds, denoised);
  const selected = comparedIds(input.collected.ranIds, []);
  const regression =
    input.previous === undefined
      ? undefined
      : await regressionOf(input, denoised, input.previous, compared);
  // The equal results of fixed cases, read back, are listed with their mark.
  const listed =
    regression === undefined || regression.fetched.length === 0
      ? observed
      : input.collected.inRunOrder([...observed, ...regression.fetched]);
  const marking: Assessment = {
    ...masking,
    regression: new Map([...prior.regression, ...(regression?.marks ?? [])]),
  };
  // Findings that follow from an earlier step's write join that step's root cause.
  const marked = listed.map((r) => assessed(r, marking));
  // Digests another answer lists of a body that differs follow from the body (`body-digests.ts`),
  // and so do a HEAD's headers that describe the body its GET showed differing.
  const consequences = laidOver(
    prior.consequences,
    withCrossCaseConsequences(
      consequencesOf(marked),
      digestConsequencesOf(marked, input.bodyDigests),
      headConsequencesOf(marked),
    ),
  );
  const classifying: Assessment = { ...marking, consequences };
  const classified = listed.map((r) => assessed(r, classifying));
  // Where a change was keyed by its object kind, the rows it had keyed by place (`earlier-places.ts`).
  const byPlace = clusters.byKind
    ? clustersOf(plain, following, runtimesOf(input.head), {
        byKind: false,
        acceptedWrites,
        servedEndpoints,
      })
    : undefined;
  // Grouped once: the tracker's observations and the report's decisions list read the same groups
  // (the rows laid over the findings below change no finding's cause).
  const groups = groupFindings(classified);
  const observations = observationsOf(
    classified,
    groups,
    byPlace === undefined
      ? undefined
      : earlierPlaces(
          classified,
          listed.map((r) => assessed(r, { ...classifying, clusters: byPlace })),
        ),
  );
  const answers =
    input.tracker === undefined || input.head.interrupted !== undefined
      ? undefined
      : await trackerAnswers({
          trackerPath: input.tracker.path,
          observations,
          compared,
          held: classified,
          read: (ids) => input.collected.read(ids),
          previous: input.previous,
          reportsDir: input.folder.reportsDir,
        });
  const { tracker, trackerError } = await trackerPlan(input, {
    observations,
    covered: coveredOf(classified),
    ranCaseIds: compared,
    // A run of the whole library also knows which cases it no longer holds.
    library: libraryEvidence(input.head, selected, compared, denoised),
    // Rows whose cases ran without proving them fixed are "not seen" (`io/tracker/evidence.ts`).
    selected,
    flows: flowsWithCauses(classified),
    orderNoise: input.collected.orderNoise,
    answers,
    date,
  });
  const assessment: Assessment = { ...classifying, rowOf: tracker?.rowOf ?? prior.rowOf };
  try {
    return await reportAndCommit(input, {
      listed,
      groups,
      assessment,
      regression: regression?.summary,
      tracker,
      trackerError,
    });
  } catch (error) {
    await tracker?.abandon();
    throw error;
  }
}

/** `later` laid over `earlier`: per case, a finding `later` marks takes its cause from there. */
function laidOver(earlier: Consequences, later: Consequences): Consequences {
  if (earlier.size === 0) return later;
  const out = new Map(earlier);
  for (const [caseId, marks] of later) {
    const before = earlier.get(caseId);
    out.set(caseId, before === undefined ? marks : new Map([...before, ...marks]));
  }
  return out;
}

interface Judged {
  /** The results the report lists in full, as observed (the notable ones and fixed cases read back). */
  readonly listed: readonly Observation[];
  /** Their findings grouped by root cause (`groupFindings`), as the tracker was planned from. */
  readonly groups: ReadonlyMap<string, ShownRootCause>;
  readonly assessment: Assessment;
  readonly regression: RegressionSummary | undefined;
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

/** The report from the assessed results, its files, then the tracker commit and `latest`. */
async function reportAndCommit(input: FinishInput, judged: Judged): Promise<Finished> {
  const { assessment, regression, tracker, trackerError } = judged;
  // A pair of values each side writes again to another request is its constant, not unsettled.
  const results = withConstantsSettled(judged.listed.map((r) => assessed(r, assessment)));
  const rootCauses = rootCauseEntries(
    judged.groups,
    (fingerprint) => tracker?.rowOf(fingerprint),
    tracker?.resolved,
    // Causes seen only at id-like values without evidence await it: not open decisions yet.
    unsettledCauses(results),
  );
  // Verdicts counted once: the plain results as observed, the notable ones as assessed.
  const notable = new Set(input.collected.notable.map((r) => r.caseId));
  const counted = results.filter((r) => notable.has(r.caseId));
  const countedIds = new Set(counted.map((r) => r.caseId));
  const summary = {
    ...countedSummary(input.summary, input.collected.plain, {
      observed: input.collected.notable.filter((r) => countedIds.has(r.caseId)),
      assessed: counted,
    }),
    rootCauses: decisionCounts(rootCauses),
  };
  const report: RunReport = {
    ...input.head,
    summary,
    results: results.filter(isNotable),
    ...(tracker === undefined ? {} : { tracker: tracker.outcome }),
    ...(regression === undefined ? {} : { regression }),
    ...(rootCauses.length === 0 ? {} : { rootCauses }),
  };
  // The assessment beside the observations: results.ndjson is never rewritten to show it.
  await input.collected.saveAssessment?.(assessment, judged.listed);
  // report.json lists each observation, as assessed where the assessment says anything of it.
  const final = new Map(results.map((r) => [r.caseId, r] as const));
  const all = { collected: input.collected, final };
  // The assessment to every reporter: each report file writes itself into the folder.
  await input.reporters.onAssessment({ report, all, dir: input.folder.dir });
  const failures = input.reporters.failures();
  const wrote = writtenBy(input.files, failures, input.folder.dir);
  const written =
    input.refresh !== true
      ? await publishReports(wrote, input.folder)
      : wrote.failures.length > 0
        ? { ...wrote, partial: true as const }
        : wrote;
  // Every report written, or no tracker change: the tracker never records what its run's folder lacks.
  const complete = written.partial !== true;
  // A tracker the disk refuses (full, read-only) is said as one that would not parse: the reports stand.
  let commitError: ParityError | undefined;
  try {
    if (tracker !== undefined) await (complete ? tracker.commit() : tracker.abandon());
  } catch (error) {
    if (!(error instanceof ParityError)) throw error;
    commitError = error;
  }
  if (complete && input.head.interrupted === undefined) await input.folder.pointLatest();
  const notUpdated = trackerError ?? commitError;
  return {
    report,
    written,
    all,
    tracker: commitError === undefined ? tracker : undefined,
    ...(notUpdated === undefined ? {} : { trackerError: notUpdated }),
  };
}
