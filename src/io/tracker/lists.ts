/**
 * The Cases and Endpoint cells: lists of code spans, shortened past
 * `LIST_LIMIT` items to the first ones and a count of the rest
 * (`` `a`, `b`, … (+35 more) ``); report.json lists them all. Pure.
 */
import { escapeCell, formatList } from './cells.js';

/** Items a list cell shows before it counts the rest. */
export const LIST_LIMIT = 10;

const MORE = /\(\+(\d+) more\)/;

/** How many items a shortened cell does not show (0 when it shows them all). */
export function hiddenCount(value: string): number {
  const match = MORE.exec(value.replace(/`[^`]*`/g, ''));
  return match === null ? 0 : Number(match[1]);
}

/** The cell text for `items` known in all, of which `total` exist (escaped, unpadded). */
export function listCell(items: readonly string[], total = items.length): string {
  if (total <= LIST_LIMIT && items.length <= LIST_LIMIT) return escapeCell(formatList(items));
  const shown = items.slice(0, LIST_LIMIT);
  const rest = Math.max(total, items.length) - shown.length;
  return escapeCell(`${formatList(shown)}, … (+${rest} more)`);
}

/** What a list cell becomes when a run shows `seen` items, and what it then lists. */
export interface GrownList {
  /** The new cell text (escaped, unpadded), or undefined when the cell stays as it is. */
  readonly cell: string | undefined;
  readonly listed: readonly string[];
  readonly hidden: number;
}

/** Appends items to a list cell, keeping what a human wrote there as it is. */
function appended(raw: string, items: readonly string[]): string {
  const added = escapeCell(formatList(items));
  const kept = raw.trim();
  return kept === '' ? added : `${kept}, ${added}`;
}

/**
 * A list cell (`raw`, listing `listed` and hiding `hidden`) after a run that
 * showed `seen`: new items are appended while the list is short; past the
 * limit the cell is rewritten shortened. Items hidden behind the count cannot
 * be told from new ones, so the count is at least what either side knew.
 */
export function growList(
  raw: string,
  state: { readonly listed: readonly string[]; readonly hidden: number },
  seen: readonly string[],
): GrownList {
  const fresh = seen.filter((item) => !state.listed.includes(item));
  if (fresh.length === 0) return { cell: undefined, ...state };
  const all = [...state.listed, ...fresh];
  if (state.hidden === 0 && all.length <= LIST_LIMIT) {
    return { cell: appended(raw, fresh), listed: all, hidden: 0 };
  }
  const total = Math.max(state.listed.length + state.hidden, all.length);
  const listed = all.slice(0, LIST_LIMIT);
  return { cell: listCell(all, total), listed, hidden: total - listed.length };
}
