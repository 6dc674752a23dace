/**
 * The parts of a case-file schema shared by plain cases and flow steps: the
 * request, its method, query and headers, the expectation, tags and slugs.
 */
import * as z from 'zod';
import { METHOD_TOKEN } from '../../contract/model/case.js';
import {
  headerNameProblem,
  headerValueProblem,
  pathProblem,
} from '../../core/request/request-syntax.js';
import { once } from '../../util/once.js';

/** A suite name, case id or tag. */
export const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A JSON value as a case file holds it (`z.json()`'s type). */
export type JsonBody = z.core.util.JSONType;

/** A YAML mapping or JSON object (not a list). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value: what `z.json()` accepts, checked without recursion. */
function isJsonValue(value: unknown): value is JsonBody {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === null || typeof next === 'string' || typeof next === 'boolean') continue;
    if (typeof next === 'number' && Number.isFinite(next)) continue;
    if (Array.isArray(next) || isMapping(next)) {
      for (const item of Array.isArray(next) ? next : Object.values(next)) stack.push(item);
    } else return false;
  }
  return true;
}

/** The fields that hold a request body, in the order a problem names them. */
const BODY_FIELDS = ['json', 'text', 'base64'] as const;

/** The schemas, built together on first use (`requestSchemas`). */
function buildRequestSchemas() {
  /** An id or a tag: letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
  const slug = z.string().regex(SLUG, {
    error: 'must be a slug: letters, digits, ".", "_" or "-", starting with a letter or digit',
  });

  const queryValue = z.union([
    z.string().describe('A string value'),
    z.number().describe('A number, sent as written'),
    z.boolean().describe('true or false, sent as the words'),
  ]);

  /** Query parameters; an array value repeats the key once per element. */
  const querySpecSchema = z
    .record(
      z.string(),
      z
        .union([queryValue, z.array(queryValue).describe('Repeated key, one value per element')])
        .describe('A value, or a list of values for a repeated key'),
    )
    .describe('Query parameters added after those written in the path; a list repeats the key');

  // The descriptions name the literal `${env:NAME}` syntax users write.
  const headersSchema = z
    .record(z.string(), z.string().describe('Header value; `${env:NAME}` is substituted'))
    .superRefine((headers, ctx) => {
      for (const [name, value] of Object.entries(headers)) {
        const problem = headerNameProblem(name) ?? headerValueProblem(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem });
      }
    })
    .describe('Request headers (names are case-insensitive); `${env:NAME}` is substituted');

  /**
   * Any RFC 9110 token, sent as written. CONNECT (in any case) is refused: it
   * asks for a tunnel, not for an answer that can be compared.
   */
  const methodSchema = z
    .string()
    .regex(METHOD_TOKEN, {
      error:
        "must be an HTTP method token: letters, digits and !#$%&'*+-.^_`|~, no spaces (e.g. GET, PROPFIND, QUERY)",
    })
    .refine((method) => method.toUpperCase() !== 'CONNECT', {
      error:
        'is CONNECT, which parity refuses: it asks the server to open a tunnel, which has no response to compare',
    })
    .describe(
      'HTTP method, sent exactly as written: any RFC 9110 token (GET, POST, TRACE, PROPFIND, QUERY, a custom one); CONNECT is refused',
    );

  /**
   * A JSON body, kept exactly as parsed: `z.json()` rebuilds objects by
   * assignment, which drops a member named `__proto__` (it sets the prototype),
   * and a body is sent as written. Plain cases and flow steps share it through
   * `requestSchema`. Its JSON Schema is set in `json-schema.ts` (`meta` below).
   */
  const jsonBodySchema = z
    .custom<JsonBody>(isJsonValue, {
      error: 'must be a JSON value (no .inf, .nan or other YAML-only values)',
    })
    .meta({ type: ['object', 'array', 'string', 'number', 'boolean', 'null'] });

  /** The request of a case or a flow step. */
  const requestSchema = z
    .strictObject({
      method: methodSchema,
      path: z
        .string()
        // A flow step may start with a captured variable: `{{location}}` (a path or a URL).
        .regex(/^(?:\/|\{\{)/, { error: 'must start with "/"' })
        .superRefine((path, ctx) => {
          const problem = pathProblem(path, true);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        })
        .describe('Path starting with "/", optionally with a query string: /v1/users?limit=2'),
      query: querySpecSchema.optional(),
      headers: headersSchema.optional(),
      json: jsonBodySchema.optional().describe('JSON request body (sent as written)'),
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
  return {
    slug,
    querySpecSchema,
    headersSchema,
    jsonBodySchema,
    requestSchema,
    expectSchema,
    tagsSchema,
  };
}

/**
 * The request schemas, built on first use: a library of plain cases
 * (`plain-fast.ts`) never builds them, nor loads zod.
 */
export const requestSchemas = once(buildRequestSchemas);

/** Query parameters as parsed. */
export type QuerySpec = z.infer<ReturnType<typeof requestSchemas>['querySpecSchema']>;
