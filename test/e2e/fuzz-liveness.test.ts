/**
 * `parity fuzz` against a target that goes down mid-run, and one that
 * crashes on some inputs: the first keeps no finding (its failures since are
 * not about the inputs) and exits 3 saying so; the second's crashes are the
 * findings, and the replay of them exits 1, not 3.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const SEEDS = `suite: api
cases:
  - id: get-item
    request: { method: GET, path: /v1/items/1 }
`;

const item = (url: string | undefined) => /^\/v1\/items\/([^/?]+)/.exec(url ?? '')?.[1];

let baseline: TestServer;
let dying: TestServer;
let crashing: TestServer;
beforeAll(async () => {
  const answer = (res: Parameters<typeof json>[0], id: string | undefined) =>
    id === '1' ? json(res, 200, { id: 1 }) : json(res, 404, { error: 'no such item' });
  baseline = await startServer((req, res) => answer(res, item(req.url)));
  // Answers its first 40 requests, then drops every connection: a server that died.
  let served = 0;
  dying = await startServer((req, res) => {
    if (++served > 40) req.socket.destroy();
    else answer(res, item(req.url));
  });
  // Answers item 1 (the seed); any other id crashes the handler and drops the connection.
  crashing = await startServer((req, res) => {
    if (item(req.url) === '1') json(res, 200, { id: 1 });
    else req.socket.destroy();
  });
});
afterAll(async () => Promise.all([baseline.close(), dying.close(), crashing.close()]));

const fuzz = (candidate: string) => [
  'fuzz',
  '--seed',
  '3',
  '--budget',
  '300',
  '--baseline',
  `a=${baseline.url}`,
  '--candidate',
  `b=${candidate}`,
  '--no-tracker',
];

describe('parity fuzz and a target that stops answering', () => {
  it('stops sending when the target went down, keeps the inputs in flight as suspects, and exits 3 saying so', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': SEEDS });
    const run = await runCli(cwd, fuzz(dying.url));
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain('b stopped answering during the fuzz run');
    // Sending stopped at the first failure, and the inputs in flight then were kept, unproven.
    expect(run.stderr).toContain('sending stopped there');
    expect(dying.requests.length).toBeLessThan(80);
    expect(await readdir(join(cwd, 'cases/fuzz'))).toEqual([
      'get-v1-items-id-stops-answering-suspects.yaml',
    ]);
    const text = await readFile(
      join(cwd, 'cases/fuzz/get-v1-items-id-stops-answering-suspects.yaml'),
      'utf8',
    );
    expect(text).toContain('serial: true');
    expect(text).toContain('crash-suspect');
    expect((await runCli(cwd, ['validate', 'cases/fuzz'])).code).toBe(0);
  });

  it('reports inputs that crash a target that still answers its seeds, and exits 1', async () => {
    const cwd = await tempProject({ 'cases/api.yaml': SEEDS });
    const run = await runCli(cwd, fuzz(crashing.url));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).not.toContain('unreachable');
    expect((await readdir(join(cwd, 'cases/fuzz'))).length).toBeGreaterThan(0);
  });

  it('says when the seeds took the whole time budget and no input was sent', async () => {
    const slow = await startServer(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      json(res, 200, { id: 1 });
    });
    try {
      const cwd = await tempProject({ 'cases/api.yaml': SEEDS });
      const argv = fuzz(slow.url).map((arg) => (arg === '300' ? '200ms' : arg));
      const run = await runCli(cwd, argv);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('0 inputs in');
      expect(run.stdout).toContain(
        'the seed cases took the whole budget (200 ms): no input was sent',
      );
    } finally {
      await slow.close();
    }
  });
});
