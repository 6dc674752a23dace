/**
 * Two servers of one small API that each issue their own tokens at login
 * (a token of one is refused by the other): `POST /login` → `{ token }`,
 * `GET /me` and `POST /items` need `Authorization: Bearer <token>`. The
 * strict one refuses an item whose `qty` is not a number (400); the lenient
 * one stores it (201). Each login also gives a user id of that server's own,
 * an item its own id and ETag; `GET /items/:id` honours `If-None-Match` (304)
 * only on the strict one. Real node:http servers on ephemeral loopback ports.
 */
import { randomBytes } from 'node:crypto';
import { json, startServer, type TestServer } from './http.js';

export interface SessionServer extends TestServer {
  /** Items stored, in order. */
  readonly items: unknown[];
}

export async function startSessionServer(strict: boolean): Promise<SessionServer> {
  const tokens = new Map<string, number>();
  const items: unknown[] = [];
  const stored = new Map<string, { etag: string; item: Record<string, unknown> }>();
  const server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/login') {
      const token = randomBytes(12).toString('hex');
      const uid = 1000 + randomBytes(2).readUInt16BE(0);
      tokens.set(token, uid);
      json(res, 200, { token, uid });
      return;
    }
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const uid = auth?.[1] === undefined ? undefined : tokens.get(auth[1]);
    if (uid === undefined) {
      json(res, 401, { error: 'unauthorised' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/me') {
      json(res, 200, { user: 'ada' });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/items') {
      let item: unknown;
      try {
        item = JSON.parse(body);
      } catch {
        json(res, 400, { error: 'not JSON' });
        return;
      }
      const fields =
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const badOwner = fields.owner !== undefined && fields.owner !== uid;
      if (
        typeof fields.name !== 'string' ||
        badOwner ||
        (strict && typeof fields.qty !== 'number')
      ) {
        json(res, 400, { error: 'invalid item' });
        return;
      }
      items.push(item);
      const id = String(randomBytes(3).readUIntBE(0, 3));
      const etag = `"${randomBytes(4).toString('hex')}"`;
      stored.set(id, { etag, item: fields });
      json(res, 201, { id: Number(id), name: fields.name, stored: true }, { etag });
      return;
    }
    const one = /^\/items\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && one?.[1] !== undefined) {
      const found = stored.get(one[1]);
      if (found === undefined) {
        json(res, 404, { error: 'no such item' });
        return;
      }
      // The strict server honours If-None-Match; the lenient one always sends the item.
      if (strict && req.headers['if-none-match'] === found.etag) {
        res.writeHead(304, { etag: found.etag });
        res.end();
        return;
      }
      json(res, 200, { name: found.item.name }, { etag: found.etag });
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  return { ...server, items };
}

/**
 * A flow whose last step diverges in status (304 on the strict server, 200 on
 * the lenient one) only when every capture was bound per server: the token
 * (JSON), the user id as a number in a JSON body, the item id in the path and
 * its ETag (a header).
 */
export const CONDITIONAL_FLOW = `suite: shop
sideEffects: true
cases:
  - id: conditional
    steps:
      - id: login
        request: { method: POST, path: /login, json: { user: ada, password: "\${env:SHOP_PASSWORD}" } }
        capture:
          token: { json: /token, secret: true }
          uid: { json: /uid }
      - id: add-item
        request:
          method: POST
          path: /items
          headers: { authorization: "Bearer {{token}}" }
          json: { name: pen, qty: 2, owner: "{{uid}}" }
        capture:
          id: { json: /id }
          etag: { header: etag }
        expect: { status: 201 }
      - id: read-unchanged
        request:
          method: GET
          path: "/items/{{id}}"
          headers: { authorization: "Bearer {{token}}", if-none-match: "{{etag}}" }
`;

/** A flow: log in (the token captured per target), read who I am, then write an item with it. */
export const SESSION_FLOW = `suite: shop
sideEffects: true
cases:
  - id: session
    description: log in, then read and write with the token the server issued
    steps:
      - id: login
        request: { method: POST, path: /login, json: { user: ada, password: "\${env:SHOP_PASSWORD}" } }
        capture:
          token: { json: /token, secret: true }
          uid: { json: /uid }
      - id: me
        request:
          method: GET
          path: /me
          headers: { authorization: "Bearer {{token}}" }
        expect: { status: 200 }
      - id: add-item
        request:
          method: POST
          path: /items
          headers: { authorization: "Bearer {{token}}" }
          json: { name: pen, qty: 2 }
        expect: { status: 201 }
`;
