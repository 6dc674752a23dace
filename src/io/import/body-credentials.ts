/**
 * Credential fields taken out of an imported request body: a form body's
 * (`user=u&password=…`, as `curl -d` sends it) and a JSON body's, at any
 * depth (`{"client": {"client_secret": …}}`). The names are those
 * `core/redact/credential-names.ts` recognises; a field whose value is a flow
 * variable (`{{token}}`, captured from an earlier answer) is kept, since it
 * holds no credential. The other fields keep their bytes. Pure.
 */
import { isCredentialName } from '../../core/redact/credential-names.js';
import { CASE_BODY_DEPTH, jsonTooDeep } from '../../util/depth.js';
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

/** What was dropped: the fields' names, and their values (to scrub from the rest). */
interface Dropped {
  readonly names: Set<string>;
  readonly values: Set<string>;
}

/**
 * `value` without its credential members, noted in `dropped`, down to a case
 * body's depth (deeper, a body stays text: `body.ts`).
 */
function jsonWithout(value: unknown, dropped: Dropped, depth = 0): unknown {
  if (depth > CASE_BODY_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => jsonWithout(item, dropped, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isCredentialName(key) && !templated(item)) {
      dropped.names.add(key);
      if (typeof item === 'string' || typeof item === 'number') dropped.values.add(String(item));
      continue;
    }
    out[key] = jsonWithout(item, dropped, depth + 1);
  }
  return out;
}

/** A form field's value, decoded as a server decodes it. */
function fieldValue(pair: string): string {
  const eq = pair.indexOf('=');
  const raw = eq === -1 ? '' : pair.slice(eq + 1).replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function formWithout(text: string, dropped: Dropped): string {
  const kept = text.split('&').filter((pair) => {
    const name = fieldName(pair);
    if (!isCredentialName(name) || templated(pair)) return true;
    dropped.names.add(name);
    dropped.values.add(fieldValue(pair));
    return false;
  });
  return kept.join('&');
}

/** `body` without its credential fields, with the names and values of those it dropped. */
export function withoutCredentials(
  body: CaseBodyModel,
  contentType: string | undefined,
): { body: CaseBodyModel; dropped: string[]; values: string[] } {
  const dropped: Dropped = { names: new Set(), values: new Set() };
  const unchanged = { body, dropped: [], values: [] };
  const changed = (next: CaseBodyModel) =>
    dropped.names.size === 0
      ? unchanged
      : { body: next, dropped: [...dropped.names], values: [...dropped.values] };
  if (body === undefined || 'base64' in body) return unchanged;
  if ('json' in body) return changed({ json: jsonWithout(body.json, dropped) });
  if (isJsonType(contentType)) {
    // JSON kept as text (its bytes would change as a value): a credential makes it a value;
    // one deeper than a case body nests stays text.
    if (jsonTooDeep(body.text, CASE_BODY_DEPTH) !== undefined) return unchanged;
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch {
      return unchanged;
    }
    return changed({ json: jsonWithout(value, dropped) });
  }
  // A form body: declared, or sent without a type (curl's `-d` declares it).
  if (!isForm(contentType) && !(contentType === undefined && /^[^\s=&]+=/.test(body.text))) {
    return unchanged;
  }
  return changed({ text: formWithout(body.text, dropped) });
}
