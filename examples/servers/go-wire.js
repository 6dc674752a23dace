/**
 * How a Go service built on net/http + encoding/json talks on the wire:
 * canonical header names (`Content-Type`), `json.NewEncoder(w).Encode(v)` replies
 * (HTML-escaped, trailing newline), `http.Error` for everything else
 * (`text/plain; charset=utf-8`, `X-Content-Type-Options: nosniff`, message plus
 * `\n`), and `json.NewDecoder(r.Body).Decode(&v)`, which reads the first JSON
 * value only, ignores what follows it, and words its errors its own way.
 */
import { scanJson } from './json-syntax.js';
import { goJson } from './json-write.js';

/** @typedef {import('./http-util.js').Reply} Reply */

/**
 * `w.Header().Set("Content-Type", "application/json"); w.WriteHeader(status); enc.Encode(v)`
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [extraHeaders]
 * @returns {Reply}
 */
export function writeJSON(status, value, extraHeaders = {}) {
  return {
    status,
    headers: { ...extraHeaders, 'Content-Type': 'application/json' },
    body: goJson(value),
  };
}

/**
 * `http.Error(w, message, status)`.
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [extraHeaders]
 * @returns {Reply}
 */
export function httpError(status, message, extraHeaders = {}) {
  return {
    status,
    headers: {
      ...extraHeaders,
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
    body: `${message}\n`,
  };
}

/**
 * `json.NewDecoder(r.Body).Decode(&v)` up to the value: the first JSON value
 * of the body, or the decoder's error message.
 * @param {string} body
 * @returns {{ ok: true, value: unknown } | { ok: false, message: string }}
 */
export function decodeFirstValue(body) {
  const scan = scanJson(body);
  if (scan.ok) return { ok: true, value: JSON.parse(body.slice(0, scan.end)) };
  if (scan.code.startsWith('eof-')) {
    // io.EOF when there was no value at all, io.ErrUnexpectedEOF when it was cut short.
    return { ok: false, message: body.trim() === '' ? 'EOF' : 'unexpected EOF' };
  }
  const q = quoteChar(body, scan.offset);
  /** @type {Record<string, string>} */
  const context = {
    'key-must-be-string': 'looking for beginning of object key string',
    'trailing-comma-object': 'looking for beginning of object key string',
    'expected-colon': 'after object key',
    'expected-object-comma': 'after object key:value pair',
    'expected-list-comma': 'after array element',
    'expected-value': 'looking for beginning of value',
    'trailing-comma-list': 'looking for beginning of value',
    'invalid-literal': `in literal ${scan.literal} (expecting ${quoteAscii(scan.expecting ?? '')})`,
    'invalid-number': 'in numeric literal',
    'invalid-escape': 'in string escape code',
    'control-in-string': 'in string literal',
  };
  return { ok: false, message: `invalid character ${q} ${context[scan.code] ?? ''}`.trim() };
}

/**
 * encoding/json's `quoteChar`, which works on the offending *byte*: a
 * multi-byte character shows as its first byte read as Latin-1 (a BOM is `'ï'`).
 * @param {string} text
 * @param {number} offset
 */
function quoteChar(text, offset) {
  const byte = Buffer.from(text.slice(offset, offset + 2), 'utf8')[0] ?? 0;
  return quoteAscii(String.fromCharCode(byte));
}

/**
 * Go's `strconv.Quote` of one character, between single quotes.
 * @param {string} c
 */
function quoteAscii(c) {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  /** @type {Record<string, string>} */
  const short = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' };
  const code = c.charCodeAt(0);
  if (short[c] !== undefined) return `'\\${short[c]}'`;
  if (code === 0x5c) return "'\\\\'";
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

/**
 * The JSON type name Go's `UnmarshalTypeError` reports.
 * @param {unknown} value
 */
export function goJsonType(value) {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

/**
 * encoding/json matches object keys to struct fields case-insensitively (the
 * last matching key wins), unlike serde.
 * @param {Record<string, unknown>} object
 * @param {string} name The field's json tag.
 * @returns {unknown}
 */
export function goField(object, name) {
  let found;
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === name.toLowerCase()) found = value;
  }
  return found;
}
