/**
 * `--baseline a=URL` on the command line names a target the config marks
 * `disposable` under the name `a`, but at another address: the mark is the
 * config's word about the instance at its own URL, not about any URL given
 * that name. So `fuzz --allow-writes` refuses (exit 2) and sends nothing to
 * the URL the config never marked; the same URL as the config's keeps the mark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const SEED = `suite: w
cases:
  - id: create
    request: { method: POST, path: /items, json: { name: "x" } }
`;

describe('a command-line target and the config disposable mark', () => {
  let marked: TestServer;
  let other: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const answer = () => startServer((_req, res) => json(res, 201, { ok: true }));
    [marked, other, b] = await Promise.all([answer(), answer(), answer()]);
  });
  afterAll(async () => Promise.all([marked.close(), other.close(), b.close()]));

  const project = () =>
    tempProject({
      'parity.config.yaml': `targets:\n  a: { url: "${marked.url}", disposable: true }\n  b: { url: "${b.url}", disposable: true }\nbaseline: a\ncandidate: b\n`,
      'cases/w.yaml': SEED,
    });
  const fuzz = (baseline: string) => [
    'fuzz',
    '--allow-writes',
    '--baseline',
    baseline,
    '--budget',
    '20',
    '--seed',
    '1',
    '--no-tracker',
  ];

  it('is not inherited by a=URL at another address: no write is sent there', async () => {
    const cwd = await project();
    const run = await runCli(cwd, fuzz(`a=${other.url}`));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/target "a" is not marked disposable/);
    expect(other.requests).toEqual([]);
  });

  it('is kept by a=URL at the configured address', async () => {
    const cwd = await project();
    const run = await runCli(cwd, fuzz(`a=${marked.url}/`));
    expect([0, 1], run.stderr).toContain(run.code);
    expect(marked.requests.some((r) => r.method === 'POST')).toBe(true);
  });
});
