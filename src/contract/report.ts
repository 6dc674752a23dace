/**
 * report.json (schemaVersion 3) as zod schemas: the only declaration of the
 * run report and of its sections (the summary, the root-cause list, noise,
 * coverage, regression, a shard, the tracker outcome, an interruption).
 * What a run writes and what `parity report --from`, `merge`, `tracker
 * --check` and `--compare-to` read are one description, and every type
 * below is inferred from it. Objects are loose: fields added within a
 * schema version by a newer parity pass through untouched, so re-rendering
 * never drops data. Reports of schemaVersion 1 and 2 are read by their own
 * schemas and upgraded (`upgrade-v1.ts`, `upgrade-v2.ts`).
 */
import * as z from 'zod';
import { type AssessedObservation, assessedObservationSchema } from './assessment.js';
import type { Known } from './known.js';
import { countSchema, kindsSchema } from './observation.js';
import { decisionCountsSchema, rootCauseEntrySchema } from './root-cause.js';
import {
  type DivergenceKind,
  INTERRUPT_SIGNALS,
  REPORT_SCHEMA_VERSION,
  RUNTIMES,
} from './vocabulary.js';

/** Durations of one side: how many, median and 95th percentile. */
export const latencyStatsSchema = z.looseObject({
  count: z.number().describe('responses timed'),
  p50Ms: z.number().nullable().describe('median duration in ms, null when nothing was timed'),
  p95Ms: z.number().nullable().describe('95th percentile in ms, null when nothing was timed'),
});

/** p50/p95 per endpoint and both sides' durations in shared bins. */
export const latencySchema = z.looseObject({
  all: z
    .looseObject({ baseline: latencyStatsSchema, candidate: latencyStatsSchema })
    .describe('every endpoint together'),
  endpoints: z
    .array(
      z.looseObject({
        endpoint: z.string().describe('METHOD /path'),
        baseline: latencyStatsSchema,
        candidate: latencyStatsSchema,
      }),
    )
    .describe('per endpoint, sorted'),
  histogram: z
    .looseObject({
      edgesMs: z.array(z.number().nonnegative()).min(2).describe('bin edges in ms, ascending'),
      baseline: z.array(countSchema).describe("the baseline's durations per bin"),
      candidate: z.array(countSchema).describe("the candidate's durations per bin"),
    })
    .refine(
      (h) =>
        h.baseline.length === h.edgesMs.length - 1 &&
        h.candidate.length === h.edgesMs.length - 1 &&
        h.edgesMs.every((edge, i) => i === 0 || edge > (h.edgesMs[i - 1] as number)),
      'histogram: one count per bin on each side, and ascending edges',
    )
    .exactOptional()
    .describe(
      "both sides' durations in shared bins (bin i is [edgesMs[i], edgesMs[i+1])), over the cases both sides answered",
    ),
});

export const targetSchema = z.looseObject({
  name: z.string().describe('target name'),
  url: z.string().describe('target base URL (redacted)'),
  recording: z.string().exactOptional().describe('the recording the baseline answered from'),
  runtime: z
    .looseObject({
      name: z.enum(RUNTIMES).describe('the runtime'),
      from: z.string().describe('`config`, or the evidence in its answers'),
    })
    .exactOptional()
    .describe("the target's runtime, when known"),
});

/** Written out so the inferred type has every kind; `satisfies` fails the build when one is added. */
const byKindShape = {
  status: countSchema.describe('status divergences'),
  shape: countSchema.describe('shape divergences'),
  value: countSchema.describe('value divergences'),
  header: countSchema.describe('header divergences'),
  transport: countSchema.describe('transport divergences'),
} satisfies Record<DivergenceKind, z.ZodNumber>;

