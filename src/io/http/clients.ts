/**
 * The HTTP clients of a run's targets, with the options the config resolved:
 * one pool per target (and one for the noise replica when noise learning is
 * on). Shared by every command that sends cases (`run`, `fuzz`; `calibrate`
 * takes the options).
 */

import type { ResolvedConfig } from '../config/resolve.js';
import type { RunConfig } from '../config/targets.js';
import { type ClientOptions, createClient, type TargetClient } from './client.js';
import { InFlightBytes, inFlightLimit } from './in-flight.js';

export interface RunClients {
  readonly baseline: TargetClient;
  readonly candidate: TargetClient;
  /** With noise learning: the second baseline call goes here (the baseline again, or its replica). */
  readonly replica: TargetClient | undefined;
  /** The bound on body bytes in flight the clients count against (the pool opens and releases its holds). */
  readonly inFlight: InFlightBytes;
  close(): Promise<void>;
}

/** The client options of `config`: its concurrency, timeout, body cap, retries and gentleness. */
export function clientOptionsOf(config: ResolvedConfig): ClientOptions {
  return {
    connections: config.concurrency,
    timeoutMs: config.timeoutMs,
    bodyCapBytes: config.bodyCapBytes,
    bodyBudget: config.bodyBudget,
    retries: config.retries,
    ratePerSecond: config.rate,
    maxInFlight: config.maxInFlight,
  };
}

/** Opens the clients of `config`'s targets (`baseline`: a client that stands in for the baseline's). */
export function openClients(
  config: RunConfig,
  instead: { readonly baseline?: TargetClient } = {},
  more: Pick<ClientOptions, 'clock'> & {
    /** The candidate's own rate (shadow's `--candidate-rate`), instead of the config's. */
    readonly candidateRate?: number | undefined;
  } = {},
): RunClients {
  const { candidateRate, ...extra } = more;
  // With --max-in-flight an answer waiting for the bound would hold one of the
  // target's few slots, which the oldest case's second look or retry may
  // need: the run could wait on itself. There the bound only counts.
  const inFlight = new InFlightBytes(
    config.maxInFlight === undefined
      ? inFlightLimit(config.bodyCapBytes, config.concurrency)
      : Number.POSITIVE_INFINITY,
  );
  const options = { ...clientOptionsOf(config), ...extra, inFlight };
  const baseline = instead.baseline ?? createClient(config.baseline, options);
  const candidate = createClient(config.candidate, {
    ...options,
    ratePerSecond: candidateRate ?? options.ratePerSecond,
  });
  // The second baseline call of noise learning gets its own pool (or the replica's).
  const replica = config.noise.enabled
    ? createClient(config.noise.replica ?? config.baseline, options)
    : undefined;
  return {
    baseline,
    candidate,
    replica,
    inFlight,
    close: async () => {
      await Promise.all([baseline.close(), candidate.close(), replica?.close()]);
    },
  };
}
