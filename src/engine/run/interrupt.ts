/**
 * A run's view of the signals that stop it early (SIGINT, SIGTERM, SIGHUP): the CLI
 * turns the process's signals into one of these; the run polls `signal`
 * before sending each case, and aborts what is in flight on a repeat.
 */
import type { InterruptSignal } from '../../contract/vocabulary.js';

export interface Interrupt {
  /** The first signal received, once one was. */
  readonly signal: InterruptSignal | undefined;
  /** Calls `listener` on each further signal (a second Ctrl-C: stop waiting for what is in flight). */
  onRepeat(listener: () => void): void;
  /**
   * Runs synchronous work (judging a case) so that, once a first signal
   * came, a further SIGINT or SIGTERM ends the process at once: no listener
   * can run before such work returns, and one huge case may take seconds.
   */
  busy?<T>(work: () => T): T;
  /**
   * Says the sending is over (nothing in flight): from the first signal on,
   * a further SIGINT or SIGTERM ends the process at once, whatever it is
   * busy with (judging again, writing the reports).
   */
  settle?(): void;
}

/** A run can also be cut short by the code that started it (tests, the library API). */
export function createInterrupt(): Interrupt & { raise(signal: InterruptSignal): void } {
  let signal: InterruptSignal | undefined;
  const repeats: (() => void)[] = [];
  return {
    get signal() {
      return signal;
    },
    onRepeat: (listener) => void repeats.push(listener),
    raise(received) {
      if (signal === undefined) signal = received;
      else for (const listener of repeats) listener();
    },
  };
}
