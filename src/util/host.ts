/**
 * The process parity runs in, as the writers need it: who owns a lock, and
 * whether the owner of an abandoned one is still alive. Passed in from the
 * bin (the only module that touches `process`).
 */
import { hostname } from 'node:os';

export interface Host {
  readonly pid: number;
  readonly hostname: string;
  /** True when a process with this id runs on this machine (or when that cannot be known). */
  isAlive(pid: number): boolean;
  /**
   * When this process started (ms since the epoch): a mark another process
   * made before it is not its own, even under the same pid (a container
   * restarted, a pid reused). Unknown: a mark with this pid is its own.
   */
  readonly startedAt?: number;
  /** The Node binary, to start a Node child process with (`parity demo`'s servers); `node` when unknown. */
  readonly execPath?: string;
  /** The script Node runs (the package's `bin/parity.js`, maybe through npm's `.bin` link). */
  readonly script?: string;
}

/** A host whose process is unknown: pid 0, and every other process assumed alive. */
export function unknownHost(): Host {
  return { pid: 0, hostname: hostname(), isAlive: () => true };
}
