/**
 * Reads a report.json back (`parity report --from`, `tracker --check`, `merge`):
 * schemaVersion 3 (or 2, read as 3), or 1 upgraded. A missing, garbled or newer-versioned file is a `PARITY_REPORT_INVALID` error
 * whose message says what to do, never a crash half-way through a renderer.
 */
import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import { ParityError } from '../util/errors.js';
import { REPORT_SCHEMA_VERSION, type RunReport } from './contract.js';
import { reportSchema } from './contract-schema.js';
import { reportSchemaV1, upgradeV1 } from './contract-v1.js';

/** Issues listed in the error message before "… and N more". */
const SHOWN_ISSUES = 5;

function invalid(file: string, message: string, cause?: unknown): ParityError {
  return new ParityError('PARITY_REPORT_INVALID', `${file}: ${message}`, { cause });
}

/** `results[3].verdict` from a zod issue path. */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, SHOWN_ISSUES).map((i) => `${fieldOf(i.path)}: ${i.message}`);
  if (issues.length > SHOWN_ISSUES) lines.push(`… and ${issues.length - SHOWN_ISSUES} more`);
  return lines.join('; ');
}

function checkVersion(value: unknown, file: string): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(file, 'not a parity report (expected a JSON object)');
  }
  const version = 'schemaVersion' in value ? value.schemaVersion : undefined;
  if (typeof version !== 'number') {
    throw invalid(file, 'not a parity report (no numeric "schemaVersion")');
  }
  if (version > REPORT_SCHEMA_VERSION) {
    throw invalid(
      file,
      `written with report schemaVersion ${version}, but this parity reads schemaVersion ${REPORT_SCHEMA_VERSION}; upgrade parity to read it`,
    );
  }
  return version;
}

/** Parses the text of a report.json; `file` names it in error messages. */
export function parseReport(text: string, file: string): RunReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(file, `not valid JSON (${reason}); was the file cut short?`, error);
  }
  if (checkVersion(value, file) === 1) {
    // schemaVersion 1 (parity 0.1): read with its own schema, then upgraded.
    const old = reportSchemaV1.safeParse(value);
    if (!old.success) {
      throw invalid(file, `not a valid report: ${describeIssues(old.error.issues)}`);
    }
    const upgraded = upgradeV1(old.data);
    if (typeof upgraded === 'string') throw invalid(file, `not a valid report: ${upgraded}`);
    return upgraded;
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    throw invalid(file, `not a valid report: ${describeIssues(parsed.error.issues)}`);
  }
  const report: RunReport = parsed.data;
  return report;
}

/** Reads and validates the report.json at `path`. */
export async function readReport(path: string): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason =
      code === 'ENOENT'
        ? 'no such file (run `parity run` first, or pass --from reports/<run-id>/report.json)'
        : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
    throw invalid(path, reason, error);
  }
  return parseReport(text, path);
}
