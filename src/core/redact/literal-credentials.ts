/**
 * Credentials written as they are in a case file (`authorization: "Bearer
 * abc…"`, `query: { api_key: … }`) rather than through `${env:…}`: the values
 * of the headers and query parameters that hold a credential (the names
 * always redacted, a `redactHeaders` rule's, and any name
 * `credential-names.ts` recognises). They are secrets like any other: a
 * server that echoes one (as a JSON key, say) has it replaced by
 * `[redacted]` in every form. Collected while the library is checked, so
 * their forms are worked out once per run, not per exchange. Pure.
 */
import type { Pairs } from '../../contract/model/case.js';
import { isCredentialName } from './credential-names.js';
import { SHORT_SECRET } from './forms.js';
import { ALWAYS_REDACTED, REDACTED } from './redact.js';

/**
 * Distinct literal credentials a run redacts at most: each adds its forms to
 * the scan of every text, so a library of a distinct token per case would
 * slow every exchange. Past this many the run says so (`literalSecrets`).
 */
export const MAX_LITERAL_SECRETS = 64;

/** Values collected at most (a library of a token per case keeps no more than these). */
const COLLECTED = 4 * MAX_LITERAL_SECRETS;

const ALWAYS: ReadonlySet<string> = new Set(ALWAYS_REDACTED);

/** Names seen, whether each holds a credential: a library repeats a few names many times. */
const headerNames = new Map<string, boolean>();
const queryNames = new Map<string, boolean>();

function cached(cache: Map<string, boolean>, name: string, test: (name: string) => boolean) {
  let known = cache.get(name);
  if (known === undefined) {
    known = test(name);
    if (cache.size < 10_000) cache.set(name, known);
  }
  return known;
}

const headerHolds = (name: string) => ALWAYS.has(name.toLowerCase()) || isCredentialName(name);

function holdsCredential(name: string, redactHeaders: readonly string[]): boolean {
  if (cached(headerNames, name, headerHolds)) return true;
  return (
    redactHeaders.length > 0 && redactHeaders.some((n) => n.toLowerCase() === name.toLowerCase())
  );
}

/** Adds to `into` the values `request` sends as credentials (see the module comment). */
export function addCredentialValues(
  request: { readonly headers: Pairs; readonly query: Pairs },
  redactHeaders: readonly string[],
  into: Set<string>,
): void {
  // Enough to tell that a library holds more than a run redacts, without keeping them all.
  if (into.size >= COLLECTED) return;
  for (const [name, value] of request.headers) {
    if (holdsCredential(name, redactHeaders)) into.add(value);
  }
  for (const [name, value] of request.query) {
    if (cached(queryNames, name, isCredentialName)) into.add(value);
  }
}

/** The secret parts of one credential value: the whole, a scheme's token, cookie values, Basic's parts. */
function partsOf(value: string): string[] {
  const parts = [value];
  const scheme = /^([A-Za-z][\w-]*) +(\S+)$/.exec(value);
  if (scheme?.[2] !== undefined) {
    parts.push(scheme[2]);
    if (scheme[1]?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0 && !decoded.includes('\uFFFD')) parts.push(decoded, decoded.slice(colon + 1));
    }
  }
  // A cookie header: `a=1; session=…`, each value.
  if (value.includes('=')) {
    for (const pair of value.split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) parts.push(pair.slice(eq + 1).trim());
    }
  }
  return parts;
}

/**
 * The literal credentials among `values` as secrets shown as `placeholder`
 * (`[redacted]`):
 * not a value holding a flow variable (`{{token}}` is resolved per run and
 * redacted by the flow) or a secret already known (`${env:…}` keeps its
 * placeholder), nor a part shorter than `SHORT_SECRET` (too many false hits
 * in unrelated text; the header's own value is still never shown). At most
 * `MAX_LITERAL_SECRETS`; `dropped` counts the others.
 */
export function literalSecrets(
  values: Iterable<string>,
  known: ReadonlyMap<string, string>,
  placeholder: string = REDACTED,
): { secrets: Map<string, string>; dropped: number } {
  const secrets = new Map<string, string>();
  // A value holding a known secret is that secret's (a very short one would match by chance).
  const knownValues = [...known.keys()].filter((k) => k.length >= SHORT_SECRET);
  let dropped = 0;
  for (const value of values) {
    if (value.includes('{{')) continue;
    if (knownValues.some((k) => value.includes(k))) continue;
    for (const part of partsOf(value)) {
      if (part.length < SHORT_SECRET || secrets.has(part) || known.has(part)) continue;
      if (secrets.size < MAX_LITERAL_SECRETS) secrets.set(part, placeholder);
      else dropped++;
    }
  }
  return { secrets, dropped };
}
