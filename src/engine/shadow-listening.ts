/**
 * A shadow session on a listening thread of its own
 * (`cli/shadow-listening-thread.ts`, built as dist/shadow-listening.cjs): the
 * thread opens the session from the command's flags (`shadow-open.ts`: it
 * listens, answers, forwards and queues, and hands each copy to the judging
 * thread it starts), tells its status twice a second, and refreshes and stops
 * it when asked. The CLI's thread keeps the command (its flags, signals,
 * status line and timers), so the thread that answers clients and mirrored
 * copies does nothing else, and each thread gets a heap limit of its own
 * (`resourceLimits`) in the process the user started: no second process.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ShadowStatus } from '../io/shadow/status.js';
import { ByteBudget } from '../util/byte-budget.js';
import type { Env } from '../util/env.js';
import type { ShadowOutcome, ShadowSession } from './shadow.js';
import type { OpenedShadow } from './shadow-open.js';
import type { ShadowRequest } from './shadow-prepare.js';
import {
  errorOf,
  type PlainError,
  type PlainRefresh,
  type PlainRun,
  plainError,
  refreshOf,
  runOf,
} from './shadow-remote.js';

/** What the listening thread is started with: the command's flags and this process, as plain data. */
export interface ListeningData {
  readonly request: ShadowRequest;
  readonly cwd: string;
  readonly env: Env;
  readonly host: { readonly pid: number; readonly hostname: string; readonly startedAt?: number };
  /** The judging thread's built entry, or undefined to compare on the listening thread. */
  readonly judgeFile: string | undefined;
}

export type ToListening =
  | { readonly type: 'refresh'; readonly id: number; readonly tracker: boolean }
  | { readonly type: 'stop'; readonly id: number; readonly dropWaiting: boolean };

export type FromListening =
  | {
      readonly type: 'listening';
      readonly id: 0;
      readonly address: ShadowSession['address'];
      readonly notes: readonly string[];
      readonly judgeOnThread: boolean;
      /** The byte budget's counters (`util/byte-budget.ts`), read from this thread. */
      readonly budget: SharedArrayBuffer;
      readonly status: ShadowStatus;
    }
  | { readonly type: 'failed'; readonly id: number; readonly error: PlainError }
  | { readonly type: 'status'; readonly id?: undefined; readonly status: ShadowStatus }
  | { readonly type: 'refreshed'; readonly id: number; readonly summary: PlainRefresh | undefined }
  | {
      readonly type: 'stopped';
      readonly id: number;
      readonly runs: readonly PlainRun[];
      readonly captured: readonly string[] | undefined;
      readonly status: ShadowStatus;
    };

/** An opened session, and the listening thread's end if it ends before the session was stopped. */
export interface ListeningThread extends OpenedShadow {
  readonly lost: Promise<Error>;
}

/**
 * Starts the listening thread from `file` under `limits` and resolves once
 * its session listens (or rejects with why not: a ParityError for bad input,
 * another error when the thread itself could not start).
 */
export async function openListeningThread(
  file: string,
  data: ListeningData,
  limits: ResourceLimits,
): Promise<ListeningThread> {
  const worker = new Worker(file, { workerData: data, resourceLimits: limits });
  let next = 0;
  let stopped = false;
  let broken: Error | undefined;
  let markLost: (error: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => {
    markLost = resolve;
  });
  const waiting = new Map<number, (message: FromListening) => void>();
  let status: ShadowStatus | undefined;
  const fail = (error: Error): void => {
    broken ??= error;
    for (const [id, answer] of waiting) answer({ type: 'failed', id, error: plainError(error) });
    waiting.clear();
    if (!stopped) markLost(error);
  };
  worker.on('message', (message: FromListening) => {
    if ('status' in message) status = message.status;
    if (message.id === undefined) return;
    const answer = waiting.get(message.id);
    waiting.delete(message.id);
    answer?.(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the listening thread ended (exit code ${code})`)));
  const ask = (message: ToListening): Promise<FromListening> =>
    new Promise((resolve) => {
      if (broken !== undefined) {
        resolve({ type: 'failed', id: message.id, error: plainError(broken) });
        return;
      }
      waiting.set(message.id, resolve);
      worker.postMessage(message);
    });
  const first = await new Promise<FromListening>((resolve) => waiting.set(0, resolve));
  if (first.type !== 'listening') {
    await worker.terminate();
    throw first.type === 'failed'
      ? errorOf(first.error)
      : new Error(`the listening thread answered ${first.type}`);
  }
  const expect = <T extends FromListening['type']>(message: FromListening, type: T) => {
    if (message.type === 'failed') throw errorOf(message.error);
    if (message.type !== type)
      throw new Error(`the listening thread answered ${message.type}, not ${type}`);
    return message as Extract<FromListening, { type: T }>;
  };
  let stopping: Promise<ShadowOutcome> | undefined;
  const session: ShadowSession = {
    address: first.address,
    status: () => status ?? first.status,
    budget: ByteBudget.of(first.budget),
    async refresh(options) {
      const answer = await ask({ type: 'refresh', id: ++next, tracker: options.tracker });
      return refreshOf(expect(answer, 'refreshed').summary);
    },
    stop(options = {}) {
      // Every stop is told (a second one drops what waits); the first one's answer is the outcome.
      const asked = ask({ type: 'stop', id: ++next, dropWaiting: options.dropWaiting === true });
      stopping ??= asked.then(async (answer) => {
        const done = expect(answer, 'stopped');
        stopped = true;
        await worker.terminate();
        return { runs: done.runs.map(runOf), status: done.status, captured: done.captured };
      });
      return stopping;
    },
  };
  return { session, notes: first.notes, judgeOnThread: first.judgeOnThread, lost };
}
