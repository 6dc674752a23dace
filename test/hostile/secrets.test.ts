/**
 * A planted-secret test: secrets from `${env:…}` in the path, the query, a
 * header and the JSON body, and credentials in a target URL, echoed back by
 * the servers in every form (raw, URL-encoded, JSON-escaped, base64 alone and
 * inside a longer base64 text, Basic credentials, in a header). Every output
 * file and everything printed is searched for every form: none may appear.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const SECRET = 's3cr3t/Tok+en&"é<x>';
const PATH_SECRET = 'pathTok3nQ9';
const HEADER_SECRET = 'hdrT0ken-77';
const SHORT = 'q7z';
const USER = 'svc';
const PASSWORD = 'p4ss:w0rd';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const urlSafe = (text: string) => text.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

/** Every form a leak could take, written independently of parity's own list. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    json.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026'),
    b64(secret),
    urlSafe(b64(secret)),
  ];
}

const CASES = `suite: sec
cases:
  - id: echo
    request:
      method: POST
      path: /u/\${env:PATH_SECRET}
      query: { k: "\${env:SECRET}", s: "\${env:SHORT}" }
      headers: { x-token: "\${env:HEADER_SECRET}" }
      json: { token: "\${env:SECRET}", short: "\${env:SHORT}" }
    rules:
      headers: [x-echo]
`;

/** Echoes what it got, in every encoding; `side` makes the two answers differ. */
function echo(side: string) {
  return startServer((req, res, body) => {
    const token = SECRET;
    const answer = {
      side,
      url: req.url,
      headers: req.headers,
      body,
      b64: b64(token),
      b64url: urlSafe(b64(token)),
      // Inside a longer base64 text, at each of the three byte alignments.
      wrapped: [b64(`x${token}yy`), b64(`xx${token}y`), b64(`xxx${token}`)],
      basic: req.headers.authorization ?? null,
      basicDecoded: Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString('utf8'),
      [`key-${PATH_SECRET}`]: 'a secret echoed as a key',
    };
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-echo': `${side}:${HEADER_SECRET}:${encodeURIComponent(SECRET)}`,
    });
    res.end(JSON.stringify(answer));
  });
}

let rust: TestServer;
let go: TestServer;
beforeAll(async () => {
  rust = await echo('rust');
  go = await echo('go');
});
afterAll(async () => Promise.all([rust.close(), go.close()]));

describe('a planted secret', () => {
  it('appears in no output file and nowhere on the console, in any form', async () => {
    const cwd = await tempProject({ 'cases/sec.yaml': CASES });
    const env = { SECRET, PATH_SECRET, HEADER_SECRET, SHORT };
    const credentials = `${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@`;
    const baseline = `rust=${rust.url.replace('http://', `http://${credentials}`)}`;
    const run = await runCli(cwd, ['run', '--baseline', baseline, '--candidate', `go=${go.url}`], {
      env,
    });
    expect(run.code, run.stderr).toBe(1);
    // The servers did get the real values: parity sent them, it only keeps them out of outputs.
    expect(rust.requests[0]?.url).toContain(PATH_SECRET);
    expect(rust.requests[0]?.headers.authorization).toBe(`Basic ${b64(`${USER}:${PASSWORD}`)}`);
    expect(run.stderr).toContain('${env:SHORT} is shorter than 4 characters');
    const json = await runCli(
      cwd,
      ['run', '--baseline', baseline, '--candidate', `go=${go.url}`, '--json'],
      { env },
    );
    const listing = await runCli(cwd, ['tracker', '--all']);
    const listingJson = await runCli(cwd, ['tracker', '--all', '--json']);
    const outputs: [string, string][] = [
      ...(await filesUnder(cwd)).filter(([path]) => !path.endsWith('sec.yaml')),
      ['run stdout', run.stdout],
      ['run stderr', run.stderr],
      ['--json stdout', json.stdout],
      ['--json stderr', json.stderr],
      ['tracker', listing.stdout],
      ['tracker --json', listingJson.stdout],
    ];
    // The files parity wrote, read as UTF-8 too (the file list above is read as latin1).
    const decoded: [string, string][] = await Promise.all(
      outputs
        .filter(([path]) => path.startsWith('/'))
        .map(async ([path]) => [path, await readFile(path, 'utf8')] as [string, string]),
    );
    const leaks: string[] = [];
    const secrets = [SECRET, PATH_SECRET, HEADER_SECRET, SHORT, PASSWORD, `${USER}:${PASSWORD}`];
    for (const [where, text] of [...outputs, ...decoded]) {
      for (const secret of secrets) {
        for (const form of forms(secret)) {
          if (text.includes(form)) leaks.push(`${where}: ${JSON.stringify(form)}`);
        }
      }
      for (const wrapped of [b64(`x${SECRET}yy`), b64(`xx${SECRET}y`), b64(`xxx${SECRET}`)]) {
        if (text.includes(wrapped)) leaks.push(`${where}: wrapped base64 ${wrapped}`);
      }
    }
    expect(leaks).toEqual([]);
    // And what replaced them says where they came from.
    const report = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
    expect(report).toContain('${env:SECRET}');
    expect(report).toContain('${env:PATH_SECRET}');
    expect(report).toContain('[redacted]');
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker).toContain('${env:PATH_SECRET}');
  });
});

