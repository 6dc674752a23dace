/**
 * Server text in the places it lands. A Markdown code span must be fenced by
 * more backticks than the longest run inside it, or a key holding a backtick
 * closes the span and the rest (`<img onerror=…>`) is read as Markdown and
 * HTML. A terminal must never receive raw control characters (an escape
 * sequence in a key could clear the screen or retitle the window): they are
 * shown as `\x1b`, `\u202e`. Pure.
 */

/** The longest run of backticks in `text` (0 when none). */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** What makes `codeSpan` more than a backtick on each side: a backtick or a line break. */
const SPAN_SPECIAL = /[`\r\n]/;

/**
 * `text` as one Markdown code span: the fence is one backtick longer than any
 * run inside, with a space inside each fence when the text starts or ends with
 * a backtick (CommonMark strips one such space on each side). Line breaks
 * are written `\n` and `\r` (a span never ends a table row or a line, and
 * the key `a\nb` never reads as the key `a b`).
 */
export function codeSpan(text: string): string {
  // Most text (a path, a key, a value) holds no backtick and no line break: one fence, no pad.
  if (!SPAN_SPECIAL.test(text) && text !== '') return `\`${text}\``;
  const flat = text.replace(/\r|\n/g, (c) => (c === '\n' ? '\\n' : '\\r'));
  const fence = '`'.repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** The contents of a code span written by `codeSpan` (or by hand with any fence). */
export function codeSpanContents(span: string): string | undefined {
  const match = /^(`+)([\s\S]*?)\1$/.exec(span);
  if (match === null) return undefined;
  const inner = match[2] ?? '';
  const padded = inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ');
  return padded && inner.trim() !== '' ? inner.slice(1, -1) : inner;
}

/**
 * Every code span in `text` (CommonMark: a run of n backticks opens a span,
 * the next run of exactly n closes it), with the text between them.
 */
export function splitCodeSpans(text: string): { readonly code: boolean; readonly text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      // The plain text up to the next backtick, in one slice.
      const next = text.indexOf('`', i);
      const end = next === -1 ? text.length : next;
      plain += text.slice(i, end);
      i = end;
      continue;
    }
    let n = 0;
    while (text[i + n] === '`') n++;
    const close = findRun(text, i + n, n);
    if (close === -1) {
      plain += text.slice(i, i + n);
      i += n;
      continue;
    }
    if (plain !== '') parts.push({ code: false, text: plain });
    plain = '';
    parts.push({ code: true, text: text.slice(i, close + n) });
    i = close + n;
  }
  if (plain !== '') parts.push({ code: false, text: plain });
  return parts;
}

/** The index of the next run of exactly `n` backticks at or after `from`, or -1. */
function findRun(text: string, from: number, n: number): number {
  for (let i = text.indexOf('`', from); i !== -1; i = text.indexOf('`', i)) {
    let run = 0;
    while (text[i + run] === '`') run++;
    if (run === n) return i;
    i += run;
  }
  return -1;
}

/** C0 controls but tab, DEL, C1 controls, and the Unicode controls that reorder or hide text. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `UNPRINTABLE` without its flag: does `text` hold one at all (most text holds none)? */
const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

/** `text` safe for a terminal: every control character written as `\xNN` or `\uNNNN`. */
export function printable(text: string): string {
  // One test, no replacement: `replace` with a function sets up its callback path even for no match.
  if (!HAS_UNPRINTABLE.test(text)) return text;
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
