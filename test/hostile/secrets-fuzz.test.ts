/**
 * A secret is fuzzed only through its placeholder: a candidate that rejects
 * tokens longer than the one configured makes the fuzzer find, shrink and
 * write inputs around the seed's token, and no written case file, report or
 * printed line holds the secret or a prefix of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const SECRET = 'sk_live_51HxYZq8Rt';

const CONFIG = `targets:
  a: { url: "URL_A", disposable: true }
  b: { url: "URL_B", disposable: true }
baseline: a
candidate: b
`;

const SEED = `suite: pay
cases:
  - id: charge
    request:
      method: POST
      path: /charge
      json: { token: "\${env:TOK}", n: 1 }
`;

describe('fuzzing a case that holds a secret', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const token = (body: string) => {
      try {
        return String(JSON.parse(body).token ?? '');
      } catch {
        return '';
      }
    };
    a = await startServer((_req, res) => json(res, 200, { ok: true }));
    // The candidate refuses tokens longer than the real one.
    b = await startServer((_req, res, body) =>
      token(body).length > SECRET.length
        ? json(res, 400, { error: 'token too long' })
        : json(res, 200, { ok: true }),
    );
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('writes no prefix of the secret anywhere', async () => {
    const cwd = await tempProject({
      'parity.config.yaml': CONFIG.replace('URL_A', a.url).replace('URL_B', b.url),
      'cases/pay.yaml': SEED,
    });
    const run = await runCli(
      cwd,
      ['fuzz', '--allow-writes', '--budget', '400', '--seed', '5', '--no-tracker'],
      {
        env: { TOK: SECRET },
      },
    );
    expect([0, 1], run.stderr).toContain(run.code);
    const files = await filesUnder(cwd);
    const all = [run.stdout, run.stderr, ...files.map(([, text]) => text)].join('\n');
    // Any 8 characters of the secret in a row would be a leak.
    for (let start = 0; start + 8 <= SECRET.length; start++) {
      const piece = SECRET.slice(start, start + 8);
      expect(all.includes(piece), `${piece} of the secret leaked`).toBe(false);
    }
  });
});

describe('fuzzing a case that writes a literal token', () => {
  const TOKEN = 'tok_LiteralQ7w8E9r0T';
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    // The candidate echoes the caller's token as a key for a large `n`: a divergence that names it.
    const echo = (candidate: boolean) =>
      startServer((req, res, body) => {
        const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
        let n = 0;
        try {
          n = Number(JSON.parse(body).n ?? 0);
        } catch {
          n = -1;
        }
        json(res, 200, candidate && n > 1 ? { [token]: true, n } : { n });
      });
    [a, b] = await Promise.all([echo(false), echo(true)]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('keeps it out of every result, report and printed line (the library and the cases written keep it as written)', async () => {
    const seed = `suite: pay
cases:
  - id: charge
    request:
      method: POST
      path: /charge
      headers: { authorization: "Bearer ${TOKEN}" }
      json: { n: 1 }
`;
    const cwd = await tempProject({
      'parity.config.yaml': CONFIG.replace('URL_A', a.url).replace('URL_B', b.url),
      'cases/pay.yaml': seed,
    });
    const run = await runCli(cwd, [
      'fuzz',
      '--allow-writes',
      '--budget',
      '200',
      '--seed',
      '3',
      '--no-tracker',
      '--out',
      'cases/found',
    ]);
    expect([0, 1], run.stderr).toContain(run.code);
    const outputs = (await filesUnder(cwd)).filter(([path]) => !path.includes('cases/'));
    expect(outputs.length).toBeGreaterThan(0);
    const where = [['stdout', run.stdout], ['stderr', run.stderr], ...outputs]
      .filter(([, t]) => t?.includes(TOKEN))
      .map(([p]) => p);
    expect(where, 'the literal token leaked').toEqual([]);
  });
});
