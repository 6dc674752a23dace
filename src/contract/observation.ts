/**
 * The observation of one case (`Observation`), as zod schemas: the only
 * declaration of it and of the records it is made of (a side's summary, a
 * body change, a header change, an encoding note, the recognised patterns,
 * the repro commands, a flow step's place). An observation holds only what
 * was seen and judged of the exchange, and is never changed: what the end
 * of a run decides of it (regression marks, consequences, tracker rows, the
 * `accepted` verdict) is the assessment's (`assessment.ts`, which declares
 * the result as assessed, what report.json lists). What results.ndjson
 * holds: one description, the types inferred from it
 * (`Known`: readonly, without a loose object's index signature; `Exclusive`:
 * the fields a verdict never has as `?: never`). Objects are loose: fields
 * added within a schema version by a newer parity pass through a read
 * untouched, so re-rendering never drops data.
 */
import * as z from 'zod';
import type { Exclusive, Known } from './known.js';
import { findingSchema } from './root-cause.js';
import { BODY_KINDS, CHANGE_OPS, DIVERGENCE_KINDS, ENCODING_NOTE_CODES } from './vocabulary.js';

export const countSchema = z.number().int().nonnegative();

/**
 * A `T | undefined` field that JSON drops when undefined: the key may be missing
 * on input, and the type keeps it required-but-undefined like the model's.
 */
function absentable<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((value) => value);
}

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
  echoes: z
    .tuple([z.enum(['baseline', 'candidate']), z.string()])
    .readonly()
    .exactOptional()
    .describe(
      "the side whose value is a request header's value as sent, and that header's name (content negotiation): that side's value is keyed as the request's",
    ),
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

/** The cross-runtime patterns behind a divergence. */
export const divergencePatternSchema = z
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

/** One side of a flow step with `until`. */
const waitedSchema = z.looseObject({
  tries: countSchema.describe('how many times the step was sent to this side, the first included'),
  met: z
    .boolean()
    .describe(
      'whether its last answer met the condition (when not, the step lists it under expectations)',
    ),
});

/** What every result holds, whatever its verdict. */
export const observationBaseShape = {
  caseId: z.string().describe('suite/id'),
  suite: z.string().describe('the case suite'),
  endpoint: z.string().describe('METHOD /path with ids collapsed'),
  request: z.looseObject({
    method: z.string().describe('HTTP method, as sent'),
    path: z.string().describe('request path'),
    parameters: z
      .array(z.string())
      .exactOptional()
      .describe(
        "where a side refused (≥ 400) a divergent case: the names of the parameters the request sent (query, form, JSON body members) and its flow's earlier steps sent, without those a sent value holds as a word; the names a refusal's reason may name (tracker rule 33)",
      ),
    malformed: z
      .enum(['JSON', 'XML'])
      .exactOptional()
      .describe(
        'where the statuses differ: the media type the request body declares and does not parse as; the refusals of such requests on one endpoint are one row (tracker rule 40)',
      ),
    headers: z
      .array(z.string())
      .exactOptional()
      .describe(
        'for a request of a method that writes (not GET, HEAD, OPTIONS, …): the names of the headers the case sent, lower case and sorted, never their values; absent when it sent none. What separates the writes a side refused from those it accepted (tracker rule 51)',
      ),
    echoed: z
      .array(z.string())
      .exactOptional()
      .describe(
        "where one side refused (≥ 400) what the other accepted: the values the request sent (path segments, query, form and JSON values; no plain word, no secret) that the refusing side's reason says or the accepting side's answer holds; a reason is keyed without them, and a later list that holds one shows what the call wrote (tracker rule 38)",
      ),
  }),
  baseline: sideSchema,
  candidate: sideSchema,
  kinds: kindsSchema.describe('divergence kinds, most important first'),
  expectations: z.array(z.string()).exactOptional().describe('unmet expect.status lines'),
  notes: notesSchema.exactOptional(),
  equivalences: z.array(z.string()).exactOptional().describe('equivalence rules that fired'),
  noise: z.array(z.string()).exactOptional().describe('learned noise masked in this case'),
  orderNoise: z
    .array(z.string())
    .exactOptional()
    .describe(
      "lists (pointers) whose order this case's replica answer showed to be noise: a second instance put the same elements in another order",
    ),
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
  raced: z
    .array(z.string())
    .exactOptional()
    .describe(
      "a read of a flow or serial sequence whose first answers differed and whose second answers (one more request to each side, right away) agreed: it raced its side's own change of state and is judged on the second answers; which side's answer changed",
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
  reordered: z
    .array(z.string())
    .exactOptional()
    .describe(
      'where both sides held a list of the same elements in another order, sorted by keys each side drew that the answer does not show (each a pointer and its evidence): still compared, listed under `unsettled` too; a second instance of the baseline (--noise --baseline-replica) would settle it',
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
      waited: z
        .looseObject({
          baseline: waitedSchema,
          candidate: waitedSchema,
        })
        .exactOptional()
        .describe(
          "a step with `until`: each side's sends (its last answer is the one compared) and whether that answer met the condition",
        ),
    })
    .exactOptional()
    .describe('a step of a flow'),
  serial: z.string().exactOptional().describe('the serial sequence the case ran in'),
};

