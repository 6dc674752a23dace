/**
 * A Postman Collection v2.1 → imported requests: folders become files,
 * `{{variables}}` take the collection's values (or `--var NAME=VALUE`),
 * disabled headers and parameters are left out, raw / urlencoded / formdata /
 * graphql bodies become text as Postman's runtime sends them (a formdata file
 * field is left out with a note), and auth is noted once per setting
 * (credentials belong in the config's target headers). Methods are
 * upper-cased, as Postman's runtime sends them. Pure.
 */
import { ParityError } from '../../util/errors.js';
import { parseJsonInput } from './input.js';
import { bodyOf, bodyPruned } from './postman-body.js';
import {
  collectionSchema,
  enabled,
  type KeyValue,
  keyText,
  keyValueText,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanRequest,
  type PostmanUrl,
} from './postman-schema.js';
import type { ImportedRequest, ImportedSource } from './types.js';

type Vars = ReadonlyMap<string, string>;

/** `{{name}}` → its value; unknown names stay as written (and are noted). */
function substitute(text: string, vars: Vars, unknown: Set<string>): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => {
    const value = vars.get(name);
    if (value === undefined) unknown.add(name);
    return value ?? whole;
  });
}

function rawUrl(url: PostmanUrl | string | undefined): string {
  if (url === undefined) return '';
  if (typeof url === 'string') return url;
  if (url.raw !== undefined) return url.raw;
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const segments =
    typeof url.path === 'string'
      ? [url.path]
      : (url.path ?? []).map((s) => (typeof s === 'string' ? s : (s.value ?? '')));
  const query = enabled(url.query)
    .map((q) => `${keyText(q)}=${keyValueText(q.value)}`)
    .join('&');
  const port = url.port === undefined ? '' : `:${url.port}`;
  return `${url.protocol ?? 'http'}://${host}${port}/${segments.join('/')}${query === '' ? '' : `?${query}`}`;
}

/** `:id` path variables of the URL object, by name. */
function pathVariables(url: PostmanUrl | string | undefined): Map<string, string> {
  if (url === undefined || typeof url === 'string') return new Map();
  return new Map(
    enabled(url.variable).flatMap((v) =>
      v.key === null ? [] : [[v.key, keyValueText(v.value)] as const],
    ),
  );
}

/**
 * The query string of enabled parameters as Postman writes it: `key=value`
 * as typed (its encoding kept), `key` alone for a parameter without a value;
 * only what would end a parameter early (`&`, `#`, `=` in a key) is escaped.
 * The URL parser then escapes what no URL holds (spaces, quotes, non-ASCII).
 */
