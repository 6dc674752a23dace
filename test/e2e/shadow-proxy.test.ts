/**
 * `parity proxy` end to end: real undici clients through the proxy to two
 * real servers. The client gets the baseline's answer byte for byte (status,
 * headers, body, trailers) and never fails because of the candidate; the
 * planted divergence is reported; writes are not mirrored without
 * `--mirror-writes`; SIGTERM loses no compared pair.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { latestReport, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10 });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A service: users by id (the candidate's `id` a string: the planted divergence), a streamed answer with trailers, a write. */
async function service(side: 'baseline' | 'candidate'): Promise<TestServer> {
  const server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const user = /^\/v1\/users\/(\d+)$/.exec(url.pathname);
    if (user !== null) {
      const id = Number(user[1]);
      return json(res, 200, { id: side === 'candidate' ? String(id) : id, name: `user ${id}` });
    }
    if (url.pathname === '/v1/stream') {
      res.writeHead(200, { 'content-type': 'text/plain', trailer: 'x-checksum', 'x-side': 'same' });
      res.write('part one;');
      res.write('part two');
      res.addTrailers({ 'x-checksum': 'abc123' });
      res.end();
      return;
    }
    if (url.pathname === '/v1/orders' && req.method === 'POST') {
      return json(res, 201, { created: true, echo: body });
    }
    return json(res, 404, { error: 'not found' });
  });
  servers.push(server);
  return server;
}

/** `parity proxy --mirror-writes` between the two services, the candidate configured disposable. */
async function writesMirrored() {
  const baseline = await service('baseline');
  const candidate = await service('candidate');
  const cwd = await tempProject({
    'parity.config.yaml': `targets:\n  next:\n    url: ${candidate.url}\n    disposable: true\n`,
  });
  const proxy = await startShadowCli(
    cwd,
    listenArgs('proxy', `rust=${baseline.url}`, 'next', '--no-tracker', '--mirror-writes'),
  );
  return { baseline, candidate, cwd, proxy };
}

/** What a client sees: status, headers but the connection's own and the date, body, trailers. */
async function seen(url: string, init: { method?: string; body?: string } = {}) {
  const answer = await request(url, {
    dispatcher: agent,
    method: (init.method ?? 'GET') as 'GET',
    body: init.body ?? null,
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
  });
  const body = Buffer.from(await answer.body.arrayBuffer()).toString('base64');
  const { date: _date, connection: _c, 'keep-alive': _k, ...headers } = answer.headers;
  return { status: answer.statusCode, headers, body, trailers: { ...answer.trailers } };
}

