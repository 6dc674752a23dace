/**
 * `parity report --from <report.json|run folder|latest>`: re-renders a run's
 * reports from its report.json without sending a request. The report is
 * validated first; a newer `schemaVersion` or a garbled file exits 2.
 */
import { dirname, isAbsolute } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { resolveReportPath } from '../../report/locate.js';
import { readReport } from '../../report/read.js';
import { REPORT_FORMATS, type ReportFormat, writeReportFiles } from '../../report/write.js';
import { collectedInMemory } from '../../results/collected.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { projectSettings } from './settings.js';

export interface ReportCommandOptions {
  /** report.json, its run folder, or `latest`. */
  readonly from: string;
  readonly format?: readonly ReportFormat[];
  /** Output folder (default: the report's own folder). */
  readonly out?: string;
  readonly config?: string;
  readonly reports?: string;
}

/** What `parity report` writes unless `--format` says otherwise: report.json is the source. */
export const DEFAULT_RERENDER: readonly ReportFormat[] = ['md', 'html', 'junit'];

function isFormat(value: string): value is ReportFormat {
  return REPORT_FORMATS.some((format) => format === value);
}

/** Parses `--format md,html,junit` (commander argument parser). */
export function parseFormats(value: string): ReportFormat[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isFormat(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `formats are a comma-separated list of ${REPORT_FORMATS.join(', ')} (got "${value}")`,
    );
  }
  // Canonical order, so report.json (the source) is always written first.
  return REPORT_FORMATS.filter((format) => names.includes(format));
}

export async function reportCommand(options: ReportCommandOptions, io: Io): Promise<ExitCode> {
  // The config is only needed to find `latest` in a configured reports folder.
  const reportsDir =
    options.from === 'latest'
      ? (await projectSettings({ config: options.config, reports: options.reports }, io)).reportsDir
      : io.cwd;
  const path = await resolveReportPath(options.from, { cwd: io.cwd, reportsDir });
  const report = await readReport(path);
  const out = options.out === undefined ? dirname(path) : options.out;
  const dir = isAbsolute(out) ? out : `${io.cwd}/${out}`;
  const collected = collectedInMemory(report.results);
  const written = await writeReportFiles(
    { ...report, results: collected.notable },
    { collected, final: new Map() },
    dir,
    options.format ?? DEFAULT_RERENDER,
  );
  for (const file of written.files) io.stdout.write(`wrote ${displayPath(io.cwd, file)}\n`);
  for (const failure of written.failures) {
    io.stderr.write(
      `parity: could not write the ${failure.format} report: ${failure.error.message}\n`,
    );
  }
  return written.failures.length > 0 ? EXIT.internal : EXIT.ok;
}
