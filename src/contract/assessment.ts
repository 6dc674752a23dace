/**
 * assessment.json (`schemaVersion` 1), as a zod schema: a run's assessment on
 * disk, beside the observations it lays over (results.ndjson), the only
 * declaration of it (`judge/results/assessment-file.ts` writes and reads it; the
 * in-memory `Assessment` is its maps). Every key below is a case id, a change
 * key, a cause key or a root-cause fingerprint.
 */
import * as z from 'zod';
import type { Known } from './known.js';
import { type CaseResult, caseResultSchema } from './observation.js';
import { rootCauseSchema, structureCauseSchema, trackerRefSchema } from './root-cause.js';
import { DIVERGENCE_REGRESSIONS } from './vocabulary.js';

const byKey = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const assessmentFileSchema = z.looseObject({
  schemaVersion: z.literal(1),
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
  masked: byKey(caseResultSchema).describe(
    "by case id: the observation judged again under the run's learned endpoint noise",
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

/** The assessment as assessment.json holds it (each masked result typed as `CaseResult`). */
export type AssessmentJson = Omit<Known<z.output<typeof assessmentFileSchema>>, 'masked'> & {
  readonly masked: Readonly<Record<string, CaseResult>>;
};
