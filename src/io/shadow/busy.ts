/**
 * Whether this process's event loop is saturated: the share of the last
 * window it spent running code rather than waiting for I/O (Node's event
 * loop utilisation) at or past a threshold. Shadow mode refuses new
 * mirrored requests while it is and copies are under way (`queue.ts`: dropped
 * and counted, as when the queue is full): the clients' requests share this
 * loop, and comparing must never cost them throughput. Read on demand, at most once a window.
 */
import { performance } from 'node:perf_hooks';

/**
 * How loaded the event loop is: `idle`; `busy`, the last window at or past
 * the threshold; `saturated`, two windows in a row busy back to back (copies
 * offered often enough to measure them, the loop full through both).
 */
export type LoopLoad = 'idle' | 'busy' | 'saturated';

export interface BusyProbe {
  /** The load of the last window (read on demand, at most once a window). */
  load(): LoopLoad;
}

/**
 * Half busy: measured under the bench's saturating load (`--cpu-prof`, CPU per
 * request), a copy compared costs more of the process than its client's
 * request does, so past half the comparisons took the clients' throughput
 * (0.58–0.83× the minimal proxy at 90%, at or above it at 50%); at a load
 * the process holds easily (200 requests/s) every copy is still compared.
 */
export const BUSY_DEFAULTS = { threshold: 0.5, windowMs: 100 } as const;

export function createBusyProbe(
  options: { readonly threshold: number; readonly windowMs: number } = BUSY_DEFAULTS,
): BusyProbe {
  let last = performance.eventLoopUtilization();
  let busy = false;
  /** Busy windows in a row, each read within two windows of the last. */
  let streak = 0;
  const read = (): boolean => {
    const now = performance.eventLoopUtilization();
    const window = performance.eventLoopUtilization(now, last);
    const span = window.idle + window.active;
    if (span < options.windowMs) return busy;
    last = now;
    busy = window.utilization >= options.threshold;
    // A window read long after the last one spans quiet time: no run of load.
    streak = busy ? (span <= 2 * options.windowMs ? streak + 1 : 1) : 0;
    return busy;
  };
  return { load: () => (!read() ? 'idle' : streak >= 2 ? 'saturated' : 'busy') };
}
