/**
 * Everything `parity run` does before the first request: the config and its
 * targets, the case library (checked, selected, sharded), the redactor, and
 * the checks that must fail before anything is sent: the `--compare-to`
 * report reads, and every writer's precondition holds (`writers.ts`: the
 * tracker is a file parity may replace and parses, its lock is free or
 * abandoned, the reports folder takes this run's folder, `latest` is
 * parity's link).
 */

import type { Case } from '../contract/model/case.js';
import type { RunReport, ShardInfo } from '../contract/report.js';
import { SHORT_SECRET, shortSecrets } from '../core/redact/forms.js';
import {
  addCredentialValues,
  literalSecrets,
  MAX_LITERAL_SECRETS,
} from '../core/redact/literal-credentials.js';
import { createRedactor } from '../core/redact/redact.js';
import { openRunLibrary, type RunLibrary } from '../io/cases/library.js';
import { selectCases } from '../io/cases/select.js';
import { type CaseSource, inMemory } from '../io/cases/source.js';
import type { ConfigFlags, ResolvedConfig } from '../io/config/resolve.js';
import { type RunConfig, resolveTargets } from '../io/config/targets.js';
import { operationKey } from '../io/openapi/types.js';
import type { OpenRecording } from '../io/recording/read.js';
import { parseResetRequest, type ResetSpec } from '../judge/fuzz/reset.js';
import type { CoverageDocument } from '../judge/results/coverage.js';
import { checkComparable } from '../reporters/report/compare-to.js';
import { resolveReportPath } from '../reporters/report/locate.js';
import { ParityError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import type { AppContext } from './run/context.js';
import { caseOptions, openProject } from './run/project.js';
import { newRunId } from './run/run-id.js';
import { preflightWriters } from './run/writers.js';
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
  /** `--baseline-recording DIR`: the baseline answers from this recording. */
  readonly baselineRecording?: string | undefined;
  /** `--reset-command`: with `--noise`, each flow runs twice, this command between the runs. */
  readonly resetCommand?: string | undefined;
  /** `--reset-request "POST /__reset"`: the same, as a request to both targets. */
  readonly resetRequest?: string | undefined;
  /** `--bail[=N]`: stop sending after the first (`true`) or the Nth divergent case. */
  readonly bail?: true | number | undefined;
  /**
   * Cases already in memory (the API's `runLibrary({ library })`): they are
   * the library, instead of the case files; `filter`, `tag` and `shard` still select.
   */
  readonly library?: readonly Case[] | undefined;
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
  const path = await resolveReportPath(compareTo, where);
  // Imported here: only a run with --compare-to builds report.json's schema to read one.
  const { readReport } = await import('../reporters/report/read.js');
  const previous = await readReport(path, { given: '--compare-to' });
  checkComparable(previous, config, displayPath(context.cwd, path));
  return previous;
}

/**
 * The config with the recording as its baseline: the recorded target, and the
 * noise learned at record time added to the config's endpoint noise (the
 * config's own rules for an endpoint win).
 */
function withRecording(config: ResolvedConfig, recording: OpenRecording): ResolvedConfig {
  const { target, noise } = recording.manifest;
  const section = config.targets.noise.section;
  const own = typeof section === 'object' ? section : { enabled: section === true };
  const endpoints = { ...noise?.endpoints, ...own.endpoints };
  return {
    ...config,
    targets: {
      ...config.targets,
      baseline: `${target.name}=${target.url}`,
      noise: { ...config.targets.noise, section: { ...own, endpoints } },
    },
  };
}

/** `--baseline-recording` replaces the live baseline: flags that need one are refused with it. */
async function recordingOf(request: RunRequest, context: AppContext) {
  if (request.baselineRecording === undefined) return undefined;
  const clash =
    request.baseline !== undefined
      ? '--baseline'
      : request.noise === true || request.baselineReplica !== undefined
        ? '--noise and --baseline-replica (the recording carries the noise learned when it was made)'
        : undefined;
  if (clash !== undefined) {
    throw new ParityError(
      'PARITY_USAGE',
      `--baseline-recording replaces the live baseline: drop ${clash}`,
    );
  }
  const { openRecording } = await import('../io/recording/read.js');
  return openRecording(request.baselineRecording, context.cwd);
}

/**
 * The reset hook between a flow's two runs (`--reset-command`,
 * `--reset-request`): only with `--noise` learning from the baseline itself
 * (a replica instance runs every flow on its own).
 */
