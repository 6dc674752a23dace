/**
 * Finds the report a run compares to (`--compare-to`, `--from`): a report.json
 * path, a run folder, or `latest` for `<reports>/latest/report.json`.
 */
import { stat } from 'node:fs/promises';
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
