/**
 * Renders a tracker document back to text (pure). Parsed lines are emitted as they
 * were read, so `renderTracker(parseTracker(text))` is `text`, byte for byte.
 */
import { renderTableLine } from './cells.js';
import {
  type BlockItem,
  COLUMN_TITLES,
  type ColumnIndex,
  TRACKER_COLUMNS,
  TRACKER_END,
  TRACKER_START,
  type TrackerDocument,
} from './types.js';

function renderItem(item: BlockItem): string {
  switch (item.kind) {
    case 'text':
    case 'next-id':
    case 'align':
      return item.text + item.eol;
    case 'header':
    case 'row':
      return renderTableLine(item.line);
    default: {
      const unreachable: never = item;
      return unreachable;
    }
  }
}

/** The tracker's text: the verbatim head, the managed block, the verbatim tail. */
export function renderTracker(doc: TrackerDocument): string {
  const block = (doc.block ?? []).map(renderItem).join('');
  return doc.head + block + doc.tail;
}

/** The hidden comment that remembers the next row number, so ids are never reused. */
export function nextIdItem(value: number, eol: string): BlockItem {
  return { kind: 'next-id', value, text: `<!-- parity:next-id ${value} -->`, eol };
}

/** The header and alignment lines of a new table, columns in the default order. */
export function newTableItems(eol: string): BlockItem[] {
  const cells = TRACKER_COLUMNS.map((column) => ` ${COLUMN_TITLES[column]} `);
  const columns: ColumnIndex = {
    id: 0,
    status: 1,
    kind: 2,
    endpoint: 3,
    cases: 4,
    summary: 5,
    firstSeen: 6,
    lastSeen: 7,
    resolved: 8,
    fingerprint: 9,
    decision: 10,
  };
  const align = `|${TRACKER_COLUMNS.map(() => ' --- ').join('|')}|`;
  return [
    { kind: 'header', line: { lead: '', cells, trail: '', eol }, columns },
    { kind: 'align', text: align, eol },
  ];
}

/** The lines that open and close a managed block. */
export function markerLines(eol: string): { readonly start: string; readonly end: string } {
  return { start: TRACKER_START + eol, end: TRACKER_END + eol };
}

const INTRO = [
  '# Architecture comparison',
  '',
  'Every root cause of the divergences `parity` finds between the baseline and the candidate',
  'is one row of the table below, keyed by its fingerprint and listing every endpoint and case',
  'where it shows. parity adds new root causes as `_open_`, updates **Last seen** when one',
  'reproduces, marks an `_open_` row `_resolved_` when all of its cases ran without reproducing',
  'it, and reopens a `_resolved_` row that comes back.',
  '',
  'Set **Status** to `_accepted_` (the difference is intended) or `_wontfix_` (known, not',
  'worth fixing), here or with `parity decide ROW accepted --note "…"`, and parity will',
  'keep it; a case whose root causes are all decided no longer fails a run. `parity show ROW`',
  'shows a row in full, with how to fix it. The **Decision** column and everything',
  'outside the markers belong to humans: parity never rewrites them. You may reorder the',
  'columns, add your own, and write notes between rows.',
  '',
];

/** The text of a new tracker file: heading, explanation, and an empty managed table. */
export function newTrackerText(eol = '\n'): string {
  const { start, end } = markerLines(eol);
  const head = INTRO.map((line) => line + eol).join('') + start;
  const block = [nextIdItem(1, eol), ...newTableItems(eol)];
  return renderTracker({ file: '', eol, head, block, tail: end });
}
