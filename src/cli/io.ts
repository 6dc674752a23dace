/** What the CLI may touch of its process: passed in, so tests run `main` in-process. */

import type { InterruptSignal } from '../contract/vocabulary.js';
import type { AppContext } from '../engine/run/context.js';
import { type Host, unknownHost } from '../util/host.js';

export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock, so tests can pin dates in the tracker. */
  readonly now?: () => Date;
  /** This process (pid, host name, whether another pid is alive); unknown when absent. */
  readonly host?: Host;
  /** SIGINT / SIGTERM / SIGHUP: a command that can stop cleanly listens while it runs. */
  readonly signals?: SignalSource;
  /** Standard input, read whole (`parity import curl` without a file). */
  readonly stdin?: () => Promise<string>;
  /**
   * Called once, when the command's code has loaded and before it runs (the
   * bin sets its V8 flags there, after Node has loaded the modules the
   * command needs; see bin/parity.js).
   */
  readonly commandLoaded?: () => void;
}

/**
 * The process's stop signals. While a listener is registered, a signal goes
 * to it (the command stops cleanly); with none, the signal ends the process
 * at once, as it normally would.
 */
export interface SignalSource {
  /** Registers `listener`; returns its removal. */
  on(listener: (signal: InterruptSignal) => void): () => void;
  /**
   * Leaves SIGINT and SIGTERM at their default action (ending the process at
   * once, even in the middle of synchronous work) until the returned restore.
   */
  unguard?(): () => void;
}

/** What the use cases get of `io`: the working folder, the environment and the clock. */
export function contextOf(io: Io): AppContext {
  return {
    cwd: io.cwd,
    env: io.env,
    now: io.now ?? (() => new Date()),
    host: io.host ?? unknownHost(),
  };
}
