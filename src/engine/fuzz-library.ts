/**
 * `parity fuzz` for a script or a test suite: the options a person writes
 * (targets, seed cases, budget, where the found cases go), resolved as the
 * CLI resolves its flags (the config file if there is one, then these
 * options over it, then the defaults), the exploration, the found cases
 * written and replayed. Nothing is printed; bad input throws a `ParityError`
 * before anything is sent.
 */

import type { Budget } from '../judge/fuzz/budget.js';
import { unknownHost } from '../util/host.js';
import { type FuzzOutcome, fuzzParity } from './fuzz.js';
import type { ProjectOptions } from './library-options.js';

/** What `fuzzLibrary` is asked to do: the shared options, and what only fuzzing takes. */
export interface ProjectFuzzOptions extends ProjectOptions {
  /** The seed of the input stream (default 1, as `--seed`). */
  readonly seed?: number | undefined;
  /** How much to explore (default 5,000 inputs, as `--budget`). */
  readonly budget?: Budget | undefined;
  /** Where the found cases are written (default `cases/fuzz`, as `--out`). */
  readonly out?: string | undefined;
  /** Fuzz seeds that write too (both targets marked `disposable` in the config). */
  readonly allowWrites?: boolean | undefined;
}

/** Fuzzes two targets as `parity fuzz` does, silently (see the module comment). */
export function fuzzProjectLibrary(options: ProjectFuzzOptions): Promise<FuzzOutcome> {
  const { cwd, env, now = () => new Date(), allowWrites, ...flags } = options;
  return fuzzParity(
    { ...flags, ...(allowWrites === true ? { allowWrites: true } : {}) },
    { cwd, env, now, host: unknownHost() },
  );
}
