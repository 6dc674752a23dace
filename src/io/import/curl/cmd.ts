/**
 * Windows words, as cmd.exe and then curl.exe's C runtime read a pasted
 * "Copy as cURL (cmd)" text. cmd.exe first: `^x` is `x` outside quotes, `^`
 * at the end of a line continues it (and the next character is taken as is,
 * which is how Chrome writes a newline: `^` + two newlines), `&` or a newline
 * ends a command. Then the C runtime splits the line into words: whitespace
 * outside quotes separates, `"` toggles quoting, `\"` is a quote, backslashes
 * before a quote halve, `""` inside quotes is a quote. Pure.
 */
import type { ShellCommand } from './words.js';

/** cmd.exe's pass: the command lines, carets and continuations resolved. */
function cmdLines(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let current = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    if (current.trim() !== '') lines.push({ text: current, line: start });
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (current === '') start = line;
    if (c === '^' && !quoted) {
      let next = i + 1;
      if (text[next] === '\r') next++;
      if (text[next] === '\n') {
        // Continuation: the newline vanishes and the following character is literal.
        line++;
        i = next;
        const after = text[i + 1];
        if (after === '\r' || after === '\n') {
          current += '\n';
          i += after === '\r' && text[i + 2] === '\n' ? 2 : 1;
          line++;
        }
        continue;
      }
      current += text[next] ?? '';
      i = next;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === '\n' || c === '&')) {
      if (c === '\n') line++;
      quoted = false;
      end();
      continue;
    }
    if (c === '\n') line++;
    if (c !== '\r' || quoted) current += c;
  }
  end();
  return lines;
}

/** The C runtime's split of one command line into words. */
function crtWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n++;
      if (line[i + n] === '"') {
        word += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) {
          word += '"';
          i += n;
        } else {
          i += n - 1;
        }
      } else {
        word += '\\'.repeat(n);
        i += n - 1;
      }
      inWord = true;
      continue;
    }
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        word += '"';
        i++;
      } else {
        quoted = !quoted;
      }
      inWord = true;
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t' || c === '\n')) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** Splits a cmd.exe text into commands of words (see the module comment). */
export function cmdCommands(text: string): ShellCommand[] {
  return cmdLines(text).map(({ text: line, line: number }) => ({
    words: crtWords(line),
    line: number,
  }));
}

/** True when the text is written for cmd.exe: `^"` quoting, `^` continuations or `curl.exe`. */
export function looksLikeCmd(text: string): boolean {
  return /\^"|\^\r?\n|^\s*curl\.exe\s/m.test(text);
}
