import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { closedPort, json, startServer, type TestServer } from '../helpers/http.js';

/** Two servers that agree except where `/drift` says otherwise. */
async function pair(): Promise<{ rust: TestServer; go: TestServer }> {
  const rust = await startServer((req, res) => {
    if (req.url === '/drift') return json(res, 400, { Schema: { field: 'x', reason: 'y' } });
    if (req.url === '/status') return json(res, 400, { error: 'bad' });
    return json(res, 200, { ok: true, items: [1, 2] });
  });
  const go = await startServer((req, res) => {
    if (req.url === '/drift') return json(res, 400, { Kind: 'schema', Field: 'x', Reason: 'y' });
    if (req.url === '/status') return json(res, 422, { error: 'bad' });
    return json(res, 200, { ok: true, items: [1, 2] });
  });
  return { rust, go };
}

const CASES = `suite: demo
cases:
  - id: same
    request: { method: GET, path: /same }
  - id: drift
    request: { method: POST, path: /drift, json: { record: { name: x } } }
    expect: { status: 400 }
`;

describe('parity run, end to end', () => {
  let rust: TestServer;
  let go: TestServer;
  beforeAll(async () => ({ rust, go } = await pair()));
  afterAll(async () => Promise.all([rust.close(), go.close()]));
  const targets = () => ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];

  it('reports a shape divergence, exits 1 and opens one tracker row; a rerun updates it', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    const first = await runCli(cwd, ['run', ...targets()], {
      now: new Date('2026-11-20T10:00:00Z'),
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.schemaVersion).toBe(3);
    expect(report.summary).toMatchObject({
      cases: 2,
      equal: 1,
      divergent: 1,
      errors: 0,
      statusParity: { equal: 2, total: 2 },
    });
    expect(report.summary.byKind).toEqual({
      status: 0,
      shape: 1,
      value: 0,
      header: 0,
      transport: 0,
    });
    const drift = report.results.find((r) => r.caseId === 'demo/drift');
    expect(drift).toMatchObject({
      verdict: 'divergent',
      kinds: ['shape'],
      request: { method: 'POST', path: '/drift' },
    });
    expect(drift?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const [cause] = drift?.findings ?? [];
    expect(drift?.findings).toHaveLength(1);
    expect(cause).toMatchObject({
      kind: 'shape',
      summary: 'externally tagged enum vs `Kind` discriminator',
      tracker: { id: 'PAR-001', status: 'open' },
    });
    expect(drift?.changes?.map((c) => `${c.op} ${c.path}`)).toContain('removed /Schema');
    expect(drift?.repro?.candidate).toContain(`curl -sS -i ${go.url}/drift`);
    expect(first.stdout).toContain('status parity 2/2');
    // The console opens with the decision and its next action.
    expect(first.stdout.indexOf('1 root cause: 1 open')).toBeLessThan(
      first.stdout.indexOf('cases 2'),
    );
    expect(first.stdout).toContain('parity decide PAR-001 accepted --note');

    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker).toContain('<!-- parity:tracker:start -->');
    expect(tracker).toContain(cause?.fingerprint);
    expect(tracker).toMatch(/PAR-001 \| _open_/);

    // A human writes a decision; the next run keeps it and duplicates nothing.
    const edited = tracker.replace(
      '<!-- parity:tracker:end -->',
      '<!-- parity:tracker:end -->\n\nOur notes.\n',
    );
    await writeFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), edited);
    const second = await runCli(cwd, ['run', ...targets()], {
      now: new Date('2026-11-21T10:00:00Z'),
    });
    expect(second.code).toBe(1);
    const after = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(after).toContain('Our notes.');
    expect(after.split(cause?.fingerprint ?? '!').length - 1).toBe(1);
    expect(after).toContain('2026-11-21');
    expect(
      (await latestReport(cwd)).results.find((r) => r.caseId === 'demo/drift')?.fingerprint,
    ).toBe(drift?.fingerprint);
  });

  it('exits 0 on parity and with --fail-on none', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    expect((await runCli(cwd, ['run', ...targets(), '--filter', 'demo/same'])).code).toBe(0);
    expect((await runCli(cwd, ['run', ...targets(), '--fail-on', 'none'])).code).toBe(0);
  });

  it('classifies a status divergence and prints a machine summary with --json', async () => {
    const cwd = await tempProject({
      'cases/s.yaml': 'suite: s\ncases:\n  - id: st\n    request: { method: GET, path: /status }\n',
    });
    const result = await runCli(cwd, ['run', ...targets(), '--json', '--no-tracker']);
    expect(result.code).toBe(1);
    const machine = JSON.parse(result.stdout);
    expect(machine.summary.byKind.status).toBe(1);
    expect(machine.divergences[0]).toMatchObject({ caseId: 's/st', kinds: ['status'] });
    expect(await readdir(cwd)).not.toContain('docs');
  });

  it('sends nothing and exits 2 when a case file is invalid', async () => {
    const cwd = await tempProject({
      'cases/good.yaml': CASES,
      'cases/bad.yaml':
        'suite: bad\ncases:\n  - id: x\n    request: { method: CONNECT, path: /same }\n',
    });
    const before = rust.requests.length + go.requests.length;
    const result = await runCli(cwd, ['run', ...targets()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cases\/bad\.yaml:4:\d+: cases\[0\]\.request\.method is CONNECT/);
    expect(rust.requests.length + go.requests.length).toBe(before);
  });

  it('exits 3 when a target answers no case', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    const port = await closedPort();
    const result = await runCli(cwd, [
      'run',
      '--baseline',
      `rust=${rust.url}`,
      '--candidate',
      `go=http://127.0.0.1:${port}`,
    ]);
    expect(result.code).toBe(3);
    const report = await latestReport(cwd);
    expect(report.summary.byKind.transport).toBe(2);
    expect(report.results[0]?.candidate.error?.code).toBe('ECONNREFUSED');
  });

  it('substitutes ${env:…} secrets and never writes them to a report', async () => {
    const cwd = await tempProject({
      'parity.config.yaml': `targets:\n  rust: { url: "${'${env:RUST_URL}'}", headers: { authorization: "Bearer \${env:TOKEN}" } }\n  go: { url: "${'${env:GO_URL}'}" }\nbaseline: rust\ncandidate: go\n`,
      'cases/demo.yaml': `suite: demo\ncases:\n  - id: drift\n    request: { method: POST, path: /drift, headers: { x-key: "\${env:TOKEN}" }, json: { token: "\${env:TOKEN}" } }\n`,
    });
    const env = { TOKEN: 'sup3r-s3cret-value', RUST_URL: rust.url, GO_URL: go.url };
    const result = await runCli(cwd, ['run'], { env });
    expect(result.code).toBe(1);
    expect(rust.requests.at(-1)?.headers['authorization']).toBe('Bearer sup3r-s3cret-value');
    const dir = join(cwd, 'reports', 'latest');
    for (const file of await readdir(dir)) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text).not.toContain('sup3r-s3cret-value');
    }
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('[redacted]');
    const missing = await runCli(cwd, ['run'], { env: { RUST_URL: rust.url, GO_URL: go.url } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/TOKEN/);
  });

  it('points reports/latest at the newest run folder', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    await runCli(cwd, ['run', ...targets(), '--reports', 'out']);
    const runs = (await readdir(join(cwd, 'out'))).filter((n) => n !== 'latest');
    expect(runs).toHaveLength(1);
    expect((await readdir(join(cwd, 'out', 'latest'))).sort()).toEqual(
      expect.arrayContaining(['report.json', 'report.md', 'results.ndjson']),
    );
  });

  it('rejects bad usage with exit 2', async () => {
    const cwd = await tempProject({ 'cases/demo.yaml': CASES });
    expect((await runCli(cwd, ['run', '--candidate', `go=${go.url}`])).code).toBe(2);
    expect((await runCli(cwd, ['run', ...targets(), '--concurrency', 'lots'])).code).toBe(2);
    expect((await runCli(cwd, ['frobnicate'])).code).toBe(2);
    expect((await runCli(cwd, ['--help'])).code).toBe(0);
  });
});
