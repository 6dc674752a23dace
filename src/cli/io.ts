/** What the CLI may touch of its process: passed in, so tests run `main` in-process. */
import type { AppContext } from '../app/context.js';

export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock, so tests can pin dates in the tracker. */
  readonly now?: () => Date;
  /** Standard input, read whole (`parity import curl` without a file). */
  readonly stdin?: () => Promise<string>;
}

/** What the use cases get of `io`: the working folder, the environment and the clock. */
export function contextOf(io: Io): AppContext {
  return { cwd: io.cwd, env: io.env, now: io.now ?? (() => new Date()) };
}
