/**
 * What `runLibrary` and `fuzzLibrary` are both asked: the project, its two
 * targets, its cases, config, tracker and reports, as the CLI's shared flags.
 */
import type { Env } from '../util/env.js';

/** Every field but `cwd` and `env` is optional, as on the CLI. */
export interface ProjectOptions {
  /** The project folder: the config file, case paths, tracker and reports resolve against it. */
  readonly cwd: string;
  /** The environment `${env:…}` references read (pass `process.env`). */
  readonly env: Env;
  /** `NAME=URL`, a URL, or a target name from the config (`--baseline`). */
  readonly baseline?: string | undefined;
  /** `NAME=URL`, a URL, or a target name from the config (`--candidate`). */
  readonly candidate?: string | undefined;
  /** Case files or folders (default: the config's `cases`, else `cases/`). */
  readonly cases?: readonly string[] | undefined;
  /** The config file (default: `parity.config.yaml|yml|json` in `cwd`, if present). */
  readonly config?: string | undefined;
  /** The tracker's path, or `false` for none (`--no-tracker`). */
  readonly tracker?: string | false | undefined;
  /** The reports folder (default `reports`): a run writes `<reports>/<run-id>/`. */
  readonly reports?: string | undefined;
  /** Requests in flight at once (default: the config's, else 8; as `--concurrency`). */
  readonly concurrency?: number | undefined;
  /** The clock (default: the system's), for reproducible dates in reports and the tracker. */
  readonly now?: (() => Date) | undefined;
}
