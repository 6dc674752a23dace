/**
 * The judging side of a shadow session on a worker thread
 * (`cli/shadow-thread.ts` runs `openJudgeSide` there, its config rebuilt from
 * the command's flags): this side posts each mirrored request, and the
 * proxy's baseline answer once it has ended, their bytes transferred, and
 * reads back the counts, refreshes and the closed runs as plain data. The
 * listening side's event loop then only forwards, queues and hands over.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { ownBytes, type RawAnswer } from '../io/shadow/answer.js';
import type { TrafficRequest } from '../io/shadow/traffic.js';
import type { Env } from '../util/env.js';
import { ParityError, type ParityErrorCode } from '../util/errors.js';
import type { ClosedRun, JudgeCounts, JudgeSide, RefreshSummary } from './shadow-judge.js';
import type { ShadowRequest } from './shadow-prepare.js';

/** What the thread is started with: the command's flags and this process, as plain data. */
export interface ThreadData {
  readonly request: ShadowRequest;
  readonly cwd: string;
  readonly env: Env;
  readonly host: { readonly pid: number; readonly hostname: string; readonly startedAt?: number };
  /** The byte budget's counters, shared with the listening thread (`util/byte-budget.ts`). */
  readonly budget: SharedArrayBuffer;
}

/** An error as it crosses: a ParityError keeps its code. */
export interface PlainError {
  readonly code: ParityErrorCode | undefined;
  readonly message: string;
}

export type ToThread =
  | {
      readonly type: 'work';
      readonly id: number;
      readonly request: TrafficRequest;
      readonly proxy: boolean;
    }
  | {
      readonly type: 'answer';
      readonly id: number;
      readonly raw: RawAnswer | undefined | 'over-budget';
    }
  | { readonly type: 'refresh'; readonly id: number; readonly tracker: boolean }
  | { readonly type: 'close'; readonly id: number }
  | { readonly type: 'discard'; readonly id: number };

/** The messages of one turn of the listening thread's event loop, posted together. */
export interface ToThreadBatch {
  readonly type: 'batch';
  readonly messages: readonly ToThread[];
}

export type PlainRefresh = Omit<RefreshSummary, 'trackerError'> & {
  readonly trackerError: PlainError | undefined;
};
export type PlainRun = Omit<ClosedRun, 'trackerError' | 'reporterFailures'> & {
  readonly trackerError: PlainError | undefined;
  readonly reporterFailures: readonly {
    readonly name: string;
    readonly hook: string;
    readonly message: string;
  }[];
};

export type FromThread =
  | { readonly type: 'ready'; readonly id: 0 }
  | { readonly type: 'failed'; readonly id: number; readonly error: PlainError }
  | { readonly type: 'done'; readonly id: number; readonly counts: JudgeCounts }
  | {
      readonly type: 'refreshed';
      readonly id: number;
      readonly summary: PlainRefresh | undefined;
      readonly counts: JudgeCounts;
    }
  | {
      readonly type: 'closed';
      readonly id: number;
      readonly runs: readonly PlainRun[];
      readonly captured: string[] | undefined;
      readonly counts: JudgeCounts;
    }
  | { readonly type: 'discarded'; readonly id: number }
  | { readonly type: 'batch'; readonly id?: undefined; readonly messages: readonly FromThread[] };

