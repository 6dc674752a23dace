/**
 * Writes a run's reports under `reports/<run-id>/` and points `reports/latest`
 * at them. Renderers are a name→function map run in isolation: one that throws
 * is reported, and the others still write.
 */
import { join } from 'node:path';
import type { JunitRow, ResultJson } from '../results/stream.js';
import { pointLatest, writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import type { RunReport } from './contract.js';
import { renderHtml } from './html/render.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { renderJunitChunks } from './junit-stream.js';
import { renderMarkdown } from './markdown.js';

/** Every format, in the order a run writes them (report.json first: it is the source). */
export const REPORT_FORMATS = ['json', 'md', 'html', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const RENDERERS: Record<
  ReportFormat,
  { file: string; render: (report: RunReport) => string }
> = {
  json: { file: 'report.json', render: renderJson },
  md: { file: 'report.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
  junit: { file: 'junit.xml', render: renderJunit },
};

export interface WrittenReports {
  readonly dir: string;
  readonly files: readonly string[];
  readonly failures: readonly { readonly format: ReportFormat; readonly error: Error }[];
}

/**
 * Every result of the run in case-id order, when `report.results` holds only
 * some of them (a large run, see `results-stream.ts`): report.json is then
 * streamed from `json` and junit.xml from `junit` instead of rendered in one piece.
 */
export interface AllResults {
  readonly json: () => AsyncIterable<ResultJson>;
  readonly junit: () => Iterable<JunitRow>;
}

function writeOne(path: string, format: ReportFormat, report: RunReport, all?: AllResults) {
  // Reports are recreated by a rerun: atomic (never half-written), but not fsynced.
  const options = { durable: false };
  if (format === 'json' && all !== undefined) {
    return writeChunksAtomic(path, renderJsonChunks(report, all.json()), options);
  }
  // JUnit lists every case too; HTML and Markdown list divergences, which are kept.
  if (format === 'junit' && all !== undefined) {
    return writeChunksAtomic(path, renderJunitChunks(report, all.junit), options);
  }
  return writeFileAtomic(path, RENDERERS[format].render(report), options);
}

/** Writes `formats` of `report` into `dir` (no `latest` pointer): `parity report --from`. */
export async function writeReportFiles(
  report: RunReport,
  dir: string,
  formats: readonly ReportFormat[],
  all?: AllResults,
): Promise<WrittenReports> {
  const files: string[] = [];
  const failures: { format: ReportFormat; error: Error }[] = [];
  // Each format renders and writes on its own: one that throws does not stop the others.
  const outcomes = await Promise.all(
    formats.map(async (format) => {
      const path = join(dir, RENDERERS[format].file);
      try {
        await writeOne(path, format, report, all);
        return { format, path };
      } catch (error) {
        return { format, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }),
  );
  for (const outcome of outcomes) {
    if (outcome.error !== undefined)
      failures.push({ format: outcome.format, error: outcome.error });
    else if (outcome.path !== undefined) files.push(outcome.path);
  }
  return { dir, files, failures };
}

/** Writes a run's reports into `reportsDir/<run-id>/` and points `reportsDir/latest` at them. */
export async function writeReports(
  report: RunReport,
  reportsDir: string,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
  all?: AllResults,
): Promise<WrittenReports> {
  const written = await writeReportFiles(report, join(reportsDir, report.runId), formats, all);
  await pointLatest(reportsDir, report.runId);
  return written;
}
