/**
 * Flow steps seed `parity fuzz`: each step is sent after its flow's earlier
 * steps, run afresh on both servers, so each server's own token (issued at
 * login) is bound into the mutated request. Two real servers that refuse each
 * other's tokens: a mutated body of the authenticated write diverges (the
 * strict server refuses a `qty` that is not a number, the lenient one stores
 * it), is found only with --allow-writes on disposable targets (without it
 * no step of a flow that writes is fuzzed: each input sends the earlier steps
 * again), and is
 * written as the flow up to that step, which `parity run` replays.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, reviveCommand, startServer } from '../helpers/http.js';
import {
  SESSION_FLOW,
  type SessionServer,
  startSessionServer,
} from '../helpers/session-servers.js';

const PASSWORD = 'hunter2-flow-secret';
const env = { SHOP_PASSWORD: PASSWORD };
const FUZZ = ['fuzz', '--seed', '3', '--budget', '300', '--no-tracker'];

function project(baseline: string, candidate: string, disposable: boolean) {
  return tempProject({
    'cases/shop.yaml': SESSION_FLOW,
    'parity.config.yaml': `targets:
  strict: { url: "${baseline}", disposable: ${disposable} }
  lenient: { url: "${candidate}", disposable: ${disposable} }
baseline: strict
candidate: lenient
`,
  });
}

describe('parity fuzz seeded by a flow', () => {
  let strict: SessionServer;
  let lenient: SessionServer;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSessionServer(true), startSessionServer(false)]);
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close()]));

  it('fuzzes the authenticated write with each server’s own token and writes the flow up to it', async () => {
    const cwd = await project(strict.url, lenient.url, true);
    const run = await runCli(cwd, [...FUZZ, '--allow-writes'], { env });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(
      /strict rejects \(400\) what lenient accepts \(201\) at POST \/items/,
    );
    // Each server saw only its own tokens: the lenient one stored items, so writes got through.
    expect(lenient.items.length).toBeGreaterThan(0);
    const names = await readdir(join(cwd, 'cases/fuzz'));
    const name = names.find((n) => n.startsWith('post-items-400-vs-201'));
    expect(name, names.join(', ')).toBeDefined();
    const text = await readFile(join(cwd, 'cases/fuzz', name ?? ''), 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('${env:SHOP_PASSWORD}');
    expect(text).toMatch(/Flow: shop\/session, up to step "add-item"/);
    const file = parse(text) as {
      sideEffects?: boolean;
      cases: {
        id: string;
        steps: { id: string; request: { headers?: Record<string, string> } }[];
      }[];
    };
    expect(file.sideEffects).toBe(true);
    const [flow] = file.cases;
    expect(flow?.steps.map((s) => s.id)).toEqual(['login', 'me', 'add-item']);
    expect(flow?.steps[2]?.request.headers?.authorization).toBe('Bearer {{token}}');
    // The replay of the written flow is a run: the step diverges again.
    const report = await latestReport(cwd);
    const step = report.results.find((r) => r.caseId === `fuzz/${flow?.id}/add-item`);
    expect(step?.verdict).toBe('divergent');
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    // `parity run` on the written file reproduces it.
    const again = await runCli(cwd, ['run', `cases/fuzz/${name}`, '--no-tracker'], { env });
    expect(again.code, again.stdout).toBe(1);
    const replayed = (await latestReport(cwd)).results.map((r) => [r.caseId, r.verdict]);
    expect(replayed).toEqual([
      [`fuzz/${flow?.id}/login`, 'equal'],
      [`fuzz/${flow?.id}/me`, 'equal'],
      [`fuzz/${flow?.id}/add-item`, 'divergent'],
    ]);
  });

  it('without --allow-writes fuzzes no step of a flow that writes (each input would log in again)', async () => {
    const cwd = await project(strict.url, lenient.url, true);
    const before = strict.requests.length;
    const refused = await runCli(cwd, FUZZ, { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'every selected seed case writes (POST), or is a flow step after one that writes: pass --allow-writes',
    );
    expect(strict.requests.length).toBe(before);
    // With a plain read beside the flow, only the read is fuzzed: no login, no write is sent.
    const plain = 'suite: plain\ncases:\n  - id: me\n    request: { method: GET, path: /me }\n';
    await writeFile(join(cwd, 'cases/plain.yaml'), plain);
    const run = await runCli(cwd, FUZZ, { env });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/1 seed \(3 writing seeds skipped: see --allow-writes\)/);
    const sent = strict.requests.slice(before);
    expect(sent.some((r) => r.method === 'GET' && r.url === '/me')).toBe(true);
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
    await expect(readdir(join(cwd, 'cases/fuzz'))).rejects.toThrow();
  });

  it('refuses --allow-writes on targets not marked disposable, before sending anything', async () => {
    const cwd = await project(strict.url, lenient.url, false);
    const before = strict.requests.length;
    const run = await runCli(cwd, [...FUZZ, '--allow-writes'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not marked disposable/);
    expect(strict.requests.length).toBe(before);
  });
});

/**
 * A server that issues its own tokens and stops listening on an item id that
 * is not all digits (asked with a valid token), until `revive()`.
 */
