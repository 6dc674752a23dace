/**
 * The one bridge from what the user wrote (config file + flags) to
 * `ResolvedConfig`: flags over the file over the defaults, paths absolute.
 * Every command resolves its config here. Targets are only gathered (flag
 * over file), not parsed: a command that sends nothing needs none, and
 * `resolveTargets` (targets.ts) turns them into `Target`s for the commands
 * that send. Nothing downstream handles a missing default.
 */
import { resolve } from 'node:path';
import type { RulesSpec } from '../../contract/rules/schema.js';
import { DEFAULT_NODE_BUDGET, type NodeBudget } from '../../core/wire/budget.js';
import { ParityError } from '../../util/errors.js';
import {
  DEFAULT_SECOND_LOOK_BYTES,
  DEFAULT_SECOND_LOOKS,
  DEFAULT_TRACKER_PATH,
  type FailPolicy,
} from './limits.js';
import type { NoiseConfig } from './noise-schema.js';
import { parseReporters, type ReporterChoice } from './reporters.js';
import type { ConfigInput } from './schema.js';

export const DEFAULTS = {
  config: 'parity.config.yaml',
  cases: ['cases'],
  tracker: DEFAULT_TRACKER_PATH,
  reports: 'reports',
  concurrency: 8,
  timeoutMs: 10_000,
  retries: 0,
  bodyCapBytes: 16 * 1024 * 1024,
  failOn: 'open',
  failOnEncoding: false,
} as const;

/** Config fields a flag of the same name overrides (`--timeout` sets `timeoutMs`). */
type Overridden =
  | 'baseline'
  | 'candidate'
  | 'tracker'
  | 'reports'
  | 'keep'
  | 'concurrency'
  | 'rate'
  | 'maxInFlight'
  | 'timeoutMs'
  | 'retries'
  | 'secondLook'
  | 'failOn'
  | 'failOnEncoding'
  | 'openapi';

/**
 * The flags a command passes: config fields under their own names, plus the
 * case paths (operands), `--config` and the noise switches. A command passes
 * its parsed flags as they are; those it does not take are simply absent.
 */
export type ConfigFlags = Readonly<Partial<Pick<ConfigInput, Overridden>>> & {
  /** `--config`: where the file was looked for (and where `calibrate --write` creates it). */
  readonly config?: string | undefined;
  /** Case files or folders from the command line; empty means "not given". */
  readonly cases?: readonly string[] | undefined;
  /** `--noise`: learn noise from a second baseline call. */
  readonly noise?: boolean | undefined;
  /** `--baseline-replica NAME=URL`: where that second call goes (implies `--noise`). */
  readonly baselineReplica?: string | undefined;
  /** `--var NAME=VALUE` (repeatable): variables `${env:NAME}` reads before the environment's. */
  readonly var?: readonly string[] | undefined;
  /** `--reporter NAME[=PATH]` (repeatable, comma lists): replaces the config's `reporters`. */
  readonly reporter?: readonly string[] | undefined;
};

/** The config file as loaded: its content and its path relative to the working folder. */
export interface LoadedConfig {
  readonly config: ConfigInput;
  /** Undefined when there is no config file. */
  readonly file: string | undefined;
}

/** The targets as given, flag over file; `resolveTargets` parses them when a command sends. */
export interface TargetChoice {
  /** The config's named targets. */
  readonly configured: NonNullable<ConfigInput['targets']>;
  /** `NAME=URL` or a configured name; undefined when neither flag nor file names one. */
  readonly baseline: string | undefined;
  readonly candidate: string | undefined;
  /** The config's `noise` section and the flags over it (the replica is a target too). */
  readonly noise: {
    readonly section: NoiseConfig | undefined;
    readonly enabled: boolean | undefined;
    readonly replica: string | undefined;
  };
}