/** A body a report holds only a preview of: the whole body's sha256 and size in bytes. */
export const bodyRefSchema = z.looseObject({
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
  pattern: divergencePatternSchema.exactOptional(),
  bodies: z
    .looseObject({
      baseline: z.unknown().describe('baseline body'),
      candidate: z.unknown().describe('candidate body'),
      cut: z
        .looseObject({
          baseline: bodyRefSchema.exactOptional(),
          candidate: bodyRefSchema.exactOptional(),
        })
        .exactOptional()
        .describe('bodies the report holds a preview of: the whole body by sha256 and size'),
    })
    .describe('both bodies, redacted'),
  changesOmitted: countSchema.exactOptional().describe('changes found beyond those listed'),
};

export const equalObservationSchema = z.looseObject({
  ...observationBaseShape,
  verdict: z.literal('equal'),
});

export const errorObservationSchema = z.looseObject({
  ...observationBaseShape,
  ...divergenceShape,
  verdict: z.literal('error'),
});

export const findingsShape = {
  findings: z.array(findingSchema).min(1).describe('the root causes of the divergence'),
};

/** A divergent observation: both sides answered and differ. */
export const divergentObservationSchema = z.looseObject({
  ...observationBaseShape,
  ...divergenceShape,
  ...comparedShape,
  ...findingsShape,
  verdict: z.literal('divergent').describe('both sides answered and differ'),
});

/** A flow step that was not sent. */
export const skippedObservationSchema = z.looseObject({
  ...observationBaseShape,
  verdict: z.literal('skipped'),
  reason: z.string().describe('why the case was not sent'),
});

/** The observation of one case, as results.ndjson holds it: a union by verdict. */
export const observationSchema = z.discriminatedUnion('verdict', [
  equalObservationSchema,
  divergentObservationSchema,
  errorObservationSchema,
  skippedObservationSchema,
]);

/** One side of a case as a result keeps it: status, timing, transport error, body kind, bytes. */
export type SideSummary = Known<z.output<typeof sideSchema>>;
/** A side's transport failure (undici's stable code, and its message). */
export type TransportError = NonNullable<SideSummary['error']>;
/** One structural difference between the normalised bodies, at an RFC 6901 pointer. */
export type Change = Known<z.output<typeof changeSchema>>;
/** One header that differs (absent on a side: `undefined`). */
export type HeaderChange = Known<z.output<typeof headerChangeSchema>>;
/** A wire-only difference (the parsed bodies agree): never a divergence. */
export type EncodingNote = Known<z.output<typeof notesSchema>[number]>;
/** A note on a result that is not a divergence. */
export type CaseNote = EncodingNote;
/** The patterns behind a divergence. */
export type DivergencePattern = Known<z.output<typeof divergencePatternSchema>>;
/** One recognised pattern occurrence, as reports keep it. */
export type PatternRef = DivergencePattern['matches'][number];
/** Redacted commands that reproduce the case against each side. */
export type Repro = Known<z.output<typeof reproSchema>>;
/** A body a report holds only a preview of. */
export type BodyRef = Known<z.output<typeof bodyRefSchema>>;

type Result = Exclusive<Known<z.output<typeof observationSchema>>>;

/** The observation of one case, as results.ndjson holds it: a union by verdict. */
export type Observation = Result;
/** Status, allow-listed headers and normalised bodies agree. */
export type EqualObservation = Extract<Result, { readonly verdict: 'equal' }>;
/** Both sides answered and something differs after normalisation. */
export type DivergentObservation = Extract<Result, { readonly verdict: 'divergent' }>;
/** A side failed in transport: nothing could be compared. A run error, never a decision. */
export type ErrorObservation = Extract<Result, { readonly verdict: 'error' }>;
/** Not sent (a flow step that could not run): proves nothing either way. */
export type SkippedObservation = Extract<Result, { readonly verdict: 'skipped' }>;
/** What every result holds, whatever its verdict. */
export type ObservationBase = Known<z.output<z.ZodObject<typeof observationBaseShape>>>;
/** A result's place in its flow. */
export type FlowRef = NonNullable<ObservationBase['flow']>;
/** Two baseline responses to the same request that differ in status, body kind or shape. */
export type FlakyBaseline = NonNullable<ObservationBase['flakyBaseline']>;
/** Why a case worth a second look was not sent again: an answer of `answerBytes`, over `maxBytes`. */
export type SecondLookSkipped = NonNullable<ObservationBase['secondLookSkipped']>;
