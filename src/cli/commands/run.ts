import { failingResults } from '../../app/fail-policy.js';
import { runParity } from '../../app/run.js';
import { openRunLibrary } from '../../cases/library.js';
import type { ShardInfo } from '../../cases/shard.js';
import { loadConfig } from '../../config/load.js';
import { type ResolvedConfig, type RunFlags, resolveConfig } from '../../config/resolve.js';
import type { FailPolicy } from '../../config/schema.js';
import { trackEnv } from '../../redact/env-secrets.js';
import { createRedactor } from '../../redact/redact.js';
import type { RunReport } from '../../report/contract.js';
import { resolveReportPath } from '../../report/locate.js';
import { readReport } from '../../report/read.js';
import { readTrackerRows } from '../../tracker/write.js';
import { displayPath } from '../../util/paths.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createProgress } from '../progress.js';
import { renderSummary } from '../summary.js';

export interface RunCommandOptions {
  readonly config?: string;
  readonly baseline?: string;
  readonly candidate?: string;
  readonly tracker?: string | false;
  readonly reports?: string;
  readonly failOn?: FailPolicy;
  readonly failOnEncoding?: boolean;
  readonly concurrency?: number;
  readonly rate?: number;
  readonly maxInFlight?: number;
  readonly timeout?: number;
  readonly retries?: number;
  readonly filter?: string[];
  readonly tag?: string[];
  /** `--compare-to`: a report.json, a run folder, or `latest`. */
  readonly compareTo?: string;
  readonly shard?: ShardInfo;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly noise?: boolean;
  readonly baselineReplica?: string;
}

function flagsOf(paths: readonly string[], options: RunCommandOptions): RunFlags {
  return {
    baseline: options.baseline,
    candidate: options.candidate,
    cases: paths,
    tracker: options.tracker,
    reports: options.reports,
    concurrency: options.concurrency,
    rate: options.rate,
    maxInFlight: options.maxInFlight,
    timeoutMs: options.timeout,
    retries: options.retries,
    failOn: options.failOn,
    failOnEncoding: options.failOnEncoding,
    noise: options.noise,
    baselineReplica: options.baselineReplica,
  };
}

async function prepare(paths: readonly string[], options: RunCommandOptions, io: Io) {
  const tracked = trackEnv(io.env);
  const { config: input } = await loadConfig({
    file: options.config,
    cwd: io.cwd,
    env: tracked.env,
  });
  const config: ResolvedConfig = resolveConfig(input, flagsOf(paths, options), io.cwd);
  const library = await openRunLibrary(
    config.casePaths,
    { cwd: io.cwd, env: tracked.env, globalRules: config.rules },
    {
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      ...(options.tag === undefined ? {} : { tags: options.tag }),
      shard: options.shard,
    },
  );
  const cases = library.source;
  // A shard may be empty when there are fewer cases than shards: that is not a usage error.
  const emptyShard = cases.count === 0 && library.matching > 0;
  const redact = createRedactor({ headerNames: library.redactHeaders, secrets: tracked.secrets() });
  return { config, cases, redact, emptyShard };
}

/** The run's summary on stdout: the console table, or `--json` for machines, or nothing. */
export function printOutcome(
  report: RunReport,
  dir: string,
  options: { readonly json?: boolean | undefined; readonly quiet?: boolean | undefined },
  io: Io,
): void {
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(machineSummary(report, dir), null, 2)}\n`);
  } else if (options.quiet !== true) {
    io.stdout.write(renderSummary(report, colorsFor(io.stdout, io.env), dir));
  }
}

/** `--json`: the report without per-case detail, plus where the reports are and what diverged. */
export function machineSummary(report: RunReport, reportDir: string) {
  const { results, ...head } = report;
  const divergences = results
    .filter((r) => r.verdict !== 'equal')
    .map((r) => ({
      caseId: r.caseId,
      verdict: r.verdict,
      kinds: r.kinds,
      fingerprint: r.fingerprint,
      summary: r.summary,
      ...(r.tracker === undefined ? {} : { tracker: r.tracker }),
      ...(r.regression === undefined ? {} : { regression: r.regression }),
    }));
  return { ...head, reportDir, divergences };
}

/**
 * Checks made before anything is sent: the tracker must parse, and the
 * `--compare-to` report is read now, since the run repoints `latest` at itself.
 */
async function preflight(config: ResolvedConfig, options: RunCommandOptions, io: Io) {
  if (config.trackerPath !== undefined) await readTrackerRows(config.trackerPath);
  if (options.compareTo === undefined) return undefined;
  const context = { cwd: io.cwd, reportsDir: config.reportsDir };
  return readReport(await resolveReportPath(options.compareTo, context));
}

export async function runCommand(
  paths: readonly string[],
  options: RunCommandOptions,
  io: Io,
): Promise<ExitCode> {
  const { config, cases, redact, emptyShard } = await prepare(paths, options, io);
  const err = colorsFor(io.stderr, io.env);
  if (cases.count === 0 && !emptyShard) {
    io.stderr.write(
      `${err.yellow('parity: no cases selected')} (check the paths, --filter and --tag)\n`,
    );
    return EXIT.badInput;
  }
  const previous = await preflight(config, options, io);
  const progress = createProgress(io, options.json !== true && options.quiet !== true);
  progress.start(cases.count);
  const outcome = await runParity({
    config,
    cases,
    redact,
    now: io.now ?? (() => new Date()),
    previous,
    shard: options.shard,
    onResult: (result) => progress.tick(result),
  }).finally(() => progress.stop());
  const { report, written } = outcome;
  printOutcome(report, displayPath(io.cwd, written.dir), options, io);
  for (const failure of written.failures) {
    io.stderr.write(
      `parity: could not write the ${failure.format} report: ${failure.error.message}\n`,
    );
  }
  if (outcome.unreachable.length > 0) {
    io.stderr.write(
      `${err.red('parity: unreachable:')} ${outcome.unreachable.join(', ')} answered no case (see the transport errors in the report)\n`,
    );
    return EXIT.unreachable;
  }
  if (written.failures.length > 0) return EXIT.internal;
  const failOptions = { failOnEncoding: config.failOnEncoding };
  return failingResults(report, config.failOn, failOptions).length > 0 ? EXIT.divergent : EXIT.ok;
}
