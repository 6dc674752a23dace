/**
 * Small helpers for writing safe Markdown from untrusted text. Pure.
 *
 * Server text reaches report.md as code spans (keys, paths, header names),
 * as prose (explanations, which hold code spans of their own) and as table
 * cells. Code spans are fenced longer than any backtick run inside them
 * (`codeSpan`), so a key holding a backtick cannot close its span; prose is
 * escaped outside its code spans (no raw HTML, no links, no emphasis); cells
 * escape `|` everywhere, code spans included (GFM splits cells first); line
 * breaks become spaces; control characters are shown as `\x1b`.
 */
import { codeSpan, printable, splitCodeSpans } from '../../util/code-span.js';
import { widest } from '../../util/widest.js';

/** Prose outside code spans: what could become HTML, a link or emphasis is escaped. */
function escapeProse(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[[\]*_]/g, (c) => `\\${c}`);
}

function flat(text: string): string {
  return printable(text.replace(/\r\n|\r|\n/g, ' '));
}

/**
 * Any character `prose` may change: what `escapeProse` escapes, line breaks and
 * the control characters `printable` writes out (tab too, which it keeps:
 * such text just takes the general path).
 */
const PROSE_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\\&<>[\]*_\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * Any character `fenced` may change or must count: a backtick, a CR, and the
 * control characters `printable` writes out (and tab, which takes the general
 * path), but LF, which only splits lines that are joined again.
 */
const FENCE_SPECIAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[`\r\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * Text that may hold code spans (an explanation, a summary), for a Markdown
 * paragraph: code spans kept, everything else escaped, on one line.
 */
export function prose(text: string): string {
  // Most prose holds nothing `flat` or `escapeProse` changes: then it is its own result.
  if (!PROSE_SPECIAL.test(text)) return text;
  return splitCodeSpans(flat(text))
    .map((part) => (part.code ? part.text : escapeProse(part.text)))
    .join('');
}

/** A value for one table cell: `prose`, with every pipe escaped (inside code spans too). */
export function cell(text: string): string {
  return prose(text).replaceAll('|', '\\|');
}

/** Inline code that survives backticks and control characters inside the value. */
export function inlineCode(text: string): string {
  return codeSpan(printable(text));
}

/** A fenced block whose fence is longer than any backtick run in the content. */
export function fenced(text: string, language = ''): string {
  // Most blocks (diff lines, curl commands) hold no backtick and no control character.
  if (!FENCE_SPECIAL.test(text)) return `\`\`\`${language}\n${text}\n\`\`\``;
  const longest = widest(
    [...text.matchAll(/`+/g)].map((m) => m[0].length),
    2,
  );
  const fence = '`'.repeat(longest + 1);
  const lines = text.split(/\r?\n/).map(printable);
  return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}
