/**
 * Keeps parity's own work out of the latencies it reports. Judging a case
 * runs on the event loop; while it runs (a large divergent body can take a
 * while), responses of other cases wait in the socket, and their end is only
 * noticed once the loop is free again. A response whose end is noticed right
 * after such a stretch (before the loop has been round twice: the backlog
 * the stretch left) gets the overlap of that stretch with its flight taken
 * off its duration; a response that ends later is timed as measured.
 */

/** Work shorter than this is not a stretch worth correcting for (ms). */
const MIN_STALL_MS = 1;

export interface LoopClock {
  /** Runs `work` (parity's processing of one exchange), noting how long it held the loop. */
  busy<T>(work: () => T): T;
  /** Milliseconds from `sent` (a `now()` reading) to now, without the stretch that delayed noticing the end. */
  elapsedSince(sent: number): number;
}

export interface LoopClockOptions {
  readonly now?: () => number;
  /** Runs a callback once the loop has gone round (setImmediate). */
  readonly later?: (callback: () => void) => void;
}

/** A clock for one run (see the module comment). */
export function createLoopClock(options: LoopClockOptions = {}): LoopClock {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((callback: () => void) => void setImmediate(callback));
  let stallStart = 0;
  let stallEnd = 0;
  let draining = false;
  let generation = 0;
  return {
    busy(work) {
      const start = now();
      try {
        return work();
      } finally {
        const end = now();
        if (end - start >= MIN_STALL_MS) {
          stallStart = start;
          stallEnd = end;
          draining = true;
          const mine = ++generation;
          // Twice round: the I/O that arrived during the stretch is read in the next poll phase.
          later(() =>
            later(() => {
              if (mine === generation) draining = false;
            }),
          );
        }
      }
    },
    elapsedSince(sent) {
      const elapsed = now() - sent;
      if (!draining || stallEnd <= sent) return elapsed;
      return Math.max(0, elapsed - (stallEnd - Math.max(stallStart, sent)));
    },
  };
}
