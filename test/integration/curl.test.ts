/**
 * The repro commands reproduce: each curl line a report holds is run (Debian's
 * curl, through /bin/sh) against the real servers parity ran against, and
 * what curl gets (status, body sha256) must be what parity recorded, and what
 * the server received from curl what it received from parity. Without curl the
 * test skips loudly on a developer machine and fails in CI (`.ci/run`
 * installs it).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const exec = promisify(execFile);
const CURL = '/usr/bin/curl';
const available = existsSync(CURL);
if (!available) {
  const reason = `${CURL} is missing: the curl repro test is SKIPPED (apt-get install -y curl to run it)`;
  if (process.env['CI'] !== undefined) throw new Error(`${reason}; CI must run it`);
  console.warn(reason);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a server saw of one request. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

const STATUS: Record<string, number> = { POST: 201, PUT: 202, PATCH: 203, DELETE: 200 };

/**
 * A server whose answer depends on every byte of the request and on its side,
 * so every case diverges (and gets repro lines) and a request curl sends
 * differently gets a different answer: binary bytes (0xff makes them invalid
 * UTF-8), a status by method and a content type by side.
 */
async function side(name: string): Promise<{ server: TestServer; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = await startServer((req, res, body) => {
    const headers = {
      'content-type': req.headers['content-type'],
      'x-empty': req.headers['x-empty'],
      'x-token': req.headers['x-token'],
      'x-quote': req.headers['x-quote'],
      expect: req.headers['expect'],
    };
    const request = { method: req.method ?? '', url: req.url ?? '', body, headers };
    seen.push(request);
    const digest = createHash('sha256')
      .update(`${name}\n${JSON.stringify(request)}`)
      .digest();
    // The content type names the side, so even a HEAD (no body) diverges.
    const type = `application/x-${name}`;
    res.writeHead(STATUS[request.method] ?? 200, { 'content-type': type });
    res.end(Buffer.concat([Buffer.from([0xff, 0x00]), digest]));
  });
  return { server, seen };
}

const BIG = 'x'.repeat(2000);

const CASES = `suite: curl
cases:
  - id: get
    request: { method: GET, path: /plain }
  - id: head
    request: { method: HEAD, path: /file.bin }
  - id: query
    request:
      method: GET
      path: "/search?pre=%2Fa%20b&x=[1]&y={2}"
      query: { q: "a b&c=d", tag: [x, "y'z"] }
  - id: dots
    request: { method: GET, path: /a/../b/./c }
  - id: encoded-dots
    request: { method: GET, path: "/a/%2e%2e/b" }
  - id: post-json
    request: { method: POST, path: /items, json: { name: "it's \\"q\\"", n: [1, 2] } }
  - id: put-text
    request: { method: PUT, path: /items/1, text: "line 1\\nline 'two'\\n$HOME \`x\` !" }
  - id: get-body
    request: { method: GET, path: /get-with-body, json: { a: 1 } }
  - id: delete
    request: { method: DELETE, path: /items/1 }
  - id: patch-big
    request: { method: PATCH, path: /big, text: "${BIG}" }
  - id: options
    request: { method: OPTIONS, path: /items }
  - id: headers
    request:
      method: GET
      path: /h
      headers: { x-empty: "", x-token: "\${env:TOKEN}", x-quote: "a'b\\"c" }
  - id: post-bytes
    request: { method: POST, path: /bytes, base64: "/wAnJVxuAQ==" }
  - id: put-nul-text
    request: { method: PUT, path: /nul, text: "a\\0b'%\\\\" }
`;

const TOKEN = 's3cret-token-value';

/** Runs a repro line the way a user pastes it: through /bin/sh. */
async function curl(command: string): Promise<{ status: number; body: Buffer }> {
  const { stdout } = await exec('/bin/sh', ['-c', command], {
    encoding: 'buffer',
    timeout: 10_000,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TOKEN },
  });
  const end = stdout.indexOf('\r\n\r\n');
  const head = stdout.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1]);
  return { status, body: stdout.subarray(end + 4) };
}

