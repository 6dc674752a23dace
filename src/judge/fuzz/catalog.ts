/**
 * The edge values mutations draw from: the inputs on which two JSON stacks
 * (serde, encoding/json, Jackson, System.Text.Json, …) are known to part ways.
 * Listed simplest first: fast-check shrinks a choice towards the start.
 */

/** Number literals a JSON parser must take; the runtimes' integer types do not all hold them. */
export const NUMBER_LITERALS = [
  '0',
  '-1',
  '-0',
  '1.5',
  '1e2',
  '1E+2',
  '1.0',
  '0.1e-5',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '100000000000000000000000000000',
  '1e400',
  '-1e400',
  '5e-324',
] as const;

/** Number forms JSON forbids, that lenient parsers take. */
export const NEAR_NUMBERS = ['+1', '01', '.5', '1.', '0x10', 'NaN', 'Infinity', '1_000'] as const;

/** String values at the edges: empty, blank, long, control characters, combining marks, … */
export const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'e\u0301',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u202e',
  '\ud83d\ude00',
  'a\nb',
  '\\',
  '"',
  'null',
  '0',
  'a'.repeat(10_000),
] as const;

/** JSON string escapes of lone surrogates (valid JSON text, no valid Unicode scalar). */
export const LONE_SURROGATES = ['\\ud800', '\\udc00', 'a\\ud800b', '\\ud800\\ud800'] as const;

/** Byte sequences that are not UTF-8: a stray byte, an overlong `/`, an encoded surrogate, a cut sequence. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** Bytes after a complete JSON document. */
export const TRAILING_DATA = [
  'x',
  ' ',
  '}',
  ']',
  ',',
  '{}',
  '\n{}',
  'null',
  '0',
  '\u0000',
  ' // c',
] as const;

/** Comments, which JSON forbids and JSON5-style parsers skip. */
export const COMMENTS = ['/**/', '/* c */', '// c\n', '#c\n'] as const;

/** Bytes before the document: a byte-order mark, whitespace JSON allows and some it does not. */
export const LEADING_BYTES: readonly (readonly number[])[] = [
  [0xef, 0xbb, 0xbf],
  [0x20],
  [0x0a, 0x09],
  [0x0c],
  [0xc2, 0xa0],
];

/** Path segments: signs, leading zeros, encoded slashes and dots, overflow, very long. */
export const PATH_SEGMENTS = [
  '+1',
  '01',
  '-1',
  '0',
  '1.0',
  '1e3',
  '%31',
  '%2F',
  '..',
  '.',
  '%2E%2E',
  '%20',
  '%00',
  '0x1',
  '9223372036854775808',
  '18446744073709551616',
  'a'.repeat(2048),
] as const;

/** Query values: empty, signs, leading zeros, fractions, words, overflow, long. */
export const QUERY_VALUES = [
  '',
  '+1',
  '01',
  '-1',
  '0',
  '1.5',
  '1e3',
  ' 1',
  'true',
  'abc',
  'null',
  '18446744073709551616',
  'a'.repeat(1000),
] as const;

/** Content types near `application/json`, and a few far from it. */
export const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;charset=latin1',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/json',
] as const;

/** Names of fields nobody declared. */
export const EXTRA_KEYS = ['extra', '', 'id', '__proto__', 'constructor', '$type'] as const;

/** Query keys commonly taken, tried on endpoints whose seeds use none. */
export const COMMON_QUERY_KEYS = ['limit', 'page', 'id', 'q', 'sort'] as const;
