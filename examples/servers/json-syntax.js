/**
 * A small JSON scanner shared by both reference servers. It models what a
 * strict streaming parser (serde_json, Go's encoding/json) sees: where the first
 * value ends, what follows it, and — for malformed input — which syntax error
 * occurs at which byte. Each server turns that into its runtime's own wording.
 */

/**
 * @typedef {'eof-value' | 'eof-object' | 'eof-list' | 'eof-string' | 'expected-colon'
 *   | 'expected-object-comma' | 'expected-list-comma' | 'expected-value' | 'key-must-be-string'
 *   | 'trailing-comma-object' | 'trailing-comma-list' | 'invalid-literal' | 'invalid-number'
 *   | 'invalid-escape' | 'control-in-string'} SyntaxCode
 */

/**
 * @typedef {object} ScanOk
 * @property {true} ok
 * @property {number} end Offset just after the first value.
 * @property {number | undefined} trailing Offset of the first non-blank character after it.
 * @property {Map<string, number>} ends JSON pointer of every value → offset just after it.
 */

/**
 * @typedef {object} ScanError
 * @property {false} ok
 * @property {SyntaxCode} code
 * @property {number} offset Offset of the offending character (the text length at EOF).
 * @property {string} [expecting] For `invalid-literal`: the character the literal needed.
 * @property {string} [literal] For `invalid-literal`: the literal being read.
 */

class Failure extends Error {
  /** @param {SyntaxCode} code @param {number} offset @param {Partial<ScanError>} [extra] */
  constructor(code, offset, extra = {}) {
    super(code);
    this.detail = { ok: /** @type {const} */ (false), code, offset, ...extra };
  }
}

const BLANK = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/**
 * Scan `text` as one JSON value followed by optional blanks.
 * @param {string} text
 * @returns {ScanOk | ScanError}
 */
export function scanJson(text) {
  const state = { text, i: 0, ends: new Map() };
  try {
    skipBlank(state);
    value(state, '');
  } catch (error) {
    if (error instanceof Failure) return error.detail;
    throw error;
  }
  const end = state.i;
  skipBlank(state);
  const trailing = state.i < text.length ? state.i : undefined;
  return { ok: true, end, trailing, ends: state.ends };
}

/** @typedef {{ text: string, i: number, ends: Map<string, number> }} State */

/** @param {State} s */
function skipBlank(s) {
  while (s.i < s.text.length && BLANK.has(s.text[s.i] ?? '')) s.i++;
}

/** @param {State} s @param {string} pointer */
function value(s, pointer) {
  const c = s.text[s.i];
  if (c === undefined) throw new Failure('eof-value', s.i);
  if (c === '{') object(s, pointer);
  else if (c === '[') list(s, pointer);
  else if (c === '"') string(s);
  else if (c === '-' || (c >= '0' && c <= '9')) number(s);
  else if (c === 't') literal(s, 'true');
  else if (c === 'f') literal(s, 'false');
  else if (c === 'n') literal(s, 'null');
  else throw new Failure('expected-value', s.i);
  s.ends.set(pointer, s.i);
}

/** @param {State} s @param {string} pointer */
function object(s, pointer) {
  s.i++;
  skipBlank(s);
  if (s.text[s.i] === '}') {
    s.i++;
    return;
  }
  for (let afterComma = false; ; afterComma = true) {
    skipBlank(s);
    const c = s.text[s.i];
    if (c === undefined) throw new Failure('eof-object', s.i);
    if (c === '}' && afterComma) throw new Failure('trailing-comma-object', s.i);
    if (c !== '"') throw new Failure('key-must-be-string', s.i);
    const keyStart = s.i;
    string(s);
    const key = JSON.parse(s.text.slice(keyStart, s.i));
    skipBlank(s);
    if (s.text[s.i] === undefined) throw new Failure('eof-object', s.i);
    if (s.text[s.i] !== ':') throw new Failure('expected-colon', s.i);
    s.i++;
    skipBlank(s);
    value(s, `${pointer}/${escapePointer(key)}`);
    skipBlank(s);
    const next = s.text[s.i];
    if (next === undefined) throw new Failure('eof-object', s.i);
    s.i++;
    if (next === '}') return;
    if (next !== ',') throw new Failure('expected-object-comma', s.i - 1);
  }
}

