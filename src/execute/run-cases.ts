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
export async function exchangeCase(
  testCase: Case,
  baseline: TargetClient,
  candidate: TargetClient,
  replica?: TargetClient,
): Promise<Exchange> {
  const plan = planRequest(testCase);
  const [baselineOutcome, candidateOutcome, replicaOutcome] = await Promise.all([
    baseline.send(plan),
    candidate.send(plan),
    replica?.send(plan),
  ]);
  const exchange = { case: testCase, baseline: baselineOutcome, candidate: candidateOutcome };
  return replicaOutcome === undefined ? exchange : { ...exchange, replica: replicaOutcome };
}

export async function executeCases(input: ExecuteInput): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < input.cases.length) {
      const testCase = input.cases[next++];
      if (testCase === undefined) return;
      input.onExchange(
        await exchangeCase(testCase, input.baseline, input.candidate, input.replica),
      );
    }
  };
  const workers = Math.max(1, Math.min(input.concurrency, input.cases.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
