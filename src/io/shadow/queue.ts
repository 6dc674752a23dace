/**
 * The mirror queue: bounded, so a slow or dead candidate costs dropped
 * copies (counted), never memory. `offer` never waits: a full queue drops
 * the item at once, so the listening side is never held up; so does a busy
 * process (`load`, see `busy.ts`), but only with evidence that the copies
 * hold the clients up: copies waiting or being worked on, or the loop
 * saturated through windows in a row (a fast candidate leaves nothing under
 * way for long). One busy window alone (a first comparison's cold start on an
 * idle process) sheds nothing. A fixed number of workers take items in arrival order.
 */

import type { LoopLoad } from './busy.js';

export interface QueueStats {
  /** Items taken in. */
  readonly accepted: number;
  /** Items refused because the queue was full or the process busy, or dropped at shutdown. */
  readonly dropped: number;
  /** Of those, refused because the process was busy. */
  readonly busy: number;
  /** Items whose work has finished. */
  readonly done: number;
  /** Items waiting, and being worked on. */
  readonly waiting: number;
  readonly working: number;
}

export interface MirrorQueue<T> {
  /**
   * Whether an item offered now would be taken: false (counted dropped, as
   * `offer` counts it) when the queue is full or the process busy, so the
   * caller gathers nothing for it. Takes nothing: `offer` checks again.
   */
  admit(): boolean;
  /** Queues `item`; false when the queue is full (the item is dropped and counted). */
  offer(item: T): boolean;
  /** Resolves once every queued item has been worked on. */
  drain(): Promise<void>;
  /** Drops what is waiting (counted); the items being worked on finish. Returns how many. */
  dropWaiting(): number;
  stats(): QueueStats;
}

export function createMirrorQueue<T>(options: {
  readonly capacity: number;
  readonly workers: number;
  readonly work: (item: T) => Promise<void>;
  /**
   * The process's load: `saturated`, or `busy` while copies wait or are
   * worked on, refuses offers (dropped and counted) whatever the room; with
   * none under way, a `busy` process still takes the copy.
   */
  readonly load?: (() => LoopLoad) | undefined;
  /** Told of each item dropped while waiting (at shutdown), never worked on. */
  readonly discard?: ((item: T) => void) | undefined;
}): MirrorQueue<T> {
  const waiting: T[] = [];
  let head = 0;
  let working = 0;
  let accepted = 0;
  let dropped = 0;
  let busy = 0;
  let done = 0;
  let idle: (() => void)[] = [];
  const size = () => waiting.length - head;
  const settleIdle = (): void => {
    if (size() > 0 || working > 0) return;
    const listeners = idle;
    idle = [];
    for (const listener of listeners) listener();
  };
  const next = (): void => {
    while (working < options.workers && size() > 0) {
      const item = waiting[head] as T;
      waiting[head++] = undefined as T;
      // Compact now and then, so the array does not grow with the traffic.
      if (head > 1024 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      working++;
      void options
        .work(item)
        .catch(() => undefined)
        .finally(() => {
          working--;
          done++;
          next();
          settleIdle();
        });
    }
  };
  /** Whether there is room and the process is not busy with copies; counts the drop when not. */
  const room = (): boolean => {
    if (size() >= options.capacity) {
      dropped++;
      return false;
    }
    const load = options.load?.() ?? 'idle';
    if (load === 'saturated' || (load === 'busy' && (size() > 0 || working > 0))) {
      dropped++;
      busy++;
      return false;
    }
    return true;
  };
  return {
    admit: room,
    offer(item) {
      if (!room()) return false;
      accepted++;
      waiting.push(item);
      next();
      return true;
    },
    drain() {
      if (size() === 0 && working === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    dropWaiting() {
      const count = size();
      dropped += count;
      for (let i = head; i < waiting.length; i++) options.discard?.(waiting[i] as T);
      waiting.length = 0;
      head = 0;
      settleIdle();
      return count;
    },
    stats: () => ({ accepted, dropped, busy, done, waiting: size(), working }),
  };
}
