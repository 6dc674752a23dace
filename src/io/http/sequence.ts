/**
 * A sequence run by one worker: its cases strictly in order, one at a time
 * (each sent to every side at once). Plain cases (of a serial file) are sent
 * as the pool sends any case; flow steps go through their flow's run, which
 * keeps each side's captured variables until the flow's last step.
 */

import type { Case } from '../../contract/model/case.js';
import type { CaseSequence } from '../../contract/model/unit.js';
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
  /** With `--noise` on disposable targets: each flow runs a second time (see {@link FlowAgain}). */
  readonly again?: FlowAgain<R> | undefined;
}

/**
 * A flow run twice on each side, so what differs between the two runs of
 * the baseline is learned as noise (its own ids, stamps, revisions): the
 * flow runs whole, then `before` (the reset hook, or nothing when the
 * targets are only disposable), then the flow runs again, and each step's
 * first value is `join`ed with the second run's at the same step.
 */
export interface FlowAgain<R> {
  /** Runs between the two runs (a reset hook); a rejection ends the run (the hook failed). */
  readonly before: () => Promise<void>;
  /** A new flow for the second run, with variables of its own. */
  readonly flow: () => (step: StepCase) => Promise<Sent<R>>;
  /** The step's value from the first run with the second run's value of the same step. */
  readonly join: (first: R, second: R) => R;
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
  if (input.again !== undefined) {
    const flow = await flowOf(sequence);
    if (flow !== undefined) return runTwice(flow, first, input, input.again);
  }
  let position = first;
  let step: ((testCase: StepCase) => Promise<Sent<R>>) | undefined;
  for await (const batch of sequence.cases()) {
    for (const testCase of batch) {
      const at = position++;
      if (!isStep(testCase)) {
        step = undefined;
        await settled(input.onSent(await input.sender.send(testCase, true), at));
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

/** The sequence's steps when it is one flow (a serial file is not run twice); undefined otherwise. */
async function flowOf(sequence: CaseSequence): Promise<StepCase[] | undefined> {
  const steps: StepCase[] = [];
  for await (const batch of sequence.cases()) {
    for (const testCase of batch) {
      if (!isStep(testCase) || (testCase.flow.index === 0 && steps.length > 0)) return undefined;
      steps.push(testCase);
    }
  }
  return steps.length > 0 ? steps : undefined;
}

async function runAll<R>(
  steps: readonly StepCase[],
  send: (step: StepCase) => Promise<Sent<R>>,
): Promise<Sent<R>[]> {
  const sent: Sent<R>[] = [];
  for (const step of steps) sent.push(await send(step));
  return sent;
}

/** One flow run whole, then again after `again.before`; each step handed on once, with both runs. */
async function runTwice<R>(
  steps: readonly StepCase[],
  first: number,
  input: SequenceInput<R>,
  again: FlowAgain<R>,
): Promise<void> {
  const once = await runAll(steps, input.sender.flow());
  await again.before();
  const twice = await runAll(steps, again.flow());
  for (const [i, step] of steps.entries()) {
    const outcome = once[i];
    const other = twice[i];
    if (outcome === undefined) continue;
    if (outcome.kind !== 'sent') {
      await settled(input.onSkipped?.(step, outcome.reason, first + i));
      continue;
    }
    const value = other?.kind === 'sent' ? again.join(outcome.value, other.value) : outcome.value;
    await settled(input.onSent(value, first + i));
  }
}

function isStep(testCase: Case): testCase is StepCase {
  return testCase.flow !== undefined;
}
