/**
 * Items held and handled together, in the order they came: once `size` are
 * held, once they hold `bytes` (what they keep alive), `ms` after the first
 * was held, or when asked. Code that runs for one item at a time between
 * other work runs cold each time (caches, predictors); run for a batch, it
 * runs warm (issue 26, thirteenth round: see docs/performance.md).
 */

export interface Batch<T> {
  /** Holds `item`, which keeps `bytes` alive; handles the batch when a limit is reached. */
  hold(item: T, bytes: number): void;
  /** Handles every item held, in the order they were held. */
  flush(): void;
  /** Drops every item held, unhandled (a run that failed). */
  drop(): void;
}

export interface BatchLimits {
  readonly size: number;
  readonly bytes: number;
  readonly ms: number;
}

/** Runs `flush` after `ms`; returns what cancels it. */
export type BatchTimer = (ms: number, flush: () => void) => () => void;

/** A timer that never keeps the process alive. */
export const unrefTimer: BatchTimer = (ms, flush) => {
  const timer = setTimeout(flush, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export function createBatch<T>(
  handle: (item: T) => void,
  limits: BatchLimits,
  timer: BatchTimer = unrefTimer,
): Batch<T> {
  let held: T[] = [];
  let bytes = 0;
  let cancel: (() => void) | undefined;
  const drop = (): T[] => {
    const items = held;
    held = [];
    bytes = 0;
    cancel?.();
    cancel = undefined;
    return items;
  };
  // Taken off first: an item whose handling throws is never handled twice.
  const flush = (): void => {
    for (const item of drop()) handle(item);
  };
  return {
    hold(item, size) {
      held.push(item);
      bytes += size;
      if (held.length >= limits.size || bytes >= limits.bytes) flush();
      else cancel ??= timer(limits.ms, flush);
    },
    flush,
    drop() {
      drop();
    },
  };
}
