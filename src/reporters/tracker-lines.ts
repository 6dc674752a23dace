/** Console text for `parity tracker` and `parity tracker --check`. Pure. */

import { TRACKER_STATUSES, type TrackerStatus } from '../contract/vocabulary.js';
import { STALE_MESSAGES, type StaleFinding } from '../io/tracker/check.js';
import {
  awaitsEvidence,
  type MissingCases,
  type NotSeenRow,
  type TrackerRow,
} from '../io/tracker/types.js';
import { printable } from '../util/code-span.js';
import { widest } from '../util/widest.js';

/** Summaries are cut to this many characters in the listing. */
const SUMMARY_WIDTH = 100;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * `3 open, 1 accepted, 0 wontfix, 2 resolved`; rows awaiting evidence are
 * counted apart from the open ones (`2 open, 1 awaiting evidence, …`).
 */
export function statusCounts(rows: readonly TrackerRow[]): string {
  const counts: Record<TrackerStatus, number> = {
    open: 0,
    awaiting: 0,
    accepted: 0,
    wontfix: 0,
    resolved: 0,
    covered: 0,
    superseded: 0,
  };
  for (const row of rows) counts[row.status]++;
  return TRACKER_STATUSES.flatMap((status) =>
    status !== 'awaiting'
      ? [`${counts[status]} ${status}`]
      : counts.awaiting > 0
        ? [`${counts.awaiting} awaiting evidence`]
        : [],
  ).join(', ');
}

/** How the listing heads the rows awaiting evidence, apart from the open decisions. */
export const AWAITING_HEADING =
  'Awaiting evidence (not open decisions: id-like values with no evidence yet that each side generated them; run with --noise --baseline-replica NAME=URL to settle them, or decide them):';

/**
 * The rows as an aligned table (ID, Status, Kind, Last seen, Endpoints, Cases;
 * every row says its status, open ones too) with the summary on its own
 * indented line, under a heading that counts every status. Rows awaiting
 * evidence (`awaitsEvidence`) follow the others under a heading of their own:
 * they are no open decision yet.
 */
export function renderRows(
  rows: readonly TrackerRow[],
  file: string,
  all: readonly TrackerRow[],
): string {
  const head = `${printable(file)}: ${statusCounts(all)}`;
  if (rows.length === 0) return `${head}\nNo rows to list.\n`;
  const decisions = rows.filter((row) => !awaitsEvidence(row));
  const awaiting = rows.filter(awaitsEvidence);
  const ordered = [...decisions, ...awaiting];
  const table = ordered.map((row) =>
    [
      row.id,
      row.status,
      row.kind,
      row.notSeen === undefined ? row.lastSeen : `${row.lastSeen} (not seen ${row.notSeen})`,
      row.endpoints.join(', '),
      row.caseIds.join(', '),
    ].map(printable),
  );
  const titles = ['ID', 'Status', 'Kind', 'Last seen', 'Endpoints', 'Cases'];
  const widths = titles.map((title, i) =>
    widest(
      table.map((cells) => (cells[i] ?? '').length),
      title.length,
    ),
  );
  const line = (cells: readonly string[]) =>
    cells.map((text, i) => (i === cells.length - 1 ? text : pad(text, widths[i] ?? 0))).join('  ');
  const out = [head, ''];
  if (decisions.length > 0) out.push(line(titles));
  for (const [i, row] of ordered.entries()) {
    if (i === decisions.length) {
      if (decisions.length > 0) out.push('');
      out.push(AWAITING_HEADING, line(titles));
    }
    out.push(line(table[i] ?? []), `    ${cut(printable(row.summary), SUMMARY_WIDTH)}`);
  }
  return `${out.join('\n')}\n`;
}

/** One line per finding, and a hint on how to bring the tracker up to date. */
export function renderFindings(findings: readonly StaleFinding[], tracker: string, report: string) {
  if (findings.length === 0) return `${tracker} is up to date with ${report}\n`;
  const lines = findings.map((finding) => {
    const row = finding.rowId === undefined ? '' : ` (${finding.rowId})`;
    const cases = finding.caseIds.join(', ');
    return printable(`  ${finding.fingerprint}${row} ${STALE_MESSAGES[finding.reason]}: ${cases}`);
  });
  return [
    `${tracker} is stale relative to ${report}: ${findings.length} difference(s)`,
    ...lines,
    'Run parity (or parity merge for shard reports) with the tracker enabled to update it.',
    '',
  ].join('\n');
}

/**
 * One line per `_open_` row that lists cases the library no longer holds: it is
 * judged on the cases left, and when none is left no run resolves it.
 */
const NOT_SEEN_WHY: Readonly<Record<NotSeenRow['reason'], string>> = {
  'diverges-otherwise': 'now diverge(s) otherwise (the answer moved on)',
  'not-compared': 'ran without both sides answering (or in a flow with a step not sent)',
  'not-selected': 'ran, but not every case it lists did',
  'no-previous-report':
    "compared equal, but depend on the servers' state and no previous report shows the state they showed it in (keep reports/latest or pass --compare-to)",
  'drawn-order':
    'compared equal, but the list was sorted by keys each side drew anew in this run, and two draws agree by chance: no fix (its Decision cell names the evidence that settles it)',
};

/** One line per row its cases ran without showing or proving fixed: left unresolved (open, or awaiting evidence), "not seen in this run". */
export function notSeenLines(rows: readonly NotSeenRow[]): string[] {
  return rows.map((entry) => {
    const cases = entry.caseIds.length === 0 ? '' : ` ${entry.caseIds.join(', ')}`;
    return printable(
      `${entry.rowId} not seen in this run, left unresolved: its case(s)${cases} ${NOT_SEEN_WHY[entry.reason]}`,
    );
  });
}

export function missingCaseLines(missing: readonly MissingCases[]): string[] {
  return missing.map((entry) => {
    const cases = entry.caseIds.join(', ');
    const then = entry.noneLeft
      ? 'none of its cases is left, so no run resolves it: decide it (parity decide ' +
        `${entry.rowId} wontfix) or edit its Cases cell`
      : 'it is judged on the cases left';
    return printable(`${entry.rowId} lists case(s) no longer in the library (${cases}); ${then}`);
  });
}
