/**
 * Which request headers an imported case keeps. Connection-level (hop-by-hop)
 * headers and those the client sets itself are dropped; so is what browsers
 * add about themselves. Credentials are dropped too (`credentials.ts` says
 * which names hold one): a case file is shared and committed, and parity
 * sends each target's credentials from the config (`targets.<name>.headers`),
 * so they never sit in a case. Pure.
 */
import type { Pairs } from '../../contract/model/case.js';
import { isCredentialName } from '../../core/redact/credential-names.js';
import { ALWAYS_REDACTED } from '../../core/redact/redact.js';
import { isConnectionHeader } from '../../core/request/connection-headers.js';

/** What browsers say about themselves; it changes with every browser release. */
const BROWSER = new Set([
  'user-agent',
  'accept-language',
  'referer',
  'dnt',
  'priority',
  'upgrade-insecure-requests',
  'purpose',
  'sec-purpose',
  'x-client-data',
]);

/** What every report redacts is a credential here too, whatever the name patterns say. */
const REDACTED = new Set<string>(ALWAYS_REDACTED);

/** Credentials: never written into a case file (docs/import.md). */
const isSecret = (name: string): boolean =>
  REDACTED.has(name.toLowerCase()) || isCredentialName(name);

export type HeaderFate = 'keep' | 'transport' | 'browser' | 'secret';

/** What happens to a header of this name (`accept-encoding`: undici negotiates the encoding itself). */
export function headerFate(name: string): HeaderFate {
  const lower = name.toLowerCase();
  if (lower.startsWith(':') || isConnectionHeader(lower) || lower === 'accept-encoding')
    return 'transport';
  if (isSecret(name)) return 'secret';
  if (BROWSER.has(lower) || lower.startsWith('sec-ch-') || lower.startsWith('sec-fetch-')) {
    return 'browser';
  }
  return 'keep';
}

/**
 * The kept headers, lower-cased, in order; repeated names joined with `, `.
 * `written`: a person wrote them (a Postman item), so what a browser would
 * add about itself (`User-Agent`, `Referer`) is what they chose to send: kept.
 */
export function keptHeaders(headers: Pairs, written = false): Pairs {
  const kept = new Map<string, string>();
  for (const [name, value] of headers) {
    const fate = headerFate(name);
    if (fate !== 'keep' && !(written && fate === 'browser')) continue;
    const lower = name.toLowerCase();
    const before = kept.get(lower);
    kept.set(lower, before === undefined ? value : `${before}, ${value}`);
  }
  return [...kept];
}

/** The names of the headers dropped as credentials (lower case, sorted). */
export function droppedSecrets(headers: Pairs): string[] {
  const names = headers.filter(([name]) => isSecret(name)).map(([name]) => name.toLowerCase());
  return [...new Set(names)].sort();
}

/** The `content-type` of a header list, if any. */
export function contentTypeOf(headers: Pairs): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}
