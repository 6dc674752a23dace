/**
 * Finds the report a run compares to (`--compare-to`, `--from`): a report.json
 * path, a run folder, or `latest` for `<reports>/latest/report.json`.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where relative paths and `latest` are resolved. */
export interface ReportPathContext {
  readonly cwd: string;
  /** The reports folder (absolute). */
  readonly reportsDir: string;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The absolute path of the report.json that `spec` names. Callers read it before
 * their own run writes, since a run repoints `latest` at itself.
 */
export async function resolveReportPath(spec: string, context: ReportPathContext): Promise<string> {
  if (spec === 'latest') return join(context.reportsDir, 'latest', 'report.json');
  const path = resolve(context.cwd, spec);
  return (await isDirectory(path)) ? join(path, 'report.json') : path;
}

/**
 * The report.json paths of the published runs in `reportsDir`, newest first
 * (run ids start with their time), at most `limit`; none when it cannot be read.
 */
export async function publishedRuns(reportsDir: string, limit: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(reportsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name !== 'latest' && !name.startsWith('.') && !name.endsWith('.partial'))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => join(reportsDir, name, 'report.json'));
}
