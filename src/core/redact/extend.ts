/**
 * A redactor with more secret values: those a flow captured into variables
 * marked secret (a token from a login answer, a session from `set-cookie`),
 * shown as their placeholder (`{{token}}`) wherever they appear, in every
 * form `forms.ts` knows (URL-encoded, JSON-escaped, base64), whatever their
 * length.
 */
import { needleScan, secretNeedles } from './forms.js';
import { mapStrings, type Redactor } from './redact.js';

/** `base`, also replacing each key of `secrets` (in every form) by its value. */
export function withSecrets(base: Redactor, secrets: ReadonlyMap<string, string>): Redactor {
  const list = secretNeedles(secrets);
  if (list.length === 0) return base;
  const scan = needleScan(list);
  const text = (input: string): string => base.text(scan(input));
  const value = (input: unknown): unknown => mapStrings(input, text);
  const header = (name: string, v: string) =>
    base.isSecretHeader(name) ? base.header(name, v) : text(v);
  return {
    isSecretHeader: base.isSecretHeader,
    header,
    headers: (headers) =>
      // A server may echo a secret as a header name (`x-<secret>`): names are redacted too.
      Object.fromEntries(Object.entries(headers).map(([name, v]) => [text(name), header(name, v)])),
    text,
    value,
    // Only strings change, never the shape: the type holds.
    same: <T>(v: T): T => value(v) as T,
  };
}
