/**
 * `parity shadow` behind a real nginx: nginx serves the clients from the
 * baseline and mirrors every request to parity's sink with `mirror`; the
 * sink answers each copy at once and compares a baseline instance with the
 * candidate. Real undici clients; nothing is skipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { type Nginx, startNginx } from '../helpers/nginx.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const servers: TestServer[] = [];
const gateways: Nginx[] = [];
const agent = new Agent({ keepAliveTimeout: 10 });
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.stop()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function service(side: 'baseline' | 'candidate'): Promise<TestServer> {
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const item = /^\/v1\/items\/(\d+)$/.exec(url.pathname);
    if (item !== null) {
      const id = Number(item[1]);
      // The planted divergence: the candidate names the price `Price`.
      const price = side === 'candidate' ? { Price: id * 10 } : { price: id * 10 };
      json(res, 200, { id, ...price, q: url.searchParams.get('q') });
      return;
    }
    json(res, 200, { ok: true, path: url.pathname });
  });
  servers.push(server);
  return server;
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const answer = await request(url, { dispatcher: agent });
  return { status: answer.statusCode, body: await answer.body.text() };
}

describe('parity shadow behind nginx mirror', () => {
  it('compares every mirrored request and reports the planted divergence', async () => {
    const baseline = await service('baseline');
    const candidate = await service('candidate');
    const cwd = await tempProject();
    const sink = await startShadowCli(
      cwd,
      listenArgs('shadow', `rust=${baseline.url}`, `go=${candidate.url}`, '--json'),
    );
    const nginx = await startNginx(baseline.url, [sink.url]);
    gateways.push(nginx);
    const paths = ['/v1/items/1?q=a', '/v1/items/2?q=b', '/v1/health', '/v1/items/3'];
    for (const path of paths) {
      const through = await get(nginx.url + path);
      expect(through).toEqual(await get(baseline.url + path));
    }
    // The sink has every copy compared before it stops: wait until the status says so.
    await waitUntil(() => lastStatus(sink.stdout())?.compared === paths.length);
    sink.signal('SIGTERM');
    expect(await sink.ended).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary.cases).toBe(paths.length);
    const divergent = report.results.filter((r) => r.verdict === 'divergent');
    expect(divergent.map((r) => `${r.request.path}`).sort()).toEqual([
      '/v1/items/1',
      '/v1/items/2',
      '/v1/items/3',
    ]);
    // The original URI (query included) reached both sides.
    expect(candidate.requests.map((r) => r.url).sort()).toEqual([...paths].sort());
    // The gateway's own headers (X-Forwarded-For, X-Original-URI) are read, not sent on.
    expect(candidate.requests.every((r) => r.headers['x-original-uri'] === undefined)).toBe(true);
    expect(candidate.requests.every((r) => r.headers['x-forwarded-for'] === undefined)).toBe(true);
    expect(report.coverage?.endpoints.map((e) => e.endpoint)).toContain('GET /v1/items/:id');
  });
});

function lastStatus(stdout: string): { compared: number } | undefined {
  const lines = stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  const last = lines.at(-1);
  return last === undefined ? undefined : (JSON.parse(last) as { compared: number });
}

async function waitUntil(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('several sinks behind one nginx', () => {
  it('two sinks merged give the same rows as one sink over the same traffic', async () => {
    const baseline = await service('baseline');
    const candidate = await service('candidate');
    const args = (name: string) =>
      listenArgs(
        'shadow',
        `rust=${baseline.url}`,
        `go=${candidate.url}`,
        '--json',
        '--reports',
        `reports/${name}`,
      );
    const cwd = await tempProject();
    const alone = await tempProject();
    const [a, b, one] = await Promise.all([
      startShadowCli(cwd, args('sink-a')),
      startShadowCli(cwd, [...args('sink-b'), '--no-tracker']),
      startShadowCli(alone, args('one')),
    ]);
    // nginx mirrors every request to each sink: two whose runs are merged, and one alone.
    const nginx = await startNginx(baseline.url, [a.url, b.url, one.url]);
    gateways.push(nginx);
    const paths = ['/v1/items/1', '/v1/items/2?q=z', '/v1/health', '/v1/other'];
    for (const path of paths) expect((await get(nginx.url + path)).status).toBe(200);
    for (const sink of [a, b, one]) {
      await waitUntil(() => lastStatus(sink.stdout())?.compared === paths.length);
      sink.signal('SIGTERM');
      expect(await sink.ended).toBe(0);
    }
    // sink-a's run updated the tracker already: merging updates it once more, to the same rows.
    const merged = await runCli(cwd, [
      'merge',
      'reports/sink-a/latest',
      'reports/sink-b/latest',
      '--reports',
      'reports/merged',
      '--fail-on',
      'none',
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    const causes = async (dir: string, reports: string) => {
      const report = await latestReport(dir, join('reports', reports));
      return (report.rootCauses ?? []).map((c) => c.fingerprint).sort();
    };
    expect(await causes(cwd, 'merged')).toEqual(await causes(alone, 'one'));
    expect(await causes(alone, 'one')).toHaveLength(1);
    const rows = async (dir: string) =>
      trackerRows(parseTracker(await readFile(join(dir, TRACKER), 'utf8'), TRACKER)).map((r) => [
        r.fingerprint,
        r.status,
        r.endpoints,
      ]);
    expect(await rows(cwd)).toEqual(await rows(alone));
  });
});
