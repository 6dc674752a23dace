import { failingResults } from '../../app/fail-policy.js';
import { finishRun } from '../../app/finish.js';
import { newRunId } from '../../app/run.js';
import type { FailPolicy } from '../../config/schema.js';
import { mergeReports, missingShards, type ShardReport } from '../../report/combine-shards.js';
import type { RunReport } from '../../report/contract.js';
import { resolveReportPath } from '../../report/locate.js';
import { readReport } from '../../report/read.js';
import { collectedInMemory } from '../../results/collected.js';
import { readTrackerRows } from '../../tracker/write.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printOutcome } from './run.js';
import { projectSettings } from './settings.js';

export interface MergeCommandOptions {
  readonly config?: string;
  readonly tracker?: string | false;
  readonly reports?: string;
  readonly failOn?: FailPolicy;
  readonly compareTo?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

async function readShards(specs: readonly string[], io: Io, reportsDir: string) {
  const shards: ShardReport[] = [];
  for (const spec of specs) {
    const path = await resolveReportPath(spec, { cwd: io.cwd, reportsDir });
    shards.push({ file: displayPath(io.cwd, path), report: await readReport(path) });
  }
  return shards;
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

export async function mergeCommand(
  specs: readonly string[],
  options: MergeCommandOptions,
  io: Io,
): Promise<ExitCode> {
  const settings = await projectSettings(options, io);
  // A tracker that does not parse fails the merge before anything is written.
  if (settings.trackerPath !== undefined) await readTrackerRows(settings.trackerPath);
  const shards = await readShards(specs, io, settings.reportsDir);
  // Read before writing: the merged report repoints `latest`.
  const previous =
    options.compareTo === undefined
      ? undefined
      : await readReport(
          await resolveReportPath(options.compareTo, {
            cwd: io.cwd,
            reportsDir: settings.reportsDir,
          }),
        );
  const now = io.now ?? (() => new Date());
  const merged = mergeReports(shards, newRunId(now()));
  const { results, summary, ...head } = merged;
  const collected = collectedInMemory(results);
  const { report, written } = await finishRun({
    head,
    collected,
    results: collected.notable,
    summary,
    previous,
    tracker:
      settings.trackerPath === undefined
        ? undefined
        : { path: settings.trackerPath, label: displayPath(io.cwd, settings.trackerPath) },
    reportsDir: settings.reportsDir,
  });
  printOutcome(report, displayPath(io.cwd, written.dir), options, io);
  const missing = missingShards(shards);
  if (missing.length > 0) {
    io.stderr.write(`parity: merged without shard(s) ${missing.join(', ')}\n`);
  }
  for (const failure of written.failures) {
    io.stderr.write(
      `parity: could not write the ${failure.format} report: ${failure.error.message}\n`,
    );
  }
  const down = unreachable(merged);
  if (down.length > 0) {
    io.stderr.write(`parity: unreachable: ${down.join(', ')} answered no case\n`);
    return EXIT.unreachable;
  }
  if (written.failures.length > 0) return EXIT.internal;
  const failOptions = { failOnEncoding: settings.failOnEncoding };
  const failing = failingResults(report, settings.failOn, failOptions);
  return failing.length > 0 ? EXIT.divergent : EXIT.ok;
}
