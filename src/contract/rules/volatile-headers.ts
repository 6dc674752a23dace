/**
 * Volatile headers: values that change on every response (dates, request and
 * trace ids, timings), compared for presence only, as Keploy's flaky header
 * list does (see `judge/headers.ts`).
 */

/** Compared for presence, not value, unless the rules say otherwise (`volatileHeaders`). */
export const VOLATILE_HEADERS: readonly string[] = [
  'age',
  'cf-ray',
  'correlation-id',
  'date',
  'expires',
  'last-modified',
  'request-id',
  'server-timing',
  'traceparent',
  'tracestate',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-b3-spanid',
  'x-b3-traceid',
  'x-correlation-id',
  'x-request-id',
  'x-response-time',
  'x-runtime',
  'x-trace-id',
];

/**
 * Not compared under `headers: "*"`: how the message was framed and carried
 * (hop-by-hop headers, and `content-length`, which the body comparison already
 * covers), whatever the rules say about volatile headers.
 */
export const FRAMING_HEADERS: readonly string[] = [
  'connection',
  'content-length',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
