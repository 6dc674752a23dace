/**
 * report.json (schemaVersion 3) as a zod schema: the source of the report
 * contract. `contract.ts` infers its types from it, so what a run writes and
 * what `parity report --from`, `merge`, `tracker --check` and `--compare-to`
 * read are one description. Objects are loose: fields added within a schema
 * version by a newer parity pass through untouched, so re-rendering never
 * drops data.
 */
import * as z from 'zod';
import {
  CHANGE_OPS,
  DIVERGENCE_KINDS,
  type DivergenceKind,
  ENCODING_NOTE_CODES,
} from '../../contract/model/comparison.js';
import type { ResponseBody } from '../../contract/model/exchange.js';
import { RUNTIMES } from '../../contract/model/runtime.js';
import type { RootCause } from '../../core/compare/root-cause.js';
import { TRACKER_STATUSES } from '../../io/tracker/types.js';
import {
  type causeSchema,
  decisionCountsSchema,
  findingSchema,
  rootCauseSchema,
} from './contract-causes.js';
import { REPORT_SCHEMA_VERSION } from './schema-version.js';
import { INTERRUPT_SIGNALS } from './signals.js';

export const countSchema = z.number().int().nonnegative();

const stats = z.looseObject({
  count: z.number().describe('responses timed'),
  p50Ms: z.number().nullable().describe('median duration in ms, null when nothing was timed'),
  p95Ms: z.number().nullable().describe('95th percentile in ms, null when nothing was timed'),
});

const latency = z.looseObject({
  all: z.looseObject({ baseline: stats, candidate: stats }).describe('every endpoint together'),
  endpoints: z
    .array(
      z.looseObject({
        endpoint: z.string().describe('METHOD /path'),
        baseline: stats,
        candidate: stats,
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

/**
 * A `T | undefined` field that JSON drops when undefined: the key may be missing
 * on input, and the type keeps it required-but-undefined like the model's.
 */
function absentable<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((value) => value);
}

/** Every body kind, checked against the model so a new kind breaks the build here. */
const BODY_KINDS = {
  empty: 'empty',
  json: 'json',
  'invalid-json': 'invalid-json',
  xml: 'xml',
  'invalid-xml': 'invalid-xml',
  text: 'text',
  binary: 'binary',
  truncated: 'truncated',
  'too-complex': 'too-complex',
} as const satisfies { [K in ResponseBody['kind']]: K };

export const sideSchema = z.looseObject({
  status: absentable(z.number()).describe('HTTP status; absent on a transport error'),
  durationMs: z.number().describe('time to the full response in ms'),
  error: z
    .looseObject({
      code: z.string().describe('transport error code'),
      message: z.string().describe('transport error message'),
    })
    .exactOptional()
    .describe('the transport error, when the side did not answer'),
  bodyKind: z.enum(BODY_KINDS).exactOptional().describe('how the body decoded'),
  bytes: z.number().exactOptional().describe('bytes on the wire'),
});

export const changeSchema = z.looseObject({
  path: z.string().describe('RFC 6901 pointer'),
  op: z.enum(CHANGE_OPS).describe('kind of change'),
  baseline: z.unknown().optional().describe('the baseline value'),
  candidate: z.unknown().optional().describe('the candidate value'),
});

export const headerChangeSchema = z.looseObject({
  name: z.string().describe('header name, lower case'),
  baseline: absentable(z.string()).describe('baseline value, absent if missing'),
  candidate: absentable(z.string()).describe('candidate value, absent if missing'),
});

export const kindsSchema = z.array(z.enum(DIVERGENCE_KINDS));

export const notesSchema = z
  .array(
    z.looseObject({
      kind: z.literal('encoding').describe('a wire-only difference'),
      code: z.enum(ENCODING_NOTE_CODES).describe('which wire-only difference'),
      message: z.string().describe('what differs, with a short excerpt of each side'),
    }),
  )
  .describe('encoding notes (never a divergence)');

export const reproSchema = z
  .looseObject({
    baseline: z
      .string()
      .describe(
        'curl for the baseline (a flow step after the first: a shell script replaying its flow up to the step; a recorded baseline: a comment naming the recording)',
      ),
    candidate: z
      .string()
      .describe('curl for the candidate (a flow step after the first: a shell script)'),
  })
  .describe('commands that reproduce the case on each side');

export const trackerRefSchema = z
  .looseObject({
    id: z.string().describe('tracker row id'),
    status: z.enum(TRACKER_STATUSES).describe('row status'),
  })
  .describe('the tracker row of this divergence');

const patternSchema = z
  .looseObject({
    title: z.string().describe('the recognised patterns, joined'),
    matches: z.array(
      z.looseObject({
        name: z.string().describe('pattern name'),
        title: z.string().describe('short title'),
        key: z.string().describe('root-cause key'),
      }),
    ),
    complete: z.boolean().describe('the patterns explain every change'),
  })
  .describe('the cross-runtime patterns recognised in the divergence');

/** What every result holds, whatever its verdict. */
export const resultBaseShape = {
  caseId: z.string().describe('suite/id'),
  suite: z.string().describe('the case suite'),
  endpoint: z.string().describe('METHOD /path with ids collapsed'),
  request: z.looseObject({
    method: z.string().describe('HTTP method, as sent'),
    path: z.string().describe('request path'),
  }),
  baseline: sideSchema,
  candidate: sideSchema,
  kinds: kindsSchema.describe('divergence kinds, most important first'),
  expectations: z.array(z.string()).exactOptional().describe('unmet expect.status lines'),
  notes: notesSchema.exactOptional(),
  equivalences: z.array(z.string()).exactOptional().describe('equivalence rules that fired'),
  noise: z.array(z.string()).exactOptional().describe('learned noise masked in this case'),
  covered: z
    .array(z.string())
    .exactOptional()
    .describe("root causes (fingerprints) this case's comparison rules hide"),
  origin: z
    .array(z.string())
    .exactOptional()
    .describe("where a side's own address was compared as {{origin}}"),
  stamped: z
    .array(z.string())
    .exactOptional()
    .describe('where both sides held a timestamp stamped during the run, compared by format'),
  echoed: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides echoed a value each generated earlier in the sequence, compared as {{ref}}',
    ),
  sequenced: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides held a number each gives its own writes (generated: a sequence each side numbers itself), compared as the same reference',
    ),
  derived: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides held a revision derived from per-instance values, compared by format',
    ),
  generated: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides held a value each generated for itself, compared by format as {{generated}}: each a pointer and its evidence in parentheses',
    ),
  secondLookSkipped: z
    .looseObject({
      answerBytes: countSchema.describe('the larger of its two answers, in bytes'),
      maxBytes: countSchema.describe('the bound it was over (`secondLookBytes`)'),
    })
    .exactOptional()
    .describe(
      'why this case, worth a second look, was not sent again (an answer over `secondLookBytes`): values that differ here had no chance to show they change between requests',
    ),
  unsettled: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides held differing values of one id-like format without evidence they are per-instance: still compared; a second instance of the baseline (--noise --baseline-replica) would settle them',
    ),
  flakyBaseline: z
    .looseObject({
      reason: z.string().describe('one sentence'),
      differences: z.array(z.string()).describe('skeleton lines on one side only'),
    })
    .exactOptional()
    .describe('the two baseline answers differed in structure'),
  flow: z
    .looseObject({
      id: z.string().describe('the flow, suite/flow'),
      step: z.string().describe('the step id'),
      index: countSchema.describe('0-based index of the step'),
      steps: countSchema.describe('steps in the flow'),
      masked: z
        .array(z.string())
        .exactOptional()
        .describe('where captured values were compared as their placeholders'),
    })
    .exactOptional()
    .describe('a step of a flow'),
  serial: z.string().exactOptional().describe('the serial sequence the case ran in'),
};

