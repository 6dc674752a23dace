import { trackerEvidence } from '../../app/tracker-evidence.js';
import { resolveReportPath } from '../../report/locate.js';
import { readReport } from '../../report/read.js';
import { checkTracker } from '../../tracker/check.js';
import { readTrackerRows } from '../../tracker/write.js';
import { ParityError } from '../../util/errors.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import { renderFindings, renderRows } from '../tracker-lines.js';
import { projectSettings } from './settings.js';

export interface TrackerCommandOptions {
  readonly config?: string;
  readonly tracker?: string;
  readonly reports?: string;
  /** Compare the tracker with a report instead of listing it. */
  readonly check?: boolean;
  /** The report for `--check` (default: `latest`). */
  readonly from?: string;
  /** List every row, not only the open ones. */
  readonly all?: boolean;
  readonly json?: boolean;
}

async function check(
  trackerPath: string,
  options: TrackerCommandOptions,
  reportsDir: string,
  io: Io,
): Promise<ExitCode> {
  const reportPath = await resolveReportPath(options.from ?? 'latest', {
    cwd: io.cwd,
    reportsDir,
  });
  const report = await readReport(reportPath);
  const findings = checkTracker(await readTrackerRows(trackerPath), trackerEvidence(report));
  const shown = {
    tracker: displayPath(io.cwd, trackerPath),
    report: displayPath(io.cwd, reportPath),
  };
  if (options.json === true) {
    io.stdout.write(
      `${JSON.stringify({ ...shown, stale: findings.length > 0, findings }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(renderFindings(findings, shown.tracker, shown.report));
  }
  return findings.length > 0 ? EXIT.divergent : EXIT.ok;
}

export async function trackerCommand(options: TrackerCommandOptions, io: Io): Promise<ExitCode> {
  const settings = await projectSettings(options, io);
  const { trackerPath } = settings;
  if (trackerPath === undefined) {
    throw new ParityError(
      'PARITY_USAGE',
      'the tracker is disabled in the config (tracker: false); pass --tracker FILE',
    );
  }
  if (options.check === true) return check(trackerPath, options, settings.reportsDir, io);
  if (options.from !== undefined) {
    throw new ParityError('PARITY_USAGE', '--from goes with --check');
  }
  const all = await readTrackerRows(trackerPath);
  const rows = options.all === true ? all : all.filter((row) => row.status === 'open');
  if (options.json === true) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout.write(renderRows(rows, displayPath(io.cwd, trackerPath), all));
  return EXIT.ok;
}
