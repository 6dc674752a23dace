/**
 * assessment.json (`schemaVersion` 2), as a zod schema: a run's assessment on
 * disk, beside the observations it lays over (results.ndjson), the only
 * declaration of it (`judge/results/assessment-file.ts` writes and reads it; the
 * in-memory `Assessment` is its maps). Every key below is a case id, a change
 * key, a cause key or a root-cause fingerprint. Version 1 held, in `masked`,
 * whole results judged again at the end of the run (a second observation);
 * version 2 holds, in `masks`, only what the end of the run masked and why
 * (a `MaskStep`): a reader judges the observation again under them. Version 1
 * files are still read (`assessmentFileV1Schema`).
 */
import * as z from 'zod';
import type { Exclusive, Known } from './known.js';
import {
  comparedShape,
  divergenceShape,
  equalObservationSchema,
  errorObservationSchema,
  type Observation,
  observationBaseShape,
  observationSchema,
  skippedObservationSchema,
} from './observation.js';
import {
  assessedFindingSchema,
  rootCauseSchema,
  structureCauseSchema,
  trackerRefSchema,
} from './root-cause.js';
import { DIVERGENCE_REGRESSIONS } from './vocabulary.js';

const byKey = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const regression = z
  .enum(DIVERGENCE_REGRESSIONS)
  .exactOptional()
  .describe('relative to the --compare-to report');

/** A divergent or accepted result as assessed: its findings with their rows, its regression mark. */
const assessedDivergence = <V extends 'divergent' | 'accepted'>(verdict: V, what: string) =>
  z.looseObject({
    ...observationBaseShape,
    ...divergenceShape,
    ...comparedShape,
    findings: z.array(assessedFindingSchema).min(1).describe('the root causes of the divergence'),
    regression,
    verdict: z.literal(verdict).describe(what),
  });

/**
 * The outcome of one case as report.json lists it: its observation with the
 * run's assessment laid over it (`judge/results/assessment.ts` `assessed`):
 * the regression mark, each finding's tracker row and the cause it follows
 * from, and the verdict after the decisions (`accepted`). Every observation
 * reads as one (nothing assessed of it yet). A union by verdict.
 */
export const assessedObservationSchema = z.discriminatedUnion('verdict', [
  equalObservationSchema.extend({
    regression: z.literal('fixed').exactOptional().describe('showed a now-fixed divergence'),
  }),
  assessedDivergence('divergent', 'a root cause is still open'),
  assessedDivergence('accepted', "every root cause accepted or won't fix"),
  errorObservationSchema,
  skippedObservationSchema,
]);

type Assessed = Exclusive<Known<z.output<typeof assessedObservationSchema>>>;

/** The outcome of one case as report.json lists it: its observation, as assessed. */
export type AssessedObservation = Assessed;
/** Both sides answered and differ, but every root cause's row is `_accepted_` or `_wontfix_`. */
export type AcceptedObservation = Extract<Assessed, { readonly verdict: 'accepted' }>;
/** A result that shows a divergence, decided or not, as assessed. */
export type AssessedDivergence = Extract<Assessed, { readonly verdict: 'divergent' | 'accepted' }>;

/** Why the end of a run masked places of an observation, each with its evidence. */
export const MASK_REASONS = ['noise', 'echoed', 'sequenced', 'derived'] as const;

const places = z.array(z.string());

/**
 * One masking the end of a run laid over an observation: the places it judged
 * per-instance or noise, and why. The observation is never changed: a reader
 * judges it again without those places (`judge/results/judged-again.ts`).
 */
export const maskStepSchema = z
  .discriminatedUnion('by', [
    z.looseObject({
      by: z
        .literal('noise')
        .describe("learned endpoint noise: the evidence is the report's noise section"),
      values: places.describe('pointer patterns whose changes are noise (`*`: any one segment)'),
      orders: places.describe('array pointer patterns whose element moves are noise'),
      headers: places.describe('header names whose value changes are noise'),
    }),
    z.looseObject({
      by: z
        .enum(['echoed', 'sequenced', 'derived'])
        .describe(
          'per-instance values another answer proved: echoed later in the sequence, numbered by each side for its own writes, or ETags derived from such values',
        ),
      places: places.describe(
        "the places (pointers, and `header NAME`), listed under the result's field of that name",
      ),
    }),
    z.looseObject({
      by: z
        .literal('generated')
        .describe(
          'per-instance values found again: the same two values the run found per-instance at another place',
        ),
      places: places.describe(
        "the places (pointers), no longer listed under the result's `unsettled`",
      ),
      evidence: z
        .array(z.string())
        .describe("each place with its evidence, listed under the result's `generated`"),
    }),
  ])
  .describe('a masking laid over the observation, with its reason');

export const assessmentFileSchema = z.looseObject({
  schemaVersion: z.literal(2),
  clusters: byKey(structureCauseSchema)
    .exactOptional()
    .describe(
      'by change key: the run clusters of structural changes (absent in files written before them)',
    ),
  recurring: byKey(rootCauseSchema)
    .exactOptional()
    .describe('by cause key: status and pattern causes that recur, as what'),
  statusBodies: z
    .array(z.string())
    .exactOptional()
    .describe("own keys of body causes that are part of their answer's status finding"),
  masks: byKey(z.array(maskStepSchema)).describe(
    'by case id: what the end of the run masked in the observation and why, in the order laid over',
  ),
  regression: byKey(z.enum([...DIVERGENCE_REGRESSIONS, 'fixed']).nullable()).describe(
    'by case id: the regression mark set afresh, null for none',
  ),
  consequences: byKey(byKey(z.string())).describe(
    'by case id, then finding fingerprint: the root cause the finding follows from',
  ),
  rows: byKey(trackerRefSchema)
    .nullable()
    .describe(
      'by root-cause fingerprint: its tracker row; null when no tracker update was planned',
    ),
});

/** Version 1 of assessment.json: `masked` held the results judged again, whole. */
export const assessmentFileV1Schema = assessmentFileSchema.omit({ masks: true }).extend({
  schemaVersion: z.literal(1),
  masked: byKey(observationSchema).describe(
    "by case id: the observation judged again under the run's learned endpoint noise",
  ),
});

/** One masking laid over an observation, with its reason. */
export type MaskStep = Known<z.output<typeof maskStepSchema>>;
/** The assessment as assessment.json holds it. */
export type AssessmentJson = Known<z.output<typeof assessmentFileSchema>>;
/** Version 1 of assessment.json (each masked result typed as `Observation`). */
export type AssessmentJsonV1 = Omit<Known<z.output<typeof assessmentFileV1Schema>>, 'masked'> & {
  readonly masked: Readonly<Record<string, Observation>>;
};
