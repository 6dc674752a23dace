/**
 * What servers send, at its most hostile: keys named like `Object.prototype`'s
 * members on either side, bodies nested ten thousand levels deep, bodies past
 * the node budget, bodies and request bodies of megabytes, an unsolicited
 * `100 Continue`. Each is a recorded result (a divergence, or equal) with every
 * report written, never a crash, and reports stay a bounded size.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { httpResponse, type RawServer, startRawServer } from './helpers.js';

const open: (TestServer | RawServer)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** Two servers answering `baseline(path)` and `candidate(path)` as JSON text. */
async function pair(baseline: (path: string) => string, candidate: (path: string) => string) {
  const text = (answer: (path: string) => string) =>
    startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer(req.url ?? ''));
    });
  const servers = [await text(baseline), await text(candidate)];
  open.push(...servers);
  return ['--baseline', `b=${servers[0]?.url}`, '--candidate', `c=${servers[1]?.url}`];
}

function casesFor(paths: readonly string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    suite: 'h',
    cases: paths.map((path, n) => ({ id: `c${n}`, request: { method: 'GET', path }, ...extra })),
  });
}

async function reportFiles(cwd: string): Promise<Record<string, string>> {
  const dir = join(cwd, 'reports', 'latest');
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    if ((await stat(join(dir, name))).isFile()) out[name] = await readFile(join(dir, name), 'utf8');
  }
  return out;
}

/** A run of one GET case per path against two servers, without a tracker. */
async function runAgainst(baseline: { url: string }, candidate: { url: string }, paths: string[]) {
  const cwd = await tempProject({ 'cases/c.json': casesFor(paths) });
  const targets = ['--baseline', `b=${baseline.url}`, '--candidate', `c=${candidate.url}`];
  return { cwd, outcome: await runCli(cwd, ['run', ...targets, '--no-tracker']) };
}

const PROTO_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('keys named like Object.prototype members', () => {
  it('compare correctly on either side, at the top and nested', async () => {
    const paths = PROTO_KEYS.flatMap((k) => [`/b/${k}`, `/c/${k}`, `/n/${k}`, `/same/${k}`]);
    const body = (side: 'b' | 'c') => (path: string) => {
      const [, where, key = ''] = path.split('/');
      const member = `{${JSON.stringify(key)}:1}`;
      if (where === 'same') return `{"x":${member}}`;
      if (where === 'n')
        return side === 'b' ? `{"x":${member}}` : `{"x":{${JSON.stringify(key)}:2}}`;
      // A member both sides share keeps the object from being `{}` (one change at the object).
      return where === side ? `{"k":0,${JSON.stringify(key)}:1}` : '{"k":0}';
    };
    const targets = await pair(body('b'), body('c'));
    const cwd = await tempProject({ 'cases/p.json': casesFor(paths) });
    const outcome = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(outcome.stderr).not.toContain('internal error');
    expect(outcome.code).toBe(1);
    const report = await latestReport(cwd);
    const byPath = new Map(report.results.map((r) => [r.request.path, r]));
    for (const key of PROTO_KEYS) {
      expect(byPath.get(`/b/${key}`)?.changes).toEqual([
        { path: `/${key}`, op: 'removed', baseline: 1 },
      ]);
      expect(byPath.get(`/c/${key}`)?.changes).toEqual([
        { path: `/${key}`, op: 'added', candidate: 1 },
      ]);
      expect(byPath.get(`/n/${key}`)?.changes).toEqual([
        { path: `/x/${key}`, op: 'value', baseline: 1, candidate: 2 },
      ]);
      expect(byPath.get(`/same/${key}`)?.verdict).toBe('equal');
    }
  });
});

