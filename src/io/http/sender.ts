/**
 * How the pool sends a run's cases (`pool.ts`, `sequence.ts`): a case on its
 * own, or a flow's steps in order, each step sent or not sent with the
 * reason. `parity run` sends each case to both sides and gets an `Exchange`
 * (`exchangeSender` in `exchange.ts`); `parity record` sends it to the one
 * target it records. The order and the units (serial files and flows never
 * overlap) are the pool's, the same for both.
 */
import { type Case, isWriteMethod } from '../../contract/model/case.js';
import type { StepCase } from './flow-run.js';

/** What became of a flow step: sent (what sending gives), or not sent and why. */
export type Sent<R> =
  | { readonly kind: 'sent'; readonly value: R }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Sends cases and flow steps; `R` is what one sent case gives. */
export interface Sender<R> {
  /**
   * A case on its own: a plain case, or a case of a serial file
   * (`inSequence`: a stateful sequence, where a write must not be repeated
   * on the baseline to learn noise, see `sendsAgain`).
   */
  send(testCase: Case, inSequence?: boolean): Promise<R>;
  /** A new flow: a function that sends its steps, in order, keeping the flow's variables. */
  flow(): (step: StepCase) => Promise<Sent<R>>;
}

/**
 * Whether noise learning may send `testCase` to the baseline a second time:
 * not a write (POST, PUT, PATCH, DELETE, …) of a serial file, whose later
 * cases would see it twice on the baseline and once on the candidate. A
 * case on its own is independent of the others, so it may be sent again.
 */
export function sendsAgain(testCase: Case, inSequence: boolean | undefined): boolean {
  return inSequence !== true || !isWriteMethod(testCase.request.method);
}