const bodyRef = z.looseObject({
  sha256: z.string().describe('sha256 of the whole body (hex)'),
  size: countSchema.describe('size of the whole body in bytes'),
});

export const divergenceShape = {
  fingerprint: z.string().describe('stable case-level id of the divergence'),
  explanation: z.string().describe('plain-language explanation'),
  summary: z.string().describe('one-line summary'),
  repro: reproSchema,
};

/** What a divergent result holds besides its findings, in every schema version. */
export const comparedShape = {
  changes: z.array(changeSchema).describe('body changes'),
  headerChanges: z.array(headerChangeSchema).describe('header changes'),
  pattern: patternSchema.exactOptional(),
  bodies: z
    .looseObject({
      baseline: z.unknown().describe('baseline body'),
      candidate: z.unknown().describe('candidate body'),
      cut: z
        .looseObject({ baseline: bodyRef.exactOptional(), candidate: bodyRef.exactOptional() })
        .exactOptional()
        .describe('bodies the report holds a preview of: the whole body by sha256 and size'),
    })
    .describe('both bodies, redacted'),
  changesOmitted: countSchema.exactOptional().describe('changes found beyond those listed'),
  regression: z
    .enum(['new', 'persisting', 'not-compared'])
    .exactOptional()
    .describe('relative to the --compare-to report'),
};

export const equalResultSchema = z.looseObject({
  ...resultBaseShape,
  verdict: z.literal('equal'),
  regression: z.literal('fixed').exactOptional().describe('showed a now-fixed divergence'),
});

export const errorResultSchema = z.looseObject({
  ...resultBaseShape,
  ...divergenceShape,
  verdict: z.literal('error'),
});

const findingsShape = {
  findings: z.array(findingSchema).min(1).describe('the root causes of the divergence'),
};