describe('parity proxy', () => {
  it('serves clients byte for byte from the baseline and reports the planted divergence', async () => {
    const baseline = await service('baseline');
    const candidate = await service('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`),
    );
    for (const path of ['/v1/users/1', '/v1/users/2', '/v1/stream', '/v1/missing']) {
      const through = await seen(proxy.url + path);
      const direct = await seen(baseline.url + path);
      expect(through, path).toEqual(direct);
    }
    expect((await seen(`${proxy.url}/v1/stream`)).trailers).toEqual({ 'x-checksum': 'abc123' });
    // A write reaches the baseline (the client is served) but not the candidate.
    const write = await seen(`${proxy.url}/v1/orders`, { method: 'POST', body: '{"n":1}' });
    expect(write.status).toBe(201);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(candidate.requests.some((r) => r.method === 'POST')).toBe(false);
    const report = await latestReport(cwd);
    // Every pair the proxy mirrored was compared: 4 paths through the proxy, 2 reads of /v1/stream … (5 reads).
    expect(report.summary.cases).toBe(5);
    expect(candidate.requests.filter((r) => r.method === 'GET')).toHaveLength(5);
    const divergent = report.results.filter((r) => r.verdict === 'divergent');
    expect(divergent.map((r) => r.request.path).sort()).toEqual(['/v1/users/1', '/v1/users/2']);
    expect(report.coverage?.endpoints.map((e) => e.endpoint)).toContain('GET /v1/users/:id');
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    const fingerprint =
      divergent[0]?.verdict === 'divergent' ? divergent[0].findings[0]?.fingerprint : '';
    expect(tracker).toContain(fingerprint);
    expect(proxy.stderr()).toMatch(/not mirrored 1/);
  });

  it("asks the candidate at once: the baseline's answer can wait for the candidate's request", async () => {
    // The baseline answers only once the candidate has been asked: the
    // client is served only if parity asked the candidate while the
    // baseline was still answering (not after its answer ended).
    let asked: () => void = () => undefined;
    const candidateAsked = new Promise<void>((resolve) => (asked = resolve));
    const baseline = await startServer(async (_req, res) => {
      await candidateAsked;
      json(res, 200, { n: 1 });
    });
    const candidate = await startServer((_req, res) => {
      asked();
      json(res, 200, { n: 2 });
    });
    servers.push(baseline, candidate);
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`, '--no-tracker'),
    );
    const through = await seen(`${proxy.url}/v1/n`);
    expect(JSON.parse(Buffer.from(through.body, 'base64').toString())).toEqual({ n: 1 });
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => r.verdict)).toEqual(['divergent']);
  });

  it('on an idle proxy, a few requests are all compared, however busy one window was', async () => {
    // `--shed 1%`: every window of this process (the test's servers share its
    // loop) counts as busy. A copy offered when none waits or is under way is
    // evidence of nothing held up: it is compared.
    const baseline = await service('baseline');
    const candidate = await service('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs(
        'proxy',
        `rust=${baseline.url}`,
        `go=${candidate.url}`,
        '--no-tracker',
        '--shed',
        '1%',
      ),
    );
    for (const n of [1, 2, 3]) {
      expect((await seen(`${proxy.url}/v1/users/${n}`)).status).toBe(200);
      await proxy.waitFor(new RegExp(`compared ${n}\\b`), 10_000);
    }
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect((await latestReport(cwd)).summary.cases).toBe(3);
    expect(proxy.stderr()).not.toMatch(/\(busy \d+\)/);
  });

  it.each([
    ['a small write', 16],
    ['a write of many chunks', 3 * 1024 * 1024],
  ])(
    'with --mirror-writes, %s reaches the baseline whole (the copy gathered as it is sent on)',
    async (_, size) => {
      const { baseline, candidate, proxy } = await writesMirrored();
      const sent = JSON.stringify({ note: 'x'.repeat(size) });
      const through = await seen(`${proxy.url}/v1/orders`, { method: 'POST', body: sent });
      const answer = JSON.parse(Buffer.from(through.body, 'base64').toString()) as { echo: string };
      expect(through.status).toBe(201);
      expect(answer.echo.length).toBe(sent.length);
      expect(answer.echo === sent).toBe(true);
      proxy.signal('SIGTERM');
      expect(await proxy.ended).toBe(0);
      const posted = (server: TestServer) => server.requests.filter((r) => r.method === 'POST');
      expect(posted(baseline).map((r) => r.body === sent)).toEqual([true]);
      expect(posted(candidate).map((r) => r.body === sent)).toEqual([true]);
    },
  );

  it('with --mirror-writes, a write sent with `expect: 100-continue` is compared (the copy goes without it)', async () => {
    const { candidate, cwd, proxy } = await writesMirrored();
    // undici refuses to send `expect`: node:http waits for the 100 before the body.
    const sent = '{"n":2}';
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${proxy.url}/v1/orders`, {
        method: 'POST',
        headers: {
          expect: '100-continue',
          'content-type': 'application/json',
          'content-length': sent.length,
        },
      });
      req.on('continue', () => req.end(sent));
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    expect(status).toBe(201);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => r.verdict)).toEqual(['equal']);
    expect(candidate.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      sent,
    ]);
  });

  it('tunnels a request that switches protocols (a websocket) to the baseline alone, never compared', async () => {
    const upgraded: string[] = [];
    const echo = async (side: string) => {
      const server = await startServer((_req, res) => json(res, 200, { side }));
      // An echo protocol over the switched connection, as a websocket server would hold one.
      server.server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
        upgraded.push(`${side} ${req.url}`);
        socket.write(
          'HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: Upgrade\r\n\r\n',
        );
        socket.on('data', (chunk: Buffer) => socket.write(`${side}:${chunk.toString()}`));
        socket.on('end', () => socket.destroy());
      });
      servers.push(server);
      return server;
    };
    const baseline = await echo('baseline');
    const candidate = await echo('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`, '--no-tracker'),
    );
    const heard = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${proxy.url}/live?room=1`, {
        headers: { connection: 'Upgrade', upgrade: 'echo' },
      });
      req.on('upgrade', (res, socket) => {
        expect(res.statusCode).toBe(101);
        socket.once('data', (chunk: Buffer) => {
          resolve(chunk.toString());
          socket.destroy();
        });
        socket.write('ping');
      });
      req.on('response', (res) => reject(new Error(`answered ${res.statusCode}, not switched`)));
      req.on('error', reject);
      req.end();
    });
    expect(heard).toBe('baseline:ping');
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(upgraded).toEqual(['baseline /live?room=1']);
    expect(candidate.requests).toEqual([]);
    expect(proxy.stderr()).toMatch(/not mirrored 1/);
  });
});
