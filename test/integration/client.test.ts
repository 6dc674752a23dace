import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../src/contract/model/exchange.js';
import type { PlannedRequest } from '../../src/core/request/plan.js';
import { createClient, TIMEOUT_CODE } from '../../src/io/http/client.js';
import { closedPort, json, startServer, type TestServer } from '../helpers/http.js';

const get = (pathAndQuery: string): PlannedRequest => ({
  method: 'GET',
  pathAndQuery,
  headers: [],
  body: undefined,
});

function response(outcome: SideOutcome) {
  if (outcome.outcome !== 'response')
    throw new Error(`expected a response, got ${outcome.error.code}`);
  return outcome.response;
}

describe('the HTTP client against a real server', () => {
  let server: TestServer;
  const payload = JSON.stringify({ hello: 'world', n: [1, 2, 3] });
  beforeAll(async () => {
    server = await startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/gzip':
        case '/deflate':
        case '/br': {
          const encode = { '/gzip': gzipSync, '/deflate': deflateSync, '/br': brotliCompressSync }[
            url.pathname
          ];
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-encoding': url.pathname.slice(1),
          });
          res.end(encode(Buffer.from(payload)));
          return;
        }
        case '/redirect':
          res.writeHead(302, { location: '/elsewhere' });
          res.end();
          return;
        case '/reset':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"partial":');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        case '/hang':
          return; // never answers
        case '/big':
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(Buffer.alloc(300_000, 7));
          return;
        case '/bom':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`\uFEFF${payload}`);
          return;
        case '/lie':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('<html>oops</html>');
          return;
        case '/echo':
          json(res, 200, {
            method: req.method,
            query: url.search,
            body,
            auth: req.headers['authorization'] ?? null,
          });
          return;
        default:
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('404 page not found\n');
      }
    });
  });
  afterAll(() => server.close());

  const client = (options: Partial<Parameters<typeof createClient>[1]> = {}) =>
    createClient(
      { name: 't', url: new URL(server.url), headers: [['authorization', 'Bearer t0ken']] },
      { connections: 4, timeoutMs: 2000, bodyCapBytes: 100_000, retries: 0, ...options },
    );

  it.each(['/gzip', '/deflate', '/br'])('decodes %s bodies before comparison', async (path) => {
    const c = client();
    const r = response(await c.send(get(path)));
    expect(r.body).toMatchObject({ kind: 'json', value: { hello: 'world', n: [1, 2, 3] } });
    await c.close();
  });

  it('does not follow redirects', async () => {
    const c = client();
    const r = response(await c.send(get('/redirect')));
    expect(r.status).toBe(302);
    expect(r.headers['location']).toBe('/elsewhere');
    await c.close();
  });

  it('records a reset mid-body as a transport error with undici’s code', async () => {
    const c = client();
    const outcome = await c.send(get('/reset'));
    expect(outcome.outcome).toBe('transport-error');
    if (outcome.outcome === 'transport-error')
      expect(outcome.error.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    await c.close();
  });

  it('records a hanging server as a timeout', async () => {
    const c = client({ timeoutMs: 150 });
    const outcome = await c.send(get('/hang'));
    expect(outcome.outcome).toBe('transport-error');
    if (outcome.outcome === 'transport-error') expect(outcome.error.code).toBe(TIMEOUT_CODE);
    await c.close();
  });

  it('records a refused connection, and retries connection failures only', async () => {
    const port = await closedPort();
    const c = createClient(
      { name: 'gone', url: new URL(`http://127.0.0.1:${port}`), headers: [] },
      { connections: 1, timeoutMs: 1000, bodyCapBytes: 1000, retries: 2 },
    );
    const outcome = await c.send(get('/'));
    expect(outcome.outcome === 'transport-error' && outcome.error.code).toBe('ECONNREFUSED');
    await c.close();
  });

  it('compares bodies above the cap by hash and size only', async () => {
    const c = client();
    const r = response(await c.send(get('/big')));
    expect(r.body.kind).toBe('truncated');
    if (r.body.kind === 'truncated') {
      expect(r.body.size).toBe(300_000);
      expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    await c.close();
  });

  it('treats a BOM or non-JSON under a JSON content type as invalid JSON', async () => {
    const c = client();
    expect(response(await c.send(get('/bom'))).body.kind).toBe('invalid-json');
    const lie = response(await c.send(get('/lie'))).body;
    expect(lie).toMatchObject({ kind: 'invalid-json', text: '<html>oops</html>' });
    await c.close();
  });

  it('sends the planned bytes, query and target headers', async () => {
    const c = client();
    const r = response(
      await c.send({
        method: 'POST',
        pathAndQuery: '/echo?a=1&a=2',
        headers: [['content-type', 'application/json']],
        body: '{"x":1}',
      }),
    );
    expect(r.body).toMatchObject({
      kind: 'json',
      value: { method: 'POST', query: '?a=1&a=2', body: '{"x":1}', auth: 'Bearer t0ken' },
    });
    await c.close();
  });

  it('decodes text/plain as text', async () => {
    const c = client();
    const r = response(await c.send(get('/nothing-here')));
    expect(r).toMatchObject({ status: 404, body: { kind: 'text', text: '404 page not found\n' } });
    await c.close();
  });
});
