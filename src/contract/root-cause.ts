/**
 * Root causes, as zod schemas: the only declaration of them. Three records,
 * each for a different thing, and no other record of a root cause anywhere:
 *
 * - `RootCause`: what differs, with nothing case-specific (endpoint
 *   templates, wildcarded paths, value classes). Its fingerprint is a
 *   function of it alone (`core/compare/root-cause.ts`), so one cause seen on many
 *   cases is one tracker row. It is the identity; the other two carry it.
 * - `Finding`: one occurrence of a root cause in one divergent case (the body
 *   changes it accounts for there), as a result keeps it. One record for the
 *   judge's output, an observation's `findings`, the fuzzer's root causes and
 *   the tracker's evidence. What the run's assessment adds to it (`tracker`,
 *   `consequenceOf`) is the assessed finding's (`AssessedFinding`), never the
 *   observation's.
 * - `RootCauseEntry`: a root cause over the whole run: every case and
 *   endpoint that showed it, with its tracker row (`row`) once decided. One
 *   record for the run's grouping (`judge/results/root-causes.ts`), report.json's
 *   `rootCauses`, `merge`, and the tracker's observations; `supersedes`
 *   only lives while the run updates the tracker (report.json never holds it).
 *
 * A finding and an entry stay two records because they hold different
 * things: a finding is one case's occurrence (its paths, the cause it follows
 * from in its flow), an entry groups occurrences (cases, endpoints, places).
 * Objects are loose: fields a newer parity adds within a schema version pass
 * through a read untouched.
 */
import * as z from 'zod';
import type { Known } from './known.js';
import {
  CHANGE_OPS,
  FINDING_KINDS,
  type FindingKind,
  HEADER_DIFFERENCES,
  PATTERN_NAMES,
  TRACKER_STATUSES,
} from './vocabulary.js';

const count = z.number().int().nonnegative();
const ids = z.array(z.string());

/** A body change without its values: what a residual structural cause is made of. */
export const skeletonChangeSchema = z.looseObject({
  op: z.enum(CHANGE_OPS).describe('kind of change'),
  path: z.string().describe('wildcarded pointer: array indices and id-like keys as *'),
  baseline: z
    .string()
    .describe('JSON type on the baseline side, - when absent (body kinds for a whole body)'),
  candidate: z.string().describe('JSON type on the candidate side, - when absent'),
  values: z
    .tuple([z.string(), z.string()])
    .exactOptional()
    .describe(
      "a value change's templates on each side when they differ (another wording, error type, precision): part of the cause",
    ),
  edit: z
    .string()
    .exactOptional()
    .describe(
      "on error answers, the one edit that rewords three pairs of messages or more at this place (`should` → `must`; words added before each), or one side's constant wording for two or more of the other's (candidate writes `Permission denied` wherever the baseline names the reason), in words; values then absent; part of the cause",
    ),
  shape: z
    .string()
    .exactOptional()
    .describe(
      'a member one side adds or lacks whose value is an object: its keys and their JSON types ({Mode:string}); not part of the key',
    ),
  to: z
    .string()
    .exactOptional()
    .describe(
      "a message one side's error envelope moved and reworded: where the candidate writes it (path is the baseline's place); part of the cause",
    ),
  errorClass: z
    .string()
    .exactOptional()
    .describe("with to: the answers' error class (4xx, 5xx); part of the cause"),
  kinds: z
    .string()
    .exactOptional()
    .describe(
      "with to: a value compared across two body kinds (xml:json), the candidate's at to; part of the cause",
    ),
});

/**
 * The two sides' media types of a `content-type` difference that travels
 * with a structured body's row (`structured-labels.ts`, tracker rule 59).
 */
const mediaTypesSchema = z
  .tuple([z.string(), z.string()])
  .exactOptional()
  .describe(
    "the two sides' media types of a `content-type` difference that travels with this body row, in exactly its answers (tracker rule 59), `''` for a side that sends none; not part of the fingerprint",
  );

