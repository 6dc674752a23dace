/**
 * A sequence run by one worker: its cases strictly in order, one at a time,
 * both sides at once. Plain cases (of a serial file) are exchanged as the
 * pool exchanges any case; flow steps go through their flow's run, which
 * keeps each side's captured variables until the flow's last step.
 */
import type { CaseSequence } from '../cases/source.js';
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { FlowStep } from '../model/flow.js';
import type { TargetClient } from './client.js';
import { exchangeCase } from './exchange.js';
import { createFlowRun, type FlowRun } from './flow-run.js';

/** What a sequence needs of the pool's input. */
export interface SequenceInput {
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  readonly replica?: TargetClient | undefined;
  readonly onExchange: (exchange: Exchange, position: number) => void;
  readonly onSkipped?: ((testCase: Case, reason: string, position: number) => void) | undefined;
}

/** Runs `sequence`, its first case at position `first` in run order. */
export async function runSequence(
  sequence: CaseSequence,
  first: number,
  input: SequenceInput,
): Promise<void> {
  let position = first;
  let flow: FlowRun | undefined;
  for await (const batch of sequence.cases()) {
    for (const testCase of batch) {
      const at = position++;
      if (!isStep(testCase)) {
        flow = undefined;
        const exchange = await exchangeCase(
          testCase,
          input.baseline,
          input.candidate,
          input.replica,
        );
        input.onExchange(exchange, at);
        continue;
      }
      // A flow's variables live from its first step to its last, per flow.
      if (flow === undefined || testCase.flow.index === 0) {
        flow = createFlowRun({ baseline: input.baseline, candidate: input.candidate });
      }
      const outcome = await flow.step(testCase);
      if (outcome.kind === 'sent') input.onExchange(outcome.exchange, at);
      else input.onSkipped?.(testCase, outcome.reason, at);
    }
  }
}

function isStep(testCase: Case): testCase is Case & { readonly flow: FlowStep } {
  return testCase.flow !== undefined;
}
