/**
 * Everything `parity run` does before the first request: the config and its
 * targets, the case library (checked, selected, sharded), the redactor, and
 * the checks that must fail before anything is sent: the `--compare-to`
 * report reads, and every writer's precondition holds (`writers.ts`: the
 * tracker is a file parity may replace and parses, its lock is free or
 * abandoned, the reports folder takes this run's folder, `latest` is
 * parity's link).
 */
import { openRunLibrary } from '../cases/library.js';
import type { ShardInfo } from '../cases/shard.js';
import type { CaseSource } from '../cases/source.js';
import type { ConfigFlags } from '../config/resolve.js';
import { type RunConfig, resolveTargets } from '../config/targets.js';
import { SHORT_SECRET, shortSecrets } from '../redact/forms.js';
import { createRedactor } from '../redact/redact.js';
import type { RunReport } from '../report/contract.js';
import { resolveReportPath } from '../report/locate.js';
import { readReport } from '../report/read.js';
import type { AppContext } from './context.js';
import { openProject } from './project.js';
import { newRunId, type RunInput } from './run.js';
import { preflightWriters } from './writers.js';

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
  | {
      readonly kind: 'ready';
      readonly input: RunInput & { readonly cases: CaseSource };
      /** What the checks did on the way (an abandoned lock removed, …), for the console. */
      readonly notes: readonly string[];
    };

/** The `--compare-to` report, read now: the run repoints `latest` at itself. */
async function previousReport(
  config: RunConfig,
  compareTo: string | undefined,
  context: AppContext,
): Promise<RunReport | undefined> {
  if (compareTo === undefined) return undefined;
  const where = { cwd: context.cwd, reportsDir: config.reportsDir };
  return readReport(await resolveReportPath(compareTo, where));
}

/** The credentials the targets' URLs held. */
function targetSecrets(config: RunConfig): [string, string][] {
  const targets = [config.baseline, config.candidate, config.noise.replica];
  return targets.flatMap((target) => [...(target?.secrets ?? [])]);
}

/** A warning per secret so short that replacing it everywhere may mangle unrelated text. */
function shortSecretNotes(secrets: ReadonlyMap<string, string>): string[] {
  return shortSecrets(secrets).map(
    (placeholder) =>
      `warning: the value of ${placeholder} is shorter than ${SHORT_SECRET} characters; every occurrence of it in any output is replaced by ${placeholder}, including where it appears by chance`,
  );
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
  const secrets = new Map([...project.secrets(), ...targetSecrets(config)]);
  const redact = createRedactor({ headerNames: library.redactHeaders, secrets });
  const previous = await previousReport(config, request.compareTo, context);
  const { folder, notes } = await preflightWriters(config, newRunId(context.now()), context.host);
  const { host } = context;
  return {
    kind: 'ready',
    input: {
      config,
      cases,
      redact,
      now: context.now,
      previous,
      shard: request.shard,
      folder,
      host,
    },
    notes: [...shortSecretNotes(secrets), ...notes],
  };
}
