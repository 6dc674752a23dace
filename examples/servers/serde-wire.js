/**
 * How a Rust service built on axum + serde_json talks on the wire: JSON
 * replies without a trailing newline, and axum's built-in rejections, which are
 * `text/plain` sentences wrapping serde_json's error (with `line … column …`):
 * 415 without a JSON content type, 400 for a syntax error, 422 when the JSON
 * does not fit the target struct (its field path via serde_path_to_error).
 */

import { isUtf8 } from 'node:buffer';
import { lineColumn, loneSurrogateAt, objectKeys, scanJson } from './json-syntax.js';
import { serdeJson } from './json-write.js';

/** @typedef {import('./http-util.js').Reply} Reply */
/** @typedef {import('./http-util.js').RequestContext} RequestContext */
/** @typedef {import('./json-syntax.js').ScanOk} ScanOk */

/** @type {Record<import('./json-syntax.js').SyntaxCode, string>} */
const SYNTAX_MESSAGES = {
  'eof-value': 'EOF while parsing a value',
  'eof-object': 'EOF while parsing an object',
  'eof-list': 'EOF while parsing a list',
  'eof-string': 'EOF while parsing a string',
  'expected-colon': 'expected `:`',
  'expected-object-comma': 'expected `,` or `}`',
  'expected-list-comma': 'expected `,` or `]`',
  'expected-value': 'expected value',
  'key-must-be-string': 'key must be a string',
  'trailing-comma-object': 'trailing comma',
  'trailing-comma-list': 'trailing comma',
  'invalid-literal': 'expected ident',
  'invalid-number': 'invalid number',
  'invalid-escape': 'invalid escape',
  'control-in-string': 'control character (\\u0000-\\u001F) found while parsing a string',
};

/**
 * `(StatusCode, Json<T>)`: `content-type: application/json`, compact body.
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [extraHeaders]
 * @returns {Reply}
 */
export function jsonReply(status, value, extraHeaders = {}) {
  return {
    status,
    headers: { 'content-type': 'application/json', ...extraHeaders },
    body: serdeJson(value),
  };
}

/**
 * A plain-text rejection, as axum's extractors send them.
 * @param {number} status
 * @param {string} text
 * @returns {Reply}
 */
export function textReply(status, text) {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * axum's `Json<T>` extractor up to the point where serde maps the value onto `T`:
 * the content type, then serde_json's syntax check (trailing characters
 * included) on the raw bytes, which must be UTF-8 and hold no lone surrogate
 * escape (`\ud800`): Go's decoder replaces both with U+FFFD instead.
 * @param {RequestContext} ctx
 * @returns {{ ok: true, value: unknown, scan: ScanOk } | { ok: false, reply: Reply }}
 */
export function extractJson(ctx) {
  if (!isJsonContentType(ctx.req.headers['content-type'])) {
    return {
      ok: false,
      reply: textReply(415, 'Expected request with `Content-Type: application/json`'),
    };
  }
  const scan = scanJson(ctx.body);
  if (!scan.ok) {
    const atChar = !scan.code.startsWith('eof-');
    return {
      ok: false,
      reply: syntaxRejection(ctx.body, SYNTAX_MESSAGES[scan.code], scan.offset, atChar),
    };
  }
  if (scan.trailing !== undefined) {
    return {
      ok: false,
      reply: syntaxRejection(ctx.body, 'trailing characters', scan.trailing, true),
    };
  }
  const unicode = unicodeProblem(ctx);
  if (unicode !== undefined) return { ok: false, reply: unicode };
  return { ok: true, value: JSON.parse(ctx.body), scan };
}

/**
 * serde_json reads strings from the body's bytes: invalid UTF-8 and a lone
 * surrogate escape are errors at their position.
 * @param {RequestContext} ctx
 * @returns {Reply | undefined}
 */
function unicodeProblem(ctx) {
  if (!isUtf8(ctx.bytes)) {
    // The decoded text has U+FFFD where the bytes went wrong.
    const offset = Math.max(0, ctx.body.indexOf('\ufffd'));
    return syntaxRejection(ctx.body, 'invalid unicode code point', offset, true);
  }
  const lone = loneSurrogateAt(ctx.body);
  if (lone === undefined) return undefined;
  return syntaxRejection(ctx.body, 'lone leading surrogate in hex escape', lone + 6, false);
}

/**
 * @param {string} text
 * @param {string} message
 * @param {number} offset
 * @param {boolean} atChar
 */
