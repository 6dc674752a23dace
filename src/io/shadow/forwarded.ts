/**
 * What a gateway says about the request it mirrored: the client's address,
 * the host it asked for and the URI it sent, in headers the gateway sets
 * (nginx: `proxy_set_header X-Original-URI $request_uri;`). Which headers is
 * configurable; they are the gateway's words, not the client's, so they are
 * removed before the request is sent on.
 */
import type { Pairs } from '../../contract/model/case.js';

export interface ForwardedNames {
  /** Holds the client's address (the first of a comma-separated list). */
  readonly client: string;
  /** Holds the host the client asked for. */
  readonly host: string;
  /** Holds the URI the client sent (path and query), when the mirror's own differs. */
  readonly uri: string;
}

export const DEFAULT_FORWARDED: ForwardedNames = {
  client: 'x-forwarded-for',
  host: 'x-forwarded-host',
  uri: 'x-original-uri',
};

/** What the forwarded headers say, and the headers without them. */
export interface Forwarded {
  readonly client: string | undefined;
  readonly host: string | undefined;
  readonly uri: string | undefined;
  readonly headers: Pairs;
}

const headerValue = (headers: Pairs, name: string): string | undefined =>
  headers.find(([n]) => n === name)?.[1];

/** Reads `names` from `headers` (lower-case names) and removes them. */
export function readForwarded(headers: Pairs, names: ForwardedNames): Forwarded {
  const client = headerValue(headers, names.client)?.split(',')[0]?.trim();
  const host = headerValue(headers, names.host)?.trim();
  const uri = headerValue(headers, names.uri)?.trim();
  const own = new Set([names.client, names.host, names.uri]);
  return {
    client: client === '' ? undefined : client,
    host: host === '' ? undefined : host,
    // Only a request target in origin form: a gateway's header never sends parity elsewhere.
    uri: uri?.startsWith('/') === true ? uri : undefined,
    headers: headers.filter(([name]) => !own.has(name)),
  };
}
