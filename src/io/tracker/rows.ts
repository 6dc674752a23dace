/**
 * Row-level edits of the managed table (pure): rewriting some cells of a row
 * with everything else kept as read, and appending new rows.
 */
import { escapeCell, formatList, formatStatus, padCell } from './cells.js';
import { LIST_LIMIT, listCell } from './lists.js';
import { nextIdItem } from './render.js';
import {
  type BlockItem,
  type ColumnIndex,
  type TableLine,
  TRACKER_COLUMNS,
  type TrackerColumn,
  type TrackerObservation,
  type TrackerRow,
  unsettledNote,
} from './types.js';

/** A row of the managed block. */
export type RowItem = Extract<BlockItem, { kind: 'row' }>;
/** The table's header line. */
export type HeaderItem = Extract<BlockItem, { kind: 'header' }>;
/** New raw contents (already escaped, unpadded) for the cells an edit rewrites. */
export type Edits = Map<TrackerColumn, string>;

const ROW_ID = /^PAR-(\d+)$/i;

/** The line with the cells of `edits` rewritten (padded to the old width when they fit). */
export function applyEdits(line: TableLine, columns: ColumnIndex, edits: Edits): TableLine {
  const cells = [...line.cells];
  for (const [column, content] of edits) {
    const index = columns[column];
    cells[index] = padCell(cells[index] ?? '', content);
  }
  return { ...line, cells };
}

/** The row item with `edits` applied and its parsed row replaced; the item itself when none. */
export function editRow(item: RowItem, columns: ColumnIndex, edits: Edits, row: TrackerRow) {
  if (edits.size === 0) return item;
  return { kind: 'row', line: applyEdits(item.line, columns, edits), row } as const;
}

/** The next row number: past the remembered one and past every existing `PAR-n`. */
function nextNumber(items: readonly BlockItem[]): number {
  let next = 1;
  for (const item of items) {
    if (item.kind === 'next-id') next = Math.max(next, item.value);
    const match = item.kind === 'row' ? ROW_ID.exec(item.row.id) : null;
    if (match !== null) next = Math.max(next, Number(match[1]) + 1);
  }
  return next;
}

/** What a new row starts with besides its observation (see `supersede.ts`). */
export interface RowStart {
  readonly status: TrackerRow['status'];
  readonly decision: string;
}

const FRESH: RowStart = { status: 'open', decision: '' };

function newRow(
  obs: TrackerObservation,
  at: { readonly id: string; readonly date: string; readonly start: RowStart },
  header: HeaderItem,
): RowItem {
  const { id, date, start } = at;
  const row: TrackerRow = {
    id,
    status: start.status,
    kind: obs.kind,
    endpoints: obs.endpoints.slice(0, LIST_LIMIT),
    hiddenEndpoints: Math.max(0, obs.endpoints.length - LIST_LIMIT),
    caseIds: obs.caseIds.slice(0, LIST_LIMIT),
    hiddenCases: Math.max(0, obs.caseIds.length - LIST_LIMIT),
    summary: obs.summary.replace(/\s+/g, ' ').trim(),
    firstSeen: date,
    lastSeen: date,
    resolved: '',
    fingerprint: obs.fingerprint,
    decision: start.decision.replace(/\s+/g, ' ').trim(),
  };
  const contents: Record<TrackerColumn, string> = {
    id: escapeCell(id),
    status: formatStatus(row.status),
    kind: escapeCell(row.kind),
    endpoint: listCell(obs.endpoints),
    cases: listCell(obs.caseIds),
    summary: escapeCell(row.summary),
    firstSeen: date,
    lastSeen: date,
    resolved: '',
    fingerprint: escapeCell(formatList([row.fingerprint])),
    decision: escapeCell(row.decision),
  };
  const cells = header.line.cells.map(() => ' ');
  for (const column of TRACKER_COLUMNS) {
    cells[header.columns[column]] = padCell('', contents[column]);
  }
  const trail = header.line.trail === undefined ? undefined : '';
  return { kind: 'row', line: { lead: header.line.lead, cells, trail, eol: header.line.eol }, row };
}

/**
 * What a new row starts with: what it inherits (`inherited`), else `_open_`
 * and empty; a root cause seen only at thin evidence starts `_awaiting_`,
 * with the note that says what settles it when it inherits no decision.
 */
function startOfRow(obs: TrackerObservation, inherited: RowStart | undefined): RowStart {
  if (obs.unsettled !== true) return inherited ?? FRESH;
  if (inherited !== undefined) {
    return inherited.status === 'open' ? { ...inherited, status: 'awaiting' } : inherited;
  }
  return {
    status: 'awaiting',
    decision: unsettledNote(obs.notLookedOver, obs.reordered ?? false),
  };
}

/**
 * Adds rows for new fingerprints after the table's last line and advances the
 * next-id comment; `startOf` gives what a row starts with (open and empty by default).
 */
export function addRows(
  items: BlockItem[],
  fresh: readonly TrackerObservation[],
  date: string,
  startOf: (fingerprint: string) => RowStart | undefined = () => undefined,
): string[] {
  const header = items.find((item): item is HeaderItem => item.kind === 'header');
  if (header === undefined || fresh.length === 0) return [];
  const first = nextNumber(items);
  const rows = fresh.map((obs, i) => {
    const id = `PAR-${String(first + i).padStart(3, '0')}`;
    return newRow(obs, { id, date, start: startOfRow(obs, startOf(obs.fingerprint)) }, header);
  });
  const last = items.findLastIndex((item) => item.kind === 'row' || item.kind === 'align');
  items.splice(last + 1, 0, ...rows);
  const comment = nextIdItem(first + fresh.length, header.line.eol);
  const existing = items.findIndex((item) => item.kind === 'next-id');
  if (existing >= 0) items.splice(existing, 1, comment);
  else items.splice(items.indexOf(header), 0, comment);
  return rows.map((item) => item.row.id);
}
