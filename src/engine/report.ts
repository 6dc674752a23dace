/**
 * `parity report --from <report.json|run folder|latest>`: re-renders a run's
 * reports from its report.json without sending a request. The report is
 * validated first (a newer `schemaVersion` or a garbled file is bad input).
 */
import { dirname, resolve } from 'node:path';
import type { ReportFormat } from '../io/config/report-formats.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { assessed, splitAssessed } from '../judge/results/assessment.js';
import { collectedInMemory } from '../judge/results/collected.js';
import { isNotable } from '../judge/results/types.js';
import { type WrittenReports, writeReportFiles } from '../reporters/files.js';
import { resolveReportPath } from '../reporters/report/locate.js';
import { readReport } from '../reporters/report/read.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';

export interface RerenderInput {
  /** report.json, its run folder, or `latest` (in the configured reports folder). */
  readonly from: string;
  readonly formats: readonly ReportFormat[];
  /** Output folder; undefined: the report's own folder. */
  readonly out: string | undefined;
  /** Only read to find `latest`. */
  readonly flags: ConfigFlags;
}

/** The files written and the formats that failed. */
export async function rerenderReport(
  input: RerenderInput,
  context: AppContext,
): Promise<WrittenReports> {
  // The config is only needed to find `latest`: a report named by path renders
  // even where the config does not load.
  const reportsDir =
    input.from === 'latest'
      ? (await openProject(input.flags, context, 'none')).config.reportsDir
      : context.cwd;
  const path = await resolveReportPath(input.from, { cwd: context.cwd, reportsDir });
  const report = await readReport(path);
  const dir = resolve(context.cwd, input.out ?? dirname(path));
  // Written the way a run writes them: every result streamed, the notable ones rendered. Each
  // result is its observation with the run's assessment laid over it: split, then each as listed.
  const { observations, assessment } = splitAssessed(report.results);
  const final = new Map(report.results.map((r) => [r.caseId, r] as const));
  const collected = collectedInMemory(observations, (r) => isNotable(assessed(r, assessment)));
  const all = { collected, final };
  const notable = report.results.filter(isNotable);
  return writeReportFiles({ ...report, results: notable }, all, dir, input.formats);
}
