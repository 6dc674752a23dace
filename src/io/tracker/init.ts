/**
 * `parity tracker --init` (pure): the text of a tracker with a managed table.
 * A missing file gets the whole new tracker; a file without markers gets the
 * markers and an empty table appended after its last line, every byte it
 * already holds kept; a file with markers is left as it is.
 */
import { ParityError } from '../../util/errors.js';
import { parseTracker } from './parse.js';
import { markerLines, newTableItems, newTrackerText, nextIdItem, renderTracker } from './render.js';
import type { TrackerDocument } from './types.js';

/** The blank line(s) that separate appended text from what the file already ends with. */
function separator(text: string, eol: string): string {
  if (/(\r?\n){2}$/.test(text)) return '';
  return /\r?\n$/.test(text) ? eol : eol + eol;
}

/** The text after `--init`, and whether anything was created or added. */
export function initialisedText(
  existing: string | undefined,
  file: string,
): { readonly outcome: 'created' | 'added' | 'present'; readonly text: string } {
  if (existing === undefined) return { outcome: 'created', text: newTrackerText() };
  const doc = parseTracker(existing, file);
  if (doc.block !== undefined) return { outcome: 'present', text: existing };
  const { start, end } = markerLines(doc.eol);
  const initialised: TrackerDocument = {
    ...doc,
    head: existing + separator(existing, doc.eol) + start,
    block: [nextIdItem(1, doc.eol), ...newTableItems(doc.eol)],
    tail: end,
  };
  return { outcome: 'added', text: renderTracker(initialised) };
}

/**
 * Throws when an existing tracker has no managed table: a run never appends a
 * second table to a file whose markers were deleted (its rows would be lost
 * and their ids reused); `parity tracker --init` adds one on purpose.
 */
export function requireManaged(doc: TrackerDocument, file: string): void {
  if (doc.block !== undefined) return;
  throw new ParityError(
    'PARITY_TRACKER_INVALID',
    `${file}: no parity tracker markers (<!-- parity:tracker:start --> … <!-- parity:tracker:end -->); restore them if they were deleted, or run \`parity tracker --init --tracker ${file}\` to add an empty table at the end (nothing else in the file changes)`,
  );
}
