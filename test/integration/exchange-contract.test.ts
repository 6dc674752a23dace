/**
 * The exchange contract is its schema (`exchangeSchemas`): every exchange
 * the pool hands over from real servers, whatever each side answered (JSON,
 * XML, invalid JSON, text, bytes, an undecodable coding, a body over the
 * cap, a transport failure), the steps of a flow with their captures, and
 * an exchange with its own origins normalised, is an `Exchange` as the
 * schema declares it, strictly (no field it does not name).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Exchange, exchangeSchemas } from '../../src/contract/model/exchange.js';
import { normaliseOrigins, originForms } from '../../src/core/normalise/origin.js';
import { loadCases } from '../../src/io/cases/load.js';
import { unitsOf } from '../../src/io/cases/source.js';
import { createClient } from '../../src/io/http/client.js';
import { executeCases } from '../../src/io/http/pool.js';
import { startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: shapes
cases:
  - { id: json, request: { method: GET, path: /json } }
  - { id: xml, request: { method: GET, path: /xml } }
  - { id: invalid-json, request: { method: GET, path: /invalid-json } }
  - { id: text, request: { method: GET, path: /text } }
  - { id: binary, request: { method: GET, path: /binary } }
  - { id: undecodable, request: { method: GET, path: /undecodable } }
  - { id: large, request: { method: GET, path: /large } }
  - { id: empty, request: { method: DELETE, path: /empty } }
  - { id: broken, request: { method: GET, path: /broken } }
  - { id: origin, request: { method: GET, path: /origin } }
  - id: flow
    steps:
      - id: create
        request: { method: GET, path: /json }
        capture: { id: { json: /id }, tag: { header: etag, regex: '"(\\w+)"' } }
      - id: read
        request: { method: GET, path: "/json/{{id}}/{{tag}}" }
`;

describe('the exchange contract', () => {
  let dir: string;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-exchange-contract-'));
    await writeFile(join(dir, 'shapes.yaml'), CASES);
    const serve = (side: string) =>
      startServer((req, res) => {
        const path = req.url ?? '';
        const send = (type: string, body: string | Buffer, headers = {}) => {
          res.writeHead(200, { 'content-type': type, ...headers });
          res.end(body);
        };
        if (path.startsWith('/json')) {
          send('application/json', `{"id":"${side}-1","n":12345678901234567890}`, {
            etag: `"${side}"`,
          });
        } else if (path === '/xml') send('application/xml', `<list><item id="${side}"/></list>`);
        else if (path === '/invalid-json') send('application/json', '{"id":');
        else if (path === '/text') send('text/plain', `hello ${side}`);
        else if (path === '/binary')
          send('application/octet-stream', Buffer.from([0, 255, 1, 254]));
        else if (path === '/undecodable') {
          send('application/json', Buffer.from('not gzip'), { 'content-encoding': 'gzip' });
        } else if (path === '/large') send('text/plain', side.repeat(4096));
        else if (path === '/empty') {
          res.writeHead(204);
          res.end();
        } else if (path === '/broken' && side === 'b') res.destroy();
        else if (path === '/origin') {
          send('application/json', JSON.stringify({ self: `http://${req.headers.host}/x` }));
        } else send('application/json', '{}');
      });
    [a, b] = await Promise.all([serve('a'), serve('b')]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every exchange the pool hands over, each kind of answer and a flow', async () => {
    const cases = await loadCases(['shapes.yaml'], { cwd: dir, env: {} });
    const options = { connections: 4, timeoutMs: 10_000, bodyCapBytes: 1024, retries: 0 };
    const client = (name: string, server: TestServer) =>
      createClient({ name, url: new URL(server.url), headers: [] }, options);
    const exchanges: Exchange[] = [];
    await executeCases({
      cases: unitsOf(cases),
      baseline: client('a', a),
      candidate: client('b', b),
      concurrency: 4,
      onExchange: (exchange) => {
        exchanges.push(exchange);
      },
    });
    const origins = { baseline: originForms(a.url), candidate: originForms(b.url) };
    const normalised = exchanges.map((exchange) => normaliseOrigins(exchange, origins));

    // What the schema has to name beyond plain data is really there.
    const byId = new Map(normalised.map((e) => [e.case.id, e]));
    const body = (id: string) => {
      const side = byId.get(`shapes/${id}`)?.baseline;
      return side?.outcome === 'response' ? side.response.body.kind : side?.outcome;
    };
    expect(
      ['json', 'xml', 'invalid-json', 'text', 'binary', 'undecodable', 'large', 'empty'].map(body),
    ).toEqual(['json', 'xml', 'invalid-json', 'text', 'binary', 'binary', 'truncated', 'empty']);
    expect(byId.get('shapes/broken')?.candidate.outcome).toBe('transport-error');
    expect(byId.get('shapes/origin')?.origin).toEqual(['/self']);
    expect(byId.get('shapes/flow/read')?.flow?.variables.baseline.get('tag')?.text).toBe('a');

    const failed: Record<string, unknown> = {};
    for (const exchange of normalised) {
      const parsed = exchangeSchemas().exchange.safeParse(exchange);
      if (!parsed.success) failed[exchange.case.id] = parsed.error.issues;
    }
    expect(failed).toEqual({});
    // And it can fail: a field the contract does not name, a body kind it does not know.
    const json = byId.get('shapes/json')!;
    expect(exchangeSchemas().exchange.safeParse({ ...json, extra: true }).success).toBe(false);
    if (json.baseline.outcome !== 'response') throw new Error('the JSON case has no answer');
    const answered = { ...json.baseline, response: { ...json.baseline.response } };
    expect(exchangeSchemas().exchange.safeParse({ ...json, baseline: answered }).success).toBe(
      true,
    );
    const odd = { ...answered, response: { ...answered.response, body: { kind: 'yaml' } } };
    expect(exchangeSchemas().exchange.safeParse({ ...json, baseline: odd }).success).toBe(false);
  });
});
