/** What a use case may know of the process it runs in: passed in by the CLI. */
import type { Env } from '../../util/env.js';
import type { Host } from '../../util/host.js';

export interface AppContext {
  /** The working folder: relative paths resolve against it. */
  readonly cwd: string;
  readonly env: Env;
  /** The clock, so tests can pin dates in reports and the tracker. */
  readonly now: () => Date;
  /** This process, for the locks and run folders it owns. */
  readonly host: Host;
}
