/**
 * The pipeline from the wire to a verdict against two real servers: every
 * divergence kind, every normalisation rule, compressed bodies and a 3xx.
 */
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesSpecInput } from '../../src/contract/rules/schema.js';
import { judge } from '../../src/core/compare/judge.js';
import { createClient, type TargetClient } from '../../src/io/http/client.js';
import { exchangeCase } from '../../src/io/http/exchange.js';
import { makeCase } from '../helpers/case.js';
import { closedPort, startServer, type TestServer } from '../helpers/http.js';
import { divergenceOf } from '../helpers/judgement.js';

type Reply = {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  gzip?: boolean;
  raw?: string;
};

/** Each route answers per side: [baseline, candidate]. */
const ROUTES: Record<string, [Reply, Reply]> = {
  '/equal': [{ body: { a: 1 } }, { body: { a: 1 } }],
  '/status': [
    { status: 400, body: { e: 1 } },
    { status: 422, body: { e: 1 } },
  ],
  '/shape': [{ body: { tags: [] } }, { body: { tags: null } }],
  '/value': [{ body: { total: 3 } }, { body: { total: 4 } }],
  '/header': [
    { body: {}, headers: { 'cache-control': 'no-store' } },
    { body: {}, headers: { 'cache-control': 'max-age=60' } },
  ],
  '/ignore': [
    { body: { id: 'r-1', request_id: 'aaa', meta: { timing: { ms: 3 } } } },
    { body: { id: 'r-1', request_id: 'bbb', meta: { timing: { ms: 9 } } } },
  ],
  '/mask': [
    { body: { user: { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' } } },
    { body: { user: { id: '6fa459ea-ee8a-3ca4-894e-db77e160355e' } } },
  ],
  '/sort': [
    { body: { items: [{ id: 2 }, { id: 1 }], tags: ['b', 'a'] } },
    { body: { items: [{ id: 1 }, { id: 2 }], tags: ['a', 'b'] } },
  ],
  '/tolerance': [{ body: { price: 10.0001 } }, { body: { price: 10.0002 } }],
  '/keycase': [{ body: { display_name: 'x' } }, { body: { DisplayName: 'x' } }],
  '/null': [{ body: { name: 'x' } }, { body: { name: 'x', deleted_at: null } }],
  '/ctype': [
    { body: { a: 1 }, headers: { 'content-type': 'application/json; charset=utf-8' } },
    { body: { a: 1 }, headers: { 'content-type': 'Application/JSON;charset=UTF-8' } },
  ],
  '/gzip': [{ body: { a: [1, 2, 3] }, gzip: true }, { body: { a: [1, 2, 3] } }],
  '/redirect': [
    { status: 302, body: null, headers: { location: '/a' } },
    { status: 301, body: null, headers: { location: '/a' } },
  ],
  '/not-json': [{ body: { a: 1 } }, { raw: '<html>', body: null }],
};

function reply(res: ServerResponse, r: Reply): void {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...r.headers };
  let bytes: Buffer =
    r.raw !== undefined
      ? Buffer.from(r.raw)
      : r.body === null
        ? Buffer.alloc(0)
        : Buffer.from(JSON.stringify(r.body));
  if (r.gzip === true) {
    bytes = gzipSync(bytes);
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(r.status ?? 200, headers);
  res.end(bytes);
}

describe('exchange → judge against real servers', () => {
  let servers: TestServer[];
  let baseline: TargetClient;
  let candidate: TargetClient;
  beforeAll(async () => {
    servers = await Promise.all(
      [0, 1].map((side) =>
        startServer((req, res) => {
          const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
          if (route === undefined) return reply(res, { status: 404, body: null });
          reply(res, route[side as 0 | 1]);
        }),
      ),
    );
    const options = { connections: 2, timeoutMs: 2000, bodyCapBytes: 1 << 20, retries: 0 };
    baseline = createClient({ name: 'b', url: new URL(servers[0]!.url), headers: [] }, options);
    candidate = createClient({ name: 'c', url: new URL(servers[1]!.url), headers: [] }, options);
  });
  afterAll(async () => {
    await Promise.all([baseline.close(), candidate.close(), ...servers.map((s) => s.close())]);
  });

  const verdictOf = async (path: string, rules: RulesSpecInput = {}) =>
    judge(await exchangeCase(makeCase(path.slice(1), { path }, rules), baseline, candidate));

  it('equal bodies are equal', async () => {
    expect((await verdictOf('/equal')).verdict).toBe('equal');
  });

  it.each([
    ['/status', ['status']],
    ['/shape', ['shape']],
    ['/value', ['value']],
    ['/not-json', ['shape']],
    ['/redirect', ['status']],
  ])('%s diverges with kinds %j', async (path, kinds) => {
    const judgement = await verdictOf(path);
    expect(judgement.verdict).toBe('divergent');
    expect(divergenceOf(judgement)?.kinds).toEqual(kinds);
    expect(divergenceOf(judgement)?.explanation.length).toBeGreaterThan(10);
  });

  it('compares allow-listed headers only', async () => {
    expect((await verdictOf('/header')).verdict).toBe('equal');
    const judgement = await verdictOf('/header', { headers: ['cache-control'] });
    expect(divergenceOf(judgement)?.kinds).toEqual(['header']);
    expect(divergenceOf(judgement)?.headerChanges).toEqual([
      { name: 'cache-control', baseline: 'no-store', candidate: 'max-age=60' },
    ]);
  });

  it('normalises content-type parameters and case', async () => {
    expect((await verdictOf('/ctype')).verdict).toBe('equal');
  });

  it('decodes gzip on one side before comparing', async () => {
    expect((await verdictOf('/gzip')).verdict).toBe('equal');
  });

  it.each([
    ['/ignore', { ignore: ['/request_id', '/meta/timing/**'] }],
    ['/mask', { mask: [{ path: '/**/id', regex: '^[0-9a-f-]{36}$', with: '<uuid>' }] }],
    ['/sort', { sortArrays: [{ path: '/items', by: 'id' }, '/tags'] }],
    ['/tolerance', { tolerance: [{ path: '/price', absolute: 0.001 }] }],
    ['/keycase', { keyCase: 'fold' as const }],
    ['/null', { nullEqualsAbsent: true }],
  ])('%s diverges without its rule and is equal with it', async (path, rules) => {
    expect((await verdictOf(path)).verdict).toBe('divergent');
    expect((await verdictOf(path, rules)).verdict).toBe('equal');
  });

  it('records a transport failure on one side as a run error with a transport explanation', async () => {
    const port = await closedPort();
    const gone = createClient(
      { name: 'gone', url: new URL(`http://127.0.0.1:${port}`), headers: [] },
      {
        connections: 1,
        timeoutMs: 500,
        bodyCapBytes: 1024,
        retries: 0,
      },
    );
    const judgement = judge(await exchangeCase(makeCase('x', { path: '/equal' }), baseline, gone));
    expect(judgement.verdict).toBe('error');
    expect(divergenceOf(judgement)?.kinds).toEqual(['transport']);
    expect(divergenceOf(judgement)?.explanation).toContain('ECONNREFUSED');
    await gone.close();
  });
});
