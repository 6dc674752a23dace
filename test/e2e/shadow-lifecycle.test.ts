/**
 * A shadow session's life: divergences stream into the open run's folder as
 * they are judged; its reports are refreshed in place (`--every`, SIGHUP,
 * which updates the tracker too) and are readable while the session goes
 * on; `parity show` and `parity decide` work on the live run; its last
 * report judges with the decision; `--capture` writes the distinct
 * requests as case files that validate and replay with `parity run` to the
 * same root causes.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10 });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Orders by id; the candidate writes `total` as a string (the planted divergence). */
async function shop(side: 'baseline' | 'candidate'): Promise<TestServer> {
  const server = await startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const order = /^\/v1\/orders\/(\d+)$/.exec(url.pathname);
    if (order !== null) {
      const total = Number(order[1]) * 100;
      json(res, 200, { id: Number(order[1]), total: side === 'candidate' ? String(total) : total });
      return;
    }
    if (url.pathname === '/v1/search') {
      json(res, 200, { query: url.searchParams.get('q'), hits: [] });
      return;
    }
    if (url.pathname === '/v1/login' && req.method === 'POST') {
      json(res, 200, { token: 'tok-abcdef-123456', user: JSON.parse(body || '{}').user ?? null });
      return;
    }
    json(res, 404, { error: 'not found' });
  });
  servers.push(server);
  return server;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  const answer = await request(url, { dispatcher: agent, headers });
  await answer.body.text();
  return answer.statusCode;
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const compared = (stdout: string): number => {
  const last = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  return last === undefined ? 0 : (JSON.parse(last) as { compared: number }).compared;
};

/** The run folders under `reports/`: not `latest`, nor the temporary entry it is swapped from (`.latest.*`). */
async function runs(cwd: string): Promise<string[]> {
  return (await readdir(join(cwd, 'reports')))
    .filter((name) => name !== 'latest' && !name.startsWith('.'))
    .sort();
}

