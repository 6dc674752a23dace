/**
 * Hostile input: a YAML alias bomb among other broken files, JSON with a
 * trailing comma, request paths and headers HTTP cannot carry, huge and
 * special case files, target URLs with credentials, a query or a fragment,
 * absurd numbers on the command line. Each is a positioned problem or a clear
 * refusal with exit 2, before anything is sent; never an internal error.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { mkfifo } from './helpers.js';

const laughs = [
  'suite: bomb',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name, i) => {
    const previous = String.fromCharCode('a'.charCodeAt(0) + i);
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
  'cases:',
  '  - id: x',
  '    request: { method: GET, path: /x }',
  '',
].join('\n');

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) =>
    json(res, 200, { url: req.url, auth: req.headers.authorization ?? null }),
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('case files', () => {
  it('an alias bomb is a problem of its file; the other files still report theirs', async () => {
    const cwd = await tempProject({
      'cases/a-bomb.yaml': laughs,
      'cases/b-bad.yaml':
        'suite: b\ncases:\n  - id: y\n    request: { method: CONNECT, path: /y }\n',
      'cases/c-trailing.json':
        '{"suite":"c","cases":[{"id":"z","request":{"method":"GET","path":"/z"}},]}\n',
    });
    const outcome = await runCli(cwd, ['validate']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).not.toContain('internal error');
    expect(outcome.stderr).toMatch(
      /cases\/a-bomb\.yaml:3:\d+: the YAML aliases \(\*name\) expand too much/,
    );
    expect(outcome.stderr).toContain('cases/b-bad.yaml:4:');
    expect(outcome.stderr).toContain('cases/c-trailing.json:1:');
    expect(outcome.stderr).toContain('3 problem(s) in 3 file(s); nothing was sent');
  });

  it('an alias bomb in the config is a problem of the config', async () => {
    const cwd = await tempProject({ 'parity.config.yaml': laughs.replace('suite: bomb\n', '') });
    const outcome = await runCli(cwd, ['validate']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('parity.config.yaml:1:1: the YAML aliases');
  });

  it('paths and headers HTTP cannot carry are positioned problems; nothing is sent', async () => {
    const cases = [
      'suite: p',
      'cases:',
      '  - { id: space, request: { method: GET, path: "/a b" } }',
      '  - { id: quote, request: { method: GET, path: "/a\\"b" } }',
      '  - { id: newline, request: { method: GET, path: "/a\\nb" } }',
      '  - { id: fragment, request: { method: GET, path: "/a#b" } }',
      '  - { id: percent, request: { method: GET, path: "/100%" } }',
      '  - { id: header, request: { method: GET, path: /h, headers: { "x y": v, ok: "a\\r\\nb" } } }',
      '  - { id: framed, request: { method: PUT, path: /h, headers: { Expect: 100-continue }, json: {} } }',
      '',
    ].join('\n');
    const cwd = await tempProject({ 'cases/p.yaml': cases });
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      `b=${server.url}`,
      '--candidate',
      `c=${server.url}`,
    ]);
    expect(outcome.code).toBe(2);
    expect(server.requests).toHaveLength(0);
    const lines = outcome.stderr.split('\n');
    expect(lines).toContain(
      'cases/p.yaml:3:48: cases[0].request.path has a space at character 3, which a request path cannot hold as written; write it as %20',
    );
    expect(outcome.stderr).toContain('cases[1].request.path has a double quote');
    expect(outcome.stderr).toContain('cases[2].request.path has a line break');
    expect(outcome.stderr).toContain('cases[3].request.path has a fragment');
    expect(outcome.stderr).toContain('cases[4].request.path has a "%" at character 5');
    expect(outcome.stderr).toContain('cases[5].request.headers["x y"] is not a valid header name');
    expect(outcome.stderr).toContain('cases[6].request.headers.Expect belongs to the connection');
    expect(outcome.stderr).toContain('cases[5].request.headers.ok has a carriage return');
  });

  it('a JSON body with a member named __proto__ is sent byte for byte', async () => {
    const body = '{"__proto__":{"x":1},"constructor":2,"a":[1]}';
    const cwd = await tempProject({
      'cases/p.json': `{"suite":"p","cases":[{"id":"b","request":{"method":"POST","path":"/b","json":${body}}}]}`,
      'cases/q.yaml': `suite: q\ncases:\n  - id: b\n    request: { method: POST, path: /b, json: ${body} }\n`,
    });
    const targets = ['--baseline', `b=${server.url}`, '--candidate', `c=${server.url}`];
    const outcome = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(server.requests.map((r) => r.body)).toEqual([body, body, body, body]);
  });

  it('a flow step sends a __proto__ member as written, its variables substituted and checked', async () => {
    const flow = (use: string) =>
      `{"suite":"f","sideEffects":true,"cases":[{"id":"flow","steps":[` +
      `{"id":"one","request":{"method":"GET","path":"/one"},"capture":{"v":{"json":"/url"}}},` +
      `{"id":"two","request":{"method":"POST","path":"/two","json":{"__proto__":{"x":"{{${use}}}"},"a":1}}}]}]}`;
    const cwd = await tempProject({ 'cases/f.json': flow('v') });
    const targets = ['--baseline', `b=${server.url}`, '--candidate', `c=${server.url}`];
    const outcome = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const sent = server.requests.filter((r) => r.url === '/two').map((r) => r.body);
    expect(sent).toEqual(['{"__proto__":{"x":"/one"},"a":1}', '{"__proto__":{"x":"/one"},"a":1}']);
    // A variable used inside it is checked like any other.
    await writeFile(join(cwd, 'cases/f.json'), flow('nope'));
    const bad = await runCli(cwd, ['validate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('uses {{nope}}, which no step captures');
  });

  it('a YAML case file over the size limit is refused at once, naming the limit', async () => {
    const cwd = await tempProject();
    const line = '  - { id: c, request: { method: GET, path: /x } }\n';
    await writeFile(join(cwd, 'big.yaml'), `suite: big\ncases:\n${line.repeat(180_000)}`);
    const outcome = await runCli(cwd, ['validate', 'big.yaml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(
      /big\.yaml:1:1: is [\d.]+ MiB; a YAML case file may be at most 8\.0 MiB/,
    );
  });

  it('a FIFO named like a case file is refused, never read', async () => {
    const cwd = await tempProject();
    await mkfifo(join(cwd, 'pipe.yaml'));
    const outcome = await runCli(cwd, ['validate', 'pipe.yaml']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('pipe.yaml:1:1: is neither a file nor');
  });
});

describe('target URLs', () => {
  const CASES = 'suite: t\ncases:\n  - { id: one, request: { method: GET, path: "/one?x=1" } }\n';

  it('user:pass@ becomes a Basic authorization header, shown nowhere', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    const url = server.url.replace('http://', 'http://me:s%40cret@');
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      `b=${url}`,
      '--candidate',
      `c=${server.url}`,
      '--no-tracker',
    ]);
    expect(server.requests.map((r) => r.headers.authorization)).toContain(
      `Basic ${Buffer.from('me:s@cret').toString('base64')}`,
    );
    const report = await latestReport(cwd);
    expect(JSON.stringify(report)).not.toContain('s@cret');
    expect(JSON.stringify(report)).not.toContain('s%40cret');
    expect(report.baseline.url).toBe(server.url);
    expect(outcome.stdout).not.toContain('s%40cret');
  });

  it('a query string is sent with every request, before the case query', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      `b=${server.url}/api?tenant=7`,
      '--candidate',
      `c=${server.url}/api?tenant=7`,
      '--no-tracker',
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/one?tenant=7&x=1',
      '/api/one?tenant=7&x=1',
    ]);
  });

  it('a #fragment is refused: it is never sent, so it can only be a mistake', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      `b=${server.url}#x`,
      '--candidate',
      `c=${server.url}`,
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--baseline: a URL fragment (#…) is never sent to a server');
    expect(server.requests).toHaveLength(0);
  });
});

describe('numbers on the command line', () => {
  for (const [flag, value] of [
    ['--concurrency', '1e9'],
    ['--max-in-flight', '100000'],
    ['--timeout', '3000000000'],
    // 0 would time every request out at once: no request could ever be compared.
    ['--timeout', '0'],
    ['--retries', '1000'],
  ] as const) {
    it(`${flag} ${value} is refused with the range it takes`, async () => {
      const cwd = await tempProject();
      const outcome = await runCli(cwd, ['run', flag, value]);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(
        new RegExp(`${flag} must be a whole number from \\d+ to \\d+ \\(got "${value}"\\)`),
      );
    });
  }
});

describe('numbers in the config', () => {
  it('timeoutMs: 0 is a positioned config error; nothing is sent', async () => {
    const cwd = await tempProject({
      'cases/t.yaml': 'suite: t\ncases:\n  - id: a\n    request: { method: GET, path: /a }\n',
      'parity.config.yaml': `targets:\n  b: { url: "${server.url}" }\n  c: { url: "${server.url}" }\nbaseline: b\ncandidate: c\ntimeoutMs: 0\n`,
    });
    const outcome = await runCli(cwd, ['run', '--no-tracker']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/parity\.config\.yaml:6:\d+: timeoutMs /);
    expect(server.requests).toHaveLength(0);
  });
});
