/**
 * POSIX shell words, as bash reads a pasted "Copy as cURL (bash)" text:
 * '…' (literal), "…" (`\` escapes `$ \` " \ newline` only), $'…' (ANSI-C
 * escapes: \n \t \xHH \uHHHH \NNN …, as Chrome and Firefox write them),
 * backslash escapes and line continuations, `#` comments. A newline or one of
 * `; & | < >` outside quotes ends a command (so "Copy all as cURL", `&&` and a
 * `| jq` pipe split into commands). Variables are not expanded: `$HOME` stays
 * as written. Pure.
 */
import type { ShellCommand } from './words.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Reads the escape after the `\` at `text[at]` inside `$'…'`; returns the text and the length read. */
function ansiEscape(text: string, at: number): [string, number] {
  const c = text[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 2];
  const hex = (max: number) => /^[0-9a-fA-F]+/.exec(text.slice(at + 2, at + 2 + max))?.[0] ?? '';
  if (c === 'x' || c === 'u' || c === 'U') {
    const digits = hex(c === 'x' ? 2 : c === 'u' ? 4 : 8);
    if (digits === '') return [`\\${c}`, 2];
    return [String.fromCodePoint(Number.parseInt(digits, 16)), 2 + digits.length];
  }
  const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4))?.[0];
  if (octal !== undefined)
    return [String.fromCharCode(Number.parseInt(octal, 8) & 0xff), 1 + octal.length];
  if (c === 'c' && at + 2 < text.length) {
    return [String.fromCharCode((text.charCodeAt(at + 2) & 0x1f) >>> 0), 3];
  }
  return [`\\${c}`, 2];
}

const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);
const OPERATORS = new Set([';', '&', '|', '<', '>']);

/** Splits `text` into commands of words (see the module comment). */
export function posixCommands(text: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let start = 1;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words, line: start });
    words = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (words.length === 0 && !inWord) start = line;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        // A line continuation: both characters vanish.
        i += next === '\r' ? 3 : 2;
        line++;
        continue;
      }
      word += next ?? '';
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end === -1 ? text.length : end;
      const quoted = text.slice(i + 1, stop);
      word += quoted;
      line += quoted.split('\n').length - 1;
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      i += 2;
      inWord = true;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') {
          const [decoded, length] = ansiEscape(text, i);
          word += decoded;
          i += length;
        } else {
          if (text[i] === '\n') line++;
          word += text[i];
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '"') {
      i++;
      inWord = true;
      while (i < text.length && text[i] !== '"') {
        const d = text[i] ?? '';
        const next = text[i + 1] ?? '';
        if (d === '\\' && DOUBLE_QUOTE_ESCAPES.has(next)) {
          if (next !== '\n') word += next;
          else line++;
          i += 2;
        } else {
          if (d === '\n') line++;
          word += d;
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c === '\n' || OPERATORS.has(c)) {
      endCommand();
      if (c === '\n') line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endCommand();
  return commands;
}
