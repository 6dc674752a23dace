/**
 * `--capture` keeps one request per endpoint and body shape, and the
 * endpoint is the one the comparison groups by: on an RPC API, where every
 * call is a `POST` to one path, the operation the call names. Two operations
 * sent with one body shape are two cases, not one (they were one: capture
 * keyed them by the path alone). Two fixtures: a JSON-RPC 2.0 API (the
 * operation in the body) and one that names it in `X-Amz-Target`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10 });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface Fixture {
  readonly name: string;
  /** Two operations; each call of either sends one body shape. */
  readonly operations: readonly [string, string];
  /** The headers and body of the `n`th call of `operation`. */
  readonly call: (
    operation: string,
    n: number,
  ) => { headers: Record<string, string>; body: string };
  /** What the server answers a call with. */
  readonly answer: (headers: Record<string, unknown>, body: Record<string, unknown>) => unknown;
}

const JSON_RPC: Fixture = {
  name: 'a JSON-RPC 2.0 API (the method in the body)',
  operations: ['wallet_balance', 'wallet_nonce'],
  call: (operation, n) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: n, method: operation, params: [`acct-${n}`] }),
  }),
  answer: (_headers, body) => ({ jsonrpc: '2.0', id: body.id, result: String(body.method) }),
};

const HEADER_NAMED: Fixture = {
  name: 'an API that names its operation in X-Amz-Target',
  operations: ['Vault_2024.ListKeys', 'Vault_2024.GetKey'],
  call: (operation, n) => ({
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': operation },
    body: JSON.stringify({ Vault: `v${n}` }),
  }),
  answer: (headers) => ({ Served: String(headers['x-amz-target']) }),
};

async function rpcServer(f: Fixture): Promise<TestServer> {
  const server = await startServer((req, res, text) => {
    if (req.method !== 'POST') return json(res, 405, {});
    json(res, 200, f.answer(req.headers, JSON.parse(text || '{}') as Record<string, unknown>));
  });
  servers.push(server);
  return server;
}

describe('--capture on an RPC API', () => {
  it.each([JSON_RPC, HEADER_NAMED])(
    '$name: one case per operation, though every call has one body shape',
    async (f) => {
      const baseline = await rpcServer(f);
      const candidate = await rpcServer(f);
      const cwd = await tempProject({
        'parity.config.yaml': `targets:\n  next:\n    url: ${candidate.url}\n    disposable: true\n`,
      });
      const shadow = await startShadowCli(
        cwd,
        listenArgs(
          'proxy',
          `old=${baseline.url}`,
          'next',
          '--no-tracker',
          '--mirror-writes',
          '--capture',
          'cases/traffic',
        ),
      );
      // Each operation twice: the second call of each is the same endpoint and shape.
      let n = 0;
      for (const operation of [...f.operations, ...f.operations]) {
        const { headers, body } = f.call(operation, ++n);
        const answer = await request(`${shadow.url}/`, {
          dispatcher: agent,
          method: 'POST',
          headers,
          body,
        });
        expect(answer.statusCode).toBe(200);
        await answer.body.text();
      }
      shadow.signal('SIGTERM');
      expect(await shadow.ended).toBe(0);
      const folder = join(cwd, 'cases', 'traffic');
      const files = (await readdir(folder)).filter((file) => !file.startsWith('session-'));
      const text = (
        await Promise.all(files.map((file) => readFile(join(folder, file), 'utf8')))
      ).join('\n');
      expect(text.match(/- id:/g), text).toHaveLength(2);
      // The first call of each operation, once each.
      for (const operation of f.operations) {
        expect(text.split(operation).length - 1, text).toBeGreaterThanOrEqual(1);
      }
      expect(text).not.toContain('acct-3');
      expect(text).not.toContain('v3');
      expect((await runCli(cwd, ['validate', 'cases/traffic'])).code).toBe(0);
    },
  );
});
