/**
 * Writes a run's reports into its run folder (`run-folder.ts`). Renderers are a name→function map run in isolation: one that throws
 * is reported, and the others still write. report.json and junit.xml list
 * every case and are written as chunks from the run's collected results;
 * report.md and report.html show what a reader must see (the notable results).
 */
import { basename, join } from 'node:path';
import type { CollectedResults, FinalResults } from '../results/collected.js';
import { writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import type { RunReport } from './contract.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { renderHtml } from './html/render.js';
import { renderJsonChunks } from './json.js';
import { renderJunitChunks } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RunFolder } from './run-folder.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

/** Every result of the run, for the formats that list every case. */
export interface AllResults {
  readonly collected: CollectedResults;
  /** Final forms of results changed after they were collected (noise, regression, tracker). */
  readonly final: FinalResults;
}

type Rendered = string | Iterable<string> | AsyncIterable<string>;

export const RENDERERS: Record<
  ReportFormat,
  { file: string; render: (report: RunReport, all: AllResults) => Rendered }
> = {
  json: {
    file: 'report.json',
    render: (report, all) => renderJsonChunks(report, all.collected.lines(all.final)),
  },
  md: { file: 'report.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
  junit: {
    file: 'junit.xml',
    render: (report, all) => renderJunitChunks(report, () => all.collected.junitRows(all.final)),
  },
};

export interface WrittenReports {
  readonly dir: string;
  readonly files: readonly string[];
  readonly failures: readonly { readonly format: ReportFormat; readonly error: Error }[];
  /** A run's folder left `<run-id>.partial` because a report could not be written. */
  readonly partial?: true;
}

async function writeOne(path: string, rendered: Rendered): Promise<void> {
  // Reports are recreated by a rerun: atomic (never half-written), but not fsynced.
  const options = { durable: false };
  if (typeof rendered === 'string') await writeFileAtomic(path, rendered, options);
  else await writeChunksAtomic(path, rendered, options);
}

/** Writes `formats` of `report` into `dir` (no `latest` pointer): `parity report --from`. */
export async function writeReportFiles(
  report: RunReport,
  all: AllResults,
  dir: string,
  formats: readonly ReportFormat[],
): Promise<WrittenReports> {
  // Each format renders and writes on its own: one that throws does not stop the others.
  const outcomes = await Promise.all(
    formats.map(async (format) => {
      const path = join(dir, RENDERERS[format].file);
      try {
        await writeOne(path, RENDERERS[format].render(report, all));
        return { format, path };
      } catch (error) {
        return { format, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }),
  );
  const files: string[] = [];
  const failures: { format: ReportFormat; error: Error }[] = [];
  for (const outcome of outcomes) {
    if (outcome.error !== undefined)
      failures.push({ format: outcome.format, error: outcome.error });
    else if (outcome.path !== undefined) files.push(outcome.path);
  }
  return { dir, files, failures };
}

/**
 * Writes a run's reports into its folder, then gives the folder its final
 * name (`run-folder.ts`) when every format was written: a folder without
 * `.partial` always holds every report. One that could not be written (a
 * full disk) leaves the folder `.partial`, and the failures say which.
 * `latest` is the caller's to repoint.
 */
export async function writeRunReports(
  report: RunReport,
  all: AllResults,
  folder: RunFolder,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Promise<WrittenReports> {
  const written = await writeReportFiles(report, all, folder.dir, formats);
  if (written.failures.length > 0) return { ...written, dir: folder.dir, partial: true };
  await folder.publish();
  return {
    dir: folder.finalDir,
    files: written.files.map((file) => join(folder.finalDir, basename(file))),
    failures: written.failures,
  };
}
