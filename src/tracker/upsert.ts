/**
 * Merges one run's observations into a parsed tracker (pure). Only the cells whose
 * meaning changes are rewritten; every other cell, line and byte is kept as read.
 */
import { ParityError } from '../util/errors.js';
import { escapeCell, formatList, formatStatus, padCell } from './cells.js';
import { markerLines, newTableItems, nextIdItem } from './render.js';
import {
  type BlockItem,
  type ColumnIndex,
  type TableLine,
  TRACKER_COLUMNS,
  type TrackerChanges,
  type TrackerColumn,
  type TrackerDocument,
  type TrackerObservation,
  type TrackerRow,
  type TrackerRun,
} from './types.js';

/** The merged document and the ids of the rows the run added or changed. */
export interface TrackerMerge {
  readonly doc: TrackerDocument;
  readonly changes: TrackerChanges;
}

type RowItem = Extract<BlockItem, { kind: 'row' }>;
type HeaderItem = Extract<BlockItem, { kind: 'header' }>;
/** New raw contents (already escaped, unpadded) for the cells a merge rewrites. */
type Edits = Map<TrackerColumn, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROW_ID = /^PAR-(\d+)$/i;

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/** One observation per fingerprint: a run may see the same divergence in several cases. */
function groupObservations(list: readonly TrackerObservation[]): Map<string, TrackerObservation> {
  const byFingerprint = new Map<string, TrackerObservation>();
  for (const obs of list) {
    const seen = byFingerprint.get(obs.fingerprint);
    byFingerprint.set(
      obs.fingerprint,
      seen === undefined
        ? obs
        : {
            ...seen,
            endpoints: union(seen.endpoints, obs.endpoints),
            caseIds: union(seen.caseIds, obs.caseIds),
          },
    );
  }
  return byFingerprint;
}

/** The blank line(s) that separate appended text from what the file already ends with. */
function separator(head: string, eol: string): string {
  if (head === '' || /(\r?\n){2}$/.test(head)) return '';
  return /\r?\n$/.test(head) ? eol : eol + eol;
}

/** Gives the document a managed block (appended at the end) and a table header if missing. */
function ensureTable(doc: TrackerDocument): { doc: TrackerDocument; items: BlockItem[] } {
  let ready = doc;
  if (doc.block === undefined) {
    const { start, end } = markerLines(doc.eol);
    ready = { ...doc, head: doc.head + separator(doc.head, doc.eol) + start, block: [], tail: end };
  }
  const items = [...(ready.block ?? [])];
  if (!items.some((item) => item.kind === 'header')) items.push(...newTableItems(doc.eol));
  return { doc: ready, items };
}

function applyEdits(line: TableLine, columns: ColumnIndex, edits: Edits): TableLine {
  const cells = [...line.cells];
  for (const [column, content] of edits) {
    const index = columns[column];
    cells[index] = padCell(cells[index] ?? '', content);
  }
  return { ...line, cells };
}

/** Appends items to a list cell, keeping what a human wrote there as it is. */
function appendList(raw: string, items: readonly string[]): string {
  const added = escapeCell(formatList(items));
  const kept = raw.trim();
  return kept === '' ? added : `${kept}, ${added}`;
}

/** A row seen again: last seen, grown case/endpoint lists, and a reopen if it was resolved. */
function seenAgain(item: RowItem, columns: ColumnIndex, obs: TrackerObservation, date: string) {
  const edits: Edits = new Map();
  let row: TrackerRow = item.row;
  if (row.lastSeen !== date) {
    edits.set('lastSeen', date);
    row = { ...row, lastSeen: date };
  }
  const newCases = obs.caseIds.filter((id) => !row.caseIds.includes(id));
  if (newCases.length > 0) {
    edits.set('cases', appendList(item.line.cells[columns.cases] ?? '', newCases));
    row = { ...row, caseIds: [...row.caseIds, ...newCases] };
  }
  const newEndpoints = obs.endpoints.filter((endpoint) => !row.endpoints.includes(endpoint));
  if (newEndpoints.length > 0) {
    edits.set('endpoint', appendList(item.line.cells[columns.endpoint] ?? '', newEndpoints));
    row = { ...row, endpoints: [...row.endpoints, ...newEndpoints] };
  }
  const reopened = row.status === 'resolved';
  if (reopened) {
    edits.set('status', formatStatus('open'));
    if (row.resolved !== '') edits.set('resolved', '');
    row = { ...row, status: 'open', resolved: '' };
  }
  return { edits, row, reopened };
}

/**
 * An `_open_` row the run did not observe is resolved only when every case it lists
 * ran: a filtered or sharded run that skipped one of them proves nothing.
 */
