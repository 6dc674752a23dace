/**
 * Headers that belong to one connection (`core/request/connection-headers.ts`),
 * never forwarded: each hop sets its own. `host` is the target's own, the
 * framing (`content-length`, `transfer-encoding`) is the sender's, and
 * `expect: 100-continue` was this hop's (node:http answered it; the body is
 * sent on as it comes, or whole in a copy: undici refuses the header).
 */
import type { Pairs } from '../../contract/model/case.js';
import { isConnectionHeader } from '../../core/request/connection-headers.js';

/** The names a `connection` header lists: hop-by-hop for this message too. */
export function connectionListed(headers: Pairs): ReadonlySet<string> {
  const listed = new Set<string>();
  for (const [name, value] of headers) {
    if (name !== 'connection') continue;
    for (const token of value.split(',')) listed.add(token.trim().toLowerCase());
  }
  return listed;
}

/** `rawHeaders` (name, value, name, value, …) as pairs with lower-case names. */
export function pairsOfRaw(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    pairs.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? '']);
  }
  return pairs;
}

/** The end-to-end headers of a request: hop-by-hop ones, and the names `connection` lists, removed. */
export function endToEnd(headers: Pairs): Pairs {
  const listed = connectionListed(headers);
  return headers.filter(([name]) => !isConnectionHeader(name) && !listed.has(name));
}