function queryText(list: readonly KeyValue[], sub: (t: string) => string): string {
  const percent = (text: string, chars: RegExp) =>
    text.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return enabled(list)
    .map((q) => {
      const key = percent(sub(keyText(q)), /[&#=]/g);
      return q.value === null || q.value === undefined
        ? key
        : `${key}=${percent(sub(keyValueText(q.value)), /[&#]/g)}`;
    })
    .join('&');
}

function descriptionOf(item: PostmanItem): string | undefined {
  const text = typeof item.description === 'string' ? item.description : item.description?.content;
  return text?.split('\n', 1)[0]?.trim() || undefined;
}

/** An auth setting and where it is set: `the collection`, `folder "Records"`, or the item itself. */
interface Auth {
  readonly type: string;
  readonly from: string | undefined;
  /** An `apikey` auth's query parameter, when it sends the key in the query (`in: query`). */
  readonly queryKey?: string | undefined;
}

interface Walk {
  readonly vars: Vars;
  readonly folder: readonly string[];
  /** The auth items inherit here. */
  readonly auth: Auth | undefined;
  readonly requests: ImportedRequest[];
  readonly notes: string[];
  /** The items of each auth setting (one note each, however many items inherit it). */
  readonly auths: Map<string, { auth: Auth; items: string[] }>;
  /** `protocolProfileBehavior.disableBodyPruning` as inherited here. */
  readonly disableBodyPruning: boolean | undefined;
  /** Where scripts are set (`the collection`, a folder, an item), with their kinds. */
  readonly scripts: Map<string, Set<string>>;
  /** The items whose body Postman prunes (a GET's), for one note. */
  readonly pruned: string[];
}

/** The kinds of the scripts of `events` that hold code (`prerequest`, `test`). */
function scriptKinds(events: readonly PostmanEvent[] | undefined): string[] {
  return (events ?? [])
    .filter((e) => e.disabled !== true)
    .filter((e) => {
      const exec = e.script?.exec ?? '';
      return (typeof exec === 'string' ? exec : exec.join('\n')).trim() !== '';
    })
    .map((e) => e.listen ?? 'script');
}

function noteScripts(walk: Walk, where: string, events: readonly PostmanEvent[] | undefined) {
  const kinds = scriptKinds(events);
  if (kinds.length === 0) return;
  const seen = walk.scripts.get(where) ?? new Set<string>();
  for (const kind of kinds) seen.add(kind);
  walk.scripts.set(where, seen);
}

/** One note for every script: an import sends requests, it does not run their JavaScript. */
function scriptsNote(scripts: Walk['scripts']): string[] {
  if (scripts.size === 0) return [];
  const list = [...scripts].map(([where, kinds]) => `${where} (${[...kinds].join(', ')})`);
  const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? `, … (${list.length})` : '');
  return [
    `scripts are not run (an import sends the requests as written; what a script sets or checks is not done): ${shown}`,
  ];
}

/** One note for the bodies left out as Postman's runtime leaves them out. */
function prunedNote(items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const shown =
    items
      .slice(0, 5)
      .map((i) => `"${i}"`)
      .join(', ') + (items.length > 5 ? `, … (${items.length})` : '');
  return [
    `the body of ${items.length} Postman item(s) sent with GET or HEAD (or COPY, PURGE, UNLOCK) is left out, as Postman's runtime prunes it unless protocolProfileBehavior.disableBodyPruning is true: ${shown}`,
  ];
}

/** The value of `name` in an auth's key-value list (`apikey: [{ key: 'in', value: 'query' }]`). */
function authSetting(auth: unknown, type: string, name: string): string | undefined {
  const list: unknown =
    typeof auth === 'object' && auth !== null ? Reflect.get(auth, type) : undefined;
  if (!Array.isArray(list)) return undefined;
  for (const kv of list) {
    if (typeof kv !== 'object' || kv === null || Reflect.get(kv, 'key') !== name) continue;
    const value: unknown = Reflect.get(kv, 'value');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function authOf(
  auth: { readonly type: string } | null | undefined,
  from: string | undefined,
): Auth | undefined {
  if (auth === null || auth === undefined) return undefined;
  const inQuery = auth.type === 'apikey' && authSetting(auth, 'apikey', 'in') === 'query';
  const queryKey = inQuery ? (authSetting(auth, 'apikey', 'key') ?? 'key') : undefined;
  return { type: auth.type, from, ...(queryKey === undefined ? {} : { queryKey }) };
}

/** One note per auth setting: `12 Postman items use bearer auth (set on the collection)`. */
function authNotes(auths: Walk['auths']): string[] {
  return [...auths.values()].map(({ auth, items }) => {
    const who =
      items.length === 1 ? `Postman item "${items[0]}" uses` : `${items.length} Postman items use`;
    const where = auth.from === undefined ? '' : ` (set on ${auth.from})`;
    if (auth.queryKey !== undefined) {
      // Postman adds the key to the query: a header in the config cannot stand for it.
      return `${who} ${auth.type} auth in the query (parameter ${auth.queryKey})${where}, which the cases leave out: write it back into their query as a reference, e.g. query: { ${auth.queryKey}: "\${env:API_KEY}" }`;
    }
    return `${who} ${auth.type} auth${where}: set the credentials per target in parity.config.yaml (targets.<name>.headers)`;
  });
}

function toRequest(
  item: PostmanItem,
  raw: PostmanRequest,
  walk: Walk,
): ImportedRequest | undefined {
  const where = [...walk.folder, item.name ?? '(unnamed)'].join(' / ');
  const source = `Postman item "${where}"`;
  const request = typeof raw === 'string' ? { url: raw } : raw;
  const unknown = new Set<string>();
  const sub = (text: string) => substitute(text, walk.vars, unknown);
  let text = sub(rawUrl(request.url));
  for (const [name, value] of pathVariables(request.url))
    text = text.replaceAll(`:${name}`, encodeURIComponent(sub(value)));
  const host = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/, 1)[0] ?? '';
  if (host.includes('{{')) {
    // `{{baseUrl}}` that nothing defines (a script may set it): no origin to send it to.
    walk.notes.push(
      `skipped ${source}: its host is ${host}, a variable the collection does not define (a script may set it): pass --var NAME=VALUE`,
    );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    walk.notes.push(
      `skipped ${source}: "${text}" is not a URL${unknown.size > 0 ? ` (unknown variables: ${[...unknown].join(', ')}; pass --var NAME=VALUE)` : ''}`,
    );
    return undefined;
  }
  // The query list says which parameters are enabled; `raw` may still hold disabled ones.
  if (typeof request.url === 'object' && request.url.query !== undefined) {
    url.search = queryText(request.url.query, sub);
  }
  const headers =
    typeof request.header === 'string'
      ? []
      : enabled(request.header).map((h) => [keyText(h), sub(keyValueText(h.value))] as const);
  const note = (text: string) => walk.notes.push(`${source}: ${text}`);
  const method = (typeof raw === 'string' ? 'GET' : (raw.method ?? 'GET')).toUpperCase();
  const written = bodyOf(typeof raw === 'string' ? undefined : raw.body, sub, note);
  const pruning = item.protocolProfileBehavior?.disableBodyPruning ?? walk.disableBodyPruning;
  const prune = written.body.kind !== 'none' && bodyPruned(method, pruning);
  if (prune) walk.pruned.push(where);
  // Pruned: no body, and no content type for it (one the item sets itself stays).
  const { body, type } = prune ? { body: { kind: 'none' } as const, type: undefined } : written;
  noteScripts(walk, `item "${where}"`, item.event);
  const hasType = headers.some(([n]) => n.toLowerCase() === 'content-type');
  const auth =
    authOf(typeof raw === 'string' ? undefined : raw.auth, undefined) ??
    authOf(item.auth, undefined) ??
    walk.auth;
  const sends = auth !== undefined && auth.type !== 'noauth';
  if (auth !== undefined && sends) {
    const key = `${auth.type}\n${auth.from ?? where}`;
    const seen = walk.auths.get(key) ?? { auth, items: [] };
    seen.items.push(where);
    walk.auths.set(key, seen);
  }
  if (unknown.size > 0)
    walk.notes.push(
      `${source}: unknown variables left as written: ${[...unknown].map((n) => `{{${n}}}`).join(', ')} (pass --var NAME=VALUE)`,
    );
  return {
    method,
    origin: url.origin,
    path: url.pathname,
    query: [...url.searchParams],
    ...(url.search === '' ? {} : { rawQuery: url.search.slice(1) }),
    ...(url.username === '' && url.password === '' ? {} : { credentials: ['URL userinfo'] }),
    ...(sends ? { sentWith: `${auth.type} auth (${auth.from ?? `item "${where}"`})` } : {}),
    headers: type === undefined || hasType ? headers : [...headers, ['Content-Type', type]],
    headersWritten: true,
    body,
    source,
    name: item.name,
    description:
      descriptionOf(item) ??
      (typeof raw === 'string' ? undefined : descriptionOf({ description: raw.description })),
    group: walk.folder.length === 0 ? undefined : walk.folder.join('-'),
  };
}

function visit(items: readonly PostmanItem[], walk: Walk, collection: string): void {
  for (const item of items) {
    if (item.item !== undefined) {
      const folder = [...walk.folder, item.name ?? 'folder'];
      const auth = authOf(item.auth, `folder "${folder.join(' / ')}"`) ?? walk.auth;
      noteScripts(walk, `folder "${folder.join(' / ')}"`, item.event);
      const disableBodyPruning =
        item.protocolProfileBehavior?.disableBodyPruning ?? walk.disableBodyPruning;
      visit(item.item, { ...walk, folder, auth, disableBodyPruning }, collection);
      continue;
    }
    if (item.request === undefined) continue;
    const request = toRequest(item, item.request, walk);
    if (request !== undefined)
      walk.requests.push({ ...request, group: request.group ?? collection });
  }
}

/** Postman's v1 format: `requests` (and `order`, `folders`) instead of `item`. */
const V1 = /"requests"\s*:\s*\[/;

/** The collection, or a clear error for the v1 format, which an import does not read. */
function readCollection(text: string, file: string): PostmanCollection {
  try {
    return parseJsonInput(text, file, collectionSchema, 'Postman collection (v2.1)');
  } catch (error) {
    if (error instanceof ParityError && V1.test(text) && !/"item"\s*:/.test(text)) {
      throw new ParityError(
        'PARITY_INPUT_INVALID',
        `${file} is a Postman collection in the v1 format (requests, order, folders), which parity does not read`,
        {
          problems: [
            {
              file,
              line: 1,
              column: 1,
              field: 'requests',
              message:
                'a Postman collection v1: open it in Postman and export it as Collection v2.1, then import that file',
            },
          ],
        },
      );
    }
    throw error;
  }
}

/** The requests of a Postman collection's text; `overrides` are `--var` values (they win). */
export function importPostman(
  text: string,
  file: string,
  overrides: ReadonlyMap<string, string>,
): ImportedSource {
  const collection = readCollection(text, file);
  const vars = new Map(
    enabled(collection.variable).flatMap((v) =>
      v.key === null ? [] : [[v.key, keyValueText(v.value)] as const],
    ),
  );
  for (const [name, value] of overrides) vars.set(name, value);
  const walk: Walk = {
    vars,
    folder: [],
    auth: authOf(collection.auth, 'the collection'),
    requests: [],
    notes: [],
    auths: new Map(),
    disableBodyPruning: collection.protocolProfileBehavior?.disableBodyPruning,
    scripts: new Map(),
    pruned: [],
  };
  noteScripts(walk, 'the collection', collection.event);
  visit(collection.item, walk, collection.info?.name ?? collection.name ?? 'collection');
  const notes = [
    ...new Set(walk.notes),
    ...authNotes(walk.auths),
    ...prunedNote(walk.pruned),
    ...scriptsNote(walk.scripts),
  ];
  return { requests: walk.requests, notes };
}
