/**
 * `parity tracker`: the rows of the decisions tracker, or (`--check`) how a
 * run with a given report would change them.
 */
import type { ConfigFlags } from '../io/config/resolve.js';
import { checkTracker, rowsMissingCases, type StaleFinding } from '../io/tracker/check.js';
import type { MissingCases, TrackerRow } from '../io/tracker/types.js';
import { initTrackerFile, readExistingTrackerRows, type TrackerInit } from '../io/tracker/write.js';
import { resolveReportPath } from '../reporters/report/locate.js';
import { readReport } from '../reporters/report/read.js';
import { ParityError } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { trackerEvidence } from './run/tracker-evidence.js';

export interface TrackerListing {
  /** Absolute. */
  readonly trackerPath: string;
  /** Every row of the tracker, in file order. */
  readonly rows: readonly TrackerRow[];
}

export interface TrackerCheck {
  /** Absolute. */
  readonly trackerPath: string;
  /** Absolute: the report.json compared with. */
  readonly reportPath: string;
  /** What a run with that report would change; empty when the tracker is up to date. */
  readonly findings: readonly StaleFinding[];
  /** `_open_` rows listing cases the library no longer holds (from a report of the whole library). */
  readonly missingCases: readonly MissingCases[];
}

/** The tracker file of the project (absolute); a disabled tracker is a usage error. */
export async function trackerPathOf(flags: ConfigFlags, context: AppContext): Promise<string> {
  return (await trackerOf(flags, context)).trackerPath;
}

async function trackerOf(flags: ConfigFlags, context: AppContext) {
  const { config } = await openProject(flags, context, 'none');
  if (config.trackerPath === undefined) {
    throw new ParityError(
      'PARITY_USAGE',
      'the tracker is disabled in the config (tracker: false); pass --tracker FILE',
    );
  }
  return { config, trackerPath: config.trackerPath };
}

/**
 * The rows of a tracker that must exist: listing or checking a file that is not
 * there is a mistyped path far more often than an empty tracker (a run creates it).
 */
export async function existingRows(
  trackerPath: string,
  cwd: string,
): Promise<readonly TrackerRow[]> {
  const rows = await readExistingTrackerRows(trackerPath);
  if (rows !== undefined) return rows;
  throw new ParityError(
    'PARITY_TRACKER_INVALID',
    `${displayPath(cwd, trackerPath)}: no such tracker (\`parity run\` creates it; pass --tracker FILE for another one)`,
  );
}

/** The tracker's rows (`flags.tracker`, else the config's, else the default file). */
export async function listTracker(
  flags: ConfigFlags,
  context: AppContext,
): Promise<TrackerListing> {
  const { trackerPath } = await trackerOf(flags, context);
  return { trackerPath, rows: await existingRows(trackerPath, context.cwd) };
}

/** Compares the tracker with the report `from` names (report.json, run folder or `latest`). */
export async function checkTrackerFile(
  input: { readonly from: string; readonly flags: ConfigFlags },
  context: AppContext,
): Promise<TrackerCheck> {
  const { config, trackerPath } = await trackerOf(input.flags, context);
  const reportPath = await resolveReportPath(input.from, {
    cwd: context.cwd,
    reportsDir: config.reportsDir,
  });
  const report = await readReport(reportPath);
  const rows = await existingRows(trackerPath, context.cwd);
  const evidence = trackerEvidence(report);
  const findings = checkTracker(rows, evidence);
  return { trackerPath, reportPath, findings, missingCases: rowsMissingCases(rows, evidence) };
}

/** `parity tracker --init`: creates the tracker or adds its managed table (see `initTrackerFile`). */
export async function initTracker(
  flags: ConfigFlags,
  context: AppContext,
): Promise<{ readonly trackerPath: string; readonly outcome: TrackerInit }> {
  const { trackerPath } = await trackerOf(flags, context);
  return { trackerPath, outcome: await initTrackerFile(trackerPath, { host: context.host }) };
}
