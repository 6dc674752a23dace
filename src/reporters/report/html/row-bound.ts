/**
 * report.html's bound on one case. docs/failure-handling.md promises at most
 * 2 MiB per case in each format; a case's row in the page (its change lines
 * and both bodies' lines, each already cut to 2,000 lines) could take more:
 * 200 levels of 1,000-character keys above 2,000 differing members took
 * ~2.9 MB. A row whose embedded JSON would take more than `ROW_MAX_BYTES`
 * has its change lines and body lines cut to fit, each with a note the page
 * shows (`… cut here; report.json has the whole body`, and a last change
 * line saying how many lines it leaves out); report.json keeps them whole.
 * The rest of the page (its script, the counts, the decisions) is the run's,
 * not a case's. Pure.
 */
import { Buffer } from 'node:buffer';
import type { AssessedObservation } from '../../../contract/assessment.js';
import { diffJsonOf, type RowView } from './view.js';

/** The most UTF-8 bytes one case's row takes in report.html (2 MiB less room for the page). */
export const ROW_MAX_BYTES = 1.5 * 1024 * 1024;

/** A row's embedded text: its JSON with the diff spliced in, escaped for the page (render.ts). */
export type RowEmbedder = (row: RowView, diff: string | undefined) => string;

/**
 * True when `text` takes at most `ROW_MAX_BYTES` in UTF-8. A UTF-16 unit is
 * at most 3 bytes: a row a third of the bound long (nearly every row) is not
 * measured.
 */
function fits(text: string): boolean {
  return text.length * 3 <= ROW_MAX_BYTES || Buffer.byteLength(text, 'utf8') <= ROW_MAX_BYTES;
}

/** Both sides with no line, cut: the page says report.json has the whole bodies. */
const NO_LINES = '{"baseline":{"lines":[],"cut":true},"candidate":{"lines":[],"cut":true}}';

/** The note closing a cut list of change lines (a `  (…)` line, as change-lines.ts writes notes). */
export function changesCutNote(left: number): string {
  return `  (… ${left} more change line${left === 1 ? '' : 's'} not shown here, to keep this case under its size bound; report.json lists them)`;
}

/** `lines` whose JSON takes fewer than `maxChars` characters, and a note of those left out. */
function cutLines(lines: readonly string[], maxChars: number): readonly string[] {
  let room = maxChars;
  let kept = 0;
  for (const line of lines) {
    room -= JSON.stringify(line).length + 1;
    if (room < 0) break;
    kept++;
  }
  return kept === lines.length
    ? lines
    : [...lines.slice(0, kept), changesCutNote(lines.length - kept)];
}

/** Strings longer than `max` cut to it (with `…`), in a row's arrays and members. */
function shortStrings<T>(value: T, max: number): T {
  if (typeof value === 'string') {
    return (value.length > max ? `${value.slice(0, max)}…` : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => shortStrings(item, max)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shortStrings(item, max)]),
    ) as T;
  }
  return value;
}

/** Tries before the change and body lines are left out whole. */
const TRIES = 4;
/** Characters kept of any other string of a row that still does not fit. */
const LAST_STRING_CHARS = 4096;

/**
 * The embedded text of `row` (whose `diff` is `diff`, the JSON of `result`'s
 * body lines), within `ROW_MAX_BYTES`: as it is when it fits (nearly every
 * row: measured by its length alone); else its change lines and each side's
 * body lines get a third each of what the rest of the row leaves, less each
 * try while the text (escapes and multi-byte characters make it longer than
 * its characters) is still over; then both left out, with their notes; then
 * any string of the row cut to 4,096 characters.
 */
export function boundedRowText(
  result: AssessedObservation,
  row: RowView,
  diff: string | undefined,
  embed: RowEmbedder,
): string {
  const whole = embed(row, diff);
  if (fits(whole)) return whole;
  const bare = { ...row, changes: [] };
  const rest = Buffer.byteLength(embed(bare, diff === undefined ? undefined : NO_LINES), 'utf8');
  let share = Math.floor((ROW_MAX_BYTES - rest - 1024) / 3);
  for (let tries = 0; tries < TRIES && share > 0; tries++) {
    const cutDiff = diff === undefined ? undefined : diffJsonOf(result, share);
    const text = embed({ ...row, changes: cutLines(row.changes, share) }, cutDiff);
    if (fits(text)) return text;
    share = Math.floor((share * ROW_MAX_BYTES) / Buffer.byteLength(text, 'utf8') / 2);
  }
  const lines = row.changes.length === 0 ? [] : [changesCutNote(row.changes.length)];
  const cutDiff = diff === undefined ? undefined : NO_LINES;
  const without = embed({ ...row, changes: lines }, cutDiff);
  if (fits(without)) return without;
  return embed(shortStrings({ ...row, changes: lines }, LAST_STRING_CHARS), cutDiff);
}
