/**
 * An imported request's query as its case writes it: a readable `query:` map
 * when sending that map gives back the bytes the source sent, else the query
 * string as sent, in the path (a case sends a query written in its path as
 * written: `q=a%20b` stays `%20`, `?flag` stays without `=`, `a,b` keeps its
 * comma). Parameters named like credentials are dropped, as headers are. Pure.
 */

import type { Pairs } from '../../contract/model/case.js';
import { isCredentialName } from '../../core/redact/credential-names.js';
import { encodeQuery } from '../../core/request/plan.js';
import { queryPairs } from '../cases/resolve-request.js';
import type { ImportedRequest } from './types.js';

export interface CaseQuery {
  /** `?…` to append to the path, or `''`. */
  readonly inPath: string;
  /** The `query:` map, when the query is written as one. */
  readonly map: Record<string, string | string[]> | undefined;
  /** Names of the parameters dropped as credentials. */
  readonly dropped: readonly string[];
}

/**
 * Query pairs as a case's `query` map, or undefined when a map would change
 * their order (a repeated key interleaved with others).
 */
function queryMap(query: Pairs): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  let last: string | undefined;
  for (const [name, value] of query) {
    const before = out[name];
    if (before !== undefined && last !== name) return undefined;
    out[name] =
      before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
    last = name;
  }
  return out;
}

/** The decoded name of one `name=value` piece of a query string. */
function nameOf(piece: string): string {
  return [...new URLSearchParams(piece)][0]?.[0] ?? '';
}

/** The pieces of a raw query string whose names are not credentials, as written. */
function rawWithout(raw: string, drop: (name: string) => boolean): string {
  return raw
    .split('&')
    .filter((piece) => piece === '' || !drop(nameOf(piece)))
    .join('&');
}

/** How `request`'s query is written in its case (see the module comment). */
export function caseQuery(request: ImportedRequest): CaseQuery {
  const drop = (name: string) => isCredentialName(name);
  const dropped = [...new Set(request.query.map(([name]) => name).filter(drop))];
  const pairs = request.query.filter(([name]) => !drop(name));
  const map = queryMap(pairs);
  const raw = request.rawQuery === undefined ? undefined : rawWithout(request.rawQuery, drop);
  if (raw === undefined) {
    // No bytes to keep (an OpenAPI example): a map, or the pairs encoded in order.
    if (map !== undefined) return { inPath: '', map, dropped };
    return { inPath: encodeQuery(pairs), map: undefined, dropped };
  }
  if (raw.replaceAll('&', '') === '') return { inPath: '', map: undefined, dropped };
  // The map is sent as its entries come (integer-like keys first): compare those bytes.
  const sent = map === undefined ? undefined : encodeQuery(queryPairs(map, [], (text) => text));
  if (map !== undefined && sent === `?${raw}`) return { inPath: '', map, dropped };
  return { inPath: `?${raw}`, map: undefined, dropped };
}

/**
 * For the dropped-credentials note (`secrets` holds `query NAME` for each
 * dropped parameter): a query credential has no per-target setting, so it
 * goes back into the case as an `${env:…}` reference (its value is never
 * shown in a report).
 */
export function queryCredentialHint(secrets: ReadonlySet<string>): string {
  const query = [...secrets].find((name) => name.startsWith('query '));
  if (query === undefined) return '';
  const name = query.slice('query '.length);
  return `; a query credential can be written back as a reference, e.g. query: { ${name}: "\${env:${envName(name)}}" }`;
}

/** `api_key` → `API_KEY`, `accessToken` → `ACCESS_TOKEN`. */
function envName(name: string): string {
  return (
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase() || 'SECRET'
  ).replace(/^(\d)/, '_$1');
}
