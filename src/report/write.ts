/**
 * Writes a run's reports into its run folder (`run-folder.ts`). Each format is
 * a reporter (`results/reporter.ts`) whose `onEnd` writes its file, isolated
 * from the others: one that throws is reported, and the others still write.
 * report.json and junit.xml list every case and are written as chunks from
 * the run's collected results; report.md and report.html show what a reader
 * must see (the notable results).
 */
import { basename, join } from 'node:path';
import type { CollectedResults, FinalResults } from '../results/collected.js';
import { createReporters, type Reporter } from '../results/reporter.js';
import { writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import type { RunReport } from './contract.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { renderHtmlChunks } from './html/render.js';
import { renderJsonChunks, renderJsonJoined } from './json.js';
import { renderJunitChunks } from './junit.js';
import { renderMarkdownChunks } from './markdown.js';
import type { RunFolder } from './run-folder.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

/** Every result of the run, for the formats that list every case. */
export interface AllResults {
  readonly collected: CollectedResults;
  /** The results the run's assessment speaks of, as assessed (the others as observed). */
  readonly final: FinalResults;
}

type Rendered = string | Iterable<string | Uint8Array> | AsyncIterable<string>;

/** What a run ends with, for its reporters: the report, every result, the folder being written. */
export interface ReportEnd {
  readonly report: RunReport;
  readonly all: AllResults;
  /** The folder the report files go into (the run's, or `--out`). */
  readonly dir: string;
}

/** A reporter of a run (the console, a test's, a report file). */
export type RunReporter = Reporter<ReportEnd>;

/** A report format: a reporter whose `onEnd` writes one file into `end.dir`. */
export interface FileReporter extends RunReporter {
  readonly name: ReportFormat;
  readonly file: string;
  onEnd(end: ReportEnd): Promise<void>;
}

function fileReporter(
  name: ReportFormat,
  file: string,
  render: (report: RunReport, all: AllResults) => Rendered,
): FileReporter {
  return { name, file, onEnd: (end) => writeOne(join(end.dir, file), render(end.report, end.all)) };
}

export const FILE_REPORTERS: Record<ReportFormat, FileReporter> = {
  json: fileReporter('json', 'report.json', (report, { collected, final }) =>
    // A run's own stream copies its lines' bytes; results in memory are encoded.
    collected.joinedLines === undefined
      ? renderJsonChunks(report, collected.lines(final))
      : renderJsonJoined(
          report,
          (separator) => collected.joinedLines?.(final, separator) ?? [],
          collected.ranIds.length > 0,
        ),
  ),
  md: fileReporter('md', 'report.md', renderMarkdownChunks),
  html: fileReporter('html', 'report.html', renderHtmlChunks),
  junit: fileReporter('junit', 'junit.xml', (report, all) =>
    renderJunitChunks(report, () => all.collected.junitRows(all.final)),
  ),
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
  const reporters = formats.map((format) => FILE_REPORTERS[format]);
  const set = createReporters(reporters);
  await set.onEnd({ report, all, dir });
  const failed = new Map(set.failures().map((failure) => [failure.name, failure.error] as const));
  const failures: { format: ReportFormat; error: Error }[] = [];
  const files: string[] = [];
  for (const reporter of reporters) {
    const error = failed.get(reporter.name);
    if (error === undefined) files.push(join(dir, reporter.file));
    else failures.push({ format: reporter.name, error });
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
