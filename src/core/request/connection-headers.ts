/**
 * Headers that belong to one connection, not to the request a case or a
 * copy carries: the hop-by-hop ones (RFC 9110 section 7.6.1, and the
 * obsolete `keep-alive` and `proxy-connection`), and those the HTTP client
 * writes itself from the request (the target's `host`, the body's framing,
 * `expect`). The importers drop them, the shadow proxy never forwards them,
 * and a case may not set the ones undici refuses (`request-syntax.ts`).
 */

/** Hop-by-hop: each hop sets its own. */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Written by the HTTP client from the request: where it goes and how its body is framed. */
export const CLIENT_WRITTEN: ReadonlySet<string> = new Set(['host', 'content-length', 'expect']);

/** A header of the connection (lower-case `name`): hop-by-hop or written by the client. */
export function isConnectionHeader(name: string): boolean {
  return HOP_BY_HOP.has(name) || CLIENT_WRITTEN.has(name);
}
