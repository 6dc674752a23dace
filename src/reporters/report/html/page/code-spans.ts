/**
 * Markdown code spans in a line of parity's words (`` `Kind` discriminator ``)
 * as the page shows them: text and code, never the backticks. CommonMark's
 * rule: a run of N backticks opens a span that the next run of exactly N
 * closes; one space inside each fence is stripped when both are there; a run
 * nothing closes is text. Pure (no DOM), so the page script and Node tests
 * share it; the page makes each code part a `<code>` holding text.
 */

/** A piece of a line: text, or the contents of a code span. */
export interface LinePart {
  readonly code: boolean;
  readonly text: string;
}

/** The length of the backtick run at `at`. */
function runAt(text: string, at: number): number {
  let end = at;
  while (text.charCodeAt(end) === 96) end++;
  return end - at;
}

/** Where the next run of exactly `length` backticks from `from` starts, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let at = text.indexOf('`', from); at >= 0; ) {
    const run = runAt(text, at);
    if (run === length) return at;
    at = text.indexOf('`', at + run);
  }
  return -1;
}

/** `line`'s text and code parts, in order (one text part when it holds no span). */
export function lineParts(line: string): LinePart[] {
  const parts: LinePart[] = [];
  let text = '';
  let at = 0;
  while (at < line.length) {
    const tick = line.indexOf('`', at);
    if (tick < 0) break;
    const run = runAt(line, tick);
    const close = closingRun(line, tick + run, run);
    if (close < 0) {
      text += line.slice(at, tick + run);
      at = tick + run;
      continue;
    }
    text += line.slice(at, tick);
    if (text !== '') parts.push({ code: false, text });
    text = '';
    let inner = line.slice(tick + run, close);
    if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') {
      inner = inner.slice(1, -1);
    }
    parts.push({ code: true, text: inner });
    at = close + run;
  }
  text += line.slice(at);
  if (text !== '' || parts.length === 0) parts.push({ code: false, text });
  return parts;
}