/** The summary as schemaVersion 1 and 2 wrote it (no `accepted`). */
export const summaryShape = {
  cases: countSchema.describe('cases run'),
  equal: countSchema.describe('equal cases'),
  divergent: countSchema.describe('cases both sides answered that differ, a root cause still open'),
  errors: countSchema.describe('cases with no comparison possible: a side failed in transport'),
  skipped: countSchema.exactOptional().describe('cases not sent (flow steps that could not run)'),
  statusParity: z.looseObject({
    equal: countSchema.describe('cases with equal status'),
    total: countSchema.describe('cases where both sides answered'),
  }),
  byKind: z.looseObject(byKindShape).describe('cases per divergence kind'),
  expectationFailures: countSchema.describe('cases whose expect.status failed'),
  encodingNotes: countSchema.exactOptional().describe('encoding notes over all results'),
  ownOrigin: countSchema
    .exactOptional()
    .describe("cases where a side's own address was compared as {{origin}}"),
  stamped: countSchema
    .exactOptional()
    .describe('cases with timestamps both sides stamped during the run'),
  echoed: countSchema
    .exactOptional()
    .describe('cases that echoed values each side generated earlier in their sequence'),
  sequenced: countSchema
    .exactOptional()
    .describe('cases holding numbers each side gives its own writes, one sequence per side'),
  derived: countSchema
    .exactOptional()
    .describe('cases with revisions derived from per-instance values, compared by format'),
  generated: countSchema
    .exactOptional()
    .describe('cases with values each side generated for itself, compared by format'),
  unsettled: countSchema
    .exactOptional()
    .describe(
      'cases with differing values of one id-like format and no evidence they are per-instance',
    ),
  raced: countSchema
    .exactOptional()
    .describe(
      "reads of a flow or serial sequence that raced their side's own change of state: their second answers agreed and were judged",
    ),
  flakyBaselines: countSchema.exactOptional().describe('cases whose two baseline answers differed'),
  latency: latencySchema.exactOptional().describe('p50/p95 per endpoint'),
};

export const summarySchema = z.looseObject({
  ...summaryShape,
  accepted: countSchema.describe('divergent cases whose every root cause is accepted or wontfix'),
  rootCauses: decisionCountsSchema.exactOptional().describe('root causes per decision'),
});

const ids = z.array(z.string());
/** Shard i of n (1-based). */
export const shardSchema = z
  .looseObject({ index: countSchema, total: countSchema })
  .describe('shard i of n (1-based)');

/** One shard report combined by `parity merge`. */
export const mergedFromSchema = z.looseObject({
  runId: z.string().describe("the shard report's run id"),
  shard: shardSchema.exactOptional(),
});

const trackerOutcome = {
  path: z.string().describe('the tracker file'),
  added: ids,
  reopened: ids,
  opened: ids
    .default([])
    .describe(
      'rows awaiting evidence (`_awaiting_`) this run showed where its evidence says the difference is real: now `_open_`',
    ),
  resolved: ids,
  seen: ids,
  covered: ids.default([]).describe('rows a comparison rule hides (`_covered_`)'),
};

/** A root cause of the compared-to report this run proved fixed. */
export const fixedDivergenceSchema = z.looseObject({
  fingerprint: z.string().describe('root cause fingerprint'),
  kinds: kindsSchema,
  endpoints: ids,
  caseIds: ids.describe('the cases that showed it in the compared-to report'),
  summary: z.string(),
});

/** A root cause of the compared-to report this run did not see and did not prove fixed. */
export const notSeenDivergenceSchema = fixedDivergenceSchema.extend({
  reason: z
    .enum(['diverges-otherwise', 'not-compared', 'drawn-order', 'order-noise'])
    .describe(
      "the case answers otherwise, or did not compare, or it showed only in a list sorted by keys each side drew, which this run drew anew (equal by chance is no fix), or this run's replica put that list in another order than the baseline's (its order is noise: covered, not fixed)",
    ),
});

/** `regression`: divergent cases new / persisting / not compared, and root causes fixed, against --compare-to. */
export const regressionSchema = z.looseObject({
  comparedTo: z.looseObject({
    runId: z.string(),
    startedAt: z.string(),
    interrupted: z
      .looseObject({ signal: z.string(), notRun: countSchema })
      .exactOptional()
      .describe('a signal stopped the compared-to run: how many of its cases it did not run'),
  }),
  new: ids,
  persisting: ids,
  notCompared: ids
    .exactOptional()
    .describe('divergent cases the compared-to report has no comparison of'),
  fixed: z.array(fixedDivergenceSchema),
  notSeen: z
    .array(notSeenDivergenceSchema)
    .exactOptional()
    .describe(
      'root causes shown before that this run did not see and did not prove fixed (the case answers otherwise, or did not compare)',
    ),
  causes: z
    .looseObject({
      new: ids.describe('root causes this run showed that no case of the compared report did'),
      persisting: ids.describe(
        'root causes this run showed that a case of the compared report did',
      ),
      before: countSchema.describe('distinct root causes the compared report showed'),
    })
    .exactOptional()
    .describe('root causes across the two runs, by fingerprint'),
});

