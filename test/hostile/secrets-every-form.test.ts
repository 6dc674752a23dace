/**
 * A secret in every form common code gives it, in every place a server can
 * echo it. The servers read the token parity sent (`Bearer ${env:TOK}`) and
 * echo it raw, in other cases, as base64 and base64url, hex, percent-encoded
 * (component, path-style as `encodeURI` and Python's `quote` write it, every
 * byte, double), JSON-escaped and as HTML entities (named, decimal, hex): in
 * JSON values, JSON keys, header values, header names and a text body. Every
 * output file (report.md, report.json, results.ndjson, junit, html, the
 * tracker) and everything printed is searched for every form, written here
 * independently of parity's own list: none may appear. Secrets chosen from
 * the reproductions, and random ones (fast-check).
 *
 * Also a literal (not `${env:}`) credential from a case file (an
 * `Authorization` token, an `api_key` query value) echoed as a JSON key.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { filesUnder } from './helpers.js';

const bytesOf = (s: string) => [...Buffer.from(s, 'utf8')];
const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => b64(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

/** Python's `urllib.parse.quote(s)` (safe `/`). */
function pythonQuote(s: string): string {
  return bytesOf(s)
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9_.\-~/]/.test(c) ? c : `%${hex2(b).toUpperCase()}`;
    })
    .join('');
}

const everyByte = (s: string) =>
  bytesOf(s)
    .map((b) => `%${hex2(b).toUpperCase()}`)
    .join('');

function htmlNamed(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) ?? 0);
const htmlDecimal = (s: string) =>
  codePoints(s)
    .map((n) => `&#${n};`)
    .join('');
const htmlHex = (s: string) =>
  codePoints(s)
    .map((n) => `&#x${n.toString(16)};`)
    .join('');

const alternateCase = (s: string) =>
  [...s].map((c, i) => (i % 2 === 0 ? c.toLowerCase() : c.toUpperCase())).join('');

/** Every form a server echoes, by name (the names are only for messages). */
function forms(secret: string): Record<string, string> {
  const json = JSON.stringify(secret).slice(1, -1);
  return {
    raw: secret,
    upper: secret.toUpperCase(),
    lower: secret.toLowerCase(),
    alternate: alternateCase(secret),
    base64: b64(secret),
    base64url: b64url(secret),
    hex: Buffer.from(secret, 'utf8').toString('hex'),
    hexUpper: Buffer.from(secret, 'utf8').toString('hex').toUpperCase(),
    component: encodeURIComponent(secret),
    encodeURI: encodeURI(secret),
    pythonQuote: pythonQuote(secret),
    everyByte: everyByte(secret),
    everyByteLower: everyByte(secret).toLowerCase(),
    double: encodeURIComponent(encodeURIComponent(secret)),
    json,
    goJson: json.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026'),
    htmlNamed: htmlNamed(secret),
    htmlDecimal: htmlDecimal(secret),
    htmlHex: htmlHex(secret),
    htmlHexUpper: htmlHex(secret).toUpperCase(),
  };
}

/** Forms that may go into a header name (token characters only). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The token a request carried: `Authorization: Bearer <token>`. */
function tokenOf(headers: Record<string, string | string[] | undefined>): string {
  return String(headers.authorization ?? '').replace(/^Bearer /, '');
}

/** The credentials a request carried: its Bearer token and its `api_key` query value. */
function credentialsOf(req: {
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}) {
  const key = new URL(req.url ?? '/', 'http://x').searchParams.get('api_key') ?? '';
  return [tokenOf(req.headers), key].filter((c) => c !== '');
}

/** Every form of every credential, each name suffixed by which credential it is. */
function formsOfAll(credentials: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    credentials.flatMap((c, i) => Object.entries(forms(c)).map(([k, v]) => [`${k}${i}`, v])),
  );
}

