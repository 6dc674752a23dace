/**
 * A flow step's `until` on one side: the step sent again, `intervalMs`
 * apart, until that side's answer meets the condition or its tries are
 * spent. Each side waits on its own; only its last answer is kept. A side
 * that failed in transport is not sent again (the flow stops there), and a
 * run that is stopping (a signal) stops waiting at once.
 */

import type { Until } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { untilMet } from '../../core/flow/until.js';

/** How one side's wait ended: its last answer, the sends it took, and why it is not met. */
export interface Waited {
  readonly answer: SideOutcome;
  readonly tries: number;
  /** Undefined when the last answer met the condition. */
  readonly unmet?: { readonly reason: string; readonly interrupted: boolean };
}

export interface WaitOptions {
  /** Sends the step once more (each side its own request). */
  readonly send: () => Promise<SideOutcome>;
  /** Only one send (a side answered from a recording: its answer never changes). */
  readonly once?: boolean;
  /** Checked before each pause and during it: once true, the wait ends (the run is stopping). */
  readonly stopped?: (() => boolean) | undefined;
}

/** The longest a pause sleeps before it looks at `stopped` again. */
const STOP_CHECK_MS = 25;

/** Sends again after `first` until `until` is met on this side (see the module comment). */
export async function waitUntil(
  until: Until,
  first: SideOutcome,
  options: WaitOptions,
): Promise<Waited> {
  let answer = first;
  let tries = 1;
  for (;;) {
    const outcome = untilMet(until, answer);
    if (outcome.met) return { answer, tries };
    const spent =
      tries >= until.tries || options.once === true || answer.outcome === 'transport-error';
    if (spent) return { answer, tries, unmet: { reason: outcome.reason, interrupted: false } };
    if (!(await pause(until.intervalMs, options.stopped))) {
      return { answer, tries, unmet: { reason: outcome.reason, interrupted: true } };
    }
    answer = await options.send();
    tries++;
  }
}

/** Sleeps `ms`, looking at `stopped` as it goes; false when it stopped early. */
async function pause(ms: number, stopped: (() => boolean) | undefined): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (stopped?.() === true) return false;
    const left = until - Date.now();
    if (left <= 0) return true;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(left, STOP_CHECK_MS)));
  }
}