/** A change no pattern explains, keyed by what changed (`core/compare/cause-clusters.ts`). */
export const structureCauseSchema = z.looseObject({
  type: z.literal('structure'),
  endpoint: z
    .string()
    .describe(
      "the resource (an endpoint's path without method and trailing :ids) of a change seen there only, '*' for one seen on several, or a whole body's endpoint template",
    ),
  change: skeletonChangeSchema.describe('the change without its values (the first member)'),
  together: z
    .array(skeletonChangeSchema)
    .exactOptional()
    .describe(
      'changes of members of the same object in exactly the same answers (not part of the fingerprint)',
    ),
  difference: z
    .string()
    .exactOptional()
    .describe(
      "a whole body's difference, values elided: a text's (reorder|text/calendar), or a change of JSON type's (type|string 404|object 404|hash)",
    ),
  alike: z
    .string()
    .exactOptional()
    .describe(
      "with difference: a whole text's difference with the values each answer holds of its own elided as well (a word of letters and digits as drawn ids are, never a name written in words, a value the case captured, a value the request sent), what one endpoint's answers that differ alike share (tracker rule 9); part of the fingerprint only with apart",
    ),
  apart: z
    .literal(true)
    .exactOptional()
    .describe(
      "a whole text's difference (alike) keyed by itself on its endpoint, where one difference shows in two of the endpoint's answers or more: a row of its own there, whatever the counts of later runs (tracker rule 9); part of the fingerprint",
    ),
  main: z
    .literal(true)
    .exactOptional()
    .describe(
      "with apart: the difference most of its endpoint's answers show in this run, worded as the endpoint's row (`body differs`; the others `body differs another way`); not part of the fingerprint",
    ),
  layout: z
    .string()
    .exactOptional()
    .describe(
      'with difference: two HTML documents whose heads differ in their skeleton (elements and attribute names, no text nor values): layout|<media type>|hash of the two; pages of one such pair in two answers or more are one row, its difference this (tracker rule 61); not part of the fingerprint',
    ),
  transform: z
    .string()
    .exactOptional()
    .describe(
      'the value transformation every pair of its values shows, at two places or more (absolute candidate|prefix candidate usr_|case lower upper|offset candidate: one counter offset), or the convention its members follow (defaults baseline: one side leaves members at their default value out; links candidate /orders/:id/items: members one side adds that link to one resource); not part of the fingerprint',
    ),
  statuses: z
    .tuple([z.number(), z.number()])
    .exactOptional()
    .describe(
      "the two statuses (baseline, candidate) of answers both sides refused, each with its own, in one envelope: the transition's status findings and the values worded otherwise at that envelope's members are this one cause (tracker rule 47); part of the fingerprint",
    ),
  errorObject: z
    .string()
    .exactOptional()
    .describe(
      "the error object (a top member of answers both sides refused: `/error`) whose members' changes (code, message, members added or removed) show in exactly the same answers, two or more, and nowhere else: one cause, keyed by that object and the members that changed, never by the endpoints (tracker rule 58); part of the fingerprint",
    ),
  ignoredQuery: z
    .looseObject({
      side: z
        .enum(['baseline', 'candidate'])
        .describe(
          'the side that answers the very same list whatever the query (part of the fingerprint)',
        ),
      queries: z
        .array(z.string())
        .describe(
          "the query parameters of each read, as a list's place names them (`search`, `limit&page`); not part of the fingerprint",
        ),
    })
    .exactOptional()
    .describe(
      "a list one side answers the same whatever the query, where the other side's list changes with it: the endpoint's reads that differ only in their query, one cause (tracker rule 31)",
    ),
  mediaTypes: mediaTypesSchema,
});

