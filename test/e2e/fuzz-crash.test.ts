/**
 * `parity fuzz` keeps what kills a server. A target that stops listening on
 * some inputs (it "crashes": its listener closes and its connections drop)
 * and that a `--reset-command` brings back: the input after which it stops
 * answering is a finding of its own, shrunk and written as a case, and the
 * exploration goes on. Both sides stopping, without a reset hook: sending
 * stops at once and the inputs in flight are kept as suspects.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, reviveCommand, startServer, type TestServer } from '../helpers/http.js';

const SEEDS = `suite: api
cases:
  - id: get-item
    request: { method: GET, path: /v1/items/1 }
`;

const idOf = (url: string | undefined) => /^\/v1\/items\/([^/?]*)/.exec(url ?? '')?.[1];

/** A server on a fixed port that dies on an id that is not all digits, until `revive()`. */
async function crashingServer(): Promise<{
  url: string;
  received: () => number;
  revive: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let received = 0;
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        received++;
        const id = idOf(req.url);
        if (id !== undefined && !/^\d+$/.test(id)) return void kill();
        if (id === '1') return json(res, 200, { id: 1 });
        json(res, 404, { error: 'no such item' });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address !== null && typeof address === 'object') port = address.port;
        resolve();
      });
    });
  const kill = () => {
    server?.close();
    server = undefined;
    for (const socket of sockets) socket.destroy();
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    revive: async () => {
      if (server === undefined) await listen();
    },
    close: async () => kill(),
  };
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => Promise.all(closers.map((close) => close())));

const fuzz = (baseline: string, candidate: string, budget: string) => [
  'fuzz',
  '--seed',
  '3',
  '--budget',
  budget,
  '--baseline',
  `a=${baseline}`,
  '--candidate',
  `b=${candidate}`,
  '--no-tracker',
];

describe('parity fuzz and an input that stops a target', () => {
  it('with --reset-command that restarts it: finds the input, shrinks it, writes it as a case, exits 1', async () => {
    const baseline: TestServer = await startServer((req, res) =>
      idOf(req.url) === '1' ? json(res, 200, { id: 1 }) : json(res, 404, { error: 'no such item' }),
    );
    const candidate = await crashingServer();
    // The reset command asks this control server to bring the candidate back.
    const control: TestServer = await startServer(async (_req, res) => {
      await candidate.revive();
      json(res, 200, { ok: true });
    });
    closers.push(baseline.close, candidate.close, control.close);
    const cwd = await tempProject({ 'cases/api.yaml': SEEDS });
    const reset = reviveCommand(control);
    const run = await runCli(cwd, [
      ...fuzz(baseline.url, candidate.url, '12'),
      '--reset-command',
      reset,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).not.toContain('unreachable');
    expect(run.stdout).toContain('crashes: a side stops answering after one input');
    expect(run.stdout).toContain('b stops answering after an input to GET /v1/items/:id');
    const files = await readdir(join(cwd, 'cases/fuzz'));
    const crash = files.find((f) => f.includes('stops-answering'));
    expect(crash, files.join(', ')).toBeDefined();
    const text = await readFile(join(cwd, 'cases/fuzz', crash ?? ''), 'utf8');
    expect(text).toContain('tags: [ fuzz, crash ]');
    // Shrunk: what stops it is an id that is not all digits, whatever else the input held.
    const path = /path: "([^"]*)"/.exec(text)?.[1] ?? '';
    expect(idOf(path)).toMatch(/^(?!\d+$)/);
    expect(path.length).toBeLessThanOrEqual('/v1/items/1'.length + 2);
  });

  it('both sides stopping, without a reset hook: stops sending at once, keeps the suspects, exits 3', async () => {
    const a = await crashingServer();
    const b = await crashingServer();
    closers.push(a.close, b.close);
    const cwd = await tempProject({ 'cases/api.yaml': SEEDS });
    const run = await runCli(cwd, fuzz(a.url, b.url, '400'));
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain('a, b stopped answering during the fuzz run');
    expect(run.stderr).toMatch(/\d+ input\(s\) of the budget not sent/);
    // The seeds, a few inputs, the probes: nothing close to the 400 inputs of the budget.
    expect(b.received()).toBeLessThan(40);
    const files = await readdir(join(cwd, 'cases/fuzz'));
    expect(files).toEqual(['get-v1-items-id-stops-answering-suspects.yaml']);
  });
});
