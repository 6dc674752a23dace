/**
 * Turns the process's signals into a run's `Interrupt`, saying on stderr what
 * happens: the first signal stops the sending and lets the cases in flight
 * finish (up to the request timeout); a second one aborts them.
 */
import { createInterrupt, type Interrupt } from '../app/interrupt.js';
import type { Io } from './io.js';

export interface CliInterrupt {
  readonly interrupt: Interrupt;
  /** Counts a case that completed (to tell "stopping" from "already finishing"). */
  completed(): void;
  /** Stops listening. */
  close(): void;
}

/** Listens to `io.signals` for a run of `total` cases that each may take `timeoutMs`. */
export function listenForSignals(io: Io, total: number, timeoutMs: number): CliInterrupt {
  const interrupt = createInterrupt();
  let done = 0;
  const off = io.signals?.on((signal) => {
    const first = interrupt.signal === undefined;
    interrupt.raise(signal);
    if (!first) {
      io.stderr.write(`parity: ${signal} again: aborting the requests in flight\n`);
    } else if (done >= total) {
      io.stderr.write(`parity: ${signal}: every case has run; writing the reports\n`);
    } else {
      io.stderr.write(
        `parity: ${signal}: no new case will be sent; waiting for the cases in flight (up to ${timeoutMs} ms), then writing a report marked interrupted (send the signal again to stop waiting)\n`,
      );
    }
  });
  return {
    interrupt,
    completed: () => void done++,
    close: () => off?.(),
  };
}
