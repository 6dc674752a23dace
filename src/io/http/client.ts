/**
 * The HTTP client: the only module that imports undici.
 *
 * One keep-alive pool per target. Failures of the API under test are data:
 * a refused connection, a reset or a timeout becomes a `transport-error`
 * outcome with undici's code, never a thrown error. Redirects are not
 * followed (a 3xx is compared as is).
 */
import { buildConnector, type Dispatcher, Pool } from 'undici';
import type { Case, Target } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { type PlannedRequest, requestBuilder } from '../../core/request/plan.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import type { Hold, InFlightBytes } from './in-flight.js';
import { skipInterim100 } from './interim.js';
import type { LoopClock } from './loop-clock.js';
import { createLimiter } from './rate.js';
import {
  CappedBody,
  contentBytes,
  type DecodeShare,
  decodeShared,
  flattenParsed,
} from './receive.js';

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
  /** Bodies past this shape are compared by hash (see `core/wire/budget.ts`); default a million values, 256 levels. */
  readonly bodyBudget?: NodeBudget | undefined;
  /** Takes parity's own processing out of the measured durations (see `loop-clock.ts`). */
  readonly clock?: LoopClock | undefined;
  /** Keep each body's content-decoded bytes in `Response.bytes` (for `parity record`). */
  readonly keepBytes?: boolean | undefined;
  /**
   * The run's bound on body bytes in flight, shared by its clients: an answer
   * to a case the pool opened a hold for counts its bytes there, and stops
   * reading while the run is past the bound (see `in-flight.ts`).
   */
  readonly inFlight?: InFlightBytes | undefined;
}

/**
 * One side of a run: the HTTP client of a target, or a recording of one
 * (`recorded.ts`), which answers by case.
 */
