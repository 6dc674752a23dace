/**
 * The case-file schema: what a `cases/*.yaml|json` file may contain. Strict
 * objects everywhere so a typo is an error, not a silently ignored key. Types are
 * derived with `z.infer`; `resolve.ts` is the one bridge from these to `Case`.
 */
import * as z from 'zod';
import { rulesSpecSchema } from '../../contract/rules/schema.js';
import { once } from '../../util/once.js';
import { flowProblems, stepsSchema } from './flow-schema.js';
import { requestSchemas } from './request-schema.js';

/** One case as written in a file: one request, or a flow of steps. */
function buildCaseSpecSchema() {
  const { slug, tagsSchema, requestSchema, expectSchema } = requestSchemas();
  return (
    z
      .strictObject({
        id: slug.describe('Case id, unique within the suite (the full id is `suite/id`)'),
        description: z.string().optional().describe('What the case checks, in one sentence'),
        tags: tagsSchema.optional(),
        request: requestSchema.optional(),
        steps: stepsSchema().optional(),
        expect: expectSchema.optional(),
        rules: rulesSpecSchema()
          .optional()
          .describe(
            'Normalisation rules of the case (of every step of a flow; a step may add its own)',
          ),
      })
      .superRefine((item, ctx) => {
        const issue = (path: (string | number)[], message: string) =>
          ctx.addIssue({ code: 'custom', path, message });
        if (item.request === undefined && item.steps === undefined) {
          issue([], 'needs a request (one request) or steps (a flow of requests)');
        }
        // Only a flow step may start its path with a captured `{{variable}}` (the
        // request schema lets `{{` through and refuses any other start itself).
        if (item.request?.path.startsWith('{{') === true) {
          issue(
            ['request', 'path'],
            `must start with "/" (got ${JSON.stringify(item.request.path)})`,
          );
        }
        if (item.steps === undefined) return;
        if (item.request !== undefined) {
          issue(
            ['steps'],
            'cannot be set together with request (a case is one request, or a flow of steps)',
          );
        }
        if (item.expect !== undefined) {
          issue(['expect'], 'belongs to each step of a flow (steps[n].expect), not to the flow');
        }
        for (const problem of flowProblems(item.steps)) issue(problem.path, problem.message);
      })
      // Editors learn the either-or the refinement checks.
      .meta({ oneOf: [{ required: ['request'] }, { required: ['steps'] }] })
      .describe(
        'One HTTP case replayed against both targets, or a flow of steps (request or steps)',
      )
  );
}

let caseSpec: ReturnType<typeof buildCaseSpecSchema> | undefined;

/**
 * One case's whole schema, built on first use: a library of plain cases that
 * `plainCaseSchema` accepts (a `validate` or a run of them) never builds it.
 */
export function caseSpecSchema(): ReturnType<typeof buildCaseSpecSchema> {
  caseSpec ??= buildCaseSpecSchema();
  return caseSpec;
}

export type CaseSpec = z.infer<ReturnType<typeof caseSpecSchema>>;

/**
 * A case written as one request with no rules of its own: what most cases
 * are. It accepts a subset of what `caseSpecSchema` accepts (and gives the
 * same value for it) without building the rules and flow schemas, so
 * `checkCase` tries it first on a case with neither `steps` nor `rules`
 * (that `plainCaseFast` leaves to it), and asks `caseSpecSchema` (for its
 * problems) when it refuses. Built on first use.
 */
export const plainCaseSchema = once(() => {
  const { slug, tagsSchema, requestSchema, expectSchema } = requestSchemas();
  return z
    .strictObject({
      id: slug,
      description: z.string().optional(),
      tags: tagsSchema.optional(),
      request: requestSchema,
      expect: expectSchema.optional(),
    })
    .refine((item) => !item.request.path.startsWith('{{'));
});

const defaultsSchema = once(() => {
  const { headersSchema, querySpecSchema, tagsSchema } = requestSchemas();
  return z
    .strictObject({
      headers: headersSchema.optional(),
      query: querySpecSchema.optional(),
      tags: tagsSchema.optional(),
      rules: rulesSpecSchema().optional(),
    })
    .describe('Applied to every case of the file; a case value wins over a default');
});

/** A case file's own fields, in the order the file schema lists them, and its `cases`. */
function fileShape<C extends z.ZodType>(cases: C) {
  const { slug } = requestSchemas();
  return {
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored'),
    suite: slug.describe('Suite name: the prefix of every case id in this file'),
    description: z.string().optional().describe('What the suite covers'),
    serial: z
      .boolean()
      .optional()
      .describe(
        'Run the cases of this file strictly in file order, one request at a time per target (for stateful APIs); other work still overlaps',
      ),
    sideEffects: z
      .boolean()
      .optional()
      .describe(
        'Allow the flows of this file to send writing steps (POST, PUT, PATCH, DELETE, …); without it (here or in the config) such flows are skipped',
      ),
    defaults: defaultsSchema().optional(),
    cases,
  };
}

const FILE_DESCRIPTION = 'A parity case file: a suite of HTTP cases';
const CASES_DESCRIPTION = 'The cases (at least one)';

let caseFile: ReturnType<typeof buildCaseFileSchema> | undefined;

function buildCaseFileSchema() {
  return z
    .strictObject(fileShape(z.array(caseSpecSchema()).min(1).describe(CASES_DESCRIPTION)))
    .describe(FILE_DESCRIPTION);
}

/**
 * A whole case file, built on first use (a file with a problem, a case that
 * is not plain, the JSON Schema, an import): `caseFileHeaderSchema` checks a
 * file's own fields without it.
 */
export function caseFileSchema(): ReturnType<typeof buildCaseFileSchema> {
  caseFile ??= buildCaseFileSchema();
  return caseFile;
}

export type CaseFile = z.infer<ReturnType<typeof caseFileSchema>>;

/**
 * A case file's own fields checked as `caseFileSchema` checks them, with
 * `cases` only checked to be a non-empty list (each case is checked on its
 * own): the same fields in the same order, and the same descriptions. Built
 * on first use: `caseFileHeaderFast` checks the commonest headers without it.
 */
export const caseFileHeaderSchema = once(() =>
  z
    .strictObject(fileShape(z.array(z.unknown()).min(1).describe(CASES_DESCRIPTION)))
    .describe(FILE_DESCRIPTION),
);
