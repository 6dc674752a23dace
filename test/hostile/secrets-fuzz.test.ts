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