function resetOf(request: RunRequest, config: RunConfig): ResetSpec | undefined {
  const { resetCommand, resetRequest } = request;
  if (resetCommand === undefined && resetRequest === undefined) return undefined;
  const flag = resetCommand === undefined ? '--reset-request' : '--reset-command';
  const refuse = (why: string) => new ParityError('PARITY_USAGE', `${flag} ${why}`);
  if (resetCommand !== undefined && resetRequest !== undefined) {
    throw refuse('and --reset-request: give one of them');
  }
  if (!config.noise.enabled) throw refuse('runs between the two runs of each flow: add --noise');
  if (config.noise.replica !== undefined) {
    throw refuse('is not needed with --baseline-replica: the replica runs every flow on its own');
  }
  if (request.baselineRecording !== undefined) {
    throw refuse('needs live targets: drop --baseline-recording');
  }
  if (resetCommand !== undefined) return { kind: 'command', command: resetCommand };
  return parseResetRequest(resetRequest ?? '');
}

/** The configured OpenAPI document, read and checked before anything is sent. */
async function coverageDocument(path: string, cwd: string): Promise<CoverageDocument> {
  // Imported here: a run without an OpenAPI document loads none of its reader.
  const [{ loadOpenApi }, { operationMatcher }] = await Promise.all([
    import('../io/openapi/load.js'),
    import('../io/openapi/match.js'),
  ]);
  const document = await loadOpenApi(path, cwd);
  return {
    file: document.file,
    operations: document.operations.map(operationKey),
    match: operationMatcher(document.operations),
  };
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

/** A warning when the case files hold more literal credentials than a run redacts. */
function literalNote(dropped: number): string[] {
  if (dropped === 0) return [];
  return [
    `warning: the case files send more than ${MAX_LITERAL_SECRETS} distinct credentials written as they are; the others are not looked for in what the servers answer: write them as \${env:NAME} to have every one redacted`,
  ];
}

/** Cases already in memory as a run's library: selected as a run selects, streamed from memory. */
function libraryInMemory(cases: readonly Case[], request: RunRequest): RunLibrary {
  const selection = { filter: request.filter, tags: request.tag };
  // Without a shard the selection is what matches: one pass over the library, not two.
  const selected = selectCases(cases, { ...selection, shard: request.shard });
  const matching =
    request.shard === undefined ? selected.length : selectCases(cases, selection).length;
  const redactHeaders = new Set<string>();
  const credentials = new Set<string>();
  for (const c of selected) {
    for (const name of c.rules.redactHeaders) redactHeaders.add(name);
    addCredentialValues(c.request, c.rules.redactHeaders, credentials);
  }
  return { source: inMemory(selected), matching, redactHeaders: [...redactHeaders], credentials };
}

/** No case paths, `--filter` or `--tag`: every case of the configured library is selected. */
function selectsWholeLibrary(request: RunRequest): boolean {
  const given = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;
  return !given(request.cases) && !given(request.filter) && !given(request.tag);
}

/** Prepares a run (see the module comment); throws for bad input before anything is sent. */
export async function prepareRun(request: RunRequest, context: AppContext): Promise<PreparedRun> {
  const recording = await recordingOf(request, context);
  const project = await openProject(request, context, 'all');
  const resolved =
    recording === undefined ? project.config : withRecording(project.config, recording);
  const config: RunConfig = { ...resolved, ...resolveTargets(resolved, 'baseline+candidate') };
  const library =
    request.library === undefined
      ? await openRunLibrary(
          config.casePaths,
          caseOptions(config, context.cwd, project.env),
          { filter: request.filter, tags: request.tag, shard: request.shard },
          // A run reads its cases once (`runParity`).
          { readOnce: true },
        )
      : libraryInMemory(request.library, request);
  const reset = resetOf(request, config);
  const cases = library.source;
  // A shard may be empty when there are fewer cases than shards: that is not a usage error.
  if (cases.count === 0 && library.matching === 0) return { kind: 'no-cases' };
  const known = new Map([...project.secrets(), ...targetSecrets(config)]);
  const literal = literalSecrets(library.credentials, known);
  const secrets = new Map([...literal.secrets, ...known]);
  const redact = createRedactor({ headerNames: library.redactHeaders, secrets });
  const previous = await previousReport(config, request.compareTo, context);
  const coverage =
    config.openapi === undefined ? undefined : await coverageDocument(config.openapi, context.cwd);
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
      wholeLibrary: selectsWholeLibrary(request),
      ...(request.bail === undefined ? {} : { bail: request.bail === true ? 1 : request.bail }),
      coverage,
      recording:
        recording === undefined
          ? undefined
          : {
              answers: recording.answers(project.secrets(), {
                cap: config.bodyCapBytes,
                budget: config.bodyBudget,
              }),
              label: recording.label,
            },
      folder,
      host,
      ...(reset === undefined
        ? {}
        : { reset: { spec: reset, cwd: context.cwd, env: context.env } }),
    },
    notes: [...shortSecretNotes(known), ...literalNote(literal.dropped), ...notes],
  };
}
