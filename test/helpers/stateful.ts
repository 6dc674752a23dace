/**
 * A stateful items API on a real node:http server (127.0.0.1, port 0) for
 * flow and serial tests. Each instance assigns its own ids (from `firstId`)
 * and its own ETags (salted per instance), like two runtimes with their own
 * databases. `POST /items` creates, `GET /items/:id` reads (304 on a
 * matching `If-None-Match`), `PUT /items/:id` updates (412 on a stale
 * `If-Match`), `DELETE /items/:id` deletes, `GET /items` lists, `GET
 * /counter` reads a counter that `POST /counter` increments.
 */
import { json, startServer, type TestServer } from './http.js';

export interface StatefulOptions {
  /** The first id this instance assigns. */
  readonly firstId: number;
  /** Salt of this instance's ETags. */
  readonly salt: string;
  /** Ids as strings (`it_1001`) instead of numbers. */
  readonly stringIds?: boolean;
  /** A field every item carries, to make one instance differ for real. */
  readonly colour?: string;
  /** Requests with this method get their connection destroyed (a transport failure). */
  readonly dropMethod?: string;
  /** `POST /counter` waits this long before it counts (so overlapping reads see the old count). */
  readonly bumpDelayMs?: number;
}

interface Item {
  readonly id: number | string;
  name: string;
  version: number;
}

export async function startStateful(options: StatefulOptions): Promise<TestServer> {
  const items = new Map<string, Item>();
  let next = options.firstId;
  let counter = 0;
  const etag = (item: Item) => `"${options.salt}-${item.id}-${item.version}"`;
  const show = (item: Item) => ({
    id: item.id,
    name: item.name,
    version: item.version,
    href: `/items/${item.id}`,
    colour: options.colour ?? 'blue',
  });
  return startServer((req, res, body) => {
    if (req.method === options.dropMethod) return void res.socket?.destroy();
    const url = new URL(req.url ?? '/', 'http://x');
    const [, resource, key] = url.pathname.split('/');
    if (resource === 'counter') {
      if (req.method !== 'POST') return json(res, 200, { count: counter });
      if (options.bumpDelayMs === undefined) {
        counter++;
        return json(res, 200, { count: counter });
      }
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          counter++;
          json(res, 200, { count: counter });
          resolve();
        }, options.bumpDelayMs),
      );
    }
    if (resource !== 'items') return json(res, 404, { error: 'no route' });
    if (key === undefined || key === '') {
      if (req.method === 'POST') {
        const id = options.stringIds === true ? `it_${next++}` : next++;
        const item: Item = { id, name: String(JSON.parse(body || '{}').name ?? ''), version: 1 };
        items.set(String(id), item);
        return json(res, 201, show(item), { etag: etag(item), location: `/items/${id}` });
      }
      return json(res, 200, { items: [...items.values()].map(show) });
    }
    const item = items.get(key);
    if (item === undefined) return json(res, 404, { error: `item ${key} not found` });
    switch (req.method) {
      case 'GET':
        if (req.headers['if-none-match'] === etag(item)) {
          res.writeHead(304, { etag: etag(item) });
          res.end();
          return;
        }
        return json(res, 200, show(item), { etag: etag(item) });
      case 'PUT':
        if (req.headers['if-match'] !== undefined && req.headers['if-match'] !== etag(item)) {
          return json(res, 412, { error: 'stale etag' });
        }
        item.name = String(JSON.parse(body || '{}').name ?? item.name);
        item.version++;
        return json(res, 200, show(item), { etag: etag(item) });
      case 'DELETE':
        items.delete(key);
        res.writeHead(204);
        res.end();
        return;
      default:
        return json(res, 405, { error: 'method not allowed' });
    }
  });
}

/** A create → read → conditional GET → delete → read flow against `/items`, with the opt-in. */
export const LIFECYCLE = `suite: items
sideEffects: true
defaults:
  rules: { headers: [etag, location] }
cases:
  - id: lifecycle
    description: create, read, conditional read, delete, read again
    steps:
      - id: create
        request: { method: POST, path: /items, json: { name: pen } }
        capture:
          id: { json: /id }
          etag: { header: ETag }
        expect: { status: 201 }
      - id: read
        request: { method: GET, path: "/items/{{id}}" }
        expect: { status: 200 }
      - id: not-modified
        request:
          method: GET
          path: "/items/{{id}}"
          headers: { if-none-match: "{{etag}}" }
        expect: { status: 304 }
      - id: delete
        request: { method: DELETE, path: "/items/{{id}}" }
        expect: { status: 204 }
      - id: gone
        request: { method: GET, path: "/items/{{id}}" }
        expect: { status: 404 }
`;