/** Every root-cause family. */
export const rootCauseSchema = z
  .discriminatedUnion('type', [
    z.looseObject({
      type: z.literal('pattern'),
      pattern: z.enum(PATTERN_NAMES).describe('the recognised pattern'),
      field: z
        .string()
        .describe("the key it occurs at ('' for the body or an element, '*' for any field)"),
      params: z.array(z.string()).describe("the pattern's defining parameters"),
      detail: z.string().describe('the cause in words, from the pattern name and params only'),
      mediaTypes: mediaTypesSchema,
    }),
    z.looseObject({
      type: z.literal('status'),
      endpoint: z.string().describe('METHOD /path template'),
      baseline: z
        .number()
        .describe(
          "baseline status; 0 (any) on a redirect rule's row or a route the candidate refuses whole",
        ),
      candidate: z
        .number()
        .describe(
          "candidate status; 0 (any) on a redirect rule's row or a route the baseline refuses whole",
        ),
      reason: z
        .string()
        .exactOptional()
        .describe("the refusing side's message, values elided, when one side accepted"),
      redirect: z
        .string()
        .exactOptional()
        .describe(
          "where one side redirected and the other did not: the rule mapping the path to the Location ('drop .html'); in the fingerprint only on the endpoint '* *'",
        ),
      document: z
        .literal(true)
        .exactOptional()
        .describe(
          "the side that answered a success status wrote the document the other side refused with (a GraphQL error or an XML-RPC fault answered 200): it accepted nothing; the other side's status is 0 (any error status); part of the fingerprint",
        ),
      parameter: z
        .string()
        .exactOptional()
        .describe(
          "on the endpoint '* *': the request parameter whose checks by one side are this row (tracker rule 33), that side's status 400 (any 4xx) and the other's 0 (any success); part of the fingerprint",
        ),
      header: z
        .string()
        .exactOptional()
        .describe(
          "on the endpoint '* *': the request header, lower case, that every write one side refused with this status lacked and every write it accepted sent (tracker rule 51); that side's status, the other's 0 (any success); part of the fingerprint",
        ),
      missingRoute: z
        .string()
        .exactOptional()
        .describe(
          "on the endpoint '* *': the method and case file (`POST signalling`) of two endpoints or more one side answered with its one not-found answer (its 404, the reason its words with the request's method, path and segments elided) to every request the other side served (tracker rule 54); the other side's status 0 (any); part of the fingerprint",
        ),
      everyWrite: z
        .literal(true)
        .exactOptional()
        .describe(
          "on the endpoint '* *': one side answers every write (PUT, PATCH, DELETE, POST) both sides accepted with this one success status where the other answers two or more by method and endpoint (tracker rule 60); the other side's status 0 (several); part of the fingerprint",
        ),
      writes: z
        .array(z.string())
        .exactOptional()
        .describe(
          "with everyWrite: the other side's statuses by method (`PUT 204`, `PATCH 200`), for the summary; not part of the fingerprint",
        ),
      routes: z
        .array(z.string())
        .exactOptional()
        .describe(
          'with missingRoute: the paths of the endpoints the run showed it on, for the summary; not part of the fingerprint',
        ),
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
      statusClass: z
        .string()
        .describe("the answers' status class: 2xx, 4xx, …; `error` for one side's error handler"),
      baseline: z.string().describe('baseline body kind'),
      candidate: z.string().describe('candidate body kind'),
      document: z
        .string()
        .exactOptional()
        .describe(
          "one side's error handler (class `error`): the shape of the error document it answers every refusal with, where the other side answers a text page (member names and JSON types, `error:string,error_description:string`); part of the fingerprint",
        ),
      page: z
        .string()
        .exactOptional()
        .describe(
          "with document: the title of the other side's text pages (an HTML `<title>`), absent when they have none; part of the fingerprint",
        ),
      codes: z
        .string()
        .exactOptional()
        .describe(
          'with document: the code its documents name their refusal by (`/code=1`: a small integer at one member, not the status), present only where the answers of one handler name two codes or more (each code its own row); part of the fingerprint',
        ),
    }),
    structureCauseSchema,
  ])
  .describe('a root cause');

/** The tracker row that records a root cause, after the run's update. */
export const trackerRefSchema = z
  .looseObject({
    id: z.string().describe('tracker row id'),
    status: z.enum(TRACKER_STATUSES).describe('row status'),
  })
  .describe('the tracker row of this root cause');