/** One learned noise path of one endpoint. */
export const noiseEntrySchema = z.looseObject({
  endpoint: z.string(),
  kind: z
    .enum(['value', 'order', 'header'])
    .describe('a leaf varies, an array is shuffled, a header value varies'),
  path: z.string().describe('pointer pattern, or header name for `header`'),
  by: z.string().exactOptional().describe('`order`: the key elements are sorted by'),
  noisyCases: countSchema.describe('cases whose two baseline responses differed here'),
  divergentCases: countSchema.describe('cases whose candidate differed here (before masking)'),
  cases: countSchema.describe('cases compared with a second baseline response'),
  decision: z
    .enum(['noise', 'divergence'])
    .describe(
      "masked for every case of the endpoint, or candidate differences clearly exceed the noise (Diffy's rule)",
    ),
  // A value one response lacks is written without its key (`unknown` holds undefined).
  samples: z
    .array(z.looseObject({ baseline: z.unknown().optional(), replica: z.unknown().optional() }))
    .describe('up to three pairs of differing baseline values, redacted'),
});

/** `noise`: the noise learned with --noise, per endpoint, and the flaky baselines. */
export const noiseSectionSchema = z.looseObject({
  source: z
    .string()
    .describe('where the second baseline response came from: `replica NAME` or `baseline NAME`'),
  thresholds: z
    .looseObject({ relative: z.number(), absolute: z.number() })
    .describe("Diffy's thresholds: how far candidate differences must exceed baseline noise"),
  entries: z.array(noiseEntrySchema).describe('sorted by endpoint, then path'),
  flakyBaselines: ids.describe('case ids whose baseline answered differently in structure'),
});

/** `coverage`: the endpoints a run exercised and, with an OpenAPI document, its operations. */
export const coverageSchema = z.looseObject({
  endpoints: z
    .array(z.looseObject({ endpoint: z.string(), cases: countSchema }))
    .describe('every endpoint a case of the run exercised, sorted'),
  openapi: z
    .looseObject({
      document: z.string().describe('the document as given'),
      operations: z
        .array(z.looseObject({ operation: z.string(), cases: countSchema }))
        .describe('every operation of the document, in document order, with its cases (0: none)'),
      unmatched: ids.describe('endpoints of cases that match no operation of the document, sorted'),
    })
    .exactOptional(),
});

/** The sections a run adds beside its results, as schemaVersion 1 and 2 wrote them. */
export const sectionsShape = {
  tracker: z
    .looseObject(trackerOutcome)
    .exactOptional()
    .describe('what the run changed in the tracker'),
  regression: regressionSchema
    .exactOptional()
    .describe(
      'divergent cases new / persisting / not compared, and root causes fixed, against --compare-to',
    ),
  shard: shardSchema.exactOptional(),
  mergedFrom: z
    .array(mergedFromSchema)
    .exactOptional()
    .describe('the shard reports a merged report combines'),
  noise: noiseSectionSchema.exactOptional().describe('noise learned with --noise'),
  patterns: z
    .array(
      z.looseObject({
        name: z.string(),
        title: z.string(),
        key: z.string(),
        caseIds: ids,
        endpoints: ids,
      }),
    )
    .exactOptional()
    .describe('recognised patterns, one entry per root cause'),
  unusedRules: ids.exactOptional().describe('equivalence rules that never fired'),
  coverage: coverageSchema
    .exactOptional()
    .describe('endpoints exercised; OpenAPI operations with their cases (schemaVersion 3)'),
};