/** @param {State} s @param {string} pointer */
function list(s, pointer) {
  s.i++;
  skipBlank(s);
  if (s.text[s.i] === ']') {
    s.i++;
    return;
  }
  for (let index = 0; ; index++) {
    skipBlank(s);
    const c = s.text[s.i];
    if (c === undefined) throw new Failure('eof-list', s.i);
    if (c === ']' && index > 0) throw new Failure('trailing-comma-list', s.i);
    value(s, `${pointer}/${index}`);
    skipBlank(s);
    const next = s.text[s.i];
    if (next === undefined) throw new Failure('eof-list', s.i);
    s.i++;
    if (next === ']') return;
    if (next !== ',') throw new Failure('expected-list-comma', s.i - 1);
  }
}

/** @param {State} s */
function string(s) {
  s.i++;
  for (;;) {
    const c = s.text[s.i];
    if (c === undefined) throw new Failure('eof-string', s.i);
    if (c === '"') {
      s.i++;
      return;
    }
    if (c < ' ') throw new Failure('control-in-string', s.i);
    if (c === '\\') {
      const e = s.text[s.i + 1];
      if (e === undefined) throw new Failure('eof-string', s.i + 1);
      if (!ESCAPES.has(e)) throw new Failure('invalid-escape', s.i + 1);
      if (e === 'u') unicodeEscape(s, s.i + 2);
      s.i += e === 'u' ? 6 : 2;
    } else {
      s.i++;
    }
  }
}

/**
 * Four hex digits must follow a `\u` escape; the first other character is the error.
 * @param {State} s
 * @param {number} from
 */
function unicodeEscape(s, from) {
  for (let k = from; k < from + 4; k++) {
    const c = s.text[k];
    if (c === undefined) throw new Failure('eof-string', k);
    if (!/[0-9a-fA-F]/.test(c)) throw new Failure('invalid-escape', k);
  }
}

/** @param {State} s */
function number(s) {
  const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.text.slice(s.i));
  if (match === null) numberFailure(s, s.i + 1);
  const length = match?.[0].length ?? 0;
  const rest = s.text[s.i + length];
  // "1." or "1e" is a number cut short: both parsers reject the character after it.
  if (rest === '.' || rest === 'e' || rest === 'E') numberFailure(s, s.i + length + 1);
  s.i += length;
}

/** @param {State} s @param {number} offset @returns {never} */
function numberFailure(s, offset) {
  throw new Failure(offset < s.text.length ? 'invalid-number' : 'eof-value', offset);
}

/** @param {State} s @param {string} word */
function literal(s, word) {
  for (let k = 0; k < word.length; k++) {
    const c = s.text[s.i + k];
    if (c === undefined) throw new Failure('eof-value', s.i + k);
    const expecting = word[k] ?? '';
    if (c !== expecting)
      throw new Failure('invalid-literal', s.i + k, { expecting, literal: word });
  }
  s.i += word.length;
}

/** @param {string} key */
function escapePointer(key) {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * serde_json's position of an error: 1-based line, and the column in bytes —
 * of the offending character, or of the last consumed one at end of input.
 * @param {string} text
 * @param {number} offset
 * @param {boolean} atChar
 */
export function lineColumn(text, offset, atChar) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = Buffer.byteLength(text.slice(lineStart, offset)) + (atChar ? 1 : 0);
  return { line, column };
}

/**
 * The keys of the top-level object of `text` in document order, repeated keys
 * included (`JSON.parse` keeps only the last). `text` must be valid JSON.
 * @param {string} text
 * @returns {string[]}
 */
export function objectKeys(text) {
  const s = { text, i: 0, ends: new Map() };
  skipBlank(s);
  if (text[s.i] !== '{') return [];
  s.i++;
  /** @type {string[]} */
  const keys = [];
  for (;;) {
    skipBlank(s);
    if (text[s.i] !== '"') return keys;
    const start = s.i;
    string(s);
    keys.push(JSON.parse(text.slice(start, s.i)));
    skipBlank(s);
    s.i++; // the colon
    skipBlank(s);
    value(s, '');
    skipBlank(s);
    if (text[s.i] !== ',') return keys;
    s.i++;
  }
}

/**
 * Where `text` (valid JSON) holds a `\u` escape of a lone surrogate (a
 * high one not followed by a low one, or a low one on its own), or undefined.
 * @param {string} text
 */
export function loneSurrogateAt(text) {
  const hex = (/** @type {number} */ at) => Number.parseInt(text.slice(at + 2, at + 6), 16);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') continue;
    if (text[i + 1] !== 'u') {
      i++; // an escaped character: skip it (an escaped backslash is not an escape)
      continue;
    }
    const unit = hex(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text[i + 6] === '\\' && text[i + 7] === 'u' ? hex(i + 6) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 6;
    }
    i += 5;
  }
  return undefined;
}