function syntaxRejection(text, message, offset, atChar) {
  const { line, column } = lineColumn(text, offset, atChar);
  const detail = `${message} at line ${line} column ${column}`;
  return textReply(400, `Failed to parse the request body as JSON: ${detail}`);
}

/**
 * axum's 422 for JSON that does not fit the target type, positioned (as
 * serde_json does) just after the value at `pointer`.
 * @param {string} text
 * @param {ScanOk} scan
 * @param {string} pointer JSON pointer of the offending value (`''` for the root).
 * @param {string} message
 * @returns {Reply}
 */
export function dataRejection(text, scan, pointer, message) {
  const { line, column } = lineColumn(text, scan.ends.get(pointer) ?? scan.end, false);
  const path = pathToError(pointer);
  const detail = `${path === '' ? '' : `${path}: `}${message} at line ${line} column ${column}`;
  return textReply(422, `Failed to deserialize the JSON body into the target type: ${detail}`);
}

/**
 * serde_path_to_error's path: `tags[0]` for `/tags/0`, empty for the root.
 * @param {string} pointer
 */
function pathToError(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((segment, index) => {
      if (/^\d+$/.test(segment)) return `[${segment}]`;
      const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/**
 * serde's `invalid type: …` wording for a JSON value (serde_json's `Unexpected`).
 * @param {unknown} value
 */
export function unexpected(value) {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  }
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return Array.isArray(value) ? 'sequence' : 'map';
}

/**
 * axum accepts `application/json` and any `application/*+json`, parameters ignored.
 * @param {string | undefined} header
 */
function isJsonContentType(header) {
  const essence = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^application\/[^/]+\+json$/.test(essence);
}

/**
 * @typedef {object} StructSpec
 * @property {string} name The Rust struct, e.g. `ValidateRequest`.
 * @property {readonly string[]} fields Its fields in declaration order.
 * @property {number} required How many leading fields have no `#[serde(default)]`.
 */

/**
 * The members serde_derive sees when it reads `value` into a struct: an
 * object's members in document order, or — since derived structs also accept
 * a JSON array — the array's elements as the fields in declaration order.
 * @param {string} text
 * @param {ScanOk} scan
 * @param {unknown} value
 * @param {StructSpec} spec
 * @returns {{ ok: true, members: [key: string, value: unknown, pointer: string][] } | { ok: false, reply: Reply }}
 */
export function structMembers(text, scan, value, spec) {
  const target = `struct ${spec.name}`;
  if (Array.isArray(value)) {
    if (value.length < spec.required) {
      const expected = `${target} with ${spec.fields.length} element${spec.fields.length === 1 ? '' : 's'}`;
      return {
        ok: false,
        reply: dataRejection(
          text,
          scan,
          '',
          `invalid length ${value.length}, expected ${expected}`,
        ),
      };
    }
    if (value.length > spec.fields.length) {
      const offset = nextElement(text, scan.ends.get(`/${spec.fields.length - 1}`) ?? scan.end);
      return { ok: false, reply: syntaxRejection(text, 'trailing characters', offset, true) };
    }
    return {
      ok: true,
      members: value.map((element, index) => [spec.fields[index] ?? '', element, `/${index}`]),
    };
  }
  if (value === null || typeof value !== 'object') {
    const message = `invalid type: ${unexpected(value)}, expected ${target}`;
    return { ok: false, reply: dataRejection(text, scan, '', message) };
  }
  // serde_derive refuses a field given twice (JSON.parse would keep the last).
  const keys = objectKeys(text);
  const twice = keys.find((key, i) => spec.fields.includes(key) && keys.indexOf(key) !== i);
  if (twice !== undefined) {
    const reply = dataRejection(text, scan, `/${escapeKey(twice)}`, `duplicate field \`${twice}\``);
    return { ok: false, reply };
  }
  const members = Object.entries(value).map(
    ([key, member]) =>
      /** @type {[string, unknown, string]} */ ([key, member, `/${escapeKey(key)}`]),
  );
  return { ok: true, members };
}

/**
 * The offset of the array element after the one ending at `end` (past `,` and blanks).
 * @param {string} text
 * @param {number} end
 */
function nextElement(text, end) {
  const rest = text.slice(end);
  const skipped = /^[\s]*,[\s]*/.exec(rest)?.[0].length ?? 0;
  return end + skipped;
}

/** @param {string} key */
function escapeKey(key) {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
