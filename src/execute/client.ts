/**
 * The HTTP client: the only module that imports undici.
 *
 * One keep-alive pool per target. Failures of the API under test are data:
 * a refused connection, a reset or a timeout becomes a `transport-error`
 * outcome with undici's code, never a thrown error. Redirects are not
 * followed (a 3xx is compared as is).
 */
import { createHash, type Hash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Pool } from 'undici';
import type { ResponseBody, SideOutcome, Target } from '../model.js';
import { decodeBody } from './decode.js';
import { forTarget, type PlannedRequest } from './plan.js';
import { createLimiter } from './rate.js';

export interface ClientOptions {
  /** Connections kept open to the target. */
  readonly connections: number;
  /** Budget for one request, headers and whole body included. */
  readonly timeoutMs: number;
  /** Bodies above this many bytes are compared by hash and size only. */
  readonly bodyCapBytes: number;
  /** Extra attempts after a connection-level failure (the request was never sent). */
  readonly retries: number;
  /** Requests per second to this target (token bucket); undefined = no limit. Retries count. */
  readonly ratePerSecond?: number | undefined;
  /** Requests in flight to this target at once; undefined = `connections`. */
  readonly maxInFlight?: number | undefined;
}

export interface TargetClient {
  readonly target: Target;
  send(plan: PlannedRequest): Promise<SideOutcome>;
  close(): Promise<void>;
}

/** Errors that mean the request never reached the server, so a retry is safe. */
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

export const TIMEOUT_CODE = 'PARITY_REQUEST_TIMEOUT';

interface RawBody {
  readonly bytes: Uint8Array | undefined;
  readonly size: number;
  /** Hex sha256 of the wire bytes, computed only when asked (most bodies never need it). */
  readonly sha256: () => string;
}

async function readCapped(stream: AsyncIterable<Uint8Array>, cap: number): Promise<RawBody> {
  let hash: Hash | undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size <= cap) {
      chunks.push(chunk);
      continue;
    }
    // Past the cap, stop keeping bytes but keep hashing: memory stays bounded.
    if (hash === undefined) {
      hash = createHash('sha256');
      for (const kept of chunks) hash.update(kept);
      chunks.length = 0;
    }
    hash.update(chunk);
  }
  if (hash !== undefined) {
    const digest = hash.digest('hex');
    return { bytes: undefined, size, sha256: () => digest };
  }
  const bytes = Buffer.concat(chunks, size);
  return { bytes, size, sha256: () => createHash('sha256').update(bytes).digest('hex') };
}

interface BodyStream extends AsyncIterable<Uint8Array> {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A declared length within the cap is read in one piece (undici enforces the
 * length, and this skips a promise per chunk); anything else is streamed and capped.
 */
async function readBody(
  stream: BodyStream,
  contentLength: string | undefined,
  cap: number,
): Promise<RawBody> {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  if (!(Number.isInteger(declared) && declared >= 0 && declared <= cap)) {
    return readCapped(stream, cap);
  }
  const bytes = Buffer.from(await stream.arrayBuffer());
  return {
    bytes,
    size: bytes.byteLength,
    sha256: () => createHash('sha256').update(bytes).digest('hex'),
  };
}

function decompress(bytes: Uint8Array, encoding: string, cap: number): Uint8Array | undefined {
  const options = { maxOutputLength: Math.max(cap, 1) };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes, options);
    case 'deflate':
      return inflateSync(bytes, options);
    case 'br':
      return brotliDecompressSync(bytes, options);
    case '':
    case 'identity':
      return bytes;
    default:
      return undefined;
  }
}

function toBody(raw: RawBody, encoding: string, contentType: string | undefined, cap: number) {
  if (raw.bytes === undefined) {
    return { kind: 'truncated', sha256: raw.sha256(), size: raw.size } satisfies ResponseBody;
  }
  let decoded: Uint8Array | undefined;
  try {
    decoded = decompress(raw.bytes, encoding, cap);
  } catch (error) {
    const tooBig =
      error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooBig)
      return { kind: 'truncated', sha256: raw.sha256(), size: raw.size } satisfies ResponseBody;
    decoded = undefined;
  }
  if (decoded === undefined) {
    // An encoding we cannot undo (or a corrupt stream): compare the wire bytes.
    return { kind: 'binary', sha256: raw.sha256(), size: raw.size } satisfies ResponseBody;
  }
  return decodeBody(decoded, contentType);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value)
      ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ')
      : value;
  }
  return out;
}

function errorCode(error: unknown): { code: string; message: string } {
  const err = error instanceof Error ? error : new Error(String(error));
  const withCode = err as Error & { code?: unknown; cause?: unknown };
  const cause = withCode.cause as { code?: unknown; message?: unknown } | undefined;
  const code =
    typeof withCode.code === 'string'
      ? withCode.code
      : typeof cause?.code === 'string'
        ? cause.code
        : 'UND_ERR';
  return { code, message: err.message || code };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a keep-alive pool to one target. */
export function createClient(target: Target, options: ClientOptions): TargetClient {
  const limiter = createLimiter({
    ratePerSecond: options.ratePerSecond,
    maxInFlight: options.maxInFlight,
  });
  const pool = new Pool(target.url.origin, {
    connections: Math.min(options.connections, options.maxInFlight ?? options.connections),
    pipelining: 1,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
  });

  const attempt = (plan: PlannedRequest) => limiter.run(() => attemptNow(plan));

  async function attemptNow(plan: PlannedRequest): Promise<SideOutcome> {
    const { path, headers } = forTarget(plan, target);
    const started = performance.now();
    // A timer cleared on completion, not AbortSignal.timeout: those live for the
    // whole budget, so at thousands of requests/s they held tens of MB of timers.
    const controller = new AbortController();
    const { signal } = controller;
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await pool.request({
        method: plan.method,
        path,
        headers,
        body: plan.body ?? null,
        signal,
      });
      const responseHeaders = flattenHeaders(response.headers);
      const raw = await readBody(
        response.body,
        responseHeaders['content-length'],
        options.bodyCapBytes,
      );
      const encoding = (responseHeaders['content-encoding'] ?? '').trim().toLowerCase();
      const body = toBody(raw, encoding, responseHeaders['content-type'], options.bodyCapBytes);
      const durationMs = performance.now() - started;
      return {
        outcome: 'response',
        response: {
          status: response.statusCode,
          headers: responseHeaders,
          body,
          wireBytes: raw.size,
          durationMs,
        },
      };
    } catch (error) {
      const durationMs = performance.now() - started;
      if (signal.aborted) {
        return {
          outcome: 'transport-error',
          error: {
            code: TIMEOUT_CODE,
            message: `no complete response within ${options.timeoutMs} ms`,
          },
          durationMs,
        };
      }
      return { outcome: 'transport-error', error: errorCode(error), durationMs };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    target,
    async send(plan) {
      let outcome = await attempt(plan);
      for (let retry = 1; retry <= options.retries; retry++) {
        if (outcome.outcome !== 'transport-error' || !CONNECT_ERRORS.has(outcome.error.code)) break;
        await sleep(50 * 2 ** (retry - 1));
        outcome = await attempt(plan);
      }
      return outcome;
    },
    // destroy, not close: a server that never finishes a body must not hold the run open.
    close: () => pool.destroy(),
  };
}
