/**
 * report.html: one self-contained page (inline CSS and script, nothing
 * fetched). The data travels as JSON in a `<script type="application/json">`
 * block with `<`, `>`, `&`, U+2028 and U+2029 escaped, so no server string can
 * close the block; a strict Content-Security-Policy allows only our own script,
 * by its hash, so even markup that slipped through could not run. Pure.
 */
import { createHash } from 'node:crypto';
import type { RunReport } from '../../../contract/report.js';
import { CLIENT_SCRIPT } from './page-script.js';
import { boundedRowText } from './row-bound.js';
import { STYLES } from './styles.js';
import { type RowView, rowTexts, viewWithoutRows } from './view.js';

/**
 * True when `json` holds a character `embedJson` escapes. Five searches for
 * one character each, not a regular expression's class: V8 finds a single
 * character with a byte search (memchr), several times faster per character
 * than the class's compiled loop over a row's text (~16,000 instructions a
 * bench row against a few hundred), and most rows hold none of them.
 */
function unsafeInScript(json: string): boolean {
  return (
    json.includes('<') ||
    json.includes('>') ||
    json.includes('&') ||
    json.includes('\u2028') ||
    json.includes('\u2029')
  );
}

/** JSON that is inert inside a `<script>` element and valid JavaScript too. */
export function embedJson(value: unknown): string {
  return embedText(JSON.stringify(value));
}

/** JSON text made inert inside a `<script>` element (see `embedJson`). */
function embedText(json: string): string {
  // Most rows hold none of them: scans, not five copies of a long two-byte row.
  if (!unsafeInScript(json)) return json;
  return json
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Escapes text for HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The CSP source for an inline script: `'sha256-…'` of its exact text. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The page's policy: nothing but inline styles and the one hashed script. */
export function contentSecurityPolicy(script: string): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scriptHash(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Holds the rows' place in the embedded view (a string never in a `rows` member otherwise). */
const ROWS_SLOT = '\u0000rows\u0000';

/**
 * `embedJson(htmlView(report))` in pieces, each row embedded as it is built
 * and its view dropped: `JSON.stringify` of an array is its elements' JSON
 * joined by commas, and the escapes are per character, so the text is the
 * same. Never one string of every row: that string (two bytes a character as
 * soon as one row holds a non-Latin-1 character) was copied whole again to be
 * written.
 */
function embeddedView(report: RunReport): {
  readonly title: string;
  readonly json: Iterable<string>;
} {
  const view = viewWithoutRows(report);
  const head = embedJson({ ...view, rows: ROWS_SLOT });
  const slot = `"rows":${embedJson(ROWS_SLOT)}`;
  const at = head.indexOf(slot);
  // Unreachable: the view's own `rows` member holds the slot.
  if (at < 0) throw new Error('report.html: no rows slot in the embedded view');
  return { title: view.title, json: viewPieces(report, head, at, slot.length) };
}

/**
 * `JSON.stringify` of `row` with `diff` (its JSON) as its last member: the
 * row's own JSON, its closing brace replaced by the diff's member.
 */
export function rowJson(row: RowView, diff: string | undefined): string {
  const json = JSON.stringify(row);
  return diff === undefined ? json : `${json.slice(0, -1)},"diff":${diff}}`;
}

/** A row's embedded text: its JSON, the diff spliced in, made inert in the page's data block. */
const embedRow = (row: RowView, diff: string | undefined): string => embedText(rowJson(row, diff));

function* viewPieces(
  report: RunReport,
  head: string,
  at: number,
  slotLength: number,
): Iterable<string> {
  yield `${head.slice(0, at)}"rows":[`;
  // The comma is a chunk of its own: a row joined to it would be copied whole to be encoded.
  let first = true;
  for (const { row, diff, result } of rowTexts(report)) {
    if (!first) yield ',';
    yield boundedRowText(result, row, diff, embedRow);
    first = false;
  }
  yield `]${head.slice(at + slotLength)}`;
}

/** report.html in chunks (the page's head, each row's JSON, the tail), for a writer that streams. */
export function* renderHtmlChunks(report: RunReport): Iterable<string> {
  const view = embeddedView(report);
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(CLIENT_SCRIPT)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(view.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<noscript>This report draws itself with JavaScript; report.md and report.json hold the same data.</noscript>
<script type="application/json" id="parity-data">`;
  yield* view.json;
  yield `</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

export function renderHtml(report: RunReport): string {
  return [...renderHtmlChunks(report)].join('');
}
