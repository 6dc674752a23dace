/**
 * How a run takes its steps and judges its differing answers: in batches
 * (`util/batch.ts`). Each step the pool hands over is held, and a batch of
 * them is taken together (masked, held for its flow, judged at first sight);
 * an exchange whose answers differ at first sight (`observeOrPend`) is held
 * again, and judged with the others that differ. One at a time between the
 * sending and receiving of other cases, that code ran cold: a 20,000-case
 * run with every tenth case divergent took ~12% more CPU than the same cases
 * with the divergences in runs of ten or a hundred, and batching the steps of
 * equal cases took ~3% off theirs (issue 26, thirteenth round). Nothing
 * waits long: a batch is taken at 32 items, at 4 MiB of bodies held, 50 ms
 * after its first item, before a flow's secrets mark the results added so
 * far, and at the end of the run; a batch taken on a timer is timed by the
 * run's loop clock like any judging (`execute/loop-clock.ts`).
 */
import type { LoopClock } from '../execute/loop-clock.js';
import type { Exchange, SideOutcome } from '../model/exchange.js';
import { type BatchLimits, type BatchTimer, unrefTimer } from '../util/batch.js';
import type { HeldStep } from './flow-hold.js';

export const RUN_BATCH_LIMITS: BatchLimits = { size: 32, bytes: 4 * 1024 * 1024, ms: 50 };

/** A timer whose batch is timed by `clock`, and never keeps the process alive. */
export function clockedTimer(clock: LoopClock): BatchTimer {
  return (ms, flush) => unrefTimer(ms, () => clock.busy(flush));
}

/** What a side's answer keeps alive while it waits: its body's text, or its size. */
function sideBytes(side: SideOutcome | undefined): number {
  if (side?.outcome !== 'response') return 0;
  const { body } = side.response;
  if ('text' in body && body.text !== undefined) return body.text.length;
  return 'size' in body ? body.size : side.response.wireBytes;
}

/** What an exchange keeps alive while it waits to be judged. */
export function exchangeBytes(exchange: Exchange): number {
  return sideBytes(exchange.baseline) + sideBytes(exchange.candidate) + sideBytes(exchange.replica);
}

/** What a step keeps alive while it waits to be taken. */
export function stepBytes(step: HeldStep): number {
  return 'exchange' in step ? exchangeBytes(step.exchange) : 0;
}
