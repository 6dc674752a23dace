/**
 * `parity merge`: combines the reports of a sharded run into one report, as if
 * one run had replayed every case, then finishes it as a run is finished
 * (`finish.ts`: `--compare-to`, the tracker updated once, the reports).
 */

import type { RunReport } from '../contract/report.js';
import type { ConfigFlags, ResolvedConfig } from '../io/config/resolve.js';
import { assessed, splitAssessed } from '../judge/results/assessment.js';
import { collectedInMemory } from '../judge/results/collected.js';
import { isNotable } from '../judge/results/types.js';
import { fileReportersFor } from '../reporters/choose.js';
import { othersFailed, type WrittenReports } from '../reporters/files.js';
import {
  mergeReports,
  missingShards,
  type ShardReport,
} from '../reporters/report/combine-shards.js';
import { checkComparable } from '../reporters/report/compare-to.js';
import { resolveReportPath } from '../reporters/report/locate.js';
import { readReport } from '../reporters/report/read.js';
import { createReporters, type ReporterFailure, type RunReporter } from '../reporters/reporter.js';
import type { ParityError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import type { AppContext } from './run/context.js';
import { finishRun } from './run/finish.js';
import { openProject } from './run/project.js';
import { newRunId } from './run/run-id.js';
import { type RunVerdict, verdictOf } from './run/verdict.js';
import { preflightWriters } from './run/writers.js';

/** What a merge is asked to do. */
export interface MergeRequest {
  /** report.json files or run folders of the shard runs (`latest` too). */
  readonly reports: readonly string[];
  readonly flags: ConfigFlags & { readonly compareTo?: string | undefined };
  /**
   * The reporters of the merged run (the console, GitHub Actions), for the
   * outputs the config and flags chose; the report files are added.
   */
  readonly reporters?:
    | ((choices: ResolvedConfig['reporters']) => readonly RunReporter[])
    | undefined;
}

export interface MergeOutcome {
  readonly report: RunReport;
  readonly written: WrittenReports;
  /** Shards missing from a complete set, e.g. `["3/4"]`. */
  readonly missing: readonly string[];
  readonly verdict: RunVerdict;
  /** Why the tracker was not updated, though the reports were written. */
  readonly trackerError?: ParityError | undefined;
  /** What the checks before writing did (an abandoned lock removed, …). */
  readonly notes: readonly string[];
  /** Reporters that threw (the merge and the other reporters went on without them). */
  readonly reporterFailures: readonly ReporterFailure[];
}

async function readShards(specs: readonly string[], cwd: string, reportsDir: string) {
  const shards: ShardReport[] = [];
  for (const spec of specs) {
    const path = await resolveReportPath(spec, { cwd, reportsDir });
    shards.push({
      file: displayPath(cwd, path),
      report: await readReport(path, { given: 'merge' }),
    });
  }
  return shards;
}

/** The `--compare-to` report, read before the merged report repoints `latest`. */
async function readCompared(spec: string, where: { cwd: string; reportsDir: string }) {
  const path = await resolveReportPath(spec, where);
  const report = await readReport(path, { given: '--compare-to' });
  return { report, file: displayPath(where.cwd, path) };
}

/** Targets that answered no case of the merged report at all. */
function unreachable(report: RunReport): string[] {
  const { results } = report;
  if (results.length === 0) return [];
  const out: string[] = [];
  if (results.every((r) => r.baseline.error !== undefined)) out.push(report.baseline.name);
  if (results.every((r) => r.candidate.error !== undefined)) out.push(report.candidate.name);
  return out;
}

/** Merges the shard reports (see the module comment); bad input throws before anything is written. */
export async function mergeShards(
  request: MergeRequest,
  context: AppContext,
): Promise<MergeOutcome> {
  const { config } = await openProject(request.flags, context, 'none');
  const { cwd } = context;
  const shards = await readShards(request.reports, cwd, config.reportsDir);
  // Read before writing: the merged report repoints `latest`.
  const { compareTo } = request.flags;
  const previous =
    compareTo === undefined
      ? undefined
      : await readCompared(compareTo, { cwd, reportsDir: config.reportsDir });
  const merged = mergeReports(shards, newRunId(context.now()));
  if (previous !== undefined) checkComparable(previous.report, merged, previous.file);
  // Every writer's precondition, checked before anything is written.
  const { folder, notes } = await preflightWriters(config, merged.runId, context.host);
  const { results, summary, ...head } = merged;
  // Each shard's result is its observation with its run's assessment laid over it: split, the
  // observations are assessed once, as one run's (what the shards assessed is where it starts).
  const { observations, assessment } = splitAssessed(results);
  const collected = collectedInMemory(observations, (r) => isNotable(assessed(r, assessment)));
  const files = fileReportersFor(config.reporters, cwd);
  const reporters = createReporters([...(request.reporters?.(config.reporters) ?? []), ...files]);
  const { report, written, trackerError, all } = await finishRun({
    head,
    collected,
    summary,
    previous: previous?.report,
    prior: assessment,
    tracker:
      config.trackerPath === undefined
        ? undefined
        : { path: config.trackerPath, label: displayPath(cwd, config.trackerPath) },
    folder,
    host: context.host,
    reporters,
    files,
  });
  await reporters.onEnd({ report, all, dir: written.dir });
  const verdict = verdictOf({ report, written, unreachable: unreachable(merged), policy: config });
  return {
    report,
    written,
    missing: missingShards(shards),
    verdict,
    trackerError,
    notes,
    reporterFailures: othersFailed(reporters, files),
  };
}
