/**
 * Rows awaiting evidence as the Status cell says them (`_awaiting_`), and as
 * an earlier release wrote them: `_open_`, with the note a run writes for
 * such a row in the Decision cell (`unsettled: …`, `UNSETTLED_PREFIX`). Pure.
 *
 * The two cannot be told apart by a row alone once a row awaiting evidence
 * can become `_open_` with its note kept (evidence showed the difference
 * real, or a person opened it), so the table says which way it is written:
 * a tracker holding the marker comment (`AWAITING_MARKER`) writes rows
 * awaiting evidence as `_awaiting_` only; one without it is read the earlier
 * way too (`readEarlierAwaiting`, at parse). The first command that writes
 * such a tracker (a run, `parity decide`) writes those rows' Status cells
 * `_awaiting_` and adds the marker (`writeAwaitingStatus`), changing no other
 * cell. A tracker with no row awaiting evidence, either way, gets no marker.
 */

import { cellValue, formatStatus, parseStatus } from './cells.js';
import { editRow, type HeaderItem } from './rows.js';
import {
  type BlockItem,
  type TrackerDocument,
  type TrackerRow,
  UNSETTLED_PREFIX,
} from './types.js';

/** The comment that says the table writes every row awaiting evidence as `_awaiting_`. */
export const AWAITING_MARKER = '<!-- parity:awaiting-status -->';

function hasMarker(items: readonly BlockItem[]): boolean {
  return items.some((item) => item.kind === 'text' && item.text.trim() === AWAITING_MARKER);
}

/** A row an earlier release wrote awaiting evidence: `_open_`, with a run's note in its Decision cell. */
function earlierAwaiting(row: TrackerRow): boolean {
  return row.status === 'open' && row.decision.startsWith(UNSETTLED_PREFIX);
}

/** The block's items with the rows an earlier release wrote awaiting evidence read as `awaiting` (no marker). */
export function readEarlierAwaiting(items: BlockItem[]): BlockItem[] {
  if (hasMarker(items) || !items.some((item) => item.kind === 'row' && earlierAwaiting(item.row)))
    return items;
  return items.map((item) =>
    item.kind === 'row' && earlierAwaiting(item.row)
      ? { ...item, row: { ...item.row, status: 'awaiting' as const } }
      : item,
  );
}

/**
 * The document with every Status cell saying its row's status (the rows
 * read as awaiting the earlier way: `_awaiting_`) and the marker added
 * before the table's header, once a row awaits evidence or is `_open_` with
 * a run's note (it must read as open from now on); otherwise as it is.
 */
export function writeAwaitingStatus(doc: TrackerDocument): TrackerDocument {
  const items = doc.block;
  if (items === undefined || hasMarker(items)) return doc;
  const header = items.find((item): item is HeaderItem => item.kind === 'header');
  const needed = items.some(
    (item) => item.kind === 'row' && (item.row.status === 'awaiting' || earlierAwaiting(item.row)),
  );
  if (header === undefined || !needed) return doc;
  const { columns } = header;
  const block: BlockItem[] = items.map((item) => {
    if (item.kind !== 'row') return item;
    const written = parseStatus(cellValue(item.line.cells[columns.status] ?? ''));
    if (written === item.row.status) return item;
    return editRow(item, columns, new Map([['status', formatStatus(item.row.status)]]), item.row);
  });
  block.splice(block.indexOf(header), 0, { kind: 'text', text: AWAITING_MARKER, eol: doc.eol });
  return { ...doc, block };
}