async function crashingSessionServer() {
  const sockets = new Set<Socket>();
  const tokens = new Set<string>();
  let server: Server | undefined;
  let port = 0;
  const kill = () => {
    server?.close();
    server = undefined;
    for (const socket of sockets) socket.destroy();
  };
  const listen = () =>
    new Promise<void>((done) => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (req.method === 'POST' && req.url === '/login') {
            const token = randomBytes(8).toString('hex');
            tokens.add(token);
            return json(res, 200, { token });
          }
          const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
          if (token === undefined || !tokens.has(token)) return json(res, 401, { error: 'no' });
          const id = /^\/items\/([^/?]*)/.exec(req.url ?? '')?.[1];
          if (id !== undefined && !/^\d+$/.test(id)) return kill();
          json(res, id === '1' ? 200 : 404, { id });
        });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address !== null && typeof address === 'object') port = address.port;
        done();
      });
    });
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    revive: async () => {
      if (server === undefined) await listen();
    },
    close: async () => kill(),
  };
}

const CRASH_FLOW = `suite: shop
sideEffects: true
cases:
  - id: read
    steps:
      - id: login
        request: { method: POST, path: /login }
        capture: { token: { json: /token, secret: true } }
      - id: item
        request:
          method: GET
          path: /items/1
          headers: { authorization: "Bearer {{token}}" }
`;

describe('parity fuzz and a flow step that stops a target', () => {
  it('with --reset-command: finds the authenticated input that kills it and writes the flow up to it', async () => {
    const [a, b] = await Promise.all([crashingSessionServer(), crashingSessionServer()]);
    const control = await startServer(async (_req, res) => {
      await Promise.all([a.revive(), b.revive()]);
      json(res, 200, { ok: true });
    });
    try {
      const cwd = await tempProject({
        'cases/shop.yaml': CRASH_FLOW,
        'parity.config.yaml': `targets:
  a: { url: "${a.url}", disposable: true }
  b: { url: "${b.url}", disposable: true }
baseline: a
candidate: b
`,
      });
      const reset = reviveCommand(control);
      const run = await runCli(cwd, [
        'fuzz',
        '--seed',
        '3',
        '--budget',
        '30',
        '--no-tracker',
        '--allow-writes',
        '--reset-command',
        reset,
      ]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toContain('a and b stop answering after an input to GET /items/:id');
      const files = await readdir(join(cwd, 'cases/fuzz'));
      const crash = files.find((f) => f.includes('stops-answering'));
      expect(crash, files.join(', ')).toBeDefined();
      const text = await readFile(join(cwd, 'cases/fuzz', crash ?? ''), 'utf8');
      const file = parse(text) as {
        cases: { steps: { id: string; request: { path: string; headers?: object } }[] }[];
      };
      const steps = file.cases[0]?.steps ?? [];
      expect(steps.map((s) => s.id)).toEqual(['login', 'item']);
      // Shrunk, and still sent with the token its flow captures: without it the server answers 401.
      expect(steps[1]?.request.headers).toEqual({ authorization: 'Bearer {{token}}' });
      expect(steps[1]?.request.path).toMatch(/^\/items\/(?!\d+$)/);
    } finally {
      await Promise.all([a.close(), b.close(), control.close()]);
    }
  });
  it('without a reset hook: the flow step suspects are kept, with what their templates need', async () => {
    const [a, b] = await Promise.all([crashingSessionServer(), crashingSessionServer()]);
    try {
      const cwd = await tempProject({
        'cases/shop.yaml': CRASH_FLOW,
        'parity.config.yaml': `targets:
  a: { url: "${a.url}", disposable: true }
  b: { url: "${b.url}", disposable: true }
baseline: a
candidate: b
`,
      });
      const run = await runCli(cwd, [
        'fuzz',
        '--seed',
        '3',
        '--budget',
        '400',
        '--no-tracker',
        '--allow-writes',
      ]);
      expect(run.code, run.stdout + run.stderr).toBe(3);
      const [file] = await readdir(join(cwd, 'cases/fuzz'));
      const text = await readFile(join(cwd, 'cases/fuzz', file ?? ''), 'utf8');
      expect(text).toContain(
        "Inputs to steps of flow(s) shop/read are written as the step's request alone:",
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
