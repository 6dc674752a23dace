/**
 * Two servers of one small API that each issue their own tokens at login
 * (a token of one is refused by the other): `POST /login` → `{ token }`,
 * `GET /me` and `POST /items` need `Authorization: Bearer <token>`. The
 * strict one refuses an item whose `qty` is not a number (400); the lenient
 * one stores it (201). Real node:http servers on ephemeral loopback ports.
 */
import { randomBytes } from 'node:crypto';
import { json, startServer, type TestServer } from './http.js';

export interface SessionServer extends TestServer {
  /** Items stored, in order. */
  readonly items: unknown[];
}

export async function startSessionServer(strict: boolean): Promise<SessionServer> {
  const tokens = new Set<string>();
  const items: unknown[] = [];
  const server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/login') {
      const token = randomBytes(12).toString('hex');
      tokens.add(token);
      json(res, 200, { token });
      return;
    }
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    if (auth?.[1] === undefined || !tokens.has(auth[1])) {
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
      if (typeof fields.name !== 'string' || (strict && typeof fields.qty !== 'number')) {
        json(res, 400, { error: 'invalid item' });
        return;
      }
      items.push(item);
      json(res, 201, { name: fields.name, stored: true });
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  return { ...server, items };
}

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
