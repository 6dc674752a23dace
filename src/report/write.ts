/**
 * Writes a run's reports under `reports/<run-id>/` and points `reports/latest`
 * at them. Renderers are a name→function map run in isolation: one that throws
 * is reported, and the others still write.
 */
import { join } from 'node:path';
import { pointLatest, writeFileAtomic } from '../util/fs.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { RunReport } from './model.js';

export type ReportFormat = 'json' | 'md';

export const RENDERERS: Record<
  ReportFormat,
  { file: string; render: (report: RunReport) => string }
> = {
  json: { file: 'report.json', render: renderJson },
  md: { file: 'report.md', render: renderMarkdown },
};

export interface WrittenReports {
  readonly dir: string;
  readonly files: readonly string[];
  readonly failures: readonly { readonly format: ReportFormat; readonly error: Error }[];
}

export async function writeReports(
  report: RunReport,
  reportsDir: string,
  formats: readonly ReportFormat[] = ['json', 'md'],
): Promise<WrittenReports> {
  const dir = join(reportsDir, report.runId);
  const files: string[] = [];
  const failures: { format: ReportFormat; error: Error }[] = [];
  for (const format of formats) {
    const { file, render } = RENDERERS[format];
    try {
      await writeFileAtomic(join(dir, file), render(report));
      files.push(join(dir, file));
    } catch (error) {
      failures.push({ format, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  await pointLatest(reportsDir, report.runId);
  return { dir, files, failures };
}
