/**
 * Turns pushes from a callback (the pool's `onExchange`) into an async
 * iterable a loop reads in order. A pushed item is taken by the waiting loop
 * on the next microtask, before any further I/O, so the loop keeps up with
 * the pushes as a callback would. Pure.
 */

export interface Channel<T> extends AsyncIterable<T> {
  push(item: T): void;
  /** No more items: the loop ends once it has taken those pushed before. */
  close(): void;
}

export function createChannel<T>(): Channel<T> {
  let queue: T[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const woken = (): void => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  return {
    push(item) {
      if (closed) return;
      queue.push(item);
      woken();
    },
    close() {
      closed = true;
      woken();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        // Takes what is queued at once: the queue then holds only what the loop has not read.
        const taken = queue;
        queue = [];
        for (const item of taken) yield item;
        if (queue.length > 0) continue;
        if (closed) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
