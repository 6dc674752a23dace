/**
 * The case-file schema: what a `cases/*.yaml|json` file may contain. Strict
 * objects everywhere so a typo is an error, not a silently ignored key. Types are
 * derived with `z.infer`; `resolve.ts` is the one bridge from these to `Case`.
 */
import * as z from 'zod';
import { HTTP_METHODS } from '../model/case.js';
import { rulesSpecSchema } from '../rules/schema.js';

/** A suite name, case id or tag. */
export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const slug = z.string().regex(SLUG, {
  error: 'must be a slug: letters, digits, ".", "_" or "-", starting with a letter or digit',
});

const queryValue = z.union([
  z.string().describe('A string value'),
  z.number().describe('A number, sent as written'),
  z.boolean().describe('true or false, sent as the words'),
]);

/** Query parameters; an array value repeats the key once per element. */
export const querySpecSchema = z
  .record(
    z.string(),
    z
      .union([queryValue, z.array(queryValue).describe('Repeated key, one value per element')])
      .describe('A value, or a list of values for a repeated key'),
  )
  .describe('Query parameters added after those written in the path; a list repeats the key');

export type QuerySpec = z.infer<typeof querySpecSchema>;

// The descriptions name the literal `${env:NAME}` syntax users write.
const headersSchema = z
  .record(z.string(), z.string().describe('Header value; `${env:NAME}` is substituted'))
  .describe('Request headers (names are case-insensitive); `${env:NAME}` is substituted');

/** The fields that hold a request body, in the order a problem names them. */
const BODY_FIELDS = ['json', 'text', 'base64'] as const;

const requestSchema = z
  .strictObject({
    method: z.enum(HTTP_METHODS).describe('HTTP method'),
    path: z
      .string()
      .regex(/^\//, { error: 'must start with "/"' })
      .describe('Path starting with "/", optionally with a query string: /v1/users?limit=2'),
    query: querySpecSchema.optional(),
    headers: headersSchema.optional(),
    json: z.json().optional().describe('JSON request body (sent as written)'),
    text: z.string().optional().describe('Text request body (sent as written, UTF-8)'),
    base64: z
      .base64({ error: 'must be base64 (A-Z, a-z, 0-9, "+", "/", "=" padding)' })
      .optional()
      .describe(
        'Raw request body as base64: sent as exactly these bytes (e.g. invalid UTF-8); content type application/octet-stream unless a header sets it',
      ),
  })
  .superRefine((request, ctx) => {
    // A request has one body: the second (and third) body field set is the problem.
    const set = BODY_FIELDS.filter((field) => request[field] !== undefined);
    for (const field of set.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `cannot be set together with ${set[0]} (a request has one body: json, text or base64)`,
      });
    }
  })
  .describe('The request sent, byte for byte, to both targets');

const expectSchema = z
  .strictObject({
    status: z
      .int()
      .min(100)
      .max(599)
      .optional()
      .describe('Expected status code on both sides (an assertion, reported separately)'),
  })
  .describe('Optional assertions checked on both sides');

const tagsSchema = z.array(slug.describe('A tag')).describe('Tags used to select cases (--tag)');

/** One case as written in a file. */
export const caseSpecSchema = z
  .strictObject({
    id: slug.describe('Case id, unique within the suite (the full id is `suite/id`)'),
    description: z.string().optional().describe('What the case checks, in one sentence'),
    tags: tagsSchema.optional(),
    request: requestSchema,
    expect: expectSchema.optional(),
    rules: rulesSpecSchema.optional(),
  })
  .describe('One HTTP case replayed against both targets');

export type CaseSpec = z.infer<typeof caseSpecSchema>;

const defaultsSchema = z
  .strictObject({
    headers: headersSchema.optional(),
    query: querySpecSchema.optional(),
    tags: tagsSchema.optional(),
    rules: rulesSpecSchema.optional(),
  })
  .describe('Applied to every case of the file; a case value wins over a default');

/** A whole case file. */
export const caseFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored'),
    suite: slug.describe('Suite name: the prefix of every case id in this file'),
    description: z.string().optional().describe('What the suite covers'),
    defaults: defaultsSchema.optional(),
    cases: z.array(caseSpecSchema).min(1).describe('The cases (at least one)'),
  })
  .describe('A parity case file: a suite of HTTP cases');

export type CaseFile = z.infer<typeof caseFileSchema>;