/** The sha256 parity recorded for a side's body (a binary body is shown with its hash). */
function recordedSha(body: unknown): string {
  if (body === null) return sha(new Uint8Array());
  const hash = /^binary, \d+ bytes, sha256 ([0-9a-f]{64}), starts ff 00 /.exec(String(body))?.[1];
  expect(hash, `a binary body summary, got ${JSON.stringify(body)}`).toBeDefined();
  return hash ?? '';
}

describe.skipIf(!available)('curl repro lines, run against the real servers', () => {
  let baseline: { server: TestServer; seen: Seen[] };
  let candidate: { server: TestServer; seen: Seen[] };
  let results: readonly AssessedObservation[] = [];
  beforeAll(async () => {
    [baseline, candidate] = await Promise.all([side('baseline'), side('candidate')]);
    const cwd = await tempProject({ 'cases/curl.yaml': CASES });
    const run = await runCli(
      cwd,
      [
        'run',
        '--baseline',
        `a=${baseline.server.url}`,
        '--candidate',
        `b=${candidate.server.url}`,
        '--no-tracker',
        '--concurrency',
        '1',
      ],
      { env: { TOKEN } },
    );
    expect(run.code, run.stderr).toBe(1);
    results = (await latestReport(cwd)).results;
  });
  afterAll(async () => Promise.all([baseline.server.close(), candidate.server.close()]));

  it('every case diverged, so every case has a repro pair, and none holds the secret', () => {
    expect(results.map((r) => r.verdict)).toEqual(results.map(() => 'divergent'));
    expect(results).toHaveLength(14);
    for (const result of results) expect(JSON.stringify(result.repro)).not.toContain(TOKEN);
  });

  it('curl gets the status and body bytes parity recorded, and sends the request parity sent', async () => {
    for (const [index, result] of results.entries()) {
      for (const name of ['baseline', 'candidate'] as const) {
        const command = result.repro?.[name] ?? '';
        const target = name === 'baseline' ? baseline : candidate;
        const got = await curl(command);
        const what = `${result.caseId} ${name}: ${command}`;
        expect(got.status, what).toBe(result[name].status);
        expect(sha(got.body), what).toBe(recordedSha(result.bodies?.[name]));
        const fromParity = target.seen[index];
        const fromCurl = target.seen.at(-1);
        expect(fromCurl, what).toEqual(fromParity);
      }
    }
  });

  it('writes HEAD as -I, keeps dot segments and globbing characters, and reads secrets from the shell', () => {
    const line = (id: string) =>
      results.find((r) => r.caseId === `curl/${id}`)?.repro?.baseline ?? '';
    expect(line('head')).toMatch(/^curl -sS -I http:/);
    expect(line('head')).not.toContain('-X');
    expect(line('dots')).toContain('--path-as-is');
    expect(line('query')).toContain('--globoff');
    expect(line('headers')).toContain(`-H 'x-token: '"$TOKEN"`);
    expect(line('headers')).toContain("-H 'x-empty;'");
    expect(line('get-body')).toContain('-X GET');
    // The query written in the path goes out as written; \`query:\` pairs are encoded after it.
    const query = results.findIndex((r) => r.caseId === 'curl/query');
    expect(baseline.seen[query]?.url).toBe(
      '/search?pre=%2Fa%20b&x=[1]&y={2}&q=a+b%26c%3Dd&tag=x&tag=y%27z',
    );
    expect(line('post-json')).not.toContain('-X');
    // Bytes no shell word can hold (invalid UTF-8, NUL) are piped through printf.
    expect(line('post-bytes')).toMatch(/^printf '\\377\\000.*' \| curl .* --data-binary @-$/);
    expect(line('put-nul-text')).toMatch(/^printf 'a\\000b.*' \| curl .*-X PUT/);
  });
});
