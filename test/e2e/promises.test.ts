/**
 * What the README promises and a trial run found broken: each case here
 * failed before its fix (issue 12). Real servers on port 0, the CLI in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** Two static file servers that serve the same bytes with different headers. */
async function staticPair(): Promise<{ a: TestServer; b: TestServer }> {
  const a = await startServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/plain',
      etag: '"a1"',
      'last-modified': 'Mon, 01 Jan 2026 00:00:00 GMT',
      'accept-ranges': 'bytes',
      server: 'static-a',
    });
    res.end('hello\n');
  });
  const b = await startServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      etag: 'W/"b7"',
      'cache-control': 'max-age=60',
      server: 'static-b',
    });
    res.end('hello\n');
  });
  return { a, b };
}

const CASES = `suite: files
cases:
  - id: hello
    request: { method: GET, path: /hello.txt }
`;

describe('promises the README makes', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => ({ a, b } = await staticPair()));
  afterAll(async () => Promise.all([a.close(), b.close()]));
  const targets = (names = ['a', 'b']) => [
    '--baseline',
    `${names[0]}=${a.url}`,
    '--candidate',
    `${names[1]}=${b.url}`,
  ];
  const sent = () => a.requests.length + b.requests.length;

  it('the same bytes under two content types are a header divergence, not a body kind change', async () => {
    const cwd = await tempProject({ 'cases/files.yaml': CASES });
    const result = await runCli(cwd, ['run', ...targets(), '--no-tracker']);
    expect(result.code).toBe(1);
    const [hello] = (await latestReport(cwd)).results;
    expect(hello?.kinds).toEqual(['header']);
    expect(hello?.changes).toEqual([]);
    expect(hello?.headerChanges?.map((h) => h.name)).toEqual(['content-type']);
  });

  it('headers: "*" compares every header but framing and volatile ones, never a false "equal"', async () => {
    const all = `suite: files\ndefaults:\n  rules: { headers: "*" }\ncases:\n  - id: hello\n    request: { method: GET, path: /hello.txt }\n`;
    const cwd = await tempProject({ 'cases/files.yaml': all });
    const result = await runCli(cwd, ['run', ...targets(), '--no-tracker']);
    expect(result.code).toBe(1);
    const [hello] = (await latestReport(cwd)).results;
    // last-modified and date are volatile; content-length, connection and keep-alive framing.
    expect(hello?.headerChanges?.map((h) => h.name)).toEqual([
      'accept-ranges',
      'cache-control',
      'content-type',
      'etag',
      'server',
    ]);
    const except = all.replace('headers: "*"', 'headers: { all: true, except: [server, etag] }');
    const cwd2 = await tempProject({ 'cases/files.yaml': except });
    await runCli(cwd2, ['run', ...targets(), '--no-tracker']);
    const [again] = (await latestReport(cwd2)).results;
    expect(again?.headerChanges?.map((h) => h.name)).toEqual([
      'accept-ranges',
      'cache-control',
      'content-type',
    ]);
  });

  it('headers: ["*"] is refused at its line before anything is sent', async () => {
    const wrong = `suite: files\ncases:\n  - id: hello\n    request: { method: GET, path: /hello.txt }\n    rules: { headers: ["*"] }\n`;
    const cwd = await tempProject({ 'cases/files.yaml': wrong });
    const before = sent();
    const result = await runCli(cwd, ['run', ...targets(), '--no-tracker']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cases/files.yaml:5:24: cases[0].rules.headers[0] is not a header name: write `headers: "*"`',
    );
    expect(sent()).toBe(before);
  });

  it('--compare-to a report of other targets exits 2 before sending anything', async () => {
    const cwd = await tempProject({ 'cases/files.yaml': CASES });
    expect((await runCli(cwd, ['run', ...targets(), '--no-tracker'])).code).toBe(1);
    const before = sent();
    const swapped = await runCli(cwd, [
      'run',
      ...targets(['b', 'a']),
      '--no-tracker',
      '--compare-to',
      'latest',
    ]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain(
      'compares a (baseline) vs b (candidate), this run b (baseline) vs a (candidate); --compare-to needs a report of the same baseline and candidate (nothing was sent)',
    );
    expect(sent()).toBe(before);
    const merged = await runCli(cwd, [
      'merge',
      'reports/latest',
      '--no-tracker',
      '--compare-to',
      'reports/nope/report.json',
    ]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('no such file (pass --compare-to a report.json');
    expect(merged.stderr).not.toContain('--from');
    const shard = await runCli(cwd, ['merge', 'shard-1/latest', '--no-tracker']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('no such file (pass merge the report.json files or run folders');
    expect(shard.stderr).not.toContain('--from');
    const run = await runCli(cwd, ['run', ...targets(), '--compare-to', 'nope.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file (pass --compare-to a report.json');
    expect(run.stderr).not.toContain('--from');
    expect(sent()).toBe(before);
  });

  it('parity tracker --tracker missing.md says there is no such tracker (exit 2)', async () => {
    const cwd = await tempProject({});
    const listed = await runCli(cwd, ['tracker', '--tracker', 'missing.md']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('missing.md: no such tracker');
    const checked = await runCli(cwd, ['tracker', '--check', '--tracker', 'missing.md']);
    expect(checked.code).toBe(2);
  });

  it('--concurrency takes whole numbers from 1, on the command line and in the config', async () => {
    const cwd = await tempProject({ 'cases/files.yaml': CASES });
    const before = sent();
    for (const value of ['0', '-3', '1.5', 'x']) {
      const flag = await runCli(cwd, ['run', ...targets(), `--concurrency=${value}`]);
      expect(flag.code, value).toBe(2);
      expect(flag.stderr).toContain('--concurrency must be a whole number from 1 to 1024');
    }
    for (const value of ['0', '-3', '1.5']) {
      const config = await tempProject({
        'cases/files.yaml': CASES,
        'parity.config.yaml': `concurrency: ${value}\n`,
      });
      const result = await runCli(config, ['run', ...targets()]);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toMatch(/parity\.config\.yaml:1:14: concurrency must be/);
    }
    expect(sent()).toBe(before);
  });
});
