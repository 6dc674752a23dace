/**
 * Lossless JSON parsing. Pure.
 *
 * The fast path is `JSON.parse`: it is exact for every number literal with at
 * most 15 significant digits and an exponent below 100. Only a text that may
 * hold a longer literal (16 digit-or-dot characters in a row, outside strings)
 * or a large exponent (`scanJson` or `hasLongNumbers` tells) is parsed again by `lossless-json`,
 * whose number parser keeps what a double cannot hold as an `ExactNumber`.
 */
import { parse as parseLossless } from 'lossless-json';
import { parseNumberLiteral } from './exact-number.js';
import { hasLongNumbers } from './json-scan.js';

/** The outcome of parsing a JSON text. */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Parse JSON like `JSON.parse` (same grammar; on duplicate keys the last wins)
 * but keep every number's exact value (see `parseNumberLiteral`). `scanned`:
 * what `scanJson` found in the text, when the caller scanned it already
 * (decoding a body checks its node budget in the same pass).
 */
export function parseJsonExact(text: string, scanned?: { longNumbers: boolean }): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: message(error) };
  }
  const longNumbers = scanned?.longNumbers ?? hasLongNumbers(text);
  if (!longNumbers) return { ok: true, value };
  try {
    return {
      ok: true,
      value: parseLossless(text, null, {
        parseNumber: parseNumberLiteral,
        onDuplicateKey: ({ newValue }) => newValue,
      }),
    };
  } catch {
    // JSON.parse accepted it, so this is a grammar corner where the two parsers
    // disagree: keep JSON.parse's (rounded) reading rather than call it invalid.
    return { ok: true, value };
  }
}
