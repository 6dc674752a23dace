/**
 * A tracker row's Decision note as report.html shows it. The note is
 * Markdown a person wrote in the tracker (a Markdown file), so the page
 * renders its inline Markdown instead of showing the marks: code spans
 * (`code-spans.ts`, first, as CommonMark reads them), `**strong**` and
 * `__strong__`, `*emphasis*` and `_emphasis_` (an underscore inside a word,
 * as in `deleted_at`, is a letter), `[links](https://…)`, and backslash
 * escapes. A link to anything but http(s) is shown as its words and its
 * target in parentheses, never followed. Only the Decision note is read this
 * way: parity's own words use code spans alone, and a server's value they
 * quote keeps its asterisks. Pure (no DOM); the page makes each part a text
 * node or an element holding text.
 */
import { lineParts } from './code-spans.js';

export type InlinePart =
  | { readonly kind: 'text' | 'code' | 'strong' | 'em'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

/** Schemes a link may have (spelled apart from `://`: the page text names no URL). */
const WEB = ['http', 'https'];
const ESCAPABLE = '\\`*_[]()#+-.!|<>~';

const isSpace = (c: string | undefined) => c === undefined || c.trim() === '';
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Found {
  readonly part: InlinePart;
  readonly end: number;
}

/** `[words](target)` at `at`: a link for http(s), else the words and the target as text. */
function linkAt(text: string, at: number): Found | undefined {
  const close = text.indexOf('](', at + 1);
  if (close < 0) return undefined;
  const words = text.slice(at + 1, close);
  if (words === '' || words.includes('[') || words.includes(']')) return undefined;
  const end = text.indexOf(')', close + 2);
  if (end < 0) return undefined;
  const target = text.slice(close + 2, end);
  if (target === '' || /\s/.test(target)) return undefined;
  const part: InlinePart = WEB.some((scheme) => target.toLowerCase().startsWith(`${scheme}://`))
    ? { kind: 'link', text: words, href: target }
    : { kind: 'text', text: `${words} (${target})` };
  return { part, end: end + 1 };
}

/**
 * Emphasis opened at `at` by `*`, `**`, `_` or `__`, closed by the same run:
 * the contents start and end with a non-space, an underscore run neither
 * follows nor precedes a letter or digit. `none` remembers runs with no
 * closer left, so a line of many openers is read once.
 */
function emphasisAt(text: string, at: number, none: Set<string>): Found | undefined {
  const c = text.charAt(at);
  const run = text.charAt(at + 1) === c ? c + c : c;
  if (none.has(run) || isSpace(text[at + run.length])) return undefined;
  if (c === '_' && isWord(text[at - 1])) return undefined;
  for (let from = at + run.length + 1; ; ) {
    const close = text.indexOf(run, from);
    if (close < 0) {
      none.add(run);
      return undefined;
    }
    from = close + 1;
    const after = text[close + run.length];
    if (isSpace(text[close - 1]) || after === c || text[close - 1] === c) continue;
    if (c === '_' && isWord(after)) continue;
    const inner = text.slice(at + run.length, close);
    return {
      part: { kind: run.length === 2 ? 'strong' : 'em', text: inner },
      end: close + run.length,
    };
  }
}

/** Text outside code spans: emphasis, links and escapes. */
function textParts(text: string, out: InlinePart[]): void {
  const none = new Set<string>();
  let plain = '';
  let at = 0;
  const flush = () => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  while (at < text.length) {
    const c = text.charAt(at);
    const next = text.charAt(at + 1);
    if (c === '\\' && next !== '' && ESCAPABLE.includes(next)) {
      plain += next;
      at += 2;
      continue;
    }
    const found =
      c === '['
        ? linkAt(text, at)
        : c === '*' || c === '_'
          ? emphasisAt(text, at, none)
          : undefined;
    if (found === undefined) {
      plain += c;
      at++;
      continue;
    }
    flush();
    out.push(found.part);
    at = found.end;
  }
  flush();
}

/** `line`'s parts in order; one text part when it holds no Markdown. */
export function inlineParts(line: string): InlinePart[] {
  const out: InlinePart[] = [];
  for (const part of lineParts(line)) {
    if (part.code) out.push({ kind: 'code', text: part.text });
    else textParts(part.text, out);
  }
  return out.length === 0 ? [{ kind: 'text', text: '' }] : out;
}