describe('a shadow session', () => {
  it('streams divergences, writes the tracker on SIGHUP, and takes decisions made meanwhile', async () => {
    const baseline = await shop('baseline');
    const candidate = await shop('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`, '--json'),
    );
    for (const id of [1, 2, 3]) expect(await get(`${proxy.url}/v1/orders/${id}`)).toBe(200);
    expect(await get(`${proxy.url}/v1/search?q=x`)).toBe(200);
    // Divergences are on disk as they are judged, in the open run's folder (its final name).
    await waitUntil(async () => {
      const open = (await runs(cwd))[0];
      if (open === undefined) return false;
      const text = await readFile(join(cwd, 'reports', open, 'divergences.ndjson'), 'utf8').catch(
        () => '',
      );
      return text.trim().split('\n').filter(Boolean).length === 3;
    });
    // SIGHUP: the reports refreshed in place and the tracker updated now; the session goes on.
    proxy.signal('SIGHUP');
    await proxy.waitFor(/SIGHUP: reports refreshed in .*; tracker updated/);
    const [live] = await runs(cwd);
    expect(await runs(cwd)).toEqual([live]);
    const midRun = await latestReport(cwd);
    expect(midRun.runId).toBe(live);
    expect(midRun.results.map((r) => [r.request.path, r.verdict])).toEqual([
      ['/v1/orders/1', 'divergent'],
      ['/v1/orders/2', 'divergent'],
      ['/v1/orders/3', 'divergent'],
      ['/v1/search', 'equal'],
    ]);
    expect(await readFile(join(cwd, 'reports', live ?? '', 'report.html'), 'utf8')).toContain(
      '/v1/orders/:id',
    );
    const tracker = await readFile(join(cwd, TRACKER), 'utf8');
    const rows = trackerRows(parseTracker(tracker, TRACKER));
    expect(rows).toHaveLength(1);
    const id = rows[0]?.id ?? '';
    const shown = await runCli(cwd, ['show', id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('GET /v1/orders/:id');
    const decided = await runCli(cwd, ['decide', id, 'accepted', '--note', 'strings on purpose']);
    expect(decided.code).toBe(0);
    // The same run goes on; its last report judges every result with the decision.
    expect(await get(`${proxy.url}/v1/orders/4`)).toBe(200);
    await waitUntil(() => compared(proxy.stdout()) === 5);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(await runs(cwd)).toEqual([live]);
    // Published: the folder's owner mark is gone.
    expect(await readdir(join(cwd, 'reports', live ?? ''))).not.toContain('.owner');
    const final = await latestReport(cwd);
    expect(final.results.map((r) => [r.request.path, r.verdict])).toEqual([
      ['/v1/orders/1', 'accepted'],
      ['/v1/orders/2', 'accepted'],
      ['/v1/orders/3', 'accepted'],
      ['/v1/search', 'equal'],
      ['/v1/orders/4', 'accepted'],
    ]);
    const after = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    expect(after.map((r) => r.status)).toEqual(['accepted']);
  });

  it('--capture writes the distinct requests as cases that validate and replay to the same root causes', async () => {
    const baseline = await shop('baseline');
    const candidate = await shop('candidate');
    const cwd = await tempProject();
    const targets = ['--baseline', `rust=${baseline.url}`, '--candidate', `go=${candidate.url}`];
    const proxy = await startShadowCli(
      cwd,
      listenArgs(
        'proxy',
        `rust=${baseline.url}`,
        `go=${candidate.url}`,
        '--no-tracker',
        '--capture',
        'cases/traffic',
      ),
    );
    for (const id of [1, 2, 3]) await get(`${proxy.url}/v1/orders/${id}`);
    await get(`${proxy.url}/v1/search?q=one`, { authorization: 'Bearer caller-secret-987654321' });
    await get(`${proxy.url}/v1/search?q=two`);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const shadowReport = await latestReport(cwd);
    const files = await readdir(join(cwd, 'cases', 'traffic'));
    const texts = await Promise.all(
      files.map((f) => readFile(join(cwd, 'cases', 'traffic', f), 'utf8')),
    );
    // One case per endpoint template: the orders once, the search once; no credential.
    expect(texts.join('\n').match(/- id:/g)).toHaveLength(2);
    expect(texts.join('\n')).not.toContain('caller-secret');
    expect((await runCli(cwd, ['validate', 'cases/traffic'])).code).toBe(0);
    const replay = await runCli(cwd, ['run', 'cases/traffic', ...targets, '--no-tracker']);
    expect(replay.code).toBe(1);
    const replayed = await latestReport(cwd);
    const causes = (report: RunReport) =>
      [
        ...new Set(report.results.flatMap((r) => (r.findings ?? []).map((f) => f.fingerprint))),
      ].sort();
    expect(causes(replayed)).toEqual(causes(shadowReport));
    expect(causes(replayed)).toHaveLength(1);
  });

  it('--capture writes a client whose requests carry a token as a flow with a capture', async () => {
    const baseline = await shop('baseline');
    const candidate = await shop('candidate');
    const cwd = await tempProject({
      'parity.config.yaml': `targets:\n  go:\n    url: ${candidate.url}\n    disposable: true\n`,
    });
    const proxy = await startShadowCli(
      cwd,
      listenArgs(
        'proxy',
        `rust=${baseline.url}`,
        'go',
        '--no-tracker',
        '--mirror-writes',
        '--capture',
        'cases/traffic',
      ),
    );
    const login = await request(`${proxy.url}/v1/login`, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user":"ann"}',
    });
    const { token } = (await login.body.json()) as { token: string };
    await get(`${proxy.url}/v1/orders/7`, { authorization: `Bearer ${token}` });
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const files = await readdir(join(cwd, 'cases', 'traffic'));
    const session = files.find((f) => f.startsWith('session-'));
    expect(session, files.join(', ')).toBeDefined();
    const text = await readFile(join(cwd, 'cases', 'traffic', session ?? ''), 'utf8');
    expect(text).toContain('steps:');
    expect(text).toMatch(/capture:/);
    expect(text).not.toContain(token);
    expect((await runCli(cwd, ['validate', 'cases/traffic'])).code).toBe(0);
  });

  it('--every refreshes the one run folder in place on a timer, the tracker only at shutdown', async () => {
    const baseline = await shop('baseline');
    const candidate = await shop('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`, '--every', '1', '--json'),
    );
    const latest = async (): Promise<RunReport | undefined> => {
      const text = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8').catch(
        () => undefined,
      );
      return text === undefined ? undefined : (JSON.parse(text) as RunReport);
    };
    await get(`${proxy.url}/v1/orders/1`);
    await waitUntil(async () => (await latest())?.summary.cases === 1);
    const [live] = await runs(cwd);
    expect((await latest())?.runId).toBe(live);
    expect(await readFile(join(cwd, 'reports', live ?? '', 'report.html'), 'utf8')).toContain(
      '/v1/orders/:id',
    );
    // The timer writes no tracker: only SIGHUP and shutdown do.
    expect(await readFile(join(cwd, TRACKER), 'utf8').catch(() => '')).not.toContain(
      'GET /v1/orders/:id',
    );
    await get(`${proxy.url}/v1/orders/2`);
    await get(`${proxy.url}/v1/search?q=x`);
    // The same folder, refreshed in place.
    await waitUntil(async () => (await latest())?.summary.cases === 3);
    expect(await runs(cwd)).toEqual([live]);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(await runs(cwd)).toEqual([live]);
    const final = await latest();
    expect(final?.summary.cases).toBe(3);
    expect(final?.results.map((r) => [r.request.path, r.verdict])).toEqual([
      ['/v1/orders/1', 'divergent'],
      ['/v1/orders/2', 'divergent'],
      ['/v1/search', 'equal'],
    ]);
    expect(await readFile(join(cwd, TRACKER), 'utf8')).toContain('GET /v1/orders/:id');
  });

  it('a report file that failed at one refresh is written again at the next, and at shutdown', async () => {
    const baseline = await shop('baseline');
    const candidate = await shop('candidate');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      listenArgs('proxy', `rust=${baseline.url}`, `go=${candidate.url}`, '--no-tracker', '--json'),
    );
    const refreshes = () => proxy.stderr().split('SIGHUP: reports refreshed').length - 1;
    /** One more request compared, then a SIGHUP refresh. */
    const step = async (n: number): Promise<void> => {
      await get(`${proxy.url}/v1/orders/${n}`);
      await waitUntil(() => compared(proxy.stdout()) === n);
      proxy.signal('SIGHUP');
      await waitUntil(() => refreshes() === n);
    };
    await step(1);
    const [live] = await runs(cwd);
    const md = join(cwd, 'reports', live ?? '', 'report.md');
    expect(await readFile(md, 'utf8')).toContain('/v1/orders/:id');
    // report.md cannot be written at the next refresh: its name is a folder now.
    await rm(md);
    await mkdir(md);
    await step(2);
    expect((await stat(md)).isDirectory()).toBe(true);
    // Writable again: the next refresh writes it, with every result so far.
    await rm(md, { recursive: true });
    await step(3);
    expect(await readFile(md, 'utf8')).toContain('/v1/orders/3');
    await get(`${proxy.url}/v1/orders/4`);
    await waitUntil(() => compared(proxy.stdout()) === 4);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('/v1/orders/4');
  });
});
