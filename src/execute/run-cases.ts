/**
 * The bounded pool: replays cases with at most `concurrency` cases in flight,
 * each sent to both sides at once, and hands every `Exchange` to `onExchange`
 * as soon as it completes, so nothing accumulates here.
 */
import type { Case, Exchange } from '../model.js';
import type { TargetClient } from './client.js';
import { planRequest } from './plan.js';

export interface ExecuteInput {
  readonly cases: readonly Case[];
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  /** With `--noise`: each case is also sent here (the baseline again, or its replica). */
  readonly replica?: TargetClient | undefined;
  readonly concurrency: number;
  readonly onExchange: (exchange: Exchange) => void;
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
  const sides = [baseline.send(plan, share), candidate.send(plan, share)] as const;
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

export async function executeCases(input: ExecuteInput): Promise<void> {
  let next = 0;
  const start = (): Promise<Exchange> | undefined => {
    const testCase = input.cases[next++];
    return testCase === undefined
      ? undefined
      : exchangeCase(testCase, input.baseline, input.candidate, input.replica);
  };
  const worker = async (): Promise<void> => {
    let pending = start();
    while (pending !== undefined) {
      const exchange = await pending;
      // Send the next case before judging this one, so the servers are never
      // kept waiting on our processing: the slot stays busy on the wire.
      pending = start();
      input.onExchange(exchange);
    }
  };
  const workers = Math.max(1, Math.min(input.concurrency, input.cases.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
