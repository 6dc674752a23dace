/**
 * Reads a report.json back (`parity report --from`, `tracker --check`, `merge`):
 * schemaVersion 3, or 2 and 1 upgraded to 3. A missing, garbled or newer-versioned file is a `PARITY_REPORT_INVALID` error
 * whose message says what to do, never a crash half-way through a renderer.
 */
import type * as z from 'zod';
import { type RunReport, reportSchema } from '../../contract/report.js';
import { upgradeAwaiting } from '../../contract/upgrade-awaiting.js';
import { reportSchemaV1, upgradeV1 } from '../../contract/upgrade-v1.js';
import { type Rejudge, reportSchemaV2, upgradeV2 } from '../../contract/upgrade-v2.js';
import { REPORT_SCHEMA_VERSION } from '../../contract/vocabulary.js';
import { judgeComparison } from '../../core/compare/judge.js';
import { groupFindings, rootCauseEntries } from '../../judge/results/root-causes.js';
import { jsonTooDeep, tooDeepMessage, WRITTEN_DEPTH } from '../../util/depth.js';
import { ParityError } from '../../util/errors.js';
import { readFailure, readRegularText } from '../../util/fs.js';

/**
 * An old report's divergences judged again as a run judges them (the
 * contract's upgrader takes its judge from here: judging is compare's).
 */
const REJUDGE: Rejudge = {
  judge(ids, comparison) {
    const judged = judgeComparison(ids, comparison);
    if (judged.verdict !== 'divergent') return undefined;
    return { fingerprint: judged.divergence.fingerprint, findings: judged.findings };
  },
  rootCauses: (results) => rootCauseEntries(groupFindings(results), () => undefined),
};

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkVersion(value: unknown, file: string): number {
  if (!isRecord(value)) {
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
  const deep = jsonTooDeep(text, WRITTEN_DEPTH);
  if (deep !== undefined) throw invalid(file, `not a report parity wrote: ${tooDeepMessage(deep)}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(file, `not valid JSON (${reason}); was the file cut short?`, error);
  }
  const version = checkVersion(value, file);
  // schemaVersion 1 (parity 0.1) and 2: read with their own schemas, then upgraded.
  if (version === 1) {
    const upgraded = upgradeV1(validated(reportSchemaV1, value, file));
    if (typeof upgraded === 'string') throw invalid(file, `not a valid report: ${upgraded}`);
    return upgradeV2(upgraded, REJUDGE);
  }
  if (version === 2) return upgradeV2(validated(reportSchemaV2, value, file), REJUDGE);
  // Rows awaiting evidence were `open` rows with `unsettled` entries before they had a status of their own.
  return upgradeAwaiting(validated(reportSchema, value, file));
}

/** `value` checked against `schema`, or the issues as a `PARITY_REPORT_INVALID` error. */
function validated<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalid(file, `not a valid report: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}

/** How the user named the report: the flag, or `merge` for merge's arguments. */
export type ReportGiven = '--from' | '--compare-to' | 'merge';

/** What to do about a missing report, in the words of the option that named it. */
const MISSING: Record<ReportGiven, string> = {
  '--from':
    'no such file (run `parity run` first, or pass --from reports/<run-id>/report.json, a run folder or latest)',
  '--compare-to':
    'no such file (pass --compare-to a report.json that `parity run` or `parity merge` wrote, its run folder, or latest)',
  merge:
    'no such file (pass merge the report.json files or run folders that `parity run --shard` wrote)',
};

/**
 * A report.json of a million cases is a few hundred MB; past this it would not
 * fit one string (V8 stops near 512 MiB), so it is refused before it is read.
 */
const MAX_REPORT_BYTES = 480 * 1024 * 1024;

/** Reads and validates the report.json at `path`; `given` words the hint for a missing file. */
export async function readReport(
  path: string,
  options: { readonly given: ReportGiven } = { given: '--from' },
): Promise<RunReport> {
  let text: string;
  try {
    text = await readRegularText(path, { maxBytes: MAX_REPORT_BYTES });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason =
      code === 'ENOENT' ? MISSING[options.given] : `cannot be read (${readFailure(error)})`;
    throw invalid(path, reason, error);
  }
  return parseReport(text, path);
}
