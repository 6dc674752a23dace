/**
 * POSIX shell words, as bash reads a pasted "Copy as cURL (bash)" text:
 * '…' (literal), "…" (`\` escapes `$ \` " \ newline` only), $'…' (ANSI-C
 * escapes: \n \t \xHH \uHHHH \NNN …, as Chrome and Firefox write them),
 * backslash escapes and line continuations, `#` comments. A newline or one of
 * `; & | < >` outside quotes ends a command (so "Copy all as cURL", `&&` and a
 * `| jq` pipe split into commands), but a here-document (`<<EOF` … `EOF`, or
 * `<<-` with its leading tabs) and a here-string (`<<< word`) are the
 * command's standard input. Variables are not expanded: `$HOME` stays as
 * written. Pure.
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

/** One pass over the text; each method reads one construct at `at` and moves past it. */
class Scanner {
  readonly commands: ShellCommand[] = [];
  private words: string[] = [];
  private word = '';
  private inWord = false;
  private line = 1;
  private start = 1;
  private at = 0;
  /** The next word is a here-document's delimiter (`heredoc`, `-` for `<<-`) or a here-string. */
  private redirect: 'heredoc' | 'heredoc-tabs' | 'herestring' | undefined;
  private delimiter: { word: string; tabs: boolean } | undefined;
  private stdin: string | undefined;

  constructor(private readonly text: string) {}

  run(): ShellCommand[] {
    while (this.at < this.text.length) this.step(this.text[this.at] ?? '');
    this.endCommand();
    return this.commands;
  }

  private step(c: string): void {
    if (this.words.length === 0 && !this.inWord) this.start = this.line;
    if (c === '\\') this.backslash();
    else if (c === "'") this.singleQuoted();
    else if (c === '$' && this.text[this.at + 1] === "'") this.ansiQuoted();
    else if (c === '"') this.doubleQuoted();
    else if (c === '#' && !this.inWord) this.comment();
    else if (c === '<' && this.text[this.at + 1] === '<') this.hereRedirect();
    else if (c === '\n' && this.hereDocumentFollows()) {
      this.hereDocument(this.delimiter ?? { word: '', tabs: false });
      this.delimiter = undefined;
      this.endCommand();
      this.line++;
    } else if (c === '\n' || OPERATORS.has(c)) {
      this.endCommand();
      if (c === '\n') this.line++;
      this.at++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      this.endWord();
      this.at++;
    } else this.take(c, 1);
  }

  private take(text: string, length: number): void {
    this.word += text;
    this.inWord = true;
    this.at += length;
  }

  private endWord(): void {
    if (this.inWord) {
      if (this.redirect === 'herestring') this.stdin = `${this.word}\n`;
      else if (this.redirect !== undefined) {
        this.delimiter = { word: this.word, tabs: this.redirect === 'heredoc-tabs' };
      } else this.words.push(this.word);
      this.redirect = undefined;
    }
    this.word = '';
    this.inWord = false;
  }

  private endCommand(): void {
    this.endWord();
    if (this.words.length > 0) {
      this.commands.push({
        words: this.words,
        line: this.start,
        ...(this.stdin === undefined ? {} : { stdin: this.stdin }),
      });
    }
    this.words = [];
    this.stdin = undefined;
  }

  /** At a line break: whether a here-document starts on the next line (its delimiter word ends here). */
  private hereDocumentFollows(): boolean {
    this.endWord();
    return this.delimiter !== undefined;
  }

  /** `<<<` (a here-string), `<<-` or `<<`: the next word is the string or the delimiter. */
  private hereRedirect(): void {
    this.endWord();
    if (this.text[this.at + 2] === '<') {
      this.redirect = 'herestring';
      this.at += 3;
    } else if (this.text[this.at + 2] === '-') {
      this.redirect = 'heredoc-tabs';
      this.at += 3;
    } else {
      this.redirect = 'heredoc';
      this.at += 2;
    }
  }

  /** The lines after the command's line, up to the delimiter's own line: its standard input. */
  private hereDocument({ word, tabs }: { word: string; tabs: boolean }): void {
    const lines: string[] = [];
    let at = this.at + 1;
    while (at <= this.text.length) {
      const end = this.text.indexOf('\n', at);
      const raw = this.text.slice(at, end === -1 ? this.text.length : end).replace(/\r$/, '');
      const line = tabs ? raw.replace(/^\t+/, '') : raw;
      this.line++;
      at = end === -1 ? this.text.length + 1 : end + 1;
      if (line === word) break;
      lines.push(line);
    }
    this.stdin = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    // Back on the delimiter line's break, which ends the command.
    this.at = Math.min(at, this.text.length) - 1;
    this.line--;
  }

  /** `\x` is `x`; a backslash before a line break continues the line (both vanish). */
  private backslash(): void {
    const next = this.text[this.at + 1];
    if (next === '\n' || (next === '\r' && this.text[this.at + 2] === '\n')) {
      this.at += next === '\r' ? 3 : 2;
      this.line++;
      return;
    }
    this.take(next ?? '', 2);
  }

  private singleQuoted(): void {
    const end = this.text.indexOf("'", this.at + 1);
    const stop = end === -1 ? this.text.length : end;
    const quoted = this.text.slice(this.at + 1, stop);
    this.line += quoted.split('\n').length - 1;
    this.take(quoted, stop + 1 - this.at);
  }

  private ansiQuoted(): void {
    this.at += 2;
    this.inWord = true;
    while (this.at < this.text.length && this.text[this.at] !== "'") {
      if (this.text[this.at] === '\\') {
        const [decoded, length] = ansiEscape(this.text, this.at);
        this.take(decoded, length);
      } else {
        if (this.text[this.at] === '\n') this.line++;
        this.take(this.text[this.at] ?? '', 1);
      }
    }
    this.at++;
  }

  private doubleQuoted(): void {
    this.at++;
    this.inWord = true;
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      const c = this.text[this.at] ?? '';
      const next = this.text[this.at + 1] ?? '';
      if (c === '\\' && DOUBLE_QUOTE_ESCAPES.has(next)) {
        if (next === '\n') this.line++;
        this.take(next === '\n' ? '' : next, 2);
      } else {
        if (c === '\n') this.line++;
        this.take(c, 1);
      }
    }
    this.at++;
  }

  private comment(): void {
    const end = this.text.indexOf('\n', this.at);
    this.at = end === -1 ? this.text.length : end;
  }
}

/** Splits `text` into commands of words (see the module comment). */
export function posixCommands(text: string): ShellCommand[] {
  return new Scanner(text).run();
}
