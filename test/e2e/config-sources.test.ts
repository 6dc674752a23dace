/**
 * Where `${env:NAME}` values come from, as people expect them: `.env` (dotenv
 * rules), under the process's environment, under `--var NAME=VALUE`; a
 * default for an unset variable (`${env:NAME:-default}`); one problem for one
 * unset variable; and the config as the `parity` key of package.json.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** Answers with the headers it was sent, so a value that leaks would reach the reports. */
const echo = () =>
  startServer((req, res) =>
    json(res, 200, { token: req.headers['x-token'], region: req.headers['x-region'] }),
  );

const CASES = `suite: s
cases:
  - id: one
    request:
      method: GET
      path: /v1/things
      headers: { x-token: "\${env:TOKEN}", x-region: "\${env:REGION:-eu-west}" }
`;

describe('variables: .env, the environment, --var and defaults', () => {
  let a: TestServer;
  let b: TestServer;
  let cwd: string;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo(), echo()]);
    cwd = await tempProject({
      'cases/s.yaml': CASES,
      '.env': '# the project\'s own\nTOKEN="from-dotenv-file"\nexport UNUSED=1\n',
    });
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  const run = (more: string[] = [], env: Record<string, string> = {}) =>
    runCli(
      cwd,
      ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`, '--no-tracker', ...more],
      { env },
    );
  const lastToken = () => a.requests.at(-1)?.headers['x-token'];

  it('reads .env, under the environment, under --var; an unset variable takes its default', async () => {
    expect((await run()).code).toBe(0);
    expect(lastToken()).toBe('from-dotenv-file');
    expect(a.requests.at(-1)?.headers['x-region']).toBe('eu-west');
    expect((await run([], { TOKEN: 'from-the-shell', REGION: 'ap-south' })).code).toBe(0);
    expect(lastToken()).toBe('from-the-shell');
    expect(a.requests.at(-1)?.headers['x-region']).toBe('ap-south');
    const flagged = await run(['--var', 'TOKEN=from-the-flag'], { TOKEN: 'from-the-shell' });
    expect(flagged.code).toBe(0);
    expect(lastToken()).toBe('from-the-flag');
  });

  it('keeps a value from any of them out of the reports, as a secret', async () => {
    await run(['--var', 'TOKEN=from-the-flag']);
    const report = JSON.stringify(await latestReport(cwd));
    expect(report).not.toContain('from-the-flag');
    await run();
    const text = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
    expect(text).not.toContain('from-dotenv-file');
  });

  it('refuses a --var that is not NAME=VALUE, as bad usage', async () => {
    const bad = await run(['--var', 'TOKEN']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--var takes NAME=VALUE');
  });
});

describe('one problem per unset variable', () => {
  it('reports a target URL from an unset variable once, not also as an invalid URL', async () => {
    const cwd = await tempProject({
      'parity.config.yaml':
        'targets:\n  a: { url: "${env:BASE_A}" }\n  b: { url: "http://127.0.0.1:9" }\nbaseline: a\ncandidate: b\n',
      'cases/s.yaml': CASES,
    });
    const result = await runCli(cwd, ['run', '--no-tracker'], { env: { TOKEN: 'a-token' } });
    expect(result.code).toBe(2);
    const problems = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('parity.config.yaml:'));
    expect(problems).toEqual([expect.stringContaining('BASE_A')]);
  });
});

describe('the config as the "parity" key of package.json', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo(), echo()]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('is read when there is no config file, with problems placed in package.json', async () => {
    const manifest = (parity: unknown) =>
      `${JSON.stringify({ name: 'app', private: true, parity }, null, 2)}\n`;
    const good = await tempProject({
      'package.json': manifest({
        targets: { a: { url: a.url }, b: { url: b.url } },
        baseline: 'a',
        candidate: 'b',
        tracker: false,
      }),
      'cases/s.yaml': CASES,
    });
    const ran = await runCli(good, ['run'], { env: { TOKEN: 'a-token' } });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(a.requests.length).toBeGreaterThan(0);
    const bad = await tempProject({
      'package.json': manifest({ concurrency: 'many' }),
      'cases/s.yaml': CASES,
    });
    const refused = await runCli(bad, ['validate'], { env: { TOKEN: 'a-token' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^package\.json:5:\d+: parity\.concurrency /m);
  });

  it('is not read when a config file is there', async () => {
    const cwd = await tempProject({
      'package.json': JSON.stringify({ parity: { concurrency: 'many' } }),
      'parity.config.yaml': 'concurrency: 2\n',
      'cases/s.yaml': CASES,
    });
    expect((await runCli(cwd, ['validate'], { env: { TOKEN: 'a-token' } })).code).toBe(0);
  });
});
