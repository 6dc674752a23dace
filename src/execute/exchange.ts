/** One case sent to both sides (and the replica), byte-identical, concurrently. */
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { TargetClient } from './client.js';
import { planRequest } from './plan.js';

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
