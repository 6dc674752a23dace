/** `parity tracker [--check]`: prints the tracker's rows, or how stale it is (exit 1). */
import { checkTrackerFile, initTracker, listTracker } from '../../engine/tracker.js';
import { awaitsEvidence } from '../../io/tracker/types.js';
import { missingCaseLines, renderFindings, renderRows } from '../../reporters/tracker-lines.js';
import { ParityError } from '../../util/errors.js';
import { displayPath } from '../../util/paths.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { TrackerFlags } from '../options.js';

async function check(from: string, flags: TrackerFlags, io: Io): Promise<ExitCode> {
  const checked = await checkTrackerFile({ from, flags }, contextOf(io));
  const { findings, missingCases } = checked;
  const shown = {
    tracker: displayPath(io.cwd, checked.trackerPath),
    report: displayPath(io.cwd, checked.reportPath),
  };
  if (flags.json === true) {
    io.stdout.write(
      `${JSON.stringify({ ...shown, stale: findings.length > 0, findings, missingCases }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(renderFindings(findings, shown.tracker, shown.report));
    for (const line of missingCaseLines(missingCases)) io.stdout.write(`note: ${line}\n`);
  }
  return findings.length > 0 ? EXIT.divergent : EXIT.ok;
}

const INIT_MESSAGES = {
  created: 'created, with an empty table',
  added: 'now has an empty managed table at its end; nothing else in it changed',
  present: 'already has a managed table; nothing to do',
} as const;

async function init(flags: TrackerFlags, io: Io): Promise<ExitCode> {
  if (flags.check === true || flags.from !== undefined || flags.all === true) {
    throw new ParityError('PARITY_USAGE', '--init goes alone (with --tracker or --config)');
  }
  const { trackerPath, outcome } = await initTracker(flags, contextOf(io));
  const shown = displayPath(io.cwd, trackerPath);
  if (flags.json === true) io.stdout.write(`${JSON.stringify({ tracker: shown, outcome })}\n`);
  else io.stdout.write(`${shown}: ${INIT_MESSAGES[outcome]}\n`);
  return EXIT.ok;
}

/** Lists the open rows (`--all`: every row), checks the tracker against a report, or `--init`s it. */
export async function trackerCommand(flags: TrackerFlags, io: Io): Promise<ExitCode> {
  if (flags.init === true) return init(flags, io);
  if (flags.check === true) return check(flags.from ?? 'latest', flags, io);
  if (flags.from !== undefined) throw new ParityError('PARITY_USAGE', '--from goes with --check');
  const { trackerPath, rows: all } = await listTracker(flags, contextOf(io));
  // The open rows, and those awaiting evidence (listed apart: no open decision yet).
  const rows =
    flags.all === true ? all : all.filter((row) => row.status === 'open' || awaitsEvidence(row));
  const listed = rows.map((row) =>
    awaitsEvidence(row) ? { ...row, awaitingEvidence: true } : row,
  );
  if (flags.json === true) io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  else io.stdout.write(renderRows(rows, displayPath(io.cwd, trackerPath), all));
  return EXIT.ok;
}
