/**
 * `parity fuzz` for a script or a test suite: the options a person writes
 * (targets, seed cases, budget, where the found cases go), resolved as the
 * CLI resolves its flags (the config file if there is one, then these
 * options over it, then the defaults), the exploration, the found cases
 * written and replayed. Nothing is printed; bad input throws a `ParityError`
 * before anything is sent.
 */
import type { Budget } from '../fuzz/budget.js';
import type { Env } from '../util/env.js';
import { unknownHost } from '../util/host.js';
import { type FuzzOutcome, fuzzParity } from './fuzz.js';

/** What `fuzzLibrary` is asked to do; every field but `cwd` and `env` is optional, as on the CLI. */
export interface LibraryFuzzOptions {
  /** The project folder: the config file, seed cases, `out`, tracker and reports resolve against it. */
  readonly cwd: string;
  /** The environment `${env:…}` references read (pass `process.env`). */
  readonly env: Env;
  /** `NAME=URL`, a URL, or a target name from the config (`--baseline`). */
  readonly baseline?: string | undefined;
  /** `NAME=URL`, a URL, or a target name from the config (`--candidate`). */
  readonly candidate?: string | undefined;
  /** Seed case files or folders (default: the config's `cases`, else `cases/`). */
  readonly cases?: readonly string[] | undefined;
  /** The config file (default: `parity.config.yaml|yml|json` in `cwd`, if present). */
  readonly config?: string | undefined;
  /** The tracker's path, or `false` for none (`--no-tracker`). */
  readonly tracker?: string | false | undefined;
  /** The reports folder of the replay (default `reports`). */
  readonly reports?: string | undefined;
  /** Inputs in flight at once (as `--concurrency`). */
  readonly concurrency?: number | undefined;
  /** The seed of the input stream (default 1, as `--seed`). */
  readonly seed?: number | undefined;
  /** How much to explore (default 5,000 inputs, as `--budget`). */
  readonly budget?: Budget | undefined;
  /** Where the found cases are written (default `cases/fuzz`, as `--out`). */
  readonly out?: string | undefined;
  /** Fuzz seeds that write too (both targets marked `disposable` in the config). */
  readonly allowWrites?: boolean | undefined;
  /** The clock (default: the system's), for reproducible dates in reports and the tracker. */
  readonly now?: (() => Date) | undefined;
}

/** Fuzzes two targets as `parity fuzz` does, silently (see the module comment). */
export function fuzzLibrary(options: LibraryFuzzOptions): Promise<FuzzOutcome> {
  const { cwd, env, now = () => new Date(), allowWrites, ...flags } = options;
  return fuzzParity(
    { ...flags, ...(allowWrites === true ? { allowWrites: true } : {}) },
    { cwd, env, now, host: unknownHost() },
  );
}
