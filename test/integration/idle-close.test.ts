import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../src/contract/model/exchange.js';
import type { PlannedRequest } from '../../src/core/request/plan.js';
import { createClient } from '../../src/io/http/client.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A server lets a kept-alive connection go as the next request goes out on
 * it (its keep-alive timer fired first, as on a loaded machine). That request
 * was never answered: a safe one (GET, HEAD, OPTIONS) is sent once more on a
 * new connection; a write is not, since a server may have done it before it
 * closed; and a new connection closed before any answer at all is the
 * server's own doing, recorded as it is.
 */
describe('a kept-alive connection the server closed before answering', () => {
  let server: TestServer;
  /** Requests each socket has carried, by the order they came in. */
  const carried = new WeakMap<Socket, number>();
  /** How many more `/refuses/…` requests the server answers before it closes every one. */
  let answers = 0;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const socket = req.socket;
      const count = (carried.get(socket) ?? 0) + 1;
      carried.set(socket, count);
      const { pathname } = new URL(req.url ?? '/', 'http://x');
      // Closes every reused connection as a request arrives on it.
      if (pathname.startsWith('/lets-idle-go/') && count > 1) return void socket.destroy();
      if (pathname.startsWith('/refuses/') && answers-- <= 0) return void socket.destroy();
      json(res, 200, { path: pathname, method: req.method });
    });
  });
  afterAll(() => server.close());

  const request = (method: string, pathAndQuery: string): PlannedRequest => ({
    method,
    pathAndQuery,
    headers: WRITES.has(method) ? [['content-type', 'application/json']] : [],
    body: WRITES.has(method) ? '{"n":1}' : undefined,
  });
  const oneConnection = () =>
    createClient(
      { name: 't', url: new URL(server.url), headers: [] },
      { connections: 1, timeoutMs: 2000, bodyCapBytes: 100_000, retries: 0 },
    );
  const seen = (path: string) => server.requests.filter((r) => r.url === path).length;
  const status = (outcome: SideOutcome) =>
    outcome.outcome === 'response' ? outcome.response.status : outcome.error.code;

  it.each([
    ['GET', '/lets-idle-go/a'],
    ['HEAD', '/lets-idle-go/b'],
    ['OPTIONS', '/lets-idle-go/c'],
  ])('sends a safe %s once more on a new connection', async (method, path) => {
    const c = oneConnection();
    expect(status(await c.send(request('GET', '/lets-idle-go/warm')))).toBe(200);
    const before = seen(path);
    expect(status(await c.send(request(method, path)))).toBe(200);
    expect(seen(path) - before).toBe(2);
    await c.close();
  });

  it.each([
    ['POST', '/lets-idle-go/post'],
    ['PUT', '/lets-idle-go/put'],
    ['DELETE', '/lets-idle-go/delete'],
    ['PATCH', '/lets-idle-go/patch'],
  ])('records a %s as a transport error: it may have been written', async (method, path) => {
    const c = oneConnection();
    expect(status(await c.send(request('GET', '/lets-idle-go/warm')))).toBe(200);
    const outcome = await c.send(request(method, path));
    expect(status(outcome)).toBe('UND_ERR_SOCKET');
    expect(seen(path)).toBe(1);
    await c.close();
  });

  it('sends once more only: a new connection closed before answering is recorded', async () => {
    const c = oneConnection();
    answers = 1;
    expect(status(await c.send(request('GET', '/refuses/warm')))).toBe(200);
    const outcome = await c.send(request('GET', '/refuses/again'));
    expect(status(outcome)).toBe('UND_ERR_SOCKET');
    // On the reused connection, then once on a new one, and no more.
    expect(seen('/refuses/again')).toBe(2);
    await c.close();
  });

  it('records a connection closed before its first answer, never sending again', async () => {
    const c = oneConnection();
    answers = 0;
    const outcome = await c.send(request('GET', '/refuses/fresh'));
    expect(status(outcome)).toBe('UND_ERR_SOCKET');
    expect(seen('/refuses/fresh')).toBe(1);
    await c.close();
  });
});
