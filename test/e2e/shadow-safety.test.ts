/**
 * Shadow mode is bounded and safe: the client never fails because of the
 * candidate (killed, or hung: then the bounded queue drops and counts),
 * writes reach the candidate only with `--mirror-writes` and a disposable
 * target, sampling by a header keeps a session whole, secrets the clients
 * send never reach a report, and SIGTERM loses no compared pair.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10 });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function echo(name: string): Promise<TestServer> {
  const server = await startServer((req, res, body) => {
    json(res, req.method === 'POST' ? 201 : 200, {
      path: req.url,
      auth: req.headers.authorization ?? null,
      body,
      side: name === 'changed' ? 'other' : 'same',
    });
  });
  servers.push(server);
  return server;
}

async function hung(): Promise<TestServer> {
  // Never answers: the candidate is up but stuck.
  const server = await startServer(() => new Promise<void>(() => undefined));
  servers.push(server);
  return server;
}

async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const answer = await request(url, {
    dispatcher: agent,
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers ?? {},
    body: init.body ?? null,
  });
  await answer.body.text();
  return answer.statusCode;
}

interface Status {
  seen: number;
  mirrored: number;
  dropped: number;
  compared: number;
  errors: number;
  skipped: Record<string, number>;
}

async function waitUntil(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function lastStatus(stdout: string): Status {
  const lines = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  return JSON.parse(lines.at(-1) ?? '{}') as Status;
}

async function latest(cwd: string): Promise<{ report: RunReport; files: string[]; text: string }> {
  const dir = join(cwd, 'reports', 'latest');
  const files = await readdir(dir);
  const text = await readFile(join(dir, 'report.json'), 'utf8');
  return { report: JSON.parse(text) as RunReport, files, text };
}

const proxyArgs = (baseline: TestServer, candidate: string, more: string[] = []) =>
  listenArgs('proxy', `old=${baseline.url}`, `new=${candidate}`, '--json', ...more);

describe('shadow mode, bounded and safe', () => {
  it('a candidate killed mid-run costs the clients nothing; its failures are counted', async () => {
    const baseline = await echo('same');
    const candidate = await echo('same');
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, proxyArgs(baseline, candidate.url, ['--no-tracker']));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await send(`${proxy.url}/a/${i}`));
    await waitUntil(() => lastStatus(proxy.stdout()).compared === 5);
    await candidate.close();
    servers.splice(servers.indexOf(candidate), 1);
    for (let i = 5; i < 10; i++) statuses.push(await send(`${proxy.url}/a/${i}`));
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(statuses).toEqual(Array(10).fill(200));
    const { report } = await latest(cwd);
    expect(report.summary.cases).toBe(10);
    expect(report.summary.errors).toBe(5);
    expect(lastStatus(proxy.stdout())).toMatchObject({ seen: 10, compared: 10, errors: 5 });
  });

  it('a baseline that fails a request already handed over counts it once: mirrored, unanswered, never also not mirrored', async () => {
    // Sends its head, then breaks the connection mid-body for /broken.
    const baseline = await startServer((req, res) => {
      if (req.url === '/broken') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"half":');
        setTimeout(() => res.destroy(), 20);
        return;
      }
      json(res, 200, { path: req.url });
    });
    servers.push(baseline);
    const candidate = await echo('same');
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, proxyArgs(baseline, candidate.url, ['--no-tracker']));
    expect(await send(`${proxy.url}/fine`)).toBe(200);
    await send(`${proxy.url}/broken`).catch(() => undefined);
    expect(await send(`${proxy.url}/fine2`)).toBe(200);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const status = lastStatus(proxy.stdout()) as Status & { unanswered: number };
    const notMirrored = Object.values(status.skipped).reduce((a, b) => a + b, 0);
    expect(status.seen).toBe(3);
    // Each request seen is counted once: mirrored, dropped, or not mirrored.
    expect(status.mirrored + status.dropped + notMirrored).toBe(status.seen);
    expect(status).toMatchObject({ mirrored: 3, compared: 2, unanswered: 1 });
    expect(status.skipped['baseline-failed']).toBe(0);
  });

  it('a hung candidate fills the bounded queue: copies are dropped and counted, clients served', async () => {
    const baseline = await echo('same');
    const candidate = await hung();
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      proxyArgs(baseline, candidate.url, [
        '--no-tracker',
        '--queue',
        '2',
        '--concurrency',
        '1',
        '--timeout',
        '300',
      ]),
    );
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(`${proxy.url}/b/${i}`)),
    );
    expect(statuses).toEqual(Array(12).fill(200));
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const status = lastStatus(proxy.stdout());
    expect(status.seen).toBe(12);
    expect(status.dropped).toBeGreaterThan(0);
    // Every copy taken in was compared (the queue drained at SIGTERM): none lost.
    expect(status.mirrored + status.dropped).toBe(12);
    const { report } = await latest(cwd);
    expect(report.summary.cases).toBe(status.mirrored);
    expect(status.compared).toBe(status.mirrored);
  });

  it('a second stop signal drops what still waits, counted; the pair under way is compared', async () => {
    const baseline = await echo('same');
    const candidate = await hung();
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      proxyArgs(baseline, candidate.url, [
        '--no-tracker',
        '--queue',
        '10',
        '--concurrency',
        '1',
        '--timeout',
        '3000',
      ]),
    );
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(`${proxy.url}/w/${i}`)),
    );
    expect(statuses).toEqual(Array(6).fill(200));
    // One copy waits for the hung candidate, five in the queue: draining them takes 18 s.
    await waitUntil(() => lastStatus(proxy.stdout()).mirrored === 6);
    const started = Date.now();
    proxy.signal('SIGTERM');
    await proxy.waitFor('send it again to drop the queue');
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
    const status = lastStatus(proxy.stdout());
    expect(status).toMatchObject({ seen: 6, mirrored: 6, dropped: 5, compared: 1, errors: 1 });
    const { report } = await latest(cwd);
    expect(report.summary.cases).toBe(1);
  }, 60_000);

  it('writes reach the candidate only with --mirror-writes, and only a disposable one', async () => {
    const baseline = await echo('same');
    const candidate = await echo('same');
    const refused = await runCli(await tempProject(), [
      ...proxyArgs(baseline, candidate.url, ['--mirror-writes']),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/new, which the config does not mark disposable/);
    const cwd = await tempProject({
      'parity.config.yaml': `targets:\n  new:\n    url: ${candidate.url}\n    disposable: true\n`,
    });
    const proxy = await startShadowCli(
      cwd,
      proxyArgs(baseline, candidate.url, ['--no-tracker', '--mirror-writes']),
    );
    expect(await send(`${proxy.url}/orders`, { method: 'POST', body: 'x' })).toBe(201);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    expect(candidate.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('--sample by a header mirrors a session whole or not at all', async () => {
    const baseline = await echo('same');
    const candidate = await echo('same');
    const cwd = await tempProject();
    const proxy = await startShadowCli(
      cwd,
      proxyArgs(baseline, candidate.url, [
        '--no-tracker',
        '--sample',
        '50%',
        '--sample-by',
        'header:x-session',
      ]),
    );
    for (let session = 0; session < 20; session++) {
      for (let i = 0; i < 3; i++) {
        await send(`${proxy.url}/s/${session}/${i}`, { headers: { 'x-session': `s${session}` } });
      }
    }
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const bySession = new Map<string, number>();
    for (const r of candidate.requests) {
      const s = String(r.headers['x-session']);
      bySession.set(s, (bySession.get(s) ?? 0) + 1);
    }
    expect([...bySession.values()].every((n) => n === 3)).toBe(true);
    expect(bySession.size).toBeGreaterThan(0);
    expect(bySession.size).toBeLessThan(20);
  });

  it("keeps the clients' credentials out of every report file", async () => {
    const baseline = await echo('same');
    const candidate = await echo('changed');
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, proxyArgs(baseline, candidate.url, ['--no-tracker']));
    const token = 'Bearer s3cr3t-token-value-0123456789';
    expect(
      await send(`${proxy.url}/me?api_key=k3y-value-abcdef123456`, {
        headers: { authorization: token },
      }),
    ).toBe(200);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const dir = join(cwd, 'reports', 'latest');
    const { report, files } = await latest(cwd);
    expect(report.summary.divergent).toBe(1);
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8').catch(() => '');
      expect(text, file).not.toContain('s3cr3t-token-value');
      expect(text, file).not.toContain('k3y-value-abcdef123456');
    }
  });
});

describe('shadow mode with a baseline replica', () => {
  it("learns the servers' noise per request: only the planted divergence is reported", async () => {
    const noisy = async (plant: boolean) => {
      const server = await startServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        json(res, 200, {
          path: url.pathname,
          requestId: Math.random().toString(36).slice(2),
          servedAt: Math.random(),
          ...(plant && url.pathname === '/planted' ? { extra: true } : {}),
        });
      });
      servers.push(server);
      return server;
    };
    const baseline = await noisy(false);
    const replica = await noisy(false);
    const candidate = await noisy(true);
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, [
      ...proxyArgs(baseline, candidate.url, ['--no-tracker']),
      '--baseline-replica',
      `old2=${replica.url}`,
    ]);
    for (let i = 0; i < 6; i++) expect(await send(`${proxy.url}/items/${i}`)).toBe(200);
    expect(await send(`${proxy.url}/planted`)).toBe(200);
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const { report } = await latest(cwd);
    expect(replica.requests).toHaveLength(7);
    expect(report.summary.cases).toBe(7);
    const divergent = report.results.filter((r) => r.verdict === 'divergent');
    expect(divergent.map((r) => r.request.path)).toEqual(['/planted']);
  });
});

describe('shadow mode without a replica', () => {
  it('learns noise and per-instance values from the reads the traffic repeats: only the planted divergence stays', async () => {
    // Each answer carries values the server makes up per response (an id, a
    // time): the noise. The candidate also renames `total` on /planted/N.
    const noisy = async (plant: boolean) => {
      const server = await startServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const planted = plant && url.pathname.startsWith('/planted/');
        json(res, 200, {
          path: url.pathname,
          requestId: Math.random().toString(36).slice(2),
          servedAt: new Date(Date.now() + Math.floor(Math.random() * 1e9)).toISOString(),
          ...(planted ? { Total: 3 } : { total: 3 }),
        });
      });
      servers.push(server);
      return server;
    };
    const baseline = await noisy(false);
    const candidate = await noisy(true);
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, proxyArgs(baseline, candidate.url, ['--no-tracker']));
    // Each read three times, as traffic repeats itself.
    const paths = ['/items/1', '/items/2', '/items/3', '/planted/1', '/planted/2'];
    for (let round = 0; round < 3; round++) {
      for (const path of paths) expect(await send(proxy.url + path)).toBe(200);
    }
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const { report } = await latest(cwd);
    expect(report.summary.cases).toBe(15);
    // Nothing was sent twice: the second answers are the traffic's own.
    expect(baseline.requests).toHaveLength(15);
    expect(report.noise?.source).toMatch(/previous answer to the same read/);
    // The repeated reads learned the made-up values per request; the
    // endpoint's evidence then masks them in the first reads too.
    const divergent = report.results.filter((r) => r.verdict === 'divergent');
    expect(new Set(divergent.map((r) => r.request.path))).toEqual(
      new Set(['/planted/1', '/planted/2']),
    );
    const findings = divergent.flatMap((r) =>
      r.verdict === 'divergent' ? r.findings.flatMap((f) => f.paths) : [],
    );
    expect(findings.some((p) => /requestId|servedAt/.test(p))).toBe(false);
    expect(findings.some((p) => /total/i.test(p))).toBe(true);
    // Both sides' earlier answers are a second look's evidence too: the
    // values that changed on each side are known per-instance.
    const generated = report.results.flatMap((r) => r.generated ?? []);
    expect(generated).toContain('/servedAt (changed between two requests to each side)');
  });

  it('never masks a type difference as noise where the candidate stays stable and the baseline changes', async () => {
    // The baseline counts up at three places (a number, a text, a list's
    // elements); the candidate answers one value forever, of another type:
    // those are type differences, never the noise the baseline's counting is.
    let served = 0;
    const baseline = await startServer((req, res) => {
      served++;
      json(res, 200, {
        path: req.url,
        hits: served,
        label: `run ${served}`,
        counts: [served, served + 1],
        total: 3,
      });
    });
    servers.push(baseline);
    const candidate = await startServer((req, res) => {
      json(res, 200, { path: req.url, hits: '7', label: 7, counts: ['7', '8'], total: 3 });
    });
    servers.push(candidate);
    const cwd = await tempProject();
    const proxy = await startShadowCli(cwd, proxyArgs(baseline, candidate.url, ['--no-tracker']));
    for (let round = 0; round < 4; round++) {
      for (const path of ['/a', '/b', '/c']) expect(await send(proxy.url + path)).toBe(200);
    }
    proxy.signal('SIGTERM');
    expect(await proxy.ended).toBe(0);
    const { report } = await latest(cwd);
    expect(report.summary.cases).toBe(12);
    // Every read shows both type differences, the first ones and the repeated ones alike.
    for (const result of report.results) {
      const changes = result.verdict === 'divergent' ? result.changes : [];
      const types = changes.filter((c) => c.op === 'type').map((c) => c.path);
      expect([result.request.path, result.verdict, types.sort()]).toEqual([
        result.request.path,
        'divergent',
        ['/counts/0', '/counts/1', '/hits', '/label'],
      ]);
    }
  });
});

describe('shadow mode refuses', () => {
  it('an address it cannot listen on, as bad usage', async () => {
    const baseline = await echo('same');
    const cwd = await tempProject();
    const result = await runCli(cwd, [
      'shadow',
      '--listen',
      `127.0.0.1:${baseline.port}`,
      '--baseline',
      `old=${baseline.url}`,
      '--candidate',
      `new=${baseline.url}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot listen there \(EADDRINUSE\)/);
    // Nothing is left behind in the reports folder, and no file in it is left open.
    expect(await readdir(join(cwd, 'reports')).catch(() => [])).toEqual([]);
    expect(await openFilesUnder(cwd)).toEqual([]);
  });
});

/** The files this process holds open below `dir` (Linux: /proc/self/fd). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const held: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(join('/proc/self/fd', fd)).catch(() => '');
    if (target.startsWith(dir)) held.push(target);
  }
  return held;
}
