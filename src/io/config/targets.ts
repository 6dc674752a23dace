/**
 * The targets a command sends to, parsed from the choice `resolveConfig` made
 * (flag over file): the baseline, the candidate, and the noise settings with
 * their replica. Only the commands that send call this, so the others never
 * fail for a missing target. A missing or unknown target is a usage error.
 */

import type { Pairs, Target } from '../../contract/model/case.js';
import type { Runtime } from '../../contract/vocabulary.js';
import { targetAt } from '../../core/request/target-url.js';
import { ParityError } from '../../util/errors.js';
import { type NoiseSettings, replicaTarget, resolveNoise } from './noise-settings.js';
import type { ResolvedConfig, TargetChoice } from './resolve.js';

/** What `parity calibrate` sends to: the baseline, twice (or to its replica). */
export interface BaselineTargets {
  readonly baseline: Target;
  /** `--noise`, the replica, thresholds and per-endpoint noise. */
  readonly noise: NoiseSettings;
}

/** What a run sends to. */
export interface RunTargets extends BaselineTargets {
  readonly candidate: Target;
}

/** A run's config: every command's, plus its targets. */
export type RunConfig = ResolvedConfig & RunTargets;

type Side = 'baseline' | 'candidate';

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

const EXAMPLE: Record<Side, string> = {
  baseline: 'rust=http://127.0.0.1:3100',
  candidate: 'go=http://127.0.0.1:4110',
};

/**
 * `NAME=URL` defines a target (with the headers and the runtime of a
 * configured target of that name, and its `disposable` mark only at the
 * configured URL); a bare `NAME` picks one from the config's `targets`.
 */
/** The target name a `--baseline`/`--target` value names: `NAME` of `NAME=URL`, or the bare name. */
export function targetName(spec: string): string {
  const eq = spec.indexOf('=');
  return eq > 0 ? spec.slice(0, eq) : spec;
}

function parseTarget(side: Side, choice: TargetChoice): Target {
  const { configured } = choice;
  const spec = choice[side];
  if (spec === undefined) {
    throw usage(
      `no ${side} target: pass --${side} NAME=URL (e.g. --${side} ${EXAMPLE[side]}) or set "${side}" in parity.config.yaml`,
    );
  }
  const eq = spec.indexOf('=');
  if (eq > 0) {
    const name = targetName(spec);
    const headers: Pairs = Object.entries(configured[name]?.headers ?? {});
    const url = spec.slice(eq + 1);
    const own = configured[name];
    // `disposable` is the config's word on the instance at its own URL, not on any URL of that name.
    const mark = own !== undefined && !sameUrl(own.url, url) ? { ...own, disposable: false } : own;
    return { ...targetAt(name, url, headers, `--${side}`), ...marks(mark) };
  }
  const target = configured[spec];
  if (target === undefined) {
    const known = Object.keys(configured);
    throw usage(
      `--${side} ${spec}: no such target${known.length > 0 ? ` (configured: ${known.join(', ')})` : ''}; use NAME=URL to define one`,
    );
  }
  return {
    ...targetAt(spec, target.url, Object.entries(target.headers ?? {}), `targets.${spec}.url`),
    ...marks(target),
  };
}

/** Whether two target URLs are one address (`http://h:1` and `http://h:1/` are). */
function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/** What the config says of a target besides its address: `disposable`, its `runtime`. */
function marks(
  target:
    | { readonly disposable?: boolean | undefined; readonly runtime?: Runtime | undefined }
    | undefined,
): { disposable?: true; runtime?: Runtime } {
  return {
    ...(target?.disposable === true ? { disposable: true } : {}),
    ...(target?.runtime === undefined ? {} : { runtime: target.runtime }),
  };
}

function noiseOf(choice: TargetChoice): NoiseSettings {
  const { section, enabled, replica } = choice.noise;
  return resolveNoise(section, { noise: enabled, replica }, (spec) =>
    replicaTarget(spec, choice.configured),
  );
}

/**
 * Parses the targets of `config`: the baseline only (`calibrate`), or the
 * baseline and the candidate, which must have different names (`run`).
 * Throws a usage error naming the flag to pass when one is missing or unknown.
 */
export function resolveTargets(config: ResolvedConfig, sides: 'baseline'): BaselineTargets;
export function resolveTargets(config: ResolvedConfig, sides: 'baseline+candidate'): RunTargets;
export function resolveTargets(
  config: ResolvedConfig,
  sides: 'baseline' | 'baseline+candidate',
): BaselineTargets | RunTargets {
  const choice = config.targets;
  const baseline = parseTarget('baseline', choice);
  if (sides === 'baseline') return { baseline, noise: noiseOf(choice) };
  const candidate = parseTarget('candidate', choice);
  if (baseline.name === candidate.name) {
    throw usage(
      `baseline and candidate are both named "${baseline.name}"; give them different names`,
    );
  }
  return { baseline, candidate, noise: noiseOf(choice) };
}