/** What a run changed in the tracker (schemaVersion 3): row ids per change. */
export const trackerOutcomeSchema = z.looseObject({
  ...trackerOutcome,
  superseded: ids.describe('case-level rows (before root causes) this run marked _superseded_'),
  missingCases: z
    .array(
      z.looseObject({
        rowId: z.string(),
        caseIds: ids.describe('the listed case ids the library no longer holds'),
        noneLeft: z.boolean().describe('no case the row lists is left'),
      }),
    )
    .exactOptional()
    .describe('open rows listing cases the library no longer holds (a whole-library run only)'),
  notSeen: z
    .array(
      z.looseObject({
        rowId: z.string(),
        reason: z
          .enum([
            'diverges-otherwise',
            'not-compared',
            'not-selected',
            'no-previous-report',
            'drawn-order',
          ])
          .describe(
            'a listed case shows a root cause that appeared since the row was last seen; one ran but did not compare; not every listed case ran; a stateful case compared equal with no previous report to show it answered in the state that showed the row; a list sorted by keys each side drew anew in this run compared equal, as two draws do by chance (no fix)',
          ),
        caseIds: ids.describe('the listed cases the reason is about'),
      }),
    )
    .exactOptional()
    .describe(
      'open (or awaiting) rows whose cases ran without showing them or proving them fixed ("not seen in this run": left unresolved)',
    ),
});

/**
 * A run stopped by a signal: it sent no new case after the signal, waited for
 * the cases in flight (up to the request timeout), and wrote what it had.
 * Every selected case is either in `results` or in `notRun`.
 */
export const interruptionSchema = z.looseObject({
  signal: z.enum(INTERRUPT_SIGNALS),
  ran: countSchema.describe('cases with a result'),
  notRun: ids.describe('selected cases never sent, in run order'),
});

/**
 * A run `--bail` stopped: once `after` cases diverged it sent no new case,
 * waited for the cases in flight, and wrote what it had. Every selected case
 * is either in `results` or in `notRun`.
 */
export const bailedSchema = z.looseObject({
  after: countSchema.describe('the divergent cases that stopped the sending (--bail N)'),
  ran: countSchema.describe('cases with a result'),
  notRun: ids.describe('selected cases never sent, in run order'),
});

/** The sections of schemaVersion 3: `rootCauses` instead of `patterns`, `superseded` rows. */
const { patterns: _patterns, ...sectionsKept } = sectionsShape;
const sectionsShapeV3 = {
  ...sectionsKept,
  tracker: trackerOutcomeSchema.exactOptional().describe('what the run changed in the tracker'),
  rootCauses: z
    .array(rootCauseEntrySchema)
    .exactOptional()
    .describe('the decisions: one entry per root cause'),
  wholeLibrary: z
    .literal(true)
    .exactOptional()
    .describe('the run selected every case of its library (a shard: a part of it)'),
  interrupted: interruptionSchema.exactOptional().describe('a signal stopped the run'),
  secondLook: z
    .looseObject({
      max: countSchema.describe('the most cases the run could send again (`secondLook`)'),
      sent: countSchema.describe('safe requests sent once more to each side'),
      over: countSchema.describe(
        'cases worth a second look once `max` was reached: not sent again',
      ),
      tooLarge: countSchema
        .exactOptional()
        .describe(
          'cases worth a second look whose answer (either side) was larger than `maxBytes`: not sent again (each result says so in `secondLookSkipped`)',
        ),
      maxBytes: countSchema
        .exactOptional()
        .describe(
          'the largest answer a case is sent again for (`secondLookBytes`), with `tooLarge`',
        ),
    })
    .exactOptional()
    .describe(
      'the second look: safe requests whose answers differed in a value of one format, sent once more to each side to see which values change between requests (absent when nothing was sent again)',
    ),
  bailed: bailedSchema.exactOptional().describe('--bail stopped the sending'),
};

/** What identifies a run, in every schema version. */
export const runShape = {
  runId: z.string().describe('run id'),
  startedAt: z.string().describe('ISO-8601 start'),
  finishedAt: z.string().describe('ISO-8601 end'),
  baseline: targetSchema,
  candidate: targetSchema,
};

