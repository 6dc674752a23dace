/**
 * The one bridge from what the user wrote (config file + flags) to
 * `ResolvedConfig`: defaults filled, paths absolute, targets parsed.
 * Nothing downstream handles a missing default.
 */
import { resolve } from 'node:path';
import type { Pairs, Target } from '../model/case.js';
import { type NoiseSettings, replicaTarget, resolveNoise } from '../noise/settings.js';
import type { RulesSpec } from '../rules/schema.js';
import { ParityError } from '../util/errors.js';
import type { ConfigInput, FailPolicy } from './schema.js';

export const DEFAULTS = {
  cases: ['cases'],
  tracker: 'docs/ARCHITECTURE_COMPARISON.md',
  reports: 'reports',
  concurrency: 8,
  timeoutMs: 10_000,
  retries: 0,
  bodyCapBytes: 16 * 1024 * 1024,
  failOn: 'open',
} as const;

/** Flags of `parity run` that override the config file. */
export interface RunFlags {
  readonly baseline?: string | undefined;
  readonly candidate?: string | undefined;
  readonly cases?: readonly string[] | undefined;
  readonly tracker?: string | false | undefined;
  readonly reports?: string | undefined;
  readonly concurrency?: number | undefined;
  readonly rate?: number | undefined;
  readonly maxInFlight?: number | undefined;
  readonly timeoutMs?: number | undefined;
  readonly retries?: number | undefined;
  readonly failOn?: FailPolicy | undefined;
  readonly failOnEncoding?: boolean | undefined;
  /** `--noise`: learn noise from a second baseline call. */
  readonly noise?: boolean | undefined;
  /** `--baseline-replica NAME=URL`: where that second call goes. */
  readonly baselineReplica?: string | undefined;
}

export interface ResolvedConfig {
  /** The working folder: reports name files relative to it. */
  readonly cwd: string;
  readonly baseline: Target;
  readonly candidate: Target;
  readonly casePaths: readonly string[];
  readonly rules: RulesSpec | undefined;
  /** Absolute path, or undefined when the tracker is disabled. */
  readonly trackerPath: string | undefined;
  readonly reportsDir: string;
  readonly concurrency: number;
  /** Requests per second per target, or undefined for no limit. */
  readonly rate: number | undefined;
  /** Requests in flight per target, or undefined for no bound beyond `concurrency`. */
  readonly maxInFlight: number | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly bodyCapBytes: number;
  readonly failOn: FailPolicy;
  /** Encoding notes fail the run too. */
  readonly failOnEncoding: boolean;
  /** Learned noise: the `--noise` switch, replica, thresholds and per-endpoint noise. */
  readonly noise?: NoiseSettings;
}

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

function parseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`${what}: "${text}" is not a URL (expected e.g. http://127.0.0.1:3100)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usage(`${what}: "${text}" must be an http:// or https:// URL`);
  }
  return url;
}

/**
 * `--baseline NAME=URL` defines a target; `--baseline NAME` picks one from the
 * config's `targets`. Without the flag, the config's `baseline` name is used.
 */
export function resolveTarget(
  side: 'baseline' | 'candidate',
  flag: string | undefined,
  config: ConfigInput,
): Target {
  const configured = config.targets ?? {};
  const spec = flag ?? config[side];
  if (spec === undefined) {
    throw usage(
      `no ${side} target: pass --${side} NAME=URL (e.g. --${side} ${side === 'baseline' ? 'rust=http://127.0.0.1:3100' : 'go=http://127.0.0.1:4110'}) or set "${side}" in parity.config.yaml`,
    );
  }
  const eq = spec.indexOf('=');
  if (eq > 0) {
    const name = spec.slice(0, eq);
    const headers: Pairs = Object.entries(configured[name]?.headers ?? {});
    return { name, url: parseUrl(spec.slice(eq + 1), `--${side}`), headers };
  }
  const target = configured[spec];
  if (target === undefined) {
    const known = Object.keys(configured);
    throw usage(
      `--${side} ${spec}: no such target${known.length > 0 ? ` (configured: ${known.join(', ')})` : ''}; use NAME=URL to define one`,
    );
  }
  return {
    name: spec,
    url: parseUrl(target.url, `targets.${spec}.url`),
    headers: Object.entries(target.headers ?? {}),
  };
}

export function resolveConfig(config: ConfigInput, flags: RunFlags, cwd: string): ResolvedConfig {
  const baseline = resolveTarget('baseline', flags.baseline, config);
  const candidate = resolveTarget('candidate', flags.candidate, config);
  if (baseline.name === candidate.name) {
    throw usage(
      `baseline and candidate are both named "${baseline.name}"; give them different names`,
    );
  }
  const tracker = flags.tracker ?? config.tracker ?? DEFAULTS.tracker;
  const cases =
    flags.cases !== undefined && flags.cases.length > 0
      ? flags.cases
      : (config.cases ?? DEFAULTS.cases);
  return {
    cwd,
    baseline,
    candidate,
    casePaths: cases.map((path) => resolve(cwd, path)),
    rules: config.rules,
    trackerPath: tracker === false ? undefined : resolve(cwd, tracker),
    reportsDir: resolve(cwd, flags.reports ?? config.reports ?? DEFAULTS.reports),
    concurrency: flags.concurrency ?? config.concurrency ?? DEFAULTS.concurrency,
    rate: flags.rate ?? config.rate,
    maxInFlight: flags.maxInFlight ?? config.maxInFlight,
    timeoutMs: flags.timeoutMs ?? config.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: flags.retries ?? config.retries ?? DEFAULTS.retries,
    bodyCapBytes: config.bodyCapBytes ?? DEFAULTS.bodyCapBytes,
    failOn: flags.failOn ?? config.failOn ?? DEFAULTS.failOn,
    failOnEncoding: flags.failOnEncoding ?? config.failOnEncoding ?? false,
    noise: resolveNoise(
      config.noise,
      { noise: flags.noise, replica: flags.baselineReplica },
      (spec) => replicaTarget(spec, config.targets ?? {}),
    ),
  };
}
