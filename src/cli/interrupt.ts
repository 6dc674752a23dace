/**
 * Turns the process's signals into a run's `Interrupt`, saying on stderr what
 * happens: the first signal stops the sending and lets the cases in flight
 * finish (up to the request timeout); a second SIGINT or SIGTERM aborts them.
 */
import { createInterrupt, type Interrupt } from '../engine/run/interrupt.js';
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
  let settled = false;
  const off = io.signals?.on((signal) => {
    const first = interrupt.signal === undefined;
    // A closed terminal can send its hangup twice (the shell, then the
    // kernel): a repeated SIGHUP is not a second Ctrl-C, the wait goes on.
    if (!first && signal === 'SIGHUP') return;
    interrupt.raise(signal);
    if (first && settled) io.signals?.unguard?.();
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
  // Once a first signal came, a second one during a comparison ends the process at once.
  const busy = <T>(work: () => T): T => {
    if (interrupt.signal === undefined || settled) return work();
    const restore = io.signals?.unguard?.();
    try {
      return work();
    } finally {
      restore?.();
    }
  };
  // Once nothing is in flight, no second signal has anything to abort: it ends the process.
  const settle = () => {
    if (settled) return;
    settled = true;
    if (interrupt.signal !== undefined) io.signals?.unguard?.();
  };
  return {
    interrupt: Object.assign(interrupt, { busy, settle }),
    completed: () => void done++,
    close: () => off?.(),
  };
}
