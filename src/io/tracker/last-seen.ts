/**
 * The Last seen cell: the day a run last showed the row, and, once a run ran
 * its cases without either showing it or proving it fixed, the day that was
 * first so (`2026-11-25 · not seen 2026-11-26`). Pure.
 */

const NOT_SEEN = ' · not seen ';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The two dates a Last seen cell holds; `notSeen` is absent on a row seen in its last run. */
export interface LastSeen {
  readonly lastSeen: string;
  readonly notSeen?: string;
}

/** Reads a Last seen cell's value (a cell without the note, or one a person wrote, is all `lastSeen`). */
export function parseLastSeen(value: string): LastSeen {
  const at = value.lastIndexOf(NOT_SEEN);
  if (at < 0) return { lastSeen: value };
  const notSeen = value.slice(at + NOT_SEEN.length).trim();
  if (!DATE.test(notSeen)) return { lastSeen: value };
  return { lastSeen: value.slice(0, at).trim(), notSeen };
}

/** The cell text for `seen` (`2026-11-25`, or `2026-11-25 · not seen 2026-11-26`). */
export function lastSeenCell(seen: LastSeen): string {
  return seen.notSeen === undefined ? seen.lastSeen : `${seen.lastSeen}${NOT_SEEN}${seen.notSeen}`;
}
