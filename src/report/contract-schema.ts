/**
 * The zod schema of report.json as `parity report --from` (and `tracker --check`)
 * read it back. Objects are loose: fields added within schemaVersion 1 by a newer
 * parity pass through untouched, so re-rendering never drops data.
 */
import * as z from 'zod';
import { HTTP_METHODS } from '../model/case.js';
import {
  CHANGE_OPS,
  DIVERGENCE_KINDS,
  type DivergenceKind,
  ENCODING_NOTE_CODES,
} from '../model/comparison.js';
import type { ResponseBody } from '../model/exchange.js';

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
} as const satisfies { [K in ResponseBody['kind']]: K };

const side = z.looseObject({
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

const change = z.looseObject({
  path: z.string().describe('RFC 6901 pointer'),
  op: z.enum(CHANGE_OPS).describe('kind of change'),
  baseline: z.unknown().optional().describe('the baseline value'),
  candidate: z.unknown().optional().describe('the candidate value'),
});

const headerChange = z.looseObject({
  name: z.string().describe('header name, lower case'),
  baseline: absentable(z.string()).describe('baseline value, absent if missing'),
  candidate: absentable(z.string()).describe('candidate value, absent if missing'),
});

const kinds = z.array(z.enum(DIVERGENCE_KINDS));

const result = z.looseObject({
  caseId: z.string().describe('suite/id'),
  suite: z.string().describe('the case suite'),
  endpoint: z.string().describe('METHOD /path with ids collapsed'),
  request: z.looseObject({
    method: z.enum(HTTP_METHODS).describe('HTTP method'),
    path: z.string().describe('request path'),
  }),
  baseline: side,
  candidate: side,
  verdict: z.enum(['equal', 'divergent', 'error']).describe('the case outcome'),
  kinds: kinds.describe('divergence kinds, most important first'),
  fingerprint: z.string().exactOptional().describe('stable id of the divergence'),
  explanation: z.string().exactOptional().describe('plain-language explanation'),
  summary: z.string().exactOptional().describe('one-line summary'),
  changes: z.array(change).describe('body changes'),
  headerChanges: z.array(headerChange).describe('header changes'),
  repro: z
    .looseObject({
      baseline: z.string().describe('curl for the baseline'),
      candidate: z.string().describe('curl for the candidate'),
    })
    .exactOptional()
    .describe('curl commands that reproduce the case'),
  bodies: z
    .looseObject({
      baseline: z.unknown().describe('baseline body'),
      candidate: z.unknown().describe('candidate body'),
    })
    .exactOptional()
    .describe('both bodies, for divergent cases'),
  tracker: z
    .looseObject({
      id: z.string().describe('tracker row id'),
      status: z.enum(['open', 'accepted', 'wontfix', 'resolved']).describe('row status'),
    })
    .exactOptional()
    .describe('the tracker row of this divergence'),
  expectations: z.array(z.string()).exactOptional().describe('unmet expect.status lines'),
  notes: z
    .array(
      z.looseObject({
        kind: z.literal('encoding').describe('a wire-only difference'),
        code: z.enum(ENCODING_NOTE_CODES).describe('which wire-only difference'),
        message: z.string().describe('what differs, with a short excerpt of each side'),
      }),
    )
    .exactOptional()
    .describe('encoding notes (never a divergence)'),
  regression: z
    .enum(['new', 'persisting', 'fixed'])
    .exactOptional()
    .describe('relative to the --compare-to report'),
});

const target = z.looseObject({
  name: z.string().describe('target name'),
  url: z.string().describe('target base URL (redacted)'),
});

const count = z.number().int().nonnegative();

/** Written out so the inferred type has every kind; `satisfies` fails the build when one is added. */
const byKindShape = {
  status: count.describe('status divergences'),
  shape: count.describe('shape divergences'),
  value: count.describe('value divergences'),
  header: count.describe('header divergences'),
  transport: count.describe('transport divergences'),
} satisfies Record<DivergenceKind, z.ZodNumber>;

/** report.json, schemaVersion 1. */
export const reportSchema = z.looseObject({
  schemaVersion: z.literal(1).describe('report format version'),
  runId: z.string().describe('run id'),
  startedAt: z.string().describe('ISO-8601 start'),
  finishedAt: z.string().describe('ISO-8601 end'),
  baseline: target,
  candidate: target,
  summary: z.looseObject({
    cases: count.describe('cases run'),
    equal: count.describe('equal cases'),
    divergent: count.describe('divergent cases'),
    errors: count.describe('cases with no comparison possible'),
    statusParity: z.looseObject({
      equal: count.describe('cases with equal status'),
      total: count.describe('cases where both sides answered'),
    }),
    byKind: z.looseObject(byKindShape).describe('cases per divergence kind'),
    expectationFailures: count.describe('cases whose expect.status failed'),
    encodingNotes: count.exactOptional().describe('encoding notes over all results'),
    latency: latency.exactOptional().describe('p50/p95 per endpoint'),
  }),
  results: z.array(result).describe('per-case results, sorted by case id'),
});
