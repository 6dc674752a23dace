/**
 * `parity run` for a script or a test suite: the options a person writes
 * (targets, case paths, tracker, reports, fail policy), resolved exactly as
 * the CLI resolves its flags (`prepareRun`: the config file if there is one,
 * then these options over it, then the defaults), the run, and its verdict.
 * Nothing is printed; bad input throws a `ParityError` before anything is sent.
 */

import type { Case } from '../contract/model/case.js';
import type { FailPolicy } from '../io/config/limits.js';
import type { RunReporter } from '../reporters/reporter.js';
import { ParityError } from '../util/errors.js';
import { withScratchFolder } from '../util/fs.js';
import { unknownHost } from '../util/host.js';
import type { ProjectOptions } from './library-options.js';
import { prepareRun } from './prepare-run.js';
import { type RunVerdict, verdictOf } from './run/verdict.js';
import { type RunOutcome, runParity } from './run.js';

/** What `runLibrary` is asked to do: the shared options, and what only a run takes. */
export interface ProjectRunOptions extends Omit<ProjectOptions, 'reports'> {
  /**
   * The reports folder (default `reports`): a run writes `<reports>/<run-id>/`;
   * `false`: no report files anywhere, the report only in `LibraryRun.report`
   * (the run writes its working files in a temporary folder, removed when it
   * ends, so a body kept in a file of its own is not there afterwards).
   */
  readonly reports?: string | false | undefined;
  /**
   * Cases already loaded (`loadCases`) or built by the script, run instead of
   * reading case files (`cases` is then not read); `filter` and `tag` still select.
   */
  readonly library?: readonly Case[] | undefined;
  /** Which divergences fail the run (default `open`, as `--fail-on`). */
  readonly failOn?: FailPolicy | undefined;
  /** Only cases whose id matches one of these globs (`--filter`). */
  readonly filter?: readonly string[] | undefined;
  /** Only cases with one of these tags (`--tag`). */
  readonly tag?: readonly string[] | undefined;
  /** A previous report.json, its run folder or `latest` (`--compare-to`). */
  readonly compareTo?: string | undefined;
  /** Told of the run as it goes (`onBegin`, `onObservation`, `onEnd`); one that throws is left out. */
  readonly reporters?: readonly RunReporter[] | undefined;
}

/** A finished run: what `runParity` returns, and the verdict the CLI turns into its exit code. */
export interface LibraryRun extends RunOutcome {
  /** `passed` is exit 0; `failing` lists the results the fail policy does not let through. */
  readonly verdict: RunVerdict;
}

/** Runs a case library against two targets as `parity run` does, silently (see the module comment). */
export async function runProjectLibrary(options: ProjectRunOptions): Promise<LibraryRun> {
  if (options.reports === false) {
    const { reports: _none, ...rest } = options;
    return withScratchFolder('parity-in-memory-', (reports) =>
      runProjectLibrary({ ...rest, reports }),
    );
  }
  const { cwd, env, now = () => new Date(), reporters, reports, ...others } = options;
  const flags = { ...others, ...(reports === undefined ? {} : { reports }) };
  const prepared = await prepareRun(flags, { cwd, env, now, host: unknownHost() });
  if (prepared.kind === 'no-cases') {
    throw new ParityError(
      'PARITY_USAGE',
      'no cases selected: check the case paths, `filter` and `tag`',
    );
  }
  const { input } = prepared;
  const outcome = await runParity({ ...input, reporters });
  const verdict = verdictOf({ ...outcome, policy: input.config });
  return { ...outcome, verdict };
}
