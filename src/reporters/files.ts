/**
 * The report files as reporters (`reporter.ts`): each format's `onAssessment`
 * writes its file, isolated from the others: one that throws is reported,
 * and the others still write. report.json and junit.xml list every case and
 * are written as chunks from the run's collected results; report.md and
 * report.html show what a reader must see (the notable results). A file goes
 * into the run's folder unless `--reporter NAME=PATH` gave it a path of its
 * own; report.json and results.ndjson always stay in the folder (the run's
 * record: `latest`, `--compare-to`, `merge` and `report --from` read them),
 * a path giving them a copy.
 */
import { basename, dirname, join } from 'node:path';
import type { RunReport } from '../contract/report.js';
import { REPORT_FORMATS, type ReportFormat } from '../io/config/report-formats.js';
import type { ReporterName } from '../io/config/reporters.js';
import { ParityError } from '../util/errors.js';
import { copyFileAtomic, writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import { displayPath } from '../util/paths.js';
import { checkFileTarget, folderProblem } from '../util/write-target.js';
import { renderHtmlChunks } from './report/html/render.js';
import { renderJsonChunks, renderJsonJoined } from './report/json.js';
import { renderJunitChunks } from './report/junit.js';
import { renderMarkdownChunks } from './report/markdown.js';
import type { RunFolder } from './report/run-folder.js';
import {
  type AllObservations,
  type AssessedRun,
  createReporters,
  type ReporterFailure,
  type Reporters,
  type RunReporter,
} from './reporter.js';

type Rendered = string | Iterable<string | Uint8Array> | AsyncIterable<string>;

/** A file reporter: its `onAssessment` writes `file` into the folder, or at `path`. */
export interface FileReporter extends RunReporter {
  readonly name: ReportFormat | 'ndjson';
  /** Its name in the run's folder. */
  readonly file: string;
  /** Absolute, from `--reporter NAME=PATH`: where it writes (json, ndjson: a copy of the folder's). */
  readonly path?: string | undefined;
  onAssessment(assessed: AssessedRun): Promise<void>;
}

/** The files `reporter` writes when the folder is `dir`. */
export function filesOf(reporter: FileReporter, dir: string): string[] {
  if (reporter.path === undefined) return [join(dir, reporter.file)];
  return reporter.name === 'json' || reporter.name === 'ndjson'
    ? [join(dir, reporter.file), reporter.path]
    : [reporter.path];
}

const FILES: Record<ReportFormat | 'ndjson', string> = {
  json: 'report.json',
  md: 'report.md',
  html: 'report.html',
  junit: 'junit.xml',
  ndjson: 'results.ndjson',
};

const RENDER: Record<ReportFormat, (report: RunReport, all: AllObservations) => Rendered> = {
  json: (report, { collected, final }) =>
    // A run's own stream copies its lines' bytes; results in memory are encoded.
    collected.joinedLines === undefined
      ? renderJsonChunks(report, collected.lines(final))
      : renderJsonJoined(
          report,
          (separator) => collected.joinedLines?.(final, separator) ?? [],
          collected.ranIds.length > 0,
        ),
  md: renderMarkdownChunks,
  html: renderHtmlChunks,
  junit: (report, all) => renderJunitChunks(report, () => all.collected.junitRows(all.final)),
};

/** The reporter of one format; `path` (absolute) puts its file there instead of the folder. */
export function fileReporter(name: ReportFormat | 'ndjson', path?: string): FileReporter {
  const file = FILES[name];
  const onAssessment = async ({ report, all, dir }: AssessedRun): Promise<void> => {
    const inFolder = join(dir, file);
    if (name === 'ndjson') {
      // The run's stream wrote results.ndjson: the path gets a copy of it.
      if (path !== undefined) await copyFileAtomic(inFolder, path);
      return;
    }
    const rendered = RENDER[name](report, all);
    if (path === undefined || name !== 'json') return writeOne(path ?? inFolder, rendered);
    await writeOne(inFolder, rendered);
    await copyFileAtomic(inFolder, path);
  };
  return path === undefined ? { name, file, onAssessment } : { name, file, path, onAssessment };
}

/** Every format in the run's folder: what a run writes unless `--reporter` says otherwise. */
export const FILE_REPORTERS: Record<ReportFormat, FileReporter> = {
  json: fileReporter('json'),
  md: fileReporter('md'),
  html: fileReporter('html'),
  junit: fileReporter('junit'),
};

export interface WrittenReports {
  readonly dir: string;
  readonly files: readonly string[];
  readonly failures: readonly { readonly format: ReporterName; readonly error: Error }[];
  /** A run's folder left `<run-id>.partial` because a report could not be written. */
  readonly partial?: true;
}

async function writeOne(path: string, rendered: Rendered): Promise<void> {
  // Reports are recreated by a rerun: atomic (never half-written), but not fsynced.
  const options = { durable: false };
  if (typeof rendered === 'string') await writeFileAtomic(path, rendered, options);
  else await writeChunksAtomic(path, rendered, options);
}

/** What the file reporters wrote into `dir`, and which failed (`failures` of their multiplexer). */
export function writtenBy(
  reporters: readonly FileReporter[],
  failures: readonly ReporterFailure[],
  dir: string,
): WrittenReports {
  const failed = new Map(
    failures
      .filter((failure) => failure.hook === 'onAssessment')
      .map((failure) => [failure.name, failure.error] as const),
  );
  const written: WrittenReports = { dir, files: [], failures: [] };
  const files: string[] = [];
  const lost: { format: ReporterName; error: Error }[] = [];
  for (const reporter of reporters) {
    const error = failed.get(reporter.name);
    if (error === undefined) files.push(...filesOf(reporter, dir));
    else lost.push({ format: reporter.name, error });
  }
  return { ...written, files, failures: lost };
}

/** The reporters that failed, but the report files (`written.failures` lists those). */
export function othersFailed(
  reporters: Pick<Reporters, 'failures'>,
  files: readonly FileReporter[],
): ReporterFailure[] {
  const names = new Set<string>(files.map((file) => file.name));
  return reporters
    .failures()
    .filter((failure) => !(failure.hook === 'onAssessment' && names.has(failure.name)));
}

/** Writes `formats` of `report` into `dir` (no `latest` pointer): `parity report --from`. */
export async function writeReportFiles(
  report: RunReport,
  all: AllObservations,
  dir: string,
  formats: readonly ReportFormat[],
): Promise<WrittenReports> {
  // Each format renders and writes on its own: one that throws does not stop the others.
  const reporters = formats.map((format) => FILE_REPORTERS[format]);
  const set = createReporters(reporters);
  await set.onAssessment({ report, all, dir });
  return writtenBy(reporters, set.failures(), dir);
}

/**
 * Gives a run's folder its final name (`run-folder.ts`) when every file
 * reporter wrote its file: a folder without `.partial` always holds every
 * report. One that could not be written (a full disk) leaves the folder
 * `.partial`, and the failures say which. `latest` is the caller's to repoint.
 */
export async function publishReports(
  written: WrittenReports,
  folder: RunFolder,
): Promise<WrittenReports> {
  if (written.failures.length > 0) return { ...written, dir: folder.dir, partial: true };
  await folder.publish();
  const moved = (file: string) =>
    dirname(file) === folder.dir ? join(folder.finalDir, basename(file)) : file;
  return { dir: folder.finalDir, files: written.files.map(moved), failures: written.failures };
}

/** Writes a run's reports into its folder, then publishes it (`publishReports`). */
export async function writeRunReports(
  report: RunReport,
  all: AllObservations,
  folder: RunFolder,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Promise<WrittenReports> {
  return publishReports(await writeReportFiles(report, all, folder.dir, formats), folder);
}

/**
 * Checks, before the first request, every path `--reporter NAME=PATH` gave:
 * a file parity may (re)write (`util/write-target.ts`'s rule) in a folder
 * that takes new files (created when missing, at write time). A path that
 * cannot be written is `PARITY_OUTPUT_UNWRITABLE` (exit 2), naming it.
 */
export async function checkReporterPaths(
  paths: readonly { readonly name: string; readonly path: string }[],
  cwd: string,
): Promise<void> {
  for (const { name, path } of paths) {
    const shown = displayPath(cwd, path);
    const checked = await checkFileTarget(path, shown);
    const problem = checked.ok ? await folderProblem(dirname(path)) : checked.problem;
    if (problem !== undefined) {
      throw new ParityError(
        'PARITY_OUTPUT_UNWRITABLE',
        `--reporter ${name}=${shown}: cannot write there: ${problem}`,
      );
    }
  }
}
