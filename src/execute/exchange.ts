/** One case sent to both sides (and the replica), byte-identical, concurrently; the run's sender. */
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { TargetClient } from './client.js';
import { createFlowRun, type StepCase } from './flow-run.js';
import { planRequest } from './plan.js';
import type { Sender, Sent } from './sender.js';

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
 * A run's sender: each case to both sides (and to the replica with
 * `--noise`); a flow's steps to both sides with each side's own variables,
 * never to the replica (it holds none of the flow's state, and a write must
 * not be repeated).
 */
export function exchangeSender(
  baseline: TargetClient,
  candidate: TargetClient,
  replica?: TargetClient,
): Sender<Exchange> {
  return {
    send: (testCase) => exchangeCase(testCase, baseline, candidate, replica),
    flow: () => {
      const run = createFlowRun({ baseline, candidate });
      return async (testCase: StepCase): Promise<Sent<Exchange>> => {
        const outcome = await run.step(testCase);
        if (outcome.kind === 'skipped') return outcome;
        const { baseline: b, candidate: c } = outcome.sides;
        const flow = {
          requests: { baseline: b.request, candidate: c.request },
          variables: { baseline: b.variables, candidate: c.variables },
          problems: outcome.problems,
        };
        const value = { case: testCase, baseline: b.answer, candidate: c.answer, flow };
        return { kind: 'sent', value };
      };
    },
  };
}
