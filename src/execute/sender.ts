/**
 * How the pool sends a run's cases (`pool.ts`, `sequence.ts`): a case on its
 * own, or a flow's steps in order, each step sent or not sent with the
 * reason. `parity run` sends each case to both sides and gets an `Exchange`
 * (`exchangeSender` in `exchange.ts`); `parity record` sends it to the one
 * target it records. The order and the units (serial files and flows never
 * overlap) are the pool's, the same for both.
 */
import type { Case } from '../model/case.js';
import type { StepCase } from './flow-run.js';

/** What became of a flow step: sent (what sending gives), or not sent and why. */
export type Sent<R> =
  | { readonly kind: 'sent'; readonly value: R }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Sends cases and flow steps; `R` is what one sent case gives. */
export interface Sender<R> {
  /** A case on its own: a plain case, or a case of a serial file. */
  send(testCase: Case): Promise<R>;
  /** A new flow: a function that sends its steps, in order, keeping the flow's variables. */
  flow(): (step: StepCase) => Promise<Sent<R>>;
}
