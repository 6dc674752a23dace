/**
 * `parity show PAR-007`: one root cause in full — its tracker row, every case
 * and endpoint of the report of the newest run that wrote that tracker (or
 * `--from`'s) that showed it, one
 * representative case with the changes it accounts for and the curl pair to
 * reproduce it, and how to close it (the fix hint). Sends nothing.
 */
import { resolve } from 'node:path';
import type { AssessedDivergence } from '../contract/assessment.js';
import type { RunReport } from '../contract/report.js';
import type { Finding, RootCauseEntry } from '../contract/root-cause.js';
import { hintFor } from '../core/compare/hints.js';
import type { FixHint } from '../core/compare/patterns/types.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { noSuchRow } from '../io/tracker/decide.js';
import type { TrackerRow } from '../io/tracker/types.js';
import { hasFindings } from '../judge/results/types.js';
import { publishedRuns, resolveReportPath } from '../reporters/report/locate.js';
import { readReport } from '../reporters/report/read.js';
import { runtimesOf } from '../reporters/report/run-report.js';
import { ParityError } from '../util/errors.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { existingRows, trackerPathOf } from './tracker.js';

/** Which root cause `parity show` shows, and from which report. */
export interface ShowInput {
  readonly id: string;
  /** report.json, its run folder, or `latest` (the default). */
  readonly from?: string | undefined;
  readonly flags: ConfigFlags;
}

/** The root cause as the report showed it. */
export interface ShownEvidence {
  /** Absolute. */
  readonly reportPath: string;
  readonly runId: string;
  readonly entry: RootCauseEntry;
  /** Case ids per endpoint, in run order. */
  readonly byEndpoint: readonly (readonly [endpoint: string, caseIds: readonly string[]])[];
  /** The first case that showed it, and its finding. */
  readonly example: { readonly result: AssessedDivergence; readonly finding: Finding };
}

/** A root cause: its row, and what the report says about it. */
export interface ShowOutcome {
  /** Absolute. */
  readonly trackerPath: string;
  readonly row: TrackerRow;
  /** Absent when the report does not show this root cause (resolved, or another run). */
  readonly evidence?: ShownEvidence;
  /** Why there is no evidence (no report, or the report does not show it). */
  readonly note?: string;
  /** How to close it; known when the report shows the cause. */
  readonly hint?: FixHint;
}

function findRow(rows: readonly TrackerRow[], id: string, file: string): TrackerRow {
  const row = rows.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (row !== undefined) return row;
  throw new ParityError('PARITY_USAGE', noSuchRow(file, id, rows));
}

/** The evidence of `fingerprint` in `report`, or undefined when no result shows it. */
export function evidenceIn(
  report: RunReport,
  reportPath: string,
  fingerprint: string,
): ShownEvidence | undefined {
  const byEndpoint = new Map<string, string[]>();
  let example: ShownEvidence['example'] | undefined;
  for (const result of report.results) {
    if (!hasFindings(result)) continue;
    const finding = result.findings.find((f) => f.fingerprint === fingerprint);
    if (finding === undefined) continue;
    example ??= { result, finding };
    const cases = byEndpoint.get(result.endpoint) ?? [];
    byEndpoint.set(result.endpoint, [...cases, result.caseId]);
  }
  const entry = report.rootCauses?.find((e) => e.fingerprint === fingerprint);
  if (example === undefined || entry === undefined) return undefined;
  return { reportPath, runId: report.runId, entry, byEndpoint: [...byEndpoint], example };
}

/** Run folders looked through for the run that wrote the tracker, newest first, at most. */
const RUNS_LOOKED_AT = 50;

/**
 * The report to show: `--from`'s; else the newest run in the reports folder
 * that wrote this tracker (`latest` may be another tracker's run, e.g. a fuzz
 * run's with `--tracker` elsewhere), else `latest`.
 */
async function reportFor(input: ShowInput, context: AppContext, trackerPath: string) {
  const { config } = await openProject(input.flags, context, 'none');
  const where = { cwd: context.cwd, reportsDir: config.reportsDir };
  try {
    if (input.from !== undefined) {
      const path = await resolveReportPath(input.from, where);
      return { path, report: await readReport(path) };
    }
    const wrote = await runThatWrote(trackerPath, config.reportsDir, config.cwd);
    if (wrote !== undefined) return wrote;
    const path = await resolveReportPath('latest', where);
    return { path, report: await readReport(path) };
  } catch (error) {
    // Without --from, a project that has not run yet still shows its rows.
    if (input.from === undefined && error instanceof ParityError) return error.message;
    throw error;
  }
}

/** The newest readable report in `reportsDir` whose run updated `trackerPath`. */
async function runThatWrote(trackerPath: string, reportsDir: string, cwd: string) {
  for (const path of await publishedRuns(reportsDir, RUNS_LOOKED_AT)) {
    const report = await readReport(path).catch(() => undefined);
    const wrote = report?.tracker?.path;
    if (report !== undefined && wrote !== undefined && resolve(cwd, wrote) === trackerPath) {
      return { path, report };
    }
  }
  return undefined;
}

/** The row and what the report says about it (see the module comment). */
export async function showRootCause(input: ShowInput, context: AppContext): Promise<ShowOutcome> {
  const trackerPath = await trackerPathOf(input.flags, context);
  const row = findRow(await existingRows(trackerPath, context.cwd), input.id, trackerPath);
  const read = await reportFor(input, context, trackerPath);
  if (typeof read === 'string') return { trackerPath, row, note: `no report to show: ${read}` };
  const evidence = evidenceIn(read.report, read.path, row.fingerprint);
  if (evidence === undefined) {
    const note = `report ${read.report.runId} does not show ${row.id}${row.status === 'resolved' ? ' (it is resolved)' : ''}`;
    return { trackerPath, row, note };
  }
  const { cause, places } = evidence.entry;
  return {
    trackerPath,
    row,
    evidence,
    ...(cause === undefined ? {} : { hint: hintFor(cause, runtimesOf(read.report), places) }),
  };
}