function echo(side: string): Promise<TestServer> {
  return startServer((req, res) => {
    const all = formsOfAll(credentialsOf(req));
    const headers: Record<string, string> = {};
    for (const [name, form] of Object.entries(all)) {
      // Header values: latin1 only (a non-ASCII form goes in the body).
      if (/^[\x20-\x7e]*$/.test(form)) headers[`x-v-${name.toLowerCase()}`] = `${side}:${form}`;
      // Header names only on one side: a header the other side lacks.
      if (side === 'a' && TOKEN.test(form)) headers[`x-${form}`] = '1';
    }
    if (req.url?.startsWith('/text') === true) {
      res.writeHead(200, { 'content-type': 'text/plain', ...headers });
      res.end(`${side}\n${Object.values(all).join('\n')}\n`);
      return;
    }
    const values = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, `${side}|${v}`]));
    // Keys only on one side: members the other side lacks.
    const keys = side === 'a' ? Object.fromEntries(Object.values(all).map((v) => [v, 1])) : {};
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ side, values, keys }));
  });
}

const CASES = `suite: forms
defaults:
  rules: { headers: "*" }
cases:
  - id: json
    request:
      method: GET
      path: /json
      headers: { authorization: "Bearer \${env:TOK}" }
  - id: text
    request:
      method: GET
      path: /text
      headers: { authorization: "Bearer \${env:TOK}" }
`;

/** Case-insensitive for every form but base64's (base64 is case-sensitive). */
function leaksIn(text: string, secret: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(forms(secret))
    .filter(([name, form]) =>
      name.startsWith('base64') ? text.includes(form) : lower.includes(form.toLowerCase()),
    )
    .map(([name, form]) => `${name} ${JSON.stringify(form)}`);
}

/** Every file parity wrote under `cwd` but `keep`, and everything printed. */
async function outputs(
  cwd: string,
  printed: Record<string, string>,
  keep: string,
): Promise<[string, string][]> {
  const files = (await filesUnder(cwd)).filter(([path]) => !path.endsWith(keep));
  const decoded = await Promise.all(
    files.map(async ([path]) => [path, await readFile(path, 'utf8')] as [string, string]),
  );
  return [...files, ...decoded, ...Object.entries(printed)];
}

