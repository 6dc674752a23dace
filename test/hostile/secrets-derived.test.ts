/**
 * Secrets never reach an output through text derived from a value: a header
 * echoed with a per-side suffix (classified lowercased, digits folded), a path
 * secret holding slashes and digits (templated into an endpoint), a Location
 * echoing it URL-encoded. Secrets of random characters (fast-check) and a few
 * chosen to hurt; every output file and everything printed is searched for the
 * secret, case-folded, with its digits folded, and URL-encoded. A row's
 * fingerprint does not depend on the secret's value.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const CASES = `suite: sec
defaults:
  rules: { headers: "*" }
cases:
  - id: echo
    request:
      method: GET
      path: /echo
      headers: { x-other: "\${env:TOK}" }
  - id: account
    request: { method: GET, path: "/acct/\${env:TOK2}/x" }
`;

/** Echoes `x-other` with this side's suffix, and the account path in `Location`, URL-encoded. */
function echo(suffix: string): Promise<TestServer> {
  return startServer((req, res) => {
    const other = String(req.headers['x-other'] ?? '');
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-echo-x-other': `${other}-${suffix}`,
      location: `/next?from=${encodeURIComponent(req.url ?? '')}&s=${suffix}`,
    });
    res.end(JSON.stringify({ seen: `${req.url}|${other}`, side: suffix }));
  });
}

function leaks(secret: string): string[] {
  const lower = secret.toLowerCase();
  return [secret, lower, lower.replace(/\d+/g, '0'), encodeURIComponent(secret)].filter(
    (form) => form.length >= 4,
  );
}

async function outputs(cwd: string, printed: string): Promise<string> {
  const files = await filesUnder(cwd);
  return [printed, ...files.map(([, text]) => text)].join('\n');
}

describe('secrets and text derived from them', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo('a'), echo('b')]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  const runWith = async (tok: string, tok2: string) => {
    const cwd = await tempProject({ 'cases/sec.yaml': CASES });
    const env = { TOK: tok, TOK2: tok2 };
    const run = await runCli(
      cwd,
      ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`],
      { env },
    );
    const shown = await runCli(cwd, ['show', 'PAR-001'], { env });
    const tracker = await runCli(cwd, ['tracker'], { env });
    const printed = [run, shown, tracker].map((r) => r.stdout + r.stderr).join('\n');
    return { cwd, run, all: await outputs(cwd, printed) };
  };

  it('finds no form of the secret in any output, for chosen and random secrets', async () => {
    const chosen: [string, string][] = [
      ['Pa55w0rd!XyZ', 'beta/987/gamma'],
      ['sk_live_51HxYZ', 'a-b/c%2Fd.e_f'],
    ];
    const secret = fc
      .string({
        unit: fc.constantFrom(...'abcXYZ0129!-_.~'.split('')),
        minLength: 8,
        maxLength: 20,
      })
      .filter((s) => /[a-z]/i.test(s) && /\d/.test(s));
    const random = fc.sample(fc.tuple(secret, secret), { numRuns: 4, seed: 7 });
    for (const [tok, tok2] of [...chosen, ...random]) {
      const { run, all } = await runWith(tok, tok2);
      expect(run.code, run.stderr).toBe(1);
      for (const leak of [...leaks(tok), ...leaks(tok2)]) {
        expect(all.includes(leak), `${leak} leaked (secrets ${tok}, ${tok2})`).toBe(false);
      }
    }
  });

  it('gives the same fingerprints whatever the secret', async () => {
    const first = await runWith('Pa55w0rd!XyZ', 'beta/987/gamma');
    const second = await runWith('Other9Secret', 'delta/12/epsilon');
    const prints = async (cwd: string) => {
      const report = JSON.parse(await readFile(join(cwd, 'reports/latest/report.json'), 'utf8'));
      return (report.rootCauses ?? []).map((c: { fingerprint: string }) => c.fingerprint).sort();
    };
    expect(await prints(first.cwd)).toEqual(await prints(second.cwd));
    expect((await prints(first.cwd)).length).toBeGreaterThan(0);
  });
});

describe("a flow's secret capture and the other cases of the run", () => {
  it('is hidden in the cases that run after the flow too', async () => {
    const value = (side: string) => `cap-secret-${side}-7f3a9c`;
    const [x, y] = await Promise.all(
      ['a', 'b'].map((side) =>
        startServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ v: value(side), side }));
        }),
      ),
    );
    try {
      const cwd = await tempProject({
        'cases/a-flow.yaml': `suite: f\ncases:\n  - id: flow\n    steps:\n      - id: cap\n        request: { method: GET, path: /cap }\n        capture: { v: { json: /v, secret: true } }\n`,
        'cases/b-plain.yaml':
          'suite: p\ncases:\n  - id: again\n    request: { method: GET, path: /cap }\n',
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${x?.url}`,
        '--candidate',
        `b=${y?.url}`,
      ]);
      expect(run.code, run.stderr).toBe(1);
      const files = await filesUnder(cwd);
      const all = [run.stdout, run.stderr, ...files.map(([, text]) => text)].join('\n');
      expect(all.includes(value('a')) || all.includes(value('b'))).toBe(false);
    } finally {
      await Promise.all([x?.close(), y?.close()]);
    }
  });
});