/** A divergent or accepted result: both sides answered and differ. */
const divergenceResult = <V extends 'divergent' | 'accepted'>(verdict: V, what: string) =>
  z.looseObject({
    ...resultBaseShape,
    ...divergenceShape,
    ...comparedShape,
    ...findingsShape,
    verdict: z.literal(verdict).describe(what),
  });

/** A flow step that was not sent. */
export const skippedResultSchema = z.looseObject({
  ...resultBaseShape,
  verdict: z.literal('skipped'),
  reason: z.string().describe('why the case was not sent'),
});

const result = z.discriminatedUnion('verdict', [
  equalResultSchema,
  divergenceResult('divergent', 'a root cause is still open'),
  divergenceResult('accepted', "every root cause accepted or won't fix"),
  errorResultSchema,
  skippedResultSchema,
]);

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
  flakyBaselines: countSchema.exactOptional().describe('cases whose two baseline answers differed'),
  latency: latency.exactOptional().describe('p50/p95 per endpoint'),
};

export const summarySchema = z.looseObject({
  ...summaryShape,
  accepted: countSchema.describe('divergent cases whose every root cause is accepted or wontfix'),
  rootCauses: decisionCountsSchema.exactOptional().describe('root causes per decision'),
});

const ids = z.array(z.string());
const shard = z
  .looseObject({ index: countSchema, total: countSchema })
  .describe('shard i of n (1-based)');

/** One shard report combined by `parity merge`. */
export const mergedFromSchema = z.looseObject({
  runId: z.string().describe("the shard report's run id"),
  shard: shard.exactOptional(),
});

const trackerOutcome = {
  path: z.string().describe('the tracker file'),
  added: ids,
  reopened: ids,
  resolved: ids,
  seen: ids,
  covered: ids.default([]).describe('rows a comparison rule hides (`_covered_`)'),
};

/** The sections a run adds beside its results, as schemaVersion 1 and 2 wrote them. */
export const sectionsShape = {
  tracker: z
    .looseObject(trackerOutcome)
    .exactOptional()
    .describe('what the run changed in the tracker'),
  regression: z
    .looseObject({
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
      fixed: z.array(
        z.looseObject({
          fingerprint: z.string(),
          kinds: kindsSchema,
          endpoints: ids,
          caseIds: ids,
          summary: z.string(),
        }),
      ),
      notSeen: z
        .array(
          z.looseObject({
            fingerprint: z.string(),
            kinds: kindsSchema,
            endpoints: ids,
            caseIds: ids,
            summary: z.string(),
            reason: z.enum(['diverges-otherwise', 'not-compared']),
          }),
        )
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
    })
    .exactOptional()
    .describe(
      'divergent cases new / persisting / not compared, and root causes fixed, against --compare-to',
    ),
  shard: shard.exactOptional(),
  mergedFrom: z
    .array(mergedFromSchema)
    .exactOptional()
    .describe('the shard reports a merged report combines'),
  noise: z
    .looseObject({
      source: z.string(),
      thresholds: z.looseObject({ relative: z.number(), absolute: z.number() }),
      entries: z.array(
        z.looseObject({
          endpoint: z.string(),
          kind: z.enum(['value', 'order', 'header']),
          path: z.string(),
          by: z.string().exactOptional(),
          noisyCases: countSchema,
          divergentCases: countSchema,
          cases: countSchema,
          decision: z.enum(['noise', 'divergence']),
          // A value one response lacks is written without its key (`unknown` holds undefined).
          samples: z.array(
            z.looseObject({ baseline: z.unknown().optional(), replica: z.unknown().optional() }),
          ),
        }),
      ),
      flakyBaselines: ids,
    })
    .exactOptional()
    .describe('noise learned with --noise'),
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
  coverage: z
    .looseObject({
      endpoints: z.array(z.looseObject({ endpoint: z.string(), cases: countSchema })),
      openapi: z
        .looseObject({
          document: z.string(),
          operations: z.array(z.looseObject({ operation: z.string(), cases: countSchema })),
          unmatched: ids,
        })
        .exactOptional(),
    })
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
          .enum(['diverges-otherwise', 'not-compared', 'not-selected', 'no-previous-report'])
          .describe(
            'a listed case shows a root cause that appeared since the row was last seen; one ran but did not compare; not every listed case ran; a stateful case compared equal with no previous report to show it answered in the state that showed the row',
          ),
        caseIds: ids.describe('the listed cases the reason is about'),
      }),
    )
    .exactOptional()
    .describe(
      'open rows whose cases ran without showing them or proving them fixed ("not seen in this run": left open)',
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
    .array(rootCauseSchema)
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
  results: z.array(result).describe('per-case results, in run order'),
  ...sectionsShapeV3,
});

// Every cause family of the model has a variant here, and no other.
type Causes = RootCause['type'] extends z.output<typeof causeSchema>['type']
  ? z.output<typeof causeSchema>['type'] extends RootCause['type']
    ? true
    : false
  : false;
export const CAUSES_MATCH_MODEL: Causes = true;