describe('a secret in every form and every place', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo('a'), echo('b')]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  const runWith = async (tok: string) => {
    const cwd = await tempProject({ 'cases/forms.yaml': CASES });
    const env = { TOK: tok };
    const run = await runCli(
      cwd,
      ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`],
      {
        env,
      },
    );
    const tracker = await runCli(cwd, ['tracker', '--all'], { env });
    const printed = { stdout: run.stdout, stderr: run.stderr, tracker: tracker.stdout };
    return { cwd, run, outputs: await outputs(cwd, printed, 'forms.yaml') };
  };

  it('finds no form in any output, for the issue secrets and random ones', async () => {
    const chosen = ['Zq8/Wt+k&Lm<9>Xv=Rp3Yh', 'Hn7kQ2vX9pLm4RtW', `pa55 "wörd"'x7&q`];
    const unit = fc.constantFrom(...'abcXYZ0129!-_.~/+=&<>"\' %é'.split(''));
    const random = fc.sample(
      fc
        .string({ unit, minLength: 12, maxLength: 24 })
        .filter((s) => /[a-z]/i.test(s) && /\d/.test(s) && s.trim() === s),
      { numRuns: 2, seed: 45 },
    );
    for (const secret of [...chosen, ...random]) {
      const { run, outputs: all } = await runWith(secret);
      expect(run.code, run.stderr).toBe(1);
      const found = all.flatMap(([where, text]) =>
        leaksIn(text, secret).map((form) => `${where}: ${form}`),
      );
      expect(found, `secret ${JSON.stringify(secret)}`).toEqual([]);
    }
  });

  it('finds no form in a recording either (answers, header names)', async () => {
    const secret = 'Zq8/Wt+k&Lm<9>Xv=Rp3Yh';
    const cwd = await tempProject({ 'cases/forms.yaml': CASES });
    const recorded = await runCli(cwd, ['record', '--target', `a=${a.url}`], {
      env: { TOK: secret },
    });
    expect(recorded.code, recorded.stderr).toBe(0);
    const printed = { stdout: recorded.stdout, stderr: recorded.stderr };
    const all = await outputs(cwd, printed, 'forms.yaml');
    expect(all.some(([where]) => where.includes('recordings'))).toBe(true);
    const found = all.flatMap(([where, text]) =>
      leaksIn(text, secret).map((form) => `${where}: ${form}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the reports telling: the placeholder stands where the header name was', async () => {
    const { cwd } = await runWith('Hn7kQ2vX9pLm4RtW');
    const report = await readFile(join(cwd, 'reports/latest/report.json'), 'utf8');
    expect(report).toContain('x-${env:TOK}');
  });
});

describe('a literal credential and a target URL credential, in every form and place', () => {
  const LITERAL = 'Lit/Tok+9&Qw<2>Er7';
  const KEY = 'Qk7mZp2Xw9Lr';
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([echo('a'), echo('b')]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('finds no form of either in any output', async () => {
    const cases = CASES.replaceAll('Bearer ${env:TOK}', `Bearer ${LITERAL}`);
    expect(cases).toContain(LITERAL);
    const cwd = await tempProject({ 'cases/forms.yaml': cases });
    const baseline = `a=${a.url}/?api_key=${KEY}`;
    const run = await runCli(cwd, ['run', '--baseline', baseline, '--candidate', `b=${b.url}`]);
    expect(run.code, run.stderr).toBe(1);
    expect(a.requests.at(-1)?.url).toContain(KEY);
    const tracker = await runCli(cwd, ['tracker', '--all']);
    const printed = { stdout: run.stdout, stderr: run.stderr, tracker: tracker.stdout };
    const all = await outputs(cwd, printed, 'forms.yaml');
    const found = all.flatMap(([where, text]) =>
      [...leaksIn(text, LITERAL), ...leaksIn(text, KEY)].map((form) => `${where}: ${form}`),
    );
    expect(found).toEqual([]);
    // The echoes are there, as their placeholders.
    const report = await readFile(join(cwd, 'reports/latest/report.json'), 'utf8');
    expect(report).toContain('[a credentials]');
    expect(report).toContain('[redacted]');
  });
});

describe('a literal credential from a case file', () => {
  const TOKEN_LITERAL = 'LitTok9Qw2Er7Ty';
  const KEY_LITERAL = 'qKey4Zx8Cv1Bn';
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const side = (name: string) =>
      startServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const token = tokenOf(req.headers);
        const key = url.searchParams.get('api_key') ?? '';
        res.writeHead(200, { 'content-type': 'application/json' });
        const keys =
          name === 'a' ? { [token]: 1, [`k-${key.toUpperCase()}`]: 2, [b64(token)]: 3 } : {};
        res.end(JSON.stringify({ name, ...keys }));
      });
    [a, b] = await Promise.all([side('a'), side('b')]);
  });
  afterAll(async () => Promise.all([a.close(), b.close()]));

  it('is redacted when the server echoes it as a JSON key, and never reaches the tracker', async () => {
    const cases = `suite: lit
cases:
  - id: me
    request:
      method: GET
      path: /me
      query: { api_key: "${KEY_LITERAL}" }
      headers: { authorization: "Bearer ${TOKEN_LITERAL}" }
`;
    const cwd = await tempProject({ 'cases/lit.yaml': cases });
    const run = await runCli(cwd, ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`]);
    expect(run.code, run.stderr).toBe(1);
    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker).toContain('|');
    const all = await outputs(cwd, { stdout: run.stdout, stderr: run.stderr }, 'lit.yaml');
    const found = all.flatMap(([where, text]) =>
      [...leaksIn(text, TOKEN_LITERAL), ...leaksIn(text, KEY_LITERAL)].map((f) => `${where}: ${f}`),
    );
    expect(found).toEqual([]);
  });
});
