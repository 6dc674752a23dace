/**
 * The worker thread of `parity proxy` and `parity shadow`
 * (`engine/shadow-remote.ts`): rebuilds the session's config from the
 * command's flags (`prepareShadow`, as the command did before listening),
 * opens the judging side (`engine/shadow-judge.ts`: clients to the candidate,
 * noise, runs, reports, tracker, capture) and serves the listening thread's
 * messages. Built as dist/shadow-thread.cjs.
 */
import { platform, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type JudgeSide, openJudgeSide } from '../engine/shadow-judge.js';
import { prepareShadow } from '../engine/shadow-prepare.js';
import {
  type FromThread,
  plainError,
  plainRefresh,
  plainRun,
  type ThreadData,
  type ToThread,
  type ToThreadBatch,
} from '../engine/shadow-remote.js';
import type { RawAnswer } from '../io/shadow/answer.js';
import { ByteBudget } from '../util/byte-budget.js';
import { isAlive } from '../util/is-alive.js';

const port = parentPort;
if (port === null) throw new Error('shadow-thread.ts runs as a worker thread');
const data = workerData as ThreadData;

/**
 * The answers of one turn of this thread's event loop, posted together (one
 * message event on the listening thread, not one per copy).
 */
let outbox: FromThread[] = [];
const post = (message: FromThread): void => {
  if (outbox.push(message) > 1) return;
  setImmediate(() => {
    const batch = outbox;
    outbox = [];
    port.postMessage(batch.length === 1 ? batch[0] : ({ type: 'batch', messages: batch } as const));
  });
};

// Comparing yields the cores to the clients' requests: on Linux a nice value
// is a thread's own, so this thread alone runs at the lowest priority (the
// listening thread keeps its own); elsewhere it would be the whole process's,
// so it is left as it is. When the cores are contended, fewer copies are
// compared (the bounded queue drops and counts the rest), never the clients slowed.
if (platform() === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    // Not allowed here: compared at the process's priority.
  }
}

async function open(): Promise<JudgeSide> {
  const host = { ...data.host, isAlive };
  const context = { cwd: data.cwd, env: data.env, now: () => new Date(), host };
  const { input } = await prepareShadow(data.request, context);
  return openJudgeSide(input, ByteBudget.of(data.budget));
}

/** The proxy's baseline answers still to come, by request. */
const answers = new Map<number, (raw: RawAnswer | undefined | 'over-budget') => void>();

async function serve(judge: JudgeSide, message: ToThread): Promise<void> {
  switch (message.type) {
    case 'work': {
      const baseline = message.proxy
        ? new Promise<RawAnswer | undefined | 'over-budget'>((resolve) =>
            answers.set(message.id, resolve),
          )
        : undefined;
      await judge.work({
        request: message.request,
        ...(baseline === undefined ? {} : { baseline }),
      });
      post({ type: 'done', id: message.id, counts: judge.counts() });
      return;
    }
    case 'answer': {
      answers.get(message.id)?.(message.raw);
      answers.delete(message.id);
      return;
    }
    case 'refresh': {
      const summary = plainRefresh(await judge.refresh({ tracker: message.tracker }));
      post({ type: 'refreshed', id: message.id, summary, counts: judge.counts() });
      return;
    }
    case 'close': {
      const { runs, captured } = await judge.close();
      post({
        type: 'closed',
        id: message.id,
        runs: runs.map(plainRun),
        captured,
        counts: judge.counts(),
      });
      return;
    }
    case 'discard': {
      await judge.discard();
      post({ type: 'discarded', id: message.id });
      return;
    }
    default: {
      const never: never = message;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

open().then(
  (judge) => {
    const take = (message: ToThread): void => {
      serve(judge, message).catch((error: unknown) =>
        post({ type: 'failed', id: message.id, error: plainError(error) }),
      );
    };
    port.on('message', (message: ToThread | ToThreadBatch) => {
      if (message.type === 'batch') for (const one of message.messages) take(one);
      else take(message);
    });
    post({ type: 'ready', id: 0 });
  },
  (error: unknown) => post({ type: 'failed', id: 0, error: plainError(error) }),
);