/** report.json, schemaVersion 3. */
export const reportSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('report format version'),
  ...runShape,
  summary: summarySchema,
  results: z
    .array(assessedObservationSchema)
    .describe('per-case results as assessed, in run order'),
  ...sectionsShapeV3,
});

type Report = Omit<Known<z.output<typeof reportSchema>>, 'results'> & {
  /** Each result as assessed, with the fields its verdict never has as `?: never`. */
  readonly results: readonly AssessedObservation[];
};

/**
 * report.json, schemaVersion 3: the one canonical, versioned artefact of a
 * run; Markdown, HTML, JUnit and the console are renderings of it.
 * `results`: in report.json every result, in run order (files in path
 * order, cases in file order); in memory after a run (`RunOutcome.report`)
 * only the results a reader must see (`isNotable`), report.json holds the rest.
 */
export type RunReport = Report;
/** Counts over every result of a run. */
export type RunSummary = Report['summary'];
/** Root causes per decision; an untracked cause counts as open. */
export type DecisionCounts = NonNullable<RunSummary['rootCauses']>;
/** p50/p95 per endpoint for both sides, and the shared histogram. */
export type LatencySummary = NonNullable<RunSummary['latency']>;
/** Durations of one side. */
export type LatencyStats = LatencySummary['all']['baseline'];
/** One endpoint's durations on both sides. */
export type EndpointLatency = LatencySummary['endpoints'][number];
/** Both sides' durations in shared bins. */
export type LatencyHistogram = NonNullable<LatencySummary['histogram']>;
/** A side of the run: its name, its URL (redacted), its recording and runtime when known. */
export type TargetRef = Report['baseline'];
/** A side's runtime and why parity believes it (`config`, or the evidence in its answers). */
export type KnownRuntime = NonNullable<TargetRef['runtime']>;
/** What a run changed in the tracker: row ids per change. */
export type TrackerOutcome = NonNullable<Report['tracker']>;
/** A run stopped by a signal (see `interruptionSchema`). */
export type Interruption = NonNullable<Report['interrupted']>;
/** A run `--bail` stopped (see `bailedSchema`). */
export type Bailed = NonNullable<Report['bailed']>;
/** One shard report combined by `parity merge`. */
export type MergedFrom = NonNullable<Report['mergedFrom']>[number];
/** Shard i of n (1-based). */
export type ShardInfo = Known<z.output<typeof shardSchema>>;
/** The second look's counts. */
export type SecondLookSection = NonNullable<Report['secondLook']>;
/** `regression` in report.json: against the `--compare-to` report. */
export type RegressionSummary = Known<z.output<typeof regressionSchema>>;
/** A root cause of the compared-to report this run proved fixed. */
export type FixedDivergence = Known<z.output<typeof fixedDivergenceSchema>>;
/** A root cause of the compared-to report this run did not see and did not prove fixed. */
export type NotSeenDivergence = Known<z.output<typeof notSeenDivergenceSchema>>;
/** A compared-to run a signal stopped. */
export type ComparedToInterruption = NonNullable<RegressionSummary['comparedTo']['interrupted']>;
/** Root causes across the two runs, by fingerprint. */
export type RegressionCauses = NonNullable<RegressionSummary['causes']>;
/** The `noise` section of report.json. */
export type NoiseSection = Known<z.output<typeof noiseSectionSchema>>;
/** One learned noise path of one endpoint, as report.json lists it. */
export type NoiseEntry = NoiseSection['entries'][number];
/** `value`: a leaf varies; `order`: an array is shuffled; `header`: a header value varies. */
export type NoiseKind = NoiseEntry['kind'];
/** Diffy's thresholds: how far candidate differences must exceed baseline noise to count. */
export type NoiseThresholds = NoiseSection['thresholds'];
/** `coverage` in report.json. */
export type CoverageSection = Known<z.output<typeof coverageSchema>>;
/** One endpoint's count of cases. */
export type EndpointCoverage = CoverageSection['endpoints'][number];
/** One operation of the OpenAPI document with its count of cases. */
export type OperationCoverage = NonNullable<CoverageSection['openapi']>['operations'][number];
