/**
 * The reader schemas of the root causes in report.json (schemaVersion 3): the
 * findings of a result, the `rootCauses` list and the decision counts. Every
 * cause family of the model has a variant here (`contract-schema.ts` checks).
 */
import * as z from 'zod';
import { CHANGE_OPS } from '../../contract/model/comparison.js';
import { FINDING_KINDS } from '../../core/compare/finding-kinds.js';
import { PATTERN_NAMES } from '../../core/compare/patterns/registry.js';
import { HEADER_DIFFERENCES } from '../../core/compare/root-cause.js';
import { TRACKER_STATUSES } from '../../io/tracker/types.js';

const count = z.number().int().nonnegative();
const ids = z.array(z.string());

const trackerRefSchema = z
  .looseObject({
    id: z.string().describe('tracker row id'),
    status: z.enum(TRACKER_STATUSES).describe('row status'),
  })
  .describe('the tracker row of this root cause');

const skeletonChangeSchema = z.looseObject({
  op: z.enum(CHANGE_OPS).describe('kind of change'),
  path: z.string().describe('wildcarded pointer'),
  baseline: z.string().describe('JSON type on the baseline side, - when absent'),
  candidate: z.string().describe('JSON type on the candidate side, - when absent'),
});

/** Every root-cause family; `satisfies` below fails the build when one is added to the model. */
export const causeSchema = z
  .discriminatedUnion('type', [
    z.looseObject({
      type: z.literal('pattern'),
      pattern: z.enum(PATTERN_NAMES).describe('the recognised pattern'),
      field: z.string().describe("the key it occurs at ('' for the body or an element)"),
      params: z.array(z.string()).describe("the pattern's defining parameters"),
      detail: z.string().describe('the cause in words'),
    }),
    z.looseObject({
      type: z.literal('status'),
      endpoint: z.string().describe('METHOD /path template'),
      baseline: z.number().describe('baseline status'),
      candidate: z.number().describe('candidate status'),
      reason: z
        .string()
        .exactOptional()
        .describe("the refusing side's message, values elided, when one side accepted"),
    }),
    z.looseObject({
      type: z.literal('header'),
      name: z.string().describe('header name, lower case'),
      difference: z.enum(HEADER_DIFFERENCES).describe('missing on a side, or values differ'),
      classes: z
        .tuple([z.string(), z.string()])
        .exactOptional()
        .describe('value classes on each side'),
    }),
    z.looseObject({
      type: z.literal('body-kind'),
      statusClass: z.string().describe('2xx, 4xx, …'),
      baseline: z.string().describe('baseline body kind'),
      candidate: z.string().describe('candidate body kind'),
    }),
    z.looseObject({
      type: z.literal('structure'),
      endpoint: z.string().describe("the resource, '*' for several, or a whole body's endpoint"),
      change: skeletonChangeSchema.describe('the change without its values'),
      together: z
        .array(skeletonChangeSchema)
        .exactOptional()
        .describe('changes of members of the same object in exactly the same answers'),
      difference: z
        .string()
        .exactOptional()
        .describe("a whole text body's difference, values elided (reorder|text/calendar)"),
    }),
  ])
  .describe('a root cause');

const findingKinds = z.enum(FINDING_KINDS);

/** One finding of a divergent or accepted result. */
export const findingSchema = z
  .looseObject({
    fingerprint: z.string().describe('the root cause fingerprint, as in its tracker row'),
    kind: findingKinds.describe('divergence kind of the finding'),
    cause: causeSchema,
    summary: z.string().describe('the cause in one line'),
    paths: z.array(z.string()).describe('body changes this finding accounts for'),
    tracker: trackerRefSchema.exactOptional(),
    consequenceOf: z
      .string()
      .exactOptional()
      .describe('the earlier root cause (same flow or serial sequence) this finding follows from'),
  })
  .describe('one root cause of a divergent case');

/** `summary.rootCauses`: root causes per decision. */
export const decisionCountsSchema = z.looseObject({
  open: count.describe('open root causes (or undecided, without a tracker)'),
  accepted: count.describe('accepted root causes'),
  wontfix: count.describe("won't fix root causes"),
  resolved: count.describe('root causes this run resolved'),
  covered: count
    .default(0)
    .describe('root causes a comparison rule hides (the servers still differ)'),
  awaitingEvidence: count
    .exactOptional()
    .describe(
      'open root causes that showed only at id-like values with no evidence either way (unsettled): not counted as open until a replica settles them',
    ),
});

/** One entry of `rootCauses`: a root cause with its cases, endpoints and row. */
export const rootCauseSchema = z.looseObject({
  fingerprint: z.string().describe('root cause fingerprint'),
  kind: z.string().describe('divergence kind'),
  cause: causeSchema.exactOptional(),
  summary: z.string().describe('the cause in one line'),
  caseIds: ids.describe('every case of the run that showed it'),
  endpoints: ids.describe('every endpoint where it showed'),
  consequences: ids
    .exactOptional()
    .describe('the cases among caseIds that show it as a consequence of an earlier step'),
  places: ids
    .exactOptional()
    .describe(
      'a structural cause: where its changes were (pointer patterns, indices and ids as *), first 4',
    ),
  unsettled: z
    .literal(true)
    .exactOptional()
    .describe(
      'it showed only at id-like values with no evidence that they are per-instance: awaiting evidence (a second instance of the baseline), not an open decision yet',
    ),
  row: z
    .looseObject({
      id: z.string().describe('tracker row id'),
      status: z.enum(TRACKER_STATUSES).describe('row status'),
      decision: z.string().describe('the Decision cell'),
    })
    .exactOptional()
    .describe('its tracker row'),
});