/** An error as plain data. */
export function plainError(error: unknown): PlainError {
  return {
    code: error instanceof ParityError ? error.code : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The error again on this side. */
export function errorOf(plain: PlainError): Error {
  return plain.code === undefined
    ? new Error(plain.message)
    : new ParityError(plain.code, plain.message);
}

/** A refresh's summary as plain data, to cross to another thread. */
export function plainRefresh(summary: RefreshSummary | undefined): PlainRefresh | undefined {
  if (summary === undefined) return undefined;
  return { ...summary, trackerError: summary.trackerError && plainError(summary.trackerError) };
}

/** A refresh's summary again, from plain data. */
export function refreshOf(plain: PlainRefresh | undefined): RefreshSummary | undefined {
  if (plain === undefined) return undefined;
  const { trackerError } = plain;
  return { ...plain, trackerError: trackerError && (errorOf(trackerError) as ParityError) };
}

/** A closed run as plain data, to cross to another thread. */
export function plainRun(run: ClosedRun): PlainRun {
  return {
    ...run,
    trackerError: run.trackerError && plainError(run.trackerError),
    reporterFailures: run.reporterFailures.map((failure) => ({
      name: failure.name,
      hook: failure.hook,
      message: failure.error.message,
    })),
  };
}

/** A closed run again, from plain data. */
export function runOf(plain: PlainRun): ClosedRun {
  return {
    ...plain,
    trackerError: plain.trackerError && (errorOf(plain.trackerError) as ParityError),
    reporterFailures: plain.reporterFailures.map((failure) => ({
      name: failure.name,
      hook: failure.hook as ClosedRun['reporterFailures'][number]['hook'],
      error: new Error(failure.message),
    })),
  };
}

const ZERO: JudgeCounts = {
  compared: 0,
  unanswered: 0,
  bytes: 0,
  divergent: 0,
  errors: 0,
  rootCauses: 0,
  newRows: 0,
  runs: 0,
};

/**
 * Starts the thread from `file` and resolves once its judging side is open
 * (or rejects with why not). `limits`: the thread's heap
 * (`io/shadow/old-space.ts`): past it the thread ends, not the process.
 */
export async function openThreadJudge(
  file: string,
  data: ThreadData,
  limits: ResourceLimits,
): Promise<JudgeSide> {
  const worker = new Worker(file, { workerData: data, resourceLimits: limits });
  let counts = ZERO;
  let next = 0;
  let broken: Error | undefined;
  const waiting = new Map<number, (message: FromThread) => void>();
  // The messages of one turn, posted together once it ends (their bytes moved, not copied).
  let outbox: ToThread[] = [];
  let moved: ArrayBuffer[] = [];
  const flush = (): void => {
    const messages = outbox;
    const transfer = moved;
    outbox = [];
    moved = [];
    if (broken !== undefined) return;
    worker.postMessage(
      messages.length === 1 ? messages[0] : ({ type: 'batch', messages } satisfies ToThreadBatch),
      transfer,
    );
  };
  const send = (message: ToThread, transfer: ArrayBuffer[]): void => {
    moved.push(...transfer);
    if (outbox.push(message) === 1) setImmediate(flush);
  };
  const ask = (message: ToThread, transfer: ArrayBuffer[] = []): Promise<FromThread> =>
    new Promise((resolve) => {
      if (broken !== undefined) {
        resolve({ type: 'failed', id: message.id, error: plainError(broken) });
        return;
      }
      waiting.set(message.id, resolve);
      send(message, transfer);
    });
  const ready = new Promise<FromThread>((resolve) => waiting.set(0, resolve));
  const hear = (message: FromThread): void => {
    if (message.type === 'batch') {
      for (const one of message.messages) hear(one);
      return;
    }
    if ('counts' in message) counts = message.counts;
    const answer = waiting.get(message.id);
    waiting.delete(message.id);
    answer?.(message);
  };
  worker.on('message', hear);
  const fail = (error: Error): void => {
    broken ??= error;
    for (const [id, answer] of waiting) answer({ type: 'failed', id, error: plainError(error) });
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the judging thread ended (exit code ${code})`)));
  const first = await ready;
  if (first.type === 'failed') {
    await worker.terminate();
    throw errorOf(first.error);
  }
  const expect = <T extends FromThread['type']>(message: FromThread, type: T) => {
    if (message.type === 'failed') throw errorOf(message.error);
    if (message.type !== type)
      throw new Error(`the judging thread answered ${message.type}, not ${type}`);
    return message as Extract<FromThread, { type: T }>;
  };
  return {
    async work(item) {
      const id = ++next;
      // Moved, not copied: the listening side gathered them in buffers of their own.
      const body = ownBytes(item.request.body);
      const request: TrafficRequest = { ...item.request, body };
      const done = ask({ type: 'work', id, request, proxy: item.baseline !== undefined }, [
        body.buffer as ArrayBuffer,
      ]);
      if (item.baseline !== undefined) {
        const raw = await item.baseline;
        const bytes =
          raw !== undefined && raw !== 'over-budget' && 'bytes' in raw.body
            ? ownBytes(raw.body.bytes)
            : undefined;
        const sent =
          raw === undefined || raw === 'over-budget' || bytes === undefined
            ? raw
            : { ...raw, body: { bytes } };
        send(
          { type: 'answer', id, raw: sent },
          bytes === undefined ? [] : [bytes.buffer as ArrayBuffer],
        );
      }
      expect(await done, 'done');
    },
    counts: () => counts,
    async refresh(options) {
      const { summary } = expect(
        await ask({ type: 'refresh', id: ++next, tracker: options.tracker }),
        'refreshed',
      );
      return refreshOf(summary);
    },
    async close() {
      const closed = expect(await ask({ type: 'close', id: ++next }), 'closed');
      await worker.terminate();
      return { runs: closed.runs.map(runOf), captured: closed.captured };
    },
    async discard() {
      await ask({ type: 'discard', id: ++next });
      await worker.terminate();
    },
  };
}
