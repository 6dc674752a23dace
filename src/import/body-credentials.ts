/**
 * Credential fields taken out of an imported request body: a form body's
 * (`user=u&password=…`, as `curl -d` sends it) and a JSON body's, at any
 * depth (`{"client": {"client_secret": …}}`). The names are those
 * `redact/credential-names.ts` recognises; a field whose value is a flow
 * variable (`{{token}}`, captured from an earlier answer) is kept, since it
 * holds no credential. The other fields keep their bytes. Pure.
 */
import { isCredentialName } from '../redact/credential-names.js';
import { isJsonType } from './body.js';

/** A case body as the import writes it (`body.ts`). */
export type CaseBodyModel = { json: unknown } | { text: string } | { base64: string } | undefined;

const isForm = (contentType: string | undefined): boolean =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ===
  'application/x-www-form-urlencoded';

/** A form field's name, decoded as a server decodes it (`+` is a space). */
function fieldName(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = (eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const templated = (value: unknown) => typeof value === 'string' && value.includes('{{');

/** `value` without its credential members (any depth); their names go to `dropped`. */
function jsonWithout(value: unknown, dropped: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => jsonWithout(item, dropped));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isCredentialName(key) && !templated(item)) {
      dropped.add(key);
      continue;
    }
    out[key] = jsonWithout(item, dropped);
  }
  return out;
}

function formWithout(text: string, dropped: Set<string>): string {
  const kept = text.split('&').filter((pair) => {
    const name = fieldName(pair);
    if (!isCredentialName(name) || templated(pair)) return true;
    dropped.add(name);
    return false;
  });
  return kept.join('&');
}

/** `body` without its credential fields, and the names of those it dropped. */
export function withoutCredentials(
  body: CaseBodyModel,
  contentType: string | undefined,
): { body: CaseBodyModel; dropped: string[] } {
  const dropped = new Set<string>();
  if (body === undefined || 'base64' in body) return { body, dropped: [] };
  if ('json' in body) {
    const json = jsonWithout(body.json, dropped);
    return dropped.size === 0 ? { body, dropped: [] } : { body: { json }, dropped: [...dropped] };
  }
  if (isJsonType(contentType)) {
    // JSON kept as text (its bytes would change as a value): a credential makes it a value.
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch {
      return { body, dropped: [] };
    }
    const json = jsonWithout(value, dropped);
    return dropped.size === 0 ? { body, dropped: [] } : { body: { json }, dropped: [...dropped] };
  }
  // A form body: declared, or sent without a type (curl's `-d` declares it).
  if (!isForm(contentType) && !(contentType === undefined && /^[^\s=&]+=/.test(body.text))) {
    return { body, dropped: [] };
  }
  const text = formWithout(body.text, dropped);
  return dropped.size === 0 ? { body, dropped: [] } : { body: { text }, dropped: [...dropped] };
}