export interface TargetClient {
  readonly target: Target;
  /**
   * `share`: the same object for both sides of one case (see `DecodeShare`);
   * `testCase`: the case the plan was made from (a recording looks it up).
   */
  send(plan: PlannedRequest, share?: DecodeShare, testCase?: Case): Promise<SideOutcome>;
  close(): Promise<void>;
  /**
   * True for a side answered from a recording, whose answers hold no secret
   * (a flow's secret captures stand in there: see `flow-run.ts`).
   */
  readonly recorded?: boolean;
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

/**
 * Methods HTTP defines as safe (RFC 9110 §9.2.1): sent again after a
 * communication failure, before any answer was read, they change nothing.
 * Not the idempotent writes (`PUT`, `DELETE`): servers do process a write
 * and then close the connection without answering (a Parse Server under
 * load deleted an object twice: a `404` row for a delete that worked), and
 * real APIs write increments under `PUT`.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * A kept-alive connection the server closed as the request went out on it:
 * undici's socket error, on a socket that had already read earlier answers.
 * The server let an idle connection go (its keep-alive timer fired first,
 * which happens when a loaded machine runs undici's later): the request was
 * never answered, so it is not the server's answer to it.
 */
function closedWhileIdle(error: Error): boolean {
  const { code, socket } = error as Error & { code?: unknown; socket?: { bytesRead?: unknown } };
  return code === 'UND_ERR_SOCKET' && typeof socket?.bytesRead === 'number' && socket.bytesRead > 0;
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

/**
 * undici's handler for one request. The budget covers headers and the whole
 * body (a server that trickles bytes forever is cut off), with one timer
 * cleared on completion (measured: leaner than a shared deadline sweep).
 */
class Attempt implements Dispatcher.DispatchHandler {
  private readonly started = performance.now();
  private timer: ReturnType<typeof setTimeout>;
  /** When the budget runs out (moved on by the time spent waiting for the run's bound). */
  private deadline: number;
  /** Time spent not reading, waiting for the run's bound: neither the server's time nor its budget. */
  private waitedMs = 0;
  private waitingSince: number | undefined;
  private finished = false;
  private controller: Dispatcher.DispatchController | undefined;
  private timedOut = false;
  private written: number | undefined;
  private status = 0;
  private headers: Record<string, string> = {};
  private body: CappedBody | undefined;

  constructor(
    private readonly options: ClientOptions,
    private readonly share: DecodeShare | undefined,
    private readonly resolve: (outcome: SideOutcome) => void,
    private readonly hold: Hold | undefined,
    /**
     * Sends the request once more on another connection, for a safe request
     * whose kept-alive connection the server closed before any answer
     * (`closedWhileIdle`), as browsers, curl and Go's client do.
     */
    private readonly sendAgain: (() => void) | undefined,
  ) {
    this.timer = setTimeout(expire, options.timeoutMs, this);
    this.deadline = this.started + options.timeoutMs;
  }

  /** The budget ran out: abort the request (or refuse it when it starts). */
  expire(): void {
    this.timedOut = true;
    this.controller?.abort(new Error('parity request timeout'));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Latency is measured from the moment the request goes on a connected
    // socket: connecting and loading the HTTP parser are not the server's time.
    this.written = performance.now();
    if (this.timedOut) controller.abort(new Error('parity request timeout'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx informational answers come first; the final answer resets the body.
    this.status = statusCode;
    this.headers = flattenParsed(headers);
    this.body = undefined;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.body ??= new CappedBody(this.options.bodyCapBytes);
    this.body.push(chunk);
    const { hold } = this;
    // Only kept bytes count: past the cap a body keeps a hash, not its bytes.
    if (hold !== undefined && this.body.keeps() && !hold.take(chunk.byteLength)) {
      this.pauseReading(controller);
    }
  }

  /** The run is past its bound on bytes in flight: stop reading, and stop the clock. */
  private pauseReading(controller: Dispatcher.DispatchController): void {
    controller.pause();
    clearTimeout(this.timer);
    const now = performance.now();
    this.waitingSince = now;
    (this.hold as Hold).wait(() => {
      if (this.finished) return;
      const resumed = performance.now();
      this.waitedMs += resumed - now;
      this.deadline += resumed - now;
      this.waitingSince = undefined;
      this.timer = setTimeout(expire, Math.max(0, this.deadline - resumed), this);
      controller.resume();
    });
  }

  onResponseEnd(): void {
    this.finished = true;
    clearTimeout(this.timer);
    const { headers, options } = this;
    const body = this.body ?? new CappedBody(options.bodyCapBytes);
    const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
    const contentType = headers['content-type'];
    const decoded = decodeShared(
      body,
      encoding,
      contentType,
      options.bodyCapBytes,
      this.share,
      options.bodyBudget,
    );
    const response = {
      status: this.status,
      headers,
      body: decoded,
      wireBytes: body.size,
      durationMs: this.elapsed(),
    };
    const bytes =
      options.keepBytes === true ? contentBytes(body, encoding, options.bodyCapBytes) : undefined;
    this.resolve({
      outcome: 'response',
      response: bytes === undefined ? response : { ...response, bytes },
    });
  }

  /** From the moment the request went out, without parity's own processing (see `LoopClock`). */
  private elapsed(): number {
    const sent = this.written ?? this.started;
    const elapsed = this.options.clock?.elapsedSince(sent) ?? performance.now() - sent;
    return elapsed - this.waitedMs;
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.finished = true;
    clearTimeout(this.timer);
    if (
      this.sendAgain !== undefined &&
      !this.timedOut &&
      this.status === 0 &&
      closedWhileIdle(error)
    ) {
      this.sendAgain();
      return;
    }
    const waiting = this.waitingSince === undefined ? 0 : performance.now() - this.waitingSince;
    const durationMs = performance.now() - this.started - this.waitedMs - waiting;
    const { timeoutMs } = this.options;
    this.resolve(
      this.timedOut
        ? {
            outcome: 'transport-error',
            error: { code: TIMEOUT_CODE, message: `no complete response within ${timeoutMs} ms` },
            durationMs,
          }
        : { outcome: 'transport-error', error: errorCode(error), durationMs },
    );
  }
}

const expire = (attempt: Attempt): void => attempt.expire();

/** undici's own connector, with each socket set to skip unsolicited `100 Continue` heads. */
function connectSkipping100(timeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ timeout: timeoutMs });
  return (options, callback) =>
    connect(options, (error, socket) => {
      // undici passes no socket at all (not null) with a connection error.
      if (error === null && socket) {
        skipInterim100(socket);
        callback(null, socket);
      } else callback(error ?? new Error('no socket'), null);
    });
}

/** Opens a keep-alive pool to one target. */
export function createClient(target: Target, options: ClientOptions): TargetClient {
  const limiter = createLimiter({
    ratePerSecond: options.ratePerSecond,
    maxInFlight: options.maxInFlight,
  });
  const pool = new Pool(target.url.origin, {
    connections: Math.min(options.connections, options.maxInFlight ?? options.connections),
    pipelining: 1,
    // Our own timer bounds each request, headers and whole body together (see
    // attemptNow); undici's per-phase timers would only repeat it, at the cost
    // of a timer object per request that lives until undici's next 1 s sweep.
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: connectSkipping100(options.timeoutMs),
  });

  const forThisTarget = requestBuilder(target);
  // Without a rate or an in-flight bound the limiter runs each task as it comes:
  // an attempt is then sent as is, without a closure per request to hand it over.
  const limited = options.ratePerSecond !== undefined || options.maxInFlight !== undefined;
  const attempt = limited
    ? (plan: PlannedRequest, share?: DecodeShare, testCase?: Case) =>
        limiter.run(() => attemptNow(plan, share, testCase))
    : attemptNow;

  /**
   * One request through undici's dispatch API with a handler of our own (see
   * `Attempt`): no stream object, no promise per chunk, no AbortSignal, no
   * closure per callback — the hot path of a run.
   */
  function attemptNow(
    plan: PlannedRequest,
    share?: DecodeShare,
    testCase?: Case,
    again = SAFE_METHODS.has(plan.method),
  ): Promise<SideOutcome> {
    const { path, headers } = forThisTarget(plan);
    const hold = options.inFlight?.holdOf(testCase);
    return new Promise<SideOutcome>((resolve) => {
      // Once only, and within the request's place under the run's bounds.
      const sendAgain = again ? () => resolve(attemptNow(plan, share, testCase, false)) : undefined;
      const handler = new Attempt(options, share, resolve, hold, sendAgain);
      pool.dispatch({ method: plan.method, path, headers, body: plan.body ?? null }, handler);
    });
  }

  /** Connection-level failures are retried with a growing pause; anything else is final. */
  async function retry(
    plan: PlannedRequest,
    share: DecodeShare | undefined,
    testCase: Case | undefined,
    first: SideOutcome,
  ): Promise<SideOutcome> {
    let outcome = first;
    for (let retry = 1; retry <= options.retries; retry++) {
      if (outcome.outcome !== 'transport-error' || !CONNECT_ERRORS.has(outcome.error.code)) break;
      await sleep(50 * 2 ** (retry - 1));
      outcome = await attempt(plan, share, testCase);
    }
    return outcome;
  }

  return {
    target,
    send(plan, share, testCase) {
      const first = attempt(plan, share, testCase);
      // No retries (the default): the attempt's own promise, no extra async frame per request.
      return options.retries === 0
        ? first
        : first.then((outcome) => retry(plan, share, testCase, outcome));
    },
    // destroy, not close: a server that never finishes a body must not hold the run open.
    close: () => pool.destroy(),
  };
}

/** A client's request as the inline proxy forwards it (`io/shadow/listener.ts`). */
export interface ForwardedRequest {
  readonly method: string;
  /** The path and query, the origin's base path included. */
  readonly path: string;
  /** Flat: name, value, name, value, … (no hop-by-hop header, no `expect`). */
  readonly headers: readonly string[];
  /** The body as it arrives; undefined for none. */
  readonly body: NodeJS.ReadableStream | undefined;
}

type ParsedHeaders = Record<string, string | string[] | undefined>;

/** What the forwarder tells of the answer, as it streams. */
export interface ForwardHandler {
  onHead(status: number, statusText: string, headers: ParsedHeaders): void;
  /** A chunk of the body; false: the client is not taking more yet (call `resume` once it is). */
  onData(chunk: Buffer, resume: () => void): boolean;
  onEnd(trailers: ParsedHeaders): void;
  onError(error: Error): void;
}

/** Streams clients' requests to one origin and its answers back, nothing gathered. */
export interface Forwarder {
  /** Sends `request`; the returned function aborts it. */
  forward(request: ForwardedRequest, handler: ForwardHandler): () => void;
  close(): Promise<void>;
}

/**
 * The inline proxy's path to the baseline: undici's dispatch API with a
 * handler that hands each event on (no stream, no promise per request or
 * chunk). Header names come back lower-case, values in their order.
 */
export function createForwarder(origin: URL): Forwarder {
  const pool = new Pool(origin.origin, { pipelining: 1 });
  return {
    forward(request, handler) {
      let controller: Dispatcher.DispatchController | undefined;
      let aborted = false;
      pool.dispatch(
        {
          method: request.method as Dispatcher.HttpMethod,
          path: request.path,
          headers: request.headers as string[],
          body: (request.body as import('node:stream').Readable | undefined) ?? null,
        },
        {
          onRequestStart(started) {
            controller = started;
            if (aborted) started.abort(new Error('the client went away'));
          },
          onResponseStart(_c, status, headers, statusText) {
            handler.onHead(status, statusText ?? '', headers);
          },
          onResponseData(c, chunk) {
            if (!handler.onData(chunk, () => c.resume())) c.pause();
          },
          onResponseEnd(_c, trailers) {
            handler.onEnd(trailers);
          },
          onResponseError(_c, error) {
            handler.onError(error);
          },
        },
      );
      return () => {
        aborted = true;
        controller?.abort(new Error('the client went away'));
      };
    },
    close: () => pool.destroy(),
  };
}
