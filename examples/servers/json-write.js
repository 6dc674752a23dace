/**
 * JSON encoders for the two wire styles. Objects are written in insertion
 * order, which the servers use to model struct declaration order (both serde
 * and encoding/json write fields in the order the struct declares them).
 *
 * - serde_json::to_vec: compact, no escaping beyond JSON's, no trailing newline;
 *   a member whose value is `undefined` is skipped (`skip_serializing_if`).
 * - Go's json.Encoder: compact, `<`, `>`, `&`, U+2028 and U+2029 escaped
 *   (SetEscapeHTML is on by default), invalid UTF-16 replaced by U+FFFD, and a
 *   trailing `\n` after every value.
 *
 * A `bigint` is written as its exact digits, as both runtimes write a u64.
 */

/**
 * Compact JSON as serde_json writes it.
 * @param {unknown} value
 * @returns {string}
 */
export function serdeJson(value) {
  return encode(value);
}

/**
 * JSON as Go's `json.NewEncoder(w).Encode(v)` writes it, trailing newline included.
 * @param {unknown} value
 * @returns {string}
 */
export function goJson(value) {
  // These characters can only occur inside string literals, so a global replace is safe.
  const escaped = encode(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
    .replace(/\\ud[89a-f][0-9a-f]{2}/g, '\\ufffd');
  return `${escaped}\n`;
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function encode(value) {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `${JSON.stringify(key)}:${encode(member)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