/**
 * Explanations quote values cut to a few characters: a secret must be hidden
 * before its value is cut, or the cut prefix no longer matches it and leaks.
 */
describe('a long secret inside a value an explanation quotes', () => {
  const LONG = 'LONGSECRETabcdefghijklmnopqrstuvwxyz0123456789';
  const TOKEN = {
    b: 'TOKENBASEzyxwvutsrqponmlkjihgfedcba98765',
    c: 'TOKENCANDzyxwvutsrqponmlkjihgfedcba98765',
  };
  let base: TestServer;
  let cand: TestServer;
  beforeAll(async () => {
    const side = (name: 'b' | 'c') =>
      startServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.url === '/login') {
          res.end(JSON.stringify({ token: TOKEN[name] }));
          return;
        }
        const key = String(req.headers['x-key'] ?? '');
        const auth = String(req.headers.authorization ?? '');
        // Several values differ: the explanation lists them all, each cut to a few characters.
        const body =
          name === 'b'
            ? { k: 'x', t: 'none', flavor: 'a', n: 1 }
            : { k: `key=${key}`, t: auth, flavor: 'b', n: 2 };
        res.end(JSON.stringify(body));
      });
    base = await side('b');
    cand = await side('c');
  });
  afterAll(async () => Promise.all([base.close(), cand.close()]));

  it('leaves no prefix of it in any output', async () => {
    const cases = `suite: cut
cases:
  - id: env
    request: { method: GET, path: /k, headers: { x-key: "\${env:LONG}" } }
  - id: flow
    steps:
      - id: login
        request: { method: POST, path: /login }
        capture: { token: { json: /token, secret: true } }
      - id: use
        request: { method: GET, path: /me, headers: { authorization: "Bearer {{token}}" } }
`;
    const cwd = await tempProject({ 'cases/cut.yaml': cases });
    const run = await runCli(
      cwd,
      ['run', '--baseline', `b=${base.url}`, '--candidate', `c=${cand.url}`],
      {
        env: { LONG },
      },
    );
    expect(run.code, run.stderr).toBe(1);
    const outputs: [string, string][] = [
      ...(await filesUnder(cwd)).filter(([path]) => !path.endsWith('cut.yaml')),
      ['run stdout', run.stdout],
    ];
    const report = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
    expect(report).toContain('Values differ at');
    const leaks: string[] = [];
    for (const [where, text] of outputs) {
      for (const secret of [LONG, TOKEN.b, TOKEN.c]) {
        if (text.includes(secret.slice(0, 8))) leaks.push(`${where}: ${secret.slice(0, 8)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
