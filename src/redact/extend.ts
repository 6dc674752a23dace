/**
 * A redactor with more secret values: those a flow captured into variables
 * marked secret (a token from a login answer, a session from `set-cookie`),
 * shown as their placeholder (`{{token}}`) wherever they appear.
 */
import { mapStrings, type Redactor } from './redact.js';

/** `base`, also replacing each key of `secrets` by its value (longest first). */
export function withSecrets(base: Redactor, secrets: ReadonlyMap<string, string>): Redactor {
  // Short values would mangle unrelated text, as in `createRedactor`.
  const list = [...secrets]
    .filter(([secret]) => secret.length >= 4)
    .sort((a, b) => b[0].length - a[0].length);
  if (list.length === 0) return base;
  const text = (input: string): string => {
    let out = input;
    for (const [secret, placeholder] of list) {
      if (out.includes(secret)) out = out.split(secret).join(placeholder);
    }
    return base.text(out);
  };
  const value = (input: unknown): unknown => mapStrings(input, text);
  const header = (name: string, v: string) =>
    base.isSecretHeader(name) ? base.header(name, v) : text(v);
  return {
    isSecretHeader: base.isSecretHeader,
    header,
    headers: (headers) =>
      Object.fromEntries(Object.entries(headers).map(([name, v]) => [name, header(name, v)])),
    text,
    value,
  };
}