/** A root cause's tracker row as the run left it, with the Decision cell people wrote. */
export const decisionRowSchema = trackerRefSchema
  .extend({ decision: z.string().describe("the Decision cell, '' when empty") })
  .describe('its tracker row');

/** One root cause as one divergent case shows it. */
export const findingSchema = z
  .looseObject({
    fingerprint: z.string().describe('the root cause fingerprint, as in its tracker row'),
    kind: z.enum(FINDING_KINDS).describe('divergence kind of the finding'),
    cause: rootCauseSchema,
    summary: z.string().describe('the cause in one line (the tracker row summary)'),
    paths: z
      .array(z.string())
      .describe('body changes (RFC 6901 pointers, as in changes) this finding accounts for'),
  })
  .describe('one root cause of a divergent case');

/** A finding as the run's assessment shows it (report.json): with its row and the cause it follows from. */
export const assessedFindingSchema = findingSchema
  .extend({
    tracker: trackerRefSchema.exactOptional(),
    consequenceOf: z
      .string()
      .exactOptional()
      .describe('the earlier root cause (same flow or serial sequence) this finding follows from'),
  })
  .describe('one root cause of a divergent case, as assessed');

/** One root cause over a run: its cases, endpoints and row (report.json's `rootCauses`). */
export const rootCauseEntrySchema = z.looseObject({
  fingerprint: z.string().describe('root cause fingerprint'),
  kind: z.string().describe('divergence kind (a finding kind; a resolved row: its Kind cell)'),
  cause: rootCauseSchema
    .exactOptional()
    .describe('absent for a row this run resolved (no case showed it: only the row is known)'),
  summary: z.string().describe('the cause in one line'),
  caseIds: ids.describe('every case of the run that showed it, in run order'),
  endpoints: ids.describe('every endpoint where it showed, sorted'),
  consequences: ids
    .exactOptional()
    .describe('the cases among caseIds that show it as a consequence of an earlier step'),
  supersedes: ids
    .exactOptional()
    .describe(
      'while the run updates the tracker only: the fingerprints whose rows this one supersedes (an earlier keying, absorbed consequences)',
    ),
  places: ids
    .exactOptional()
    .describe(
      'a structural cause: where its changes were (pointer patterns, indices and ids as *), in order of first appearance, one more than a fix hint names',
    ),
  unsettled: z
    .literal(true)
    .exactOptional()
    .describe(
      'it showed only at id-like values with no evidence that they are per-instance: awaiting evidence (a second instance of the baseline), not an open decision yet',
    ),
  row: decisionRowSchema.exactOptional(),
});

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

/** One root cause: what differs, nothing case-specific (its fingerprint hashes it). */
export type RootCause = Known<z.output<typeof rootCauseSchema>>;
/** A change no pattern explains, keyed by what changed. */
export type StructureCause = Extract<RootCause, { readonly type: 'structure' }>;
/** A body change without its values. */
export type SkeletonChange = StructureCause['change'];
/** One root cause as one divergent case shows it. */
export type Finding = Known<z.output<typeof findingSchema>>;
/** A finding with what the assessment says of it: its tracker row, the cause it follows from. */
export type AssessedFinding = Known<z.output<typeof assessedFindingSchema>>;
/** The tracker row of a root cause: its id and status. */
export type TrackerRef = Known<z.output<typeof trackerRefSchema>>;
/** The tracker row of a root cause as the run left it, with its Decision cell. */
export type DecisionRow = Known<z.output<typeof decisionRowSchema>>;
/** One root cause over a run: every case and endpoint that showed it, and its row. */
export type RootCauseEntry = Known<z.output<typeof rootCauseEntrySchema>>;
/**
 * An entry of a root cause this run showed (not a row it resolved): its cause
 * and its finding kind are known. The same record, narrowed.
 */
export type ShownRootCause = RootCauseEntry & {
  readonly kind: FindingKind;
  readonly cause: RootCause;
};
