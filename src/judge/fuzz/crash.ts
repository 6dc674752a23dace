/**
 * A target that stops answering after an input: the fuzzer's most valuable
 * finding. After any input that one side failed in transport, a seed both
 * sides answered before is sent again (the liveness probe): a side that
 * fails it too is down. With a reset hook that can bring a target back (a
 * `--reset-command`, run before every input, one input at a time), the input
 * just sent is the one that stopped it: a root cause of its own, shrunk
 * against "send it after a reset, then the probe fails". Without one, the
 * inputs around the first failure are the suspects (`suspectsOf`). Pure.
 */

import type { Observation } from '../../contract/observation.js';
import type { Generated } from './generate.js';
import type { FuzzCause } from './root-cause.js';

export type SideName = 'baseline' | 'candidate';

const SIDES: readonly SideName[] = ['baseline', 'candidate'];

/** The sides of a result that failed in transport. */
export function failedSides(result: Observation): SideName[] {
  return SIDES.filter((side) => result[side].error !== undefined);
}

/** The label a side that stops answering gets in a root cause. */
export const STOPS_ANSWERING = 'stops answering';

/** The root cause "`sides` stop answering after an input to `endpoint`". */
export function crashCause(
  endpoint: string,
  sides: readonly SideName[],
  result: Observation,
): FuzzCause {
  const key = `crash-${JSON.stringify([endpoint, [...sides].sort()])}`;
  const label = (side: SideName) =>
    sides.includes(side)
      ? STOPS_ANSWERING
      : (result[side].status ?? result[side].error?.code ?? 'no answer');
  const who = sides.length === 2 ? 'both sides stop' : `the ${sides[0]} stops`;
  return {
    key,
    type: 'stops-answering',
    group: 'crash',
    endpoint,
    baseline: label('baseline'),
    candidate: label('candidate'),
    title: `${who} answering after this input`,
  };
}

/** True for a root cause `crashCause` made. */
export const isCrash = (cause: FuzzCause): boolean => cause.group === 'crash';

/**
 * The inputs that may have stopped a target, most likely first. With
 * `concurrency` inputs in flight, the input that killed it was sent at most
 * `concurrency - 1` inputs after the first one that failed (it was in flight
 * when that one failed) and at most `concurrency` before it (it may have
 * been answered just before the crash). The first failure comes first, then
 * the inputs before it, nearest first, then those after it.
 */
export function suspectsOf(
  sent: ReadonlyMap<number, Generated>,
  firstFailure: number,
  concurrency: number,
): Generated[] {
  const window = Math.max(1, concurrency);
  const order = [firstFailure];
  for (let k = 1; k <= window; k++) order.push(firstFailure - k);
  for (let k = 1; k < window; k++) order.push(firstFailure + k);
  return order.flatMap((index) => {
    const gen = sent.get(index);
    return gen === undefined ? [] : [gen];
  });
}
