/**
 * Secrets through `record` + replay and `show`, in every placement a case or a
 * server gives them (header, cookie, query, path segment, JSON body; echoed
 * raw, URL-encoded, base64 inside a Basic credential, JSON-escaped, case-folded,
 * in `Set-Cookie` and `Location`). A secret of random length and characters is
 * recorded from one side, replayed against another that answers with its own
 * suffix (so there are divergences, tracker rows and a `show`), and every byte
 * parity printed or wrote (the recording included) is searched for it in
 * every form.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const CASES = `suite: sec
defaults:
  rules: { headers: "*" }
cases:
  - id: header
    request:
      method: GET
      path: /echo
      headers: { authorization: "Bearer \${env:TOK}", x-other: "\${env:TOK}" }
  - id: cookie
    request:
      method: GET
      path: /echo
      headers: { cookie: "sid=\${env:TOK}; theme=dark" }
  - id: query
    request: { method: GET, path: /echo, query: { k: "\${env:TOK}" } }
  - id: path
    request: { method: GET, path: "/acct/\${env:TOK}/x" }
  - id: body
    request: { method: POST, path: /echo, json: { token: "\${env:TOK}", n: 1 } }
`;

/** Every place the secret arrives in the request, echoed back in every form, with this side's suffix. */
function echo(suffix: string): Promise<TestServer> {
  return startServer((req, res, chunks) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const cookie = /sid=([^;]*)/.exec(String(req.headers.cookie ?? ''))?.[1] ?? '';
    const query = url.searchParams.get('k') ?? '';
    const path = decodeURIComponent(/^\/acct\/(.*)\/x$/.exec(url.pathname)?.[1] ?? '');
    const body = chunks === '' ? '' : String((JSON.parse(chunks) as { token?: string }).token);
    const secret = auth || cookie || query || path || body;
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-echo': `${secret}-${suffix}`,
      'x-echo-lower': secret.toLowerCase(),
      'set-cookie': `sid=${secret}; Path=/`,
      location: `/next?from=${encodeURIComponent(secret)}&s=${suffix}`,
    });
    res.end(
      JSON.stringify({
        raw: secret,
        upper: secret.toUpperCase(),
        url: encodeURIComponent(secret),
        basic: Buffer.from(`user:${secret}`).toString('base64'),
        b64: Buffer.from(secret).toString('base64'),
        quoted: JSON.stringify(secret),
        side: suffix,
      }),
    );
  });
}

/** The secret in every form parity could write it, long enough to mean something. */
function forms(secret: string): string[] {
  const lower = secret.toLowerCase();
  const b64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    lower,
    secret.toUpperCase(),
    lower.replace(/\d+/g, '0'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    b64,
    b64.replace(/=+$/, ''),
    Buffer.from(`user:${secret}`).toString('base64').replace(/=+$/, ''),
  ].filter((form) => form.length >= 6);
}

describe('secrets through record, replay and show', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo('a'), echo('b')]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  const replay = async (tok: string) => {
    const cwd = await tempProject({ 'cases/sec.yaml': CASES });
    const env = { TOK: tok };
    const recorded = await runCli(cwd, ['record', '--target', `a=${a.url}`, '--out', 'rec'], {
      env,
    });
    expect(recorded.code, recorded.stderr).toBe(0);
    const run = await runCli(
      cwd,
      ['run', '--baseline-recording', 'rec', '--candidate', `b=${b.url}`],
      { env },
    );
    const json = await runCli(
      cwd,
      ['run', '--baseline-recording', 'rec', '--candidate', `b=${b.url}`, '--json'],
      { env },
    );
    const shown = await Promise.all(
      ['PAR-001', 'PAR-002', 'PAR-003'].map((id) => runCli(cwd, ['show', id], { env })),
    );
    const tracker = await runCli(cwd, ['tracker'], { env });
    const printed = [recorded, run, json, ...shown, tracker]
      .map((r) => r.stdout + r.stderr)
      .join('\n');
    const files = await filesUnder(cwd);
    return { run, shown, all: [printed, ...files.map(([, text]) => text)].join('\n') };
  };

  it('finds no form of the secret in any output, for chosen and random secrets', async () => {
    const chosen = ['Pa55w0rd!XyZ', 'sk_live_51HxYZ~q'];
    const secret = fc
      .string({
        unit: fc.constantFrom(...'abcdefXYZ0123456789!-_.~'.split('')),
        minLength: 8,
        maxLength: 40,
      })
      .filter((s) => /[a-z]/i.test(s) && /\d/.test(s) && !/^[-_.~!]|[-_.~!]$/.test(s));
    const random = fc.sample(secret, { numRuns: 16, seed: 24 });
    for (const tok of [...chosen, ...random]) {
      const { run, shown, all } = await replay(tok);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(shown[0]?.code, shown[0]?.stderr).toBe(0);
      // The outputs do speak of the secret: by its placeholder.
      expect(all).toContain('${env:TOK}');
      for (const leak of forms(tok)) {
        expect(all.includes(leak), `${leak} leaked (secret ${tok})`).toBe(false);
      }
    }
  }, 120_000);
});

describe("a flow's secret capture and a plain case that ran before it", () => {
  /** A run whose earlier plain case sees (in its body and a compared header) what a later flow captures as secret. */
  const earlyRun = async (value: (side: string) => string) => {
    const [x, y] = await Promise.all(
      ['a', 'b'].map((side) =>
        startServer((_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'x-v': value(side) });
          res.end(JSON.stringify({ v: value(side), side }));
        }),
      ),
    );
    try {
      const cwd = await tempProject({
        'cases/a-plain.yaml':
          'suite: p\ndefaults:\n  rules: { headers: "*" }\ncases:\n  - id: before\n    request: { method: GET, path: /cap }\n',
        'cases/b-flow.yaml': `suite: f\ncases:\n  - id: flow\n    steps:\n      - id: cap\n        request: { method: GET, path: /cap }\n        capture: { v: { json: /v, secret: true } }\n`,
      });
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${x?.url}`,
        '--candidate',
        `b=${y?.url}`,
      ]);
      expect(run.code, run.stderr).toBe(1);
      const shown = await runCli(cwd, ['show', 'PAR-001']);
      const files = await filesUnder(cwd);
      const report = JSON.parse(
        files.find(([name]) => name.endsWith('report.json'))?.[1] ?? '{}',
      ) as { rootCauses?: { fingerprint: string }[] };
      return {
        files: [['stdout', run.stdout + shown.stdout], ...files] as [string, string][],
        prints: (report.rootCauses ?? []).map((cause) => cause.fingerprint).sort(),
      };
    } finally {
      await Promise.all([x?.close(), y?.close()]);
    }
  };

  it('is hidden in the earlier case too (results.ndjson, reports, tracker, show), derived forms included', async () => {
    const value = (side: string) => `Early55Secret${side.toUpperCase()}x77Zq`;
    const { files } = await earlyRun(value);
    for (const [name, text] of files) {
      for (const side of ['a', 'b']) {
        const secret = value(side);
        for (const form of [
          secret,
          secret.toLowerCase(),
          secret.toLowerCase().replace(/\d+/g, '0'),
        ]) {
          expect(text.includes(form), `${form} in ${name}`).toBe(false);
        }
      }
    }
  });

  it("gives the earlier case's root causes the same fingerprints whatever the secret", async () => {
    const first = await earlyRun((side) => `First11Value${side}x22Qq`);
    const second = await earlyRun((side) => `Other99Thing${side}x33Rr`);
    expect(first.prints.length).toBeGreaterThan(0);
    expect(first.prints).toEqual(second.prints);
  });
});