function isFixed(row: TrackerRow, ran: TrackerRun['ranCaseIds']): boolean {
  return row.status === 'open' && row.caseIds.length > 0 && row.caseIds.every((id) => ran.has(id));
}

function updateRow(
  item: RowItem,
  columns: ColumnIndex,
  run: TrackerRun & { readonly observed: ReadonlyMap<string, TrackerObservation> },
  changes: TrackerChanges,
): RowItem {
  const obs = run.observed.get(item.row.fingerprint);
  if (obs !== undefined) {
    const { edits, row, reopened } = seenAgain(item, columns, obs, run.date);
    (reopened ? changes.reopened : changes.seen).push(row.id);
    return edits.size === 0
      ? item
      : { kind: 'row', line: applyEdits(item.line, columns, edits), row };
  }
  if (!isFixed(item.row, run.ranCaseIds)) return item;
  changes.resolved.push(item.row.id);
  const edits: Edits = new Map([
    ['status', formatStatus('resolved')],
    ['resolved', run.date],
  ]);
  const row: TrackerRow = { ...item.row, status: 'resolved', resolved: run.date };
  return { kind: 'row', line: applyEdits(item.line, columns, edits), row };
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

function newRow(obs: TrackerObservation, id: string, date: string, header: HeaderItem): RowItem {
  const row: TrackerRow = {
    id,
    status: 'open',
    kind: obs.kind,
    endpoints: [...obs.endpoints],
    caseIds: [...obs.caseIds],
    summary: obs.summary.replace(/\s+/g, ' ').trim(),
    firstSeen: date,
    lastSeen: date,
    resolved: '',
    fingerprint: obs.fingerprint,
    decision: '',
  };
  const contents: Record<TrackerColumn, string> = {
    id,
    status: formatStatus('open'),
    kind: row.kind,
    endpoint: formatList(row.endpoints),
    cases: formatList(row.caseIds),
    summary: row.summary,
    firstSeen: date,
    lastSeen: date,
    resolved: '',
    fingerprint: formatList([row.fingerprint]),
    decision: '',
  };
  const cells = header.line.cells.map(() => ' ');
  for (const column of TRACKER_COLUMNS) {
    cells[header.columns[column]] = padCell('', escapeCell(contents[column]));
  }
  const trail = header.line.trail === undefined ? undefined : '';
  return { kind: 'row', line: { lead: header.line.lead, cells, trail, eol: header.line.eol }, row };
}

/** Adds rows for new fingerprints after the table's last line and advances the next-id comment. */
function addRows(items: BlockItem[], fresh: readonly TrackerObservation[], date: string): string[] {
  const header = items.find((item): item is HeaderItem => item.kind === 'header');
  if (header === undefined || fresh.length === 0) return [];
  const first = nextNumber(items);
  const rows = fresh.map((obs, i) =>
    newRow(obs, `PAR-${String(first + i).padStart(3, '0')}`, date, header),
  );
  const last = items.findLastIndex((item) => item.kind === 'row' || item.kind === 'align');
  items.splice(last + 1, 0, ...rows);
  const comment = nextIdItem(first + fresh.length, header.line.eol);
  const existing = items.findIndex((item) => item.kind === 'next-id');
  if (existing >= 0) items.splice(existing, 1, comment);
  else items.splice(items.indexOf(header), 0, comment);
  return rows.map((item) => item.row.id);
}

/**
 * Applies a run to the tracker: new fingerprints become `_open_` rows, rows seen
 * again get Last seen (and reopen when `_resolved_`), `_open_` rows whose cases all
 * ran cleanly become `_resolved_`. `_accepted_`/`_wontfix_` rows keep their status,
 * and the Decision cell is never written after a row is created.
 */
export function mergeTracker(doc: TrackerDocument, run: TrackerRun): TrackerMerge {
  if (!DATE.test(run.date)) {
    throw new ParityError('PARITY_USAGE', `tracker date must be YYYY-MM-DD (got "${run.date}")`);
  }
  const observed = groupObservations(run.observations);
  const ready = ensureTable(doc);
  const header = ready.items.find((item): item is HeaderItem => item.kind === 'header');
  const columns = header?.columns;
  const changes: TrackerChanges = { added: [], reopened: [], resolved: [], seen: [] };
  const context = { ...run, observed };
  const items = ready.items.map((item) =>
    item.kind === 'row' && columns !== undefined
      ? updateRow(item, columns, context, changes)
      : item,
  );
  const known = new Set(
    items.flatMap((item) => (item.kind === 'row' ? [item.row.fingerprint] : [])),
  );
  const fresh = [...observed.values()].filter((obs) => !known.has(obs.fingerprint));
  changes.added.push(...addRows(items, fresh, run.date));
  return { doc: { ...ready.doc, block: items }, changes };
}
