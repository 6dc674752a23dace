/**
 * Request deadlines with one coarse interval per client instead of a timer per
 * request: arming and clearing a Node timer per request shows up on the hot
 * path at tens of thousands of requests per second. A deadline fires within
 * one period (a tenth of the budget, 5–100 ms) after it passes.
 */

export interface Deadline {
  /** `performance.now()` time after which the request has run out of budget. */
  readonly at: number;
  readonly expire: () => void;
}

export interface Deadlines {
  add(deadline: Deadline): void;
  remove(deadline: Deadline): void;
}

export function createDeadlines(budgetMs: number): Deadlines {
  const period = Math.min(100, Math.max(5, Math.floor(budgetMs / 10)));
  const live = new Set<Deadline>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const sweep = (): void => {
    const now = performance.now();
    for (const deadline of live) {
      if (deadline.at > now) continue;
      live.delete(deadline);
      deadline.expire();
    }
    if (live.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    add(deadline) {
      live.add(deadline);
      // Unref'd: a pending request keeps the process alive through its socket, not through us.
      timer ??= setInterval(sweep, period).unref();
    },
    remove(deadline) {
      live.delete(deadline);
    },
  };
}