describe('bodies nested deeper than anything recurses', () => {
  it('10,000+ levels on both sides: too complex, compared by hash, every report written', async () => {
    const deep = (leaf: string) => `${'['.repeat(12_000)}${leaf}${']'.repeat(12_000)}`;
    const objects = (leaf: string) => `${'{"a":'.repeat(10_000)}${leaf}${'}'.repeat(10_000)}`;
    const targets = await pair(
      (path) => (path === '/arrays' ? deep('1') : objects('1')),
      (path) => (path === '/arrays' ? deep('2') : objects('1')),
    );
    const cwd = await tempProject({ 'cases/d.json': casesFor(['/arrays', '/objects']) });
    const outcome = await runCli(cwd, ['run', ...targets]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    const files = await reportFiles(cwd);
    expect(Object.keys(files).sort()).toEqual([
      'assessment.json',
      'junit.xml',
      'report.html',
      'report.json',
      'report.md',
      'results.ndjson',
    ]);
    const report = await latestReport(cwd);
    const [arrays, objects2] = report.results;
    expect(arrays?.verdict).toBe('divergent');
    expect(arrays?.baseline.bodyKind).toBe('too-complex');
    expect(arrays?.explanation).toContain('nested deeper than 256 levels');
    expect(objects2?.verdict).toBe('equal');
    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    for (const finding of arrays?.findings ?? []) expect(tracker).toContain(finding.fingerprint);
    expect(arrays?.findings?.length).toBeGreaterThan(0);
  });
});

describe('the node budget', () => {
  it('a body past it is too complex, reported with its size and compared by hash', async () => {
    const wide = (v: number) =>
      `{${Array.from({ length: 5_000 }, (_, n) => `"k${n}":${v}`).join(',')}}`;
    const targets = await pair(
      () => wide(0),
      (path) => wide(path === '/same' ? 0 : 1),
    );
    const cwd = await tempProject({
      'cases/w.json': casesFor(['/diff', '/same']),
      'parity.config.yaml': 'bodyBudget: { nodes: 1000 }\n',
    });
    const outcome = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(outcome.code, outcome.stderr).toBe(1);
    const report = await latestReport(cwd);
    const [diff, same] = report.results;
    expect(diff?.baseline.bodyKind).toBe('too-complex');
    expect(diff?.bodies?.baseline).toMatch(
      /^too complex to compare as a tree \(more than 1000 values; compared by hash\), [\d,]+ bytes, sha256 [0-9a-f]{64}/,
    );
    expect(diff?.explanation).toMatch(
      /baseline [\d,]+ bytes \(.*too complex: more than 1000 values\)/,
    );
    expect(same?.verdict).toBe('equal');
  });
});

describe('report size is bounded by the case count, not by bodies', () => {
  it('a 3 MB divergent body and a 3 MB request body: previews, hashes and a body file', async () => {
    const big = (tag: string) =>
      JSON.stringify({
        tag,
        items: Array.from({ length: 60_000 }, (_, n) => ({ n, s: 'x'.repeat(30) })),
      });
    const targets = await pair(
      () => big('b'),
      () => big('c'),
    );
    const payload = 'p'.repeat(3_000_000);
    const cwd = await tempProject({
      'cases/big.json': JSON.stringify({
        suite: 'h',
        cases: [{ id: 'big', request: { method: 'POST', path: '/big', text: payload } }],
      }),
    });
    const outcome = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(outcome.code, outcome.stderr).toBe(1);
    const files = await reportFiles(cwd);
    for (const [name, text] of Object.entries(files)) {
      expect(text.length, name).toBeLessThan(600_000);
      expect(text.includes(payload.slice(0, 100_000)), name).toBe(false);
    }
    const result = (await latestReport(cwd)).results[0];
    expect(result?.bodies?.cut?.baseline).toMatchObject({ size: big('b').length });
    expect(result?.bodies?.cut?.baseline?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const repro = result?.repro?.baseline ?? '';
    const file = /--data-binary '?@([^' ]+)'?/.exec(repro)?.[1] ?? '';
    expect(file).toMatch(/^reports\/.+\/bodies\/[0-9a-f]{64}\.body$/);
    expect(await readFile(join(cwd, file), 'utf8')).toBe(payload);
  });
});

describe('an unsolicited 100 Continue', () => {
  it('is skipped as curl and node:http skip it: the final answer is compared', async () => {
    const continuing = await startRawServer((_request, socket) => {
      socket.write('HTTP/1.1 100 Continue\r\n\r\n');
      setTimeout(() => socket.write(httpResponse(200, '{"ok":true}')), 10);
    });
    const plain = await startRawServer((_request, socket) => {
      socket.write(httpResponse(200, '{"ok":true}'));
    });
    open.push(continuing, plain);
    const { cwd, outcome } = await runAgainst(continuing, plain, ['/a', '/b', '/c']);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary).toMatchObject({ cases: 3, equal: 3, errors: 0 });
  });

  it('split across reads, and twice in a row, still skipped', async () => {
    const continuing = await startRawServer((_request, socket) => {
      socket.write('HTTP/1.1 10');
      setTimeout(() => socket.write('0 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n'), 5);
      setTimeout(() => socket.write(httpResponse(201, '{"ok":1}')), 15);
    });
    const plain = await startRawServer((_request, socket) => {
      socket.write(httpResponse(201, '{"ok":1}'));
    });
    open.push(continuing, plain);
    const { outcome } = await runAgainst(continuing, plain, ['/a', '/b']);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
  });
});

it('a plain server keeps working (control for the raw servers above)', async () => {
  const server = await startServer((_req, res) => json(res, 200, { a: 1 }));
  open.push(server);
  const { outcome } = await runAgainst(server, server, ['/a']);
  expect(outcome.code).toBe(0);
});
