/**
 * Everything `parity run` does before the first request: the config and its
 * targets, the case library (checked, selected, sharded), the redactor, and
 * the checks that must fail before anything is sent (the tracker parses, the
 * `--compare-to` report reads).
 */
import { openRunLibrary } from '../cases/library.js';
import type { ShardInfo } from '../cases/shard.js';
import type { CaseSource } from '../cases/source.js';
import type { ConfigFlags } from '../config/resolve.js';
import { type RunConfig, resolveTargets } from '../config/targets.js';
import { createRedactor } from '../redact/redact.js';
import { checkComparable } from '../report/compare-to.js';
import type { RunReport } from '../report/contract.js';
import { resolveReportPath } from '../report/locate.js';
import { readReport } from '../report/read.js';
import { readTrackerRows } from '../tracker/write.js';
import { displayPath } from '../util/paths.js';
import type { AppContext } from './context.js';
import { openProject } from './project.js';
import type { RunInput } from './run.js';

/** What a run is asked to do: the config flags, the case selection, the report to compare to. */
export type RunRequest = ConfigFlags & {
  /** Case id globs; any may match. */
  readonly filter?: readonly string[] | undefined;
  /** Case tags; any may match. */
  readonly tag?: readonly string[] | undefined;
  readonly shard?: ShardInfo | undefined;
  /** A report.json, its run folder, or `latest`. */
  readonly compareTo?: string | undefined;
};

export type PreparedRun =
  /** The paths, filter and tags select no case. */
  | { readonly kind: 'no-cases' }
  /** Ready for `runParity` (an empty shard of a non-empty selection is ready too). */
  | { readonly kind: 'ready'; readonly input: RunInput & { readonly cases: CaseSource } };

/**
 * Checks made before anything is sent: the tracker must parse, and the
 * `--compare-to` report is read now, since the run repoints `latest` at itself.
 */
async function preflight(
  config: RunConfig,
  compareTo: string | undefined,
  context: AppContext,
): Promise<RunReport | undefined> {
  if (config.trackerPath !== undefined) await readTrackerRows(config.trackerPath);
  if (compareTo === undefined) return undefined;
  const where = { cwd: context.cwd, reportsDir: config.reportsDir };
  const path = await resolveReportPath(compareTo, where);
  const previous = await readReport(path, { given: '--compare-to' });
  checkComparable(previous, config, displayPath(context.cwd, path));
  return previous;
}

/** Prepares a run (see the module comment); throws for bad input before anything is sent. */
export async function prepareRun(request: RunRequest, context: AppContext): Promise<PreparedRun> {
  const project = await openProject(request, context);
  const config: RunConfig = {
    ...project.config,
    ...resolveTargets(project.config, 'baseline+candidate'),
  };
  const library = await openRunLibrary(
    config.casePaths,
    { cwd: context.cwd, env: project.env, globalRules: config.rules },
    { filter: request.filter, tags: request.tag, shard: request.shard },
  );
  const cases = library.source;
  // A shard may be empty when there are fewer cases than shards: that is not a usage error.
  if (cases.count === 0 && library.matching === 0) return { kind: 'no-cases' };
  const redact = createRedactor({
    headerNames: library.redactHeaders,
    secrets: project.secrets(),
  });
  const previous = await preflight(config, request.compareTo, context);
  return {
    kind: 'ready',
    input: { config, cases, redact, now: context.now, previous, shard: request.shard },
  };
}
