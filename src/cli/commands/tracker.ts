/** `parity tracker [--check]`: prints the tracker's rows, or how stale it is (exit 1). */
import { checkTrackerFile, listTracker } from '../../app/tracker.js';
import { ParityError } from '../../util/errors.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { TrackerFlags } from '../options.js';
import { renderFindings, renderRows } from '../tracker-lines.js';

async function check(from: string, flags: TrackerFlags, io: Io): Promise<ExitCode> {
  const checked = await checkTrackerFile({ from, flags }, contextOf(io));
  const { findings } = checked;
  const shown = {
    tracker: displayPath(io.cwd, checked.trackerPath),
    report: displayPath(io.cwd, checked.reportPath),
  };
  if (flags.json === true) {
    io.stdout.write(
      `${JSON.stringify({ ...shown, stale: findings.length > 0, findings }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(renderFindings(findings, shown.tracker, shown.report));
  }
  return findings.length > 0 ? EXIT.divergent : EXIT.ok;
}

/** Lists the open rows (`--all`: every row), or checks the tracker against a report. */
export async function trackerCommand(flags: TrackerFlags, io: Io): Promise<ExitCode> {
  if (flags.check === true) return check(flags.from ?? 'latest', flags, io);
  if (flags.from !== undefined) throw new ParityError('PARITY_USAGE', '--from goes with --check');
  const { trackerPath, rows: all } = await listTracker(flags, contextOf(io));
  const rows = flags.all === true ? all : all.filter((row) => row.status === 'open');
  if (flags.json === true) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout.write(renderRows(rows, displayPath(io.cwd, trackerPath), all));
  return EXIT.ok;
}
