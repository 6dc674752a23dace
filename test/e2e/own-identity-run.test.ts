/**
 * Issue 47 item 2, issue 43: a server's own identity found on the first run
 * by the run's evidence, with no identity header: two releases of one server
 * report their own version (twice, in two answers, one value per side), the
 * folder each runs in, its host name and its memory counter. None is a row;
 * each result says which evidence settled it. Beside them, a member the
 * candidate adds (a real change) keeps its own row, and so do a dependency's
 * version and a folder the client sent (an input echoed back): two causes
 * planted among the per-instance values stay their own rows. Two fixtures
 * with other member names and shapes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The body of the identity document for side `n` (0 baseline, 1 candidate). */
  readonly about: (n: 0 | 1, asked: string) => Record<string, unknown>;
  /** The members that are each side's own identity. */
  readonly own: readonly string[];
  /** The member the candidate adds, and the dependency version: rows of their own. */
  readonly rows: readonly string[];
}

const FIRST: Fixture = {
  name: 'version, cwd, rss beside an added option and a parser version',
  about: (n, asked) => ({
    // The candidate names its version in a product token.
    version: n === 0 ? '1.16.0' : 'bankd 2.9.1',
    process: { cwd: n === 0 ? '/srv/bank-one' : '/opt/bank-two', rss: n === 0 ? 51_200 : 77_824 },
    dbSize: n === 0 ? 20_480 : 28_672,
    parserVersion: n === 0 ? '3.1.0' : '4.0.2',
    dataDir: `${asked}${n === 0 ? '' : '/'}`,
    ...(n === 1 ? { recordRequests: 'all' } : {}),
  }),
  own: ['/version', '/process/cwd', '/process/rss', '/dbSize'],
  rows: ['/recordRequests', '/parserVersion', '/dataDir'],
};

const SECOND: Fixture = {
  name: 'a build number, install path, host name, heap beside an added flag and an engine version',
  about: (n, asked) => ({
    build: { version: { number: n === 0 ? 'store-server/v7.17.2 (linux)' : 'v8.4.0' } },
    system: {
      installPath: n === 0 ? 'C:\\store\\7' : 'D:\\store\\8',
      hostname: n === 0 ? 'store-a.local' : 'store-b.local',
      heapUsedBytes: n === 0 ? 1_024_000 : 2_048_000,
      diskUsed: n === 0 ? 4_096 : 81_920,
    },
    engineVersion: n === 0 ? '1.2.3' : '1.3.0',
    homePath: `${asked}${n === 0 ? '' : '/'}`,
    ...(n === 1 ? { tls: true } : {}),
  }),
  own: [
    '/build/version/number',
    '/system/installPath',
    '/system/hostname',
    '/system/heapUsedBytes',
    '/system/diskUsed',
  ],
  rows: ['/tls', '/engineVersion', '/homePath'],
};

async function server(f: Fixture, n: 0 | 1): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url.pathname === '/status') {
      // The version again, in another answer: one value per side across the run.
      const about = f.about(n, '');
      res.end(
        JSON.stringify({ ok: true, ...('version' in about ? { version: about.version } : {}) }),
      );
      return;
    }
    res.end(JSON.stringify(f.about(n, url.searchParams.get('dir') ?? '/data/asked')));
  });
}

describe("a server's own identity, on the first run, by the run's evidence", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, 0);
    const candidate = await server(f, 1);
    started.push(baseline, candidate);
    const cwd = await tempProject({
      'cases/admin.yaml': `suite: admin
cases:
  - id: about
    request: { method: GET, path: /about, query: { dir: /data/asked } }
  - id: status
    request: { method: GET, path: /status }
`,
    });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const summaries = (report.rootCauses ?? []).map((c) => c.summary).join('\n');
    for (const own of f.own) expect(summaries).not.toContain(`\`${own}\``);
    // The real change, the dependency's version and the echoed folder keep their rows.
    for (const row of f.rows) expect(summaries).toContain(row);
    const result = report.results.find((r) => r.caseId === 'admin/about');
    const generated = result?.generated?.join('\n') ?? '';
    for (const own of f.own) {
      expect(generated).toContain(`${own} (`);
    }
    expect(generated).toMatch(/on both sides, in no request of the run/);

    // With a tracker: `parity show` of a row beside them lists what was set aside, with its evidence.
    const tracked = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    expect(tracked.code, tracked.stdout + tracked.stderr).toBe(1);
    const shown = await runCli(cwd, ['show', 'PAR-001']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("Set aside in this case (each server's own, by evidence):");
    expect(shown.stdout).toContain(`${f.own[0]} (`);
  });
});
