/**
 * Types for `start.js`, so TypeScript tests and scripts can start the bundled
 * reference servers without `allowJs`.
 */

/** Which runtime's wire conventions the server follows. */
export type Flavor = 'serde' | 'go';

/** A listening reference server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3100`. */
  readonly url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Start a reference server; port 0 (the default) picks a free port. */
export function startServer(
  flavor: Flavor,
  options?: { port?: number; host?: string },
): Promise<RunningServer>;
