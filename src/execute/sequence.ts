/**
 * A sequence run by one worker: its cases strictly in order, one at a time
 * (each sent to every side at once). Plain cases (of a serial file) are sent
 * as the pool sends any case; flow steps go through their flow's run, which
 * keeps each side's captured variables until the flow's last step.
 */
import type { CaseSequence } from '../cases/source.js';
import type { Case } from '../model/case.js';
import type { StepCase } from './flow-run.js';
import type { Sender, Sent } from './sender.js';

/** What a sequence needs of the pool's input. */
export interface SequenceInput<R> {
  readonly sender: Sender<R>;
  /**
   * Called as each case is sent, with its position in run order (0-based).
   * A promise it returns is awaited before the worker takes more (`record`
   * writes each answer), so nothing piles up.
   */
  readonly onSent: (value: R, position: number) => Done;
  /** Called for a case that was not sent (a flow step that cannot run), with the reason. */
  readonly onSkipped?: ((testCase: Case, reason: string, position: number) => Done) | undefined;
}

/** What a callback returns: nothing, or a promise to wait for. */
export type Done = void | Promise<void>;

/** Waits for `done` only when it is a promise (the run's callbacks are synchronous). */
export async function settled(done: Done): Promise<void> {
  if (done instanceof Promise) await done;
}

/** Runs `sequence`, its first case at position `first` in run order. */
export async function runSequence<R>(
  sequence: CaseSequence,
  first: number,
  input: SequenceInput<R>,
): Promise<void> {
  let position = first;
  let step: ((testCase: StepCase) => Promise<Sent<R>>) | undefined;
  for await (const batch of sequence.cases()) {
    for (const testCase of batch) {
      const at = position++;
      if (!isStep(testCase)) {
        step = undefined;
        await settled(input.onSent(await input.sender.send(testCase), at));
        continue;
      }
      // A flow's variables live from its first step to its last, per flow.
      if (step === undefined || testCase.flow.index === 0) step = input.sender.flow();
      const outcome = await step(testCase);
      if (outcome.kind === 'sent') await settled(input.onSent(outcome.value, at));
      else await settled(input.onSkipped?.(testCase, outcome.reason, at));
    }
  }
}

function isStep(testCase: Case): testCase is StepCase {
  return testCase.flow !== undefined;
}
