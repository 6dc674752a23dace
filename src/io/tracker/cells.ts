/**
 * Lossless line and cell handling for the tracker's markdown table: splitting keeps
 * every byte so that joining the pieces gives back the original text.
 */

import { TRACKER_STATUSES, type TrackerStatus } from '../../contract/vocabulary.js';
import { codeSpan, codeSpanContents, printable, splitCodeSpans } from '../../util/code-span.js';
import type { TableLine } from './types.js';

/** One line of text and the line ending that followed it (`''` on an unterminated last line). */
export interface RawLine {
  readonly text: string;
  readonly eol: string;
}

/** Splits text into lines, keeping each line's own ending (`\n` or `\r\n`). */
export function splitLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const pattern = /\r?\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** The first line ending in `text`, so added lines match the file; `\n` when there is none. */
export function detectEol(text: string): string {
  const match = /\r?\n/.exec(text);
  return match === null ? '\n' : match[0];
}

/** A line belongs to the table when it starts with a pipe (after indentation). */
export function isTableLine(text: string): boolean {
  return text.trimStart().startsWith('|');
}

/** Splits at pipes that are not escaped as `\|`; joining the parts with `|` restores the text. */
function splitAtPipes(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let pipe = text.indexOf('|'); pipe !== -1; pipe = text.indexOf('|', pipe + 1)) {
    if (text[pipe - 1] === '\\') continue;
    parts.push(text.slice(start, pipe));
    start = pipe + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits a table line (see `isTableLine`) into its lead, raw cells and trail. */
export function splitTableLine(text: string, eol: string): TableLine {
  const [lead = '', ...rest] = splitAtPipes(text);
  const last = rest[rest.length - 1];
  if (rest.length >= 2 && last !== undefined && last.trim() === '') {
    return { lead, cells: rest.slice(0, -1), trail: last, eol };
  }
  return { lead, cells: rest, trail: undefined, eol };
}

/** The exact text of a table line, line ending included. */
export function renderTableLine(line: TableLine): string {
  const close = line.trail === undefined ? '' : `|${line.trail}`;
  return `${line.lead}|${line.cells.join('|')}${close}${line.eol}`;
}

/** A cell's logical value: trimmed, with `\|` read as `|`. */
export function cellValue(raw: string): string {
  return raw.trim().replaceAll('\\|', '|');
}

/**
 * Makes a value safe for one cell: pipes escaped (inside code spans too), line
 * breaks folded to spaces, control characters written as `\x1b` (the file is
 * printed to terminals), and `<`/`>` outside code spans written as entities,
 * so a summary can never hold raw HTML or look like a tracker marker.
 */
export function escapeCell(value: string): string {
  const flat = printable(value.replace(/\r\n|\r|\n/g, ' '));
  return splitCodeSpans(flat)
    .map((part) =>
      part.code ? part.text : part.text.replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    )
    .join('')
    .replaceAll('|', '\\|');
}

/** A cell's value as text for a terminal: `&lt;`/`&gt;` outside code spans read back as `<`/`>` (`escapeCell` undone). */
export function cellText(value: string): string {
  return splitCodeSpans(value)
    .map((part) =>
      part.code ? part.text : part.text.replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
    )
    .join('');
}

/**
 * The raw text for a rewritten cell: the content with one space each side. A
 * cell a human aligned (padded past one space after its text) keeps its width
 * when the new content fits, so the column stays aligned; a cell parity wrote
 * (one space each side) is not padded, so a shorter value leaves no blanks.
 */
export function padCell(oldRaw: string, content: string): string {
  const cell = content === '' ? ' ' : ` ${content} `;
  // Text then two or more spaces, or a blank cell wider than parity writes one.
  const aligned = /\S {2,}$/.test(oldRaw) || /^ {3,}$/.test(oldRaw);
  return aligned && cell.length < oldRaw.length ? cell.padEnd(oldRaw.length) : cell;
}

/** Reads a list cell: the contents of its code spans (any fence), or comma-separated items. */
export function parseList(value: string): string[] {
  const spans = splitCodeSpans(value)
    .filter((part) => part.code)
    .map((part) => codeSpanContents(part.text) ?? '');
  const items = spans.length > 0 ? spans : value.split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** Writes a list cell: each item as a code span (fenced past its backticks), comma-separated. */
export function formatList(items: readonly string[]): string {
  return items.map((item) => codeSpan(printable(item))).join(', ');
}

/** Reads a fingerprint cell, with or without a code span around it. */
export function parseFingerprint(value: string): string {
  const match = /^`+([^`]*)`+$/.exec(value);
  return (match?.[1] ?? value).trim();
}

/** Reads a Status cell: `_open_`, `*open*` or `open`, any case; `undefined` if unknown. */
export function parseStatus(value: string): TrackerStatus | undefined {
  const match = /^([_*]?)([a-z]+)\1$/.exec(value.toLowerCase());
  const word = match?.[2];
  return TRACKER_STATUSES.find((status) => status === word);
}

/** Writes a Status cell the canonical way. */
export function formatStatus(status: TrackerStatus): string {
  return `_${status}_`;
}
