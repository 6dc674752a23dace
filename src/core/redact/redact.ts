/**
 * Keeps secrets out of every output. Header values of sensitive names are
 * replaced, and any value that came from `${env:NAME}` is replaced by that
 * placeholder wherever it appears (bodies, paths, query strings, repro
 * commands, explanations), in every form it takes on the wire (`forms.ts`:
 * any case, URL-encoded, JSON-escaped, HTML entities, hex, base64). Secrets of any length are replaced; the
 * caller warns about very short ones (`shortSecrets`).
 */
import { isExactNumber } from '../wire/exact-number.js';
import { needleScan, secretNeedles } from './forms.js';

/** Always redacted, whatever the configuration says. */
export const ALWAYS_REDACTED = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
] as const;

export const REDACTED = '[redacted]';

export interface Redactor {
  /** True when the header's value must never be shown. */
  isSecretHeader(name: string): boolean;
  header(name: string, value: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /** Replaces known secret values inside any string. */
  text(text: string): string;
  /** Deeply replaces known secret values inside strings of a JSON value. */
  value(value: unknown): unknown;
  /** `value` for a structure parity built: the same shape back, with its strings redacted. */
  same<T>(value: T): T;
}

export interface RedactorInput {
  /** Extra header names to redact (any case). */
  readonly headerNames: readonly string[];
  /** Secret values with the placeholder to show instead, e.g. `${env:TOKEN}`. */
  readonly secrets: ReadonlyMap<string, string>;
}

export function createRedactor(input: RedactorInput): Redactor {
  const names = new Set([...ALWAYS_REDACTED, ...input.headerNames.map((n) => n.toLowerCase())]);
  // Every form of every secret, longest first, so a form holding another is replaced whole.
  const secrets = secretNeedles(input.secrets);
  const text = needleScan(secrets);
  const value = (input: unknown): unknown => mapStrings(input, text);
  const isSecretHeader = (name: string) => names.has(name.toLowerCase());
  const header = (name: string, v: string) => (isSecretHeader(name) ? REDACTED : text(v));
  return {
    isSecretHeader,
    header,
    headers: (headers) =>
      // A server may echo a secret as a header name (`x-<secret>`): names are redacted too.
      Object.fromEntries(Object.entries(headers).map(([name, v]) => [text(name), header(name, v)])),
    text,
    value: secrets.length === 0 ? (v) => v : value,
    // Only strings change (keys included), never the shape: the type holds.
    same: <T>(v: T): T => (secrets.length === 0 ? v : (value(v) as T)),
  };
}

/** `input` with every string in it, object keys included, replaced by `text(string)`. */
export function mapStrings(input: unknown, text: (value: string) => string): unknown {
  if (typeof input === 'string') return text(input);
  if (Array.isArray(input)) return input.map((item) => mapStrings(item, text));
  // Exact numbers (class instances) hold no secrets and must keep their class.
  if (input !== null && typeof input === 'object' && !isExactNumber(input)) {
    // Keys are server text too: a secret echoed as a key is replaced like any other.
    return Object.fromEntries(
      Object.entries(input).map(([k, v]) => [text(k), mapStrings(v, text)]),
    );
  }
  return input;
}
