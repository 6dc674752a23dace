/**
 * A Postman Collection v2.1 → imported requests: folders become files,
 * `{{variables}}` take the collection's values (or `--var NAME=VALUE`),
 * disabled headers and parameters are left out, raw / urlencoded / formdata /
 * graphql bodies become text, and auth is noted (credentials belong in the
 * config's target headers). Pure.
 */
import { parseJsonInput } from './input.js';
import {
  collectionSchema,
  type KeyValue,
  type PostmanBody,
  type PostmanItem,
  type PostmanRequest,
  type PostmanUrl,
} from './postman-schema.js';
import type { ImportedBody, ImportedRequest, ImportedSource } from './types.js';

type Vars = ReadonlyMap<string, string>;

function valueText(value: KeyValue['value']): string {
  return value === null || value === undefined ? '' : String(value);
}

/** `{{name}}` → its value; unknown names stay as written (and are noted). */
function substitute(text: string, vars: Vars, unknown: Set<string>): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => {
    const value = vars.get(name);
    if (value === undefined) unknown.add(name);
    return value ?? whole;
  });
}

const enabled = (list: readonly KeyValue[] | undefined) =>
  (list ?? []).filter((kv) => kv.disabled !== true);

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
    .map((q) => `${q.key}=${valueText(q.value)}`)
    .join('&');
  const port = url.port === undefined ? '' : `:${url.port}`;
  return `${url.protocol ?? 'http'}://${host}${port}/${segments.join('/')}${query === '' ? '' : `?${query}`}`;
}

/** `:id` path variables of the URL object, by name. */
function pathVariables(url: PostmanUrl | string | undefined): Map<string, string> {
  if (url === undefined || typeof url === 'string') return new Map();
  return new Map(enabled(url.variable).map((v) => [v.key, valueText(v.value)]));
}

function form(list: readonly KeyValue[]): string {
  return new URLSearchParams(enabled(list).map((kv) => [kv.key, valueText(kv.value)])).toString();
}

const BOUNDARY = '----parity-form-boundary';

function bodyOf(
  body: PostmanBody | null | undefined,
  sub: (t: string) => string,
): { body: ImportedBody; type?: string } {
  if (body === null || body === undefined || body.disabled === true)
    return { body: { kind: 'none' } };
  switch (body.mode) {
    case 'raw': {
      const text = sub(body.raw ?? '');
      const json = body.options?.raw?.language === 'json';
      return {
        body: text === '' ? { kind: 'none' } : { kind: 'text', text },
        ...(json ? { type: 'application/json' } : {}),
      };
    }
    case 'urlencoded':
      return {
        body: { kind: 'text', text: sub(form(body.urlencoded ?? [])) },
        type: 'application/x-www-form-urlencoded',
      };
    case 'formdata': {
      const fields = enabled(body.formdata);
      if (fields.some((f) => f.type === 'file')) return { body: { kind: 'binary', size: 0 } };
      const parts = fields.map(
        (f) =>
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.key}"\r\n\r\n${sub(valueText(f.value))}\r\n`,
      );
      return {
        body: { kind: 'text', text: `${parts.join('')}--${BOUNDARY}--\r\n` },
        type: `multipart/form-data; boundary=${BOUNDARY}`,
      };
    }
    case 'graphql': {
      const query = sub(body.graphql?.query ?? '');
      const variables = body.graphql?.variables;
      return {
        body: { kind: 'json', value: { query, ...(variables === undefined ? {} : { variables }) } },
        type: 'application/json',
      };
    }
    case 'file':
      return { body: { kind: 'binary', size: 0 } };
    default:
      return { body: { kind: 'none' } };
  }
}

function descriptionOf(item: PostmanItem): string | undefined {
  const text = typeof item.description === 'string' ? item.description : item.description?.content;
  return text?.split('\n', 1)[0]?.trim() || undefined;
}

interface Walk {
  readonly vars: Vars;
  readonly folder: readonly string[];
  readonly auth: string | undefined;
  readonly requests: ImportedRequest[];
  readonly notes: string[];
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
    url.search = new URLSearchParams(
      enabled(request.url.query).map((q) => [sub(q.key), sub(valueText(q.value))]),
    ).toString();
  }
  const headers =
    typeof request.header === 'string'
      ? []
      : enabled(request.header).map((h) => [h.key, sub(valueText(h.value))] as const);
  const { body, type } = bodyOf(typeof raw === 'string' ? undefined : raw.body, sub);
  const hasType = headers.some(([n]) => n.toLowerCase() === 'content-type');
  const auth =
    (typeof raw === 'string' ? undefined : raw.auth?.type) ?? item.auth?.type ?? walk.auth;
  if (auth !== undefined && auth !== 'noauth') {
    walk.notes.push(
      `${source} uses ${auth} auth: set the credentials per target in parity.config.yaml (targets.<name>.headers)`,
    );
  }
  if (unknown.size > 0)
    walk.notes.push(
      `${source}: unknown variables left as written: ${[...unknown].map((n) => `{{${n}}}`).join(', ')} (pass --var NAME=VALUE)`,
    );
  return {
    method: (typeof raw === 'string' ? 'GET' : (raw.method ?? 'GET')).toUpperCase(),
    origin: url.origin,
    path: url.pathname,
    query: [...url.searchParams],
    headers: type === undefined || hasType ? headers : [...headers, ['Content-Type', type]],
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
      const auth = item.auth?.type ?? walk.auth;
      visit(
        item.item,
        { ...walk, folder: [...walk.folder, item.name ?? 'folder'], auth },
        collection,
      );
      continue;
    }
    if (item.request === undefined) continue;
    const request = toRequest(item, item.request, walk);
    if (request !== undefined)
      walk.requests.push({ ...request, group: request.group ?? collection });
  }
}

/** The requests of a Postman collection's text; `overrides` are `--var` values (they win). */
export function importPostman(
  text: string,
  file: string,
  overrides: ReadonlyMap<string, string>,
): ImportedSource {
  const collection = parseJsonInput(text, file, collectionSchema, 'Postman collection (v2.1)');
  const vars = new Map(enabled(collection.variable).map((v) => [v.key, valueText(v.value)]));
  for (const [name, value] of overrides) vars.set(name, value);
  const walk: Walk = { vars, folder: [], auth: collection.auth?.type, requests: [], notes: [] };
  visit(collection.item, walk, collection.info.name);
  const notes = [...new Set(walk.notes)];
  return { requests: walk.requests, notes };
}
