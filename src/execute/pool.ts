/**
 * The bounded pool: replays cases with at most `concurrency` cases in flight,
 * each sent to both sides at once, and hands every `Exchange` to `onExchange`
 * as soon as it completes, so nothing accumulates here.
 */
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { TargetClient } from './client.js';
import { planRequest } from './plan.js';

export interface ExecuteInput {
  /** The cases in run order: an array, or batches (a large library streamed a file at a time). */
  readonly cases: readonly Case[] | AsyncIterable<readonly Case[]>;
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  /** With `--noise`: each case is also sent here (the baseline again, or its replica). */
  readonly replica?: TargetClient | undefined;
  readonly concurrency: number;
  /** Called as each exchange completes, with its case's position in run order (0-based). */
  readonly onExchange: (exchange: Exchange, position: number) => void;
}

/** Sends one case to both sides, byte-identical, concurrently. */
export function exchangeCase(
  testCase: Case,
  baseline: TargetClient,
  candidate: TargetClient,
  replica?: TargetClient,
): Promise<Exchange> {
  const plan = planRequest(testCase);
  // Identical answers are decoded once. The replica never shares: noise learning
  // compares its answer with the baseline's and must see its own bytes.
  const share = {};
  const sides = [
    baseline.send(plan, share, testCase),
    candidate.send(plan, share, testCase),
  ] as const;
  if (replica === undefined) {
    return Promise.all(sides).then(([b, c]) => ({ case: testCase, baseline: b, candidate: c }));
  }
  return Promise.all([...sides, replica.send(plan)]).then(([b, c, r]) => ({
    case: testCase,
    baseline: b,
    candidate: c,
    replica: r,
  }));
}

/**
 * The cases one at a time, in order. Taking the next case is synchronous
 * while the current batch lasts; only the worker that empties it waits for
 * the next batch, and the others wait for the same one.
 */
function caseQueue(cases: ExecuteInput['cases']) {
  const batches = Array.isArray(cases) ? undefined : (cases as AsyncIterable<readonly Case[]>);
  const iterator = batches?.[Symbol.asyncIterator]();
  let current: readonly Case[] = iterator === undefined ? (cases as readonly Case[]) : [];
  let index = 0;
  let refill: Promise<boolean> | undefined;
  const nextBatch = async (): Promise<boolean> => {
    const step = await (iterator as AsyncIterator<readonly Case[]>).next();
    if (step.done === true) return false;
    current = step.value;
    index = 0;
    return true;
  };
  return {
    /** The next case when the current batch holds one (the hot path). */
    now: (): Case | undefined => current[index++],
    /** The next case once a batch is loaded; undefined when every case was taken. */
    async later(): Promise<Case | undefined> {
      if (iterator === undefined) return undefined;
      while (index >= current.length) {
        refill ??= nextBatch().finally(() => {
          refill = undefined;
        });
        if (!(await refill)) return undefined;
      }
      return current[index++];
    },
  };
}

export async function executeCases(input: ExecuteInput): Promise<void> {
  const queue = caseQueue(input.cases);
  // Cases are taken in run order: the n-th taken is at position n.
  let taken = 0;
  const start = (testCase: Case | undefined) =>
    testCase === undefined
      ? undefined
      : {
          position: taken++,
          exchange: exchangeCase(testCase, input.baseline, input.candidate, input.replica),
        };
  const worker = async (): Promise<void> => {
    let pending = start(queue.now() ?? (await queue.later()));
    while (pending !== undefined) {
      const { position } = pending;
      const exchange = await pending.exchange;
      // Send the next case before judging this one, so the servers are never
      // kept waiting on our processing: the slot stays busy on the wire.
      pending = start(queue.now() ?? (await queue.later()));
      input.onExchange(exchange, position);
    }
  };
  const known = Array.isArray(input.cases) ? (input.cases as readonly Case[]).length : Infinity;
  const workers = Math.max(1, Math.min(input.concurrency, known));
  await Promise.all(Array.from({ length: workers }, worker));
}
