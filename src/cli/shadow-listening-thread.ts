/**
 * The listening thread of `parity proxy` and `parity shadow`
 * (`engine/shadow-listening.ts`): opens the session from the command's flags
 * (`engine/shadow-open.ts`: it listens, answers, forwards and queues, and
 * starts the judging thread, dist/shadow-thread.cjs), tells the
 * CLI's thread its status twice a second, and refreshes and stops it when
 * asked. Built as dist/shadow-listening.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShadowSession } from '../engine/shadow.js';
import type { FromListening, ListeningData, ToListening } from '../engine/shadow-listening.js';
import { openShadowSession } from '../engine/shadow-open.js';
import { plainError, plainRefresh, plainRun } from '../engine/shadow-remote.js';
import { isAlive } from '../util/is-alive.js';

const port = parentPort;
if (port === null) throw new Error('shadow-listening-thread.ts runs as a worker thread');
const data = workerData as ListeningData;
const post = (message: FromListening): void => port.postMessage(message);

/** How often the status is told (the CLI prints it every second). */
const STATUS_EVERY_MS = 500;

async function serve(session: ShadowSession, message: ToListening): Promise<void> {
  switch (message.type) {
    case 'refresh': {
      const summary = plainRefresh(await session.refresh({ tracker: message.tracker }));
      post({ type: 'refreshed', id: message.id, summary });
      return;
    }
    case 'stop': {
      const { runs, status, captured } = await session.stop({ dropWaiting: message.dropWaiting });
      post({ type: 'stopped', id: message.id, runs: runs.map(plainRun), captured, status });
      return;
    }
    default: {
      const never: never = message;
      throw new Error(`unknown message ${JSON.stringify(never)}`);
    }
  }
}

const host = { ...data.host, isAlive };
const context = { cwd: data.cwd, env: data.env, now: () => new Date(), host };
openShadowSession(data.request, context, data.judgeFile).then(
  ({ session, notes, judgeOnThread }) => {
    let told = JSON.stringify(session.status());
    const timer = setInterval(() => {
      const status = session.status();
      const text = JSON.stringify(status);
      if (text === told) return;
      told = text;
      post({ type: 'status', status });
    }, STATUS_EVERY_MS);
    timer.unref();
    port.on('message', (message: ToListening) => {
      if (message.type === 'stop') clearInterval(timer);
      serve(session, message).catch((error: unknown) =>
        post({ type: 'failed', id: message.id, error: plainError(error) }),
      );
    });
    const { address, budget } = session;
    const status = session.status();
    post({
      type: 'listening',
      id: 0,
      address,
      notes,
      judgeOnThread,
      budget: budget.shared,
      status,
    });
  },
  (error: unknown) => post({ type: 'failed', id: 0, error: plainError(error) }),
);