/** What every command works from. */
export interface ResolvedConfig {
  /** The working folder: reports name files relative to it. */
  readonly cwd: string;
  /** Absolute: the config file read, or where one would be created when there is none. */
  readonly configFile: string;
  readonly casePaths: readonly string[];
  readonly rules: RulesSpec | undefined;
  /** `serial`: every file (`true`) or the files of these suites run in file order. */
  readonly serial: true | readonly string[] | undefined;
  /** Flows may send writing steps. */
  readonly sideEffects: boolean;
  /** Absolute path, or undefined when the tracker is disabled. */
  readonly trackerPath: string | undefined;
  /** Absolute. */
  readonly reportsDir: string;
  /** Keep only this many run folders in `reportsDir` (the newest); undefined: all. */
  readonly keep: number | undefined;
  /**
   * The outputs chosen by `--reporter`, else by the config's `reporters`;
   * undefined: the default set (`reporters/choose.ts`).
   */
  readonly reporters: readonly ReporterChoice[] | undefined;
  readonly concurrency: number;
  /** Requests per second per target, or undefined for no limit. */
  readonly rate: number | undefined;
  /** Requests in flight per target, or undefined for no bound beyond `concurrency`. */
  readonly maxInFlight: number | undefined;
  readonly timeoutMs: number;
  readonly retries: number;
  /** Cases the run may send again for a second look (`engine/run/second-look.ts`); 0: none. */
  readonly secondLook: number;
  /** The largest answer a case is sent again for (`engine/run/second-look.ts`). */
  readonly secondLookBytes: number;
  readonly bodyCapBytes: number;
  /** The shape a JSON/XML body may have before it is compared by hash. */
  readonly bodyBudget: NodeBudget;
  readonly failOn: FailPolicy;
  /** Encoding notes fail the run too. */
  readonly failOnEncoding: boolean;
  /** The OpenAPI document coverage is measured against (absolute), if any. */
  readonly openapi: string | undefined;
  readonly targets: TargetChoice;
}

/** The document path, absolute; `false`-like empty text means none. */
function openapiOf(path: string | undefined, cwd: string): string | undefined {
  return path === undefined || path === '' ? undefined : resolve(cwd, path);
}

/** `--reporter` over the config's `reporters` (each checked: the config's by its schema). */
function reportersOf(
  flag: readonly string[] | undefined,
  file: readonly string[] | undefined,
): readonly ReporterChoice[] | undefined {
  const texts = flag !== undefined && flag.length > 0 ? flag : file;
  if (texts === undefined) return undefined;
  const chosen = parseReporters(texts);
  if (typeof chosen === 'string') {
    const where = texts === flag ? '--reporter' : "the config's reporters";
    throw new ParityError('PARITY_USAGE', `${where}: ${chosen}`);
  }
  return chosen;
}

/** Flags over the config file over the defaults (see the module comment). */
export function resolveConfig(
  loaded: LoadedConfig,
  flags: ConfigFlags,
  cwd: string,
): ResolvedConfig {
  const { config } = loaded;
  const tracker = flags.tracker ?? config.tracker ?? DEFAULTS.tracker;
  const cases =
    flags.cases !== undefined && flags.cases.length > 0
      ? flags.cases
      : (config.cases ?? DEFAULTS.cases);
  return {
    cwd,
    configFile: resolve(cwd, loaded.file ?? flags.config ?? DEFAULTS.config),
    casePaths: cases.map((path) => resolve(cwd, path)),
    rules: config.rules,
    serial: config.serial === false ? undefined : config.serial,
    sideEffects: config.sideEffects ?? false,
    trackerPath: tracker === false ? undefined : resolve(cwd, tracker),
    reportsDir: resolve(cwd, flags.reports ?? config.reports ?? DEFAULTS.reports),
    keep: flags.keep ?? config.keep,
    reporters: reportersOf(flags.reporter, config.reporters),
    concurrency: flags.concurrency ?? config.concurrency ?? DEFAULTS.concurrency,
    rate: flags.rate ?? config.rate,
    maxInFlight: flags.maxInFlight ?? config.maxInFlight,
    timeoutMs: flags.timeoutMs ?? config.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: flags.retries ?? config.retries ?? DEFAULTS.retries,
    secondLook: flags.secondLook ?? config.secondLook ?? DEFAULT_SECOND_LOOKS,
    secondLookBytes: config.secondLookBytes ?? DEFAULT_SECOND_LOOK_BYTES,
    bodyCapBytes: config.bodyCapBytes ?? DEFAULTS.bodyCapBytes,
    bodyBudget: {
      nodes: config.bodyBudget?.nodes ?? DEFAULT_NODE_BUDGET.nodes,
      depth: config.bodyBudget?.depth ?? DEFAULT_NODE_BUDGET.depth,
    },
    failOn: flags.failOn ?? config.failOn ?? DEFAULTS.failOn,
    failOnEncoding: flags.failOnEncoding ?? config.failOnEncoding ?? DEFAULTS.failOnEncoding,
    openapi: openapiOf(flags.openapi ?? config.openapi, cwd),
    targets: {
      configured: config.targets ?? {},
      baseline: flags.baseline ?? config.baseline,
      candidate: flags.candidate ?? config.candidate,
      noise: { section: config.noise, enabled: flags.noise, replica: flags.baselineReplica },
    },
  };
}
