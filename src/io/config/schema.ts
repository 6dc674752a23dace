/**
 * `parity.config.yaml|json`: the user's config, as written (every field
 * optional). `resolveConfig` turns it plus the flags into `ResolvedConfig`.
 */

import * as z from 'zod';
import { rulesSpecSchema } from '../../contract/rules/schema.js';
import { RUNTIMES } from '../../contract/vocabulary.js';
import { headerNameProblem, headerValueProblem } from '../../core/request/request-syntax.js';
import { MAX_DEPTH } from '../../core/wire/budget.js';
import { once } from '../../util/once.js';
import {
  DEFAULT_SECOND_LOOK_BYTES,
  DEFAULT_SECOND_LOOKS,
  DEFAULT_TRACKER_PATH,
  FAIL_POLICIES,
  MAX_CONCURRENCY,
  MAX_KEPT_RUNS,
  MAX_RETRIES,
  MAX_SECOND_LOOKS,
  MAX_TIMEOUT_MS,
} from './limits.js';
import { noiseConfigSchema } from './noise-schema.js';
import { parseReporters, REPORTER_NAMES } from './reporters.js';

/** The config schema, built when a config file is first checked (see `configSchema`). */
function buildConfigSchema() {
  const targetSpecSchema = z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .describe('Base URL of the implementation, e.g. http://127.0.0.1:3100'),
      headers: z
        .record(z.string(), z.string())
        .superRefine((headers, ctx) => {
          // As a case's headers: sent with every request, so checked before any is sent.
          for (const [name, value] of Object.entries(headers)) {
            const problem = headerNameProblem(name) ?? headerValueProblem(value);
            if (problem !== undefined)
              ctx.addIssue({ code: 'custom', path: [name], message: problem });
          }
        })
        .optional()
        .describe(
          'Headers sent with every request to this target (e.g. its credentials); ${env:NAME} allowed',
        ),
      disposable: z
        .boolean()
        .optional()
        .describe(
          'A throwaway instance whose data may be changed: `parity fuzz --allow-writes` sends writes (POST, PUT, PATCH, DELETE) only when both targets are disposable, and `parity proxy`/`parity shadow --mirror-writes` mirrors writes only to disposable targets',
        ),
      runtime: z
        .enum(RUNTIMES)
        .optional()
        .describe(
          "The implementation's runtime (go, rust, node, python, java, dotnet, ruby, php; protobuf for JSON written by the protobuf JSON mapping, as a gRPC gateway does): fix hints then speak its terms (serde, encoding/json, Jackson, protojson, …); without it, parity looks for evidence in the answers (Server, X-Powered-By, error texts)",
        ),
    })
    .describe('A named implementation of the API');

  return z
    .strictObject({
      $schema: z.string().optional().describe('JSON Schema reference for editors'),
      targets: z
        .record(z.string().regex(/^[A-Za-z0-9_.-]+$/), targetSpecSchema)
        .optional()
        .describe('Named targets; pick two with `baseline` and `candidate`'),
      baseline: z
        .string()
        .optional()
        .describe('Name of the reference target (usually the old runtime)'),
      candidate: z.string().optional().describe('Name of the target compared against the baseline'),
      cases: z.array(z.string()).optional().describe('Case files or folders (default: cases/)'),
      rules: rulesSpecSchema().optional().describe('Normalisation rules applied to every case'),
      tracker: z
        .union([z.string(), z.literal(false)])
        .optional()
        .describe(`Decisions tracker path (default ${DEFAULT_TRACKER_PATH}); false disables it`),
      reports: z.string().optional().describe('Reports folder (default reports/)'),
      reporters: z
        .array(
          z.string().superRefine((text, context) => {
            const chosen = parseReporters([text]);
            if (typeof chosen === 'string') context.addIssue({ code: 'custom', message: chosen });
          }),
        )
        .optional()
        .describe(
          `The run's outputs, NAME or NAME=PATH: ${REPORTER_NAMES.join(', ')} (default: console and every report file in the run's folder; --reporter replaces this list)`,
        ),
      keep: z
        .int()
        .min(1)
        .max(MAX_KEPT_RUNS)
        .optional()
        .describe('Keep only the N latest run folders in the reports folder (default: all)'),
      concurrency: z
        .int()
        .min(1)
        .max(MAX_CONCURRENCY)
        .optional()
        .describe('Cases in flight at once (default 8)'),
      rate: z
        .number()
        .positive()
        .optional()
        .describe('Requests per second sent to each target, for gentle runs (default: no limit)'),
      maxInFlight: z
        .int()
        .min(1)
        .max(MAX_CONCURRENCY)
        .optional()
        .describe('Requests in flight at once to each target (default: the concurrency)'),
      timeoutMs: z
        .int()
        .min(1)
        .max(MAX_TIMEOUT_MS)
        .optional()
        .describe('Budget for one request, in ms (default 10000)'),
      retries: z
        .int()
        .min(0)
        .max(MAX_RETRIES)
        .optional()
        .describe('Retries after a connection-level failure only (default 0)'),
      secondLook: z
        .int()
        .min(0)
        .max(MAX_SECOND_LOOKS)
        .optional()
        .describe(
          `Safe requests (GET, HEAD, OPTIONS) a run may send once more to each side when their answers differ in a value of one format, to see which values change between requests (default ${DEFAULT_SECOND_LOOKS}; 0 turns it off)`,
        ),
      secondLookBytes: z
        .int()
        .min(0)
        .optional()
        .describe(
          `The largest answer (bytes, either side) the second look sends a case again for: it holds a second pair of answers while it compares them (default ${DEFAULT_SECOND_LOOK_BYTES}, 1 MiB)`,
        ),
      bodyCapBytes: z
        .int()
        .min(1024)
        .optional()
        .describe('Bodies larger than this are compared by hash and size (default 16 MiB)'),
      bodyBudget: z
        .strictObject({
          nodes: z
            .int()
            .min(1)
            .optional()
            .describe('Values (members and elements) a body may hold (default 1000000)'),
          depth: z
            .int()
            .min(1)
            .max(MAX_DEPTH)
            .optional()
            .describe(`Nesting levels a body may have (default 256, at most ${MAX_DEPTH})`),
        })
        .optional()
        .describe(
          'JSON/XML bodies past this shape are compared by hash and size, reported as too complex',
        ),
      failOn: z
        .enum(FAIL_POLICIES)
        .optional()
        .describe('Which divergences make the run exit 1 (default open)'),
      failOnEncoding: z
        .boolean()
        .optional()
        .describe(
          'Encoding notes (wire-only differences: key order, escaping, number format, …) also make the run exit 1 (default false)',
        ),
      serial: z
        .union([
          z.boolean().describe('true: every case file runs in file order'),
          z.array(z.string()).describe('The suites whose files run in file order'),
        ])
        .optional()
        .describe(
          "Case files run strictly in file order, one request at a time per target: true for every file, or a list of suites (a file's own `serial` wins)",
        ),
      sideEffects: z
        .boolean()
        .optional()
        .describe(
          'Let flows send writing steps (POST, PUT, PATCH, DELETE, custom methods) in every case file (default false: such flows are skipped)',
        ),
      noise: noiseConfigSchema().optional(),
      openapi: z
        .string()
        .optional()
        .describe(
          'OpenAPI 3.x or Swagger 2.0 document of the API: reports list its operations that no case exercises',
        ),
    })
    .describe('parity configuration');
}

let built: ReturnType<typeof buildConfigSchema> | undefined;

/**
 * `parity.config.yaml|json` as written. Built on first use: a command run
 * where there is no config file never builds it (a shorter start-up).
 */
export const configSchema = once(() =>
  z.lazy(() => {
    built ??= buildConfigSchema();
    return built;
  }),
);

export type ConfigInput = z.infer<ReturnType<typeof configSchema>>;
