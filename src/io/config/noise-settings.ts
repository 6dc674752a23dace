/**
 * Resolved noise settings: what `run` and `calibrate` use, from the config's
 * `noise` section plus `--noise` / `--baseline-replica`.
 */

import type { Target } from '../../contract/model/case.js';
import type { NoiseThresholds } from '../../contract/report.js';
import type { SortRule } from '../../contract/rules/types.js';
import { targetAt } from '../../core/request/target-url.js';
import { ParityError } from '../../util/errors.js';
import type { EndpointNoiseSpec, NoiseConfig } from './noise-schema.js';

/** Diffy's defaults (`analysis/JoinedDifferences.scala`): 20% relative, 0.03% absolute. */
export const DEFAULT_THRESHOLDS: NoiseThresholds = { relative: 0.2, absolute: 0.0003 };

/** Learned noise of one endpoint, resolved. */
export interface EndpointNoise {
  readonly ignore: readonly string[];
  readonly sortArrays: readonly SortRule[];
  /** Added to the case's volatile headers (`false` in the config: none). */
  readonly volatileHeaders: readonly string[] | false;
}

export interface NoiseSettings {
  /** Send each case a second time to the baseline (or the replica) and learn from the two answers. */
  readonly enabled: boolean;
  /** Where the second call goes; `undefined`: the baseline itself. */
  readonly replica: Target | undefined;
  /**
   * Shadow mode without a replica: no second call; the second answer is the
   * baseline's previous answer to the same read in the traffic.
   */
  readonly fromRepeats?: boolean | undefined;
  readonly thresholds: NoiseThresholds;
  /** Keyed by endpoint (`GET /v1/records/:id`). */
  readonly endpoints: ReadonlyMap<string, EndpointNoise>;
}

export const NO_NOISE: NoiseSettings = {
  enabled: false,
  replica: undefined,
  thresholds: DEFAULT_THRESHOLDS,
  endpoints: new Map(),
};

function endpointNoise(spec: EndpointNoiseSpec): EndpointNoise {
  return {
    ignore: spec.ignore ?? [],
    sortArrays: (spec.sortArrays ?? []).map((s) =>
      typeof s === 'string' ? { path: s, by: undefined } : { path: s.path, by: s.by },
    ),
    volatileHeaders: spec.volatileHeaders ?? [],
  };
}

/**
 * The settings from the config section and the flags; `resolveReplica` turns
 * a `NAME=URL` or target name into a target (it throws a usage error).
 */
export function resolveNoise(
  config: NoiseConfig | undefined,
  flags: { readonly noise?: boolean | undefined; readonly replica?: string | undefined },
  resolveReplica: (spec: string) => Target,
): NoiseSettings {
  const section = typeof config === 'object' ? config : {};
  const replica = flags.replica ?? section.replica;
  return {
    // Naming a replica on the command line asks for noise learning.
    enabled:
      flags.noise === true ||
      flags.replica !== undefined ||
      config === true ||
      section.enabled === true,
    replica: replica === undefined ? undefined : resolveReplica(replica),
    thresholds: {
      relative: section.relative ?? DEFAULT_THRESHOLDS.relative,
      absolute: section.absolute ?? DEFAULT_THRESHOLDS.absolute,
    },
    endpoints: new Map(
      Object.entries(section.endpoints ?? {}).map(([name, spec]) => [name, endpointNoise(spec)]),
    ),
  };
}

/**
 * `--baseline-replica NAME=URL` (or `noise.replica`) defines a target; a bare
 * name picks one from the config's `targets`, with its headers.
 */
export function replicaTarget(
  spec: string,
  targets: Readonly<Record<string, { url: string; headers?: Record<string, string> | undefined }>>,
): Target {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : spec;
  const configured = targets[name];
  const text = eq > 0 ? spec.slice(eq + 1) : configured?.url;
  if (text === undefined) {
    const known = Object.keys(targets);
    throw new ParityError(
      'PARITY_USAGE',
      `--baseline-replica ${spec}: no such target${known.length > 0 ? ` (configured: ${known.join(', ')})` : ''}; use NAME=URL (e.g. rust2=http://127.0.0.1:3101)`,
    );
  }
  return targetAt(name, text, Object.entries(configured?.headers ?? {}), '--baseline-replica');
}
