/**
 * Any RFC 9110 method token reaches the server exactly as written, through
 * undici, and the curl repro of a divergence sends the same method, target
 * and body. node:http only parses the methods it knows, so the server here
 * is a small HTTP/1.1 server on a raw socket: it records each request line
 * and answers with what it saw.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/redact.js';
import { curlCommand } from '../../src/core/request/curl.js';
import { planRequest } from '../../src/core/request/plan.js';
import { makeCase } from '../helpers/case.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';

interface Seen {
  readonly method: string;
  readonly target: string;
  readonly body: string;
}

/** Answers every request with `{ method, target, body, side }` (JSON; no body for HEAD). */
async function rawServer(
  side: string,
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
        const [method = '', target = ''] = (head[0] ?? '').split(' ');
        const length = Number(
          head
            .find((line) => /^content-length:/i.test(line))
            ?.split(':')[1]
            ?.trim() ?? 0,
        );
        if (buffer.length < end + 4 + length) return;
        const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
        buffer = buffer.subarray(end + 4 + length);
        seen.push({ method, target, body });
        const answer = JSON.stringify({ method, target, body, side });
        const headers = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(answer)}\r\n\r\n`;
        socket.write(method === 'HEAD' ? headers : headers + answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const CASES = `suite: methods
cases:
  - id: trace
    request: { method: TRACE, path: /echo }
  - id: propfind
    request:
      method: PROPFIND
      path: /dav/folder/
      headers: { depth: "1", content-type: application/xml }
      text: '<propfind xmlns="DAV:"><allprop/></propfind>'
  - id: mkcol
    request: { method: MKCOL, path: /dav/new/ }
  - id: query
    request: { method: QUERY, path: /search, json: { q: "a b" } }
  - id: custom
    request: { method: PURGE-ALL, path: "/cache?scope=all" }
  - id: lower
    request: { method: get, path: /lower }
  - id: head
    request: { method: HEAD, path: /head }
  - id: get-with-body
    request: { method: GET, path: /get, text: payload }
`;

const SENT = [
  ['TRACE', '/echo', ''],
  ['PROPFIND', '/dav/folder/', '<propfind xmlns="DAV:"><allprop/></propfind>'],
  ['MKCOL', '/dav/new/', ''],
  ['QUERY', '/search', '{"q":"a b"}'],
  ['PURGE-ALL', '/cache?scope=all', ''],
  ['get', '/lower', ''],
  ['HEAD', '/head', ''],
  ['GET', '/get', 'payload'],
];

const run = promisify(execFile);

describe('any method token', () => {
  let rust: Awaited<ReturnType<typeof rawServer>>;
  let go: Awaited<ReturnType<typeof rawServer>>;
  beforeAll(async () => {
    rust = await rawServer('rust');
    go = await rawServer('go');
  });
  afterAll(async () => Promise.all([rust.close(), go.close()]));

  it('reaches the server exactly as written, and its repro sends the same request', async () => {
    const cwd = await tempProject({ 'cases/methods.yaml': CASES });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    // Each request exactly once: no second look (the bodies differ by `side`, a value of one format).
    const result = await runCli(cwd, [
      'run',
      ...targets,
      '--no-tracker',
      '--concurrency',
      '1',
      '--second-look',
      '0',
    ]);
    expect(result.stderr).toBe('');
    const expected = SENT.map(([method, target, body]) => ({ method, target, body }));
    expect(rust.seen).toEqual(expected);
    expect(go.seen).toEqual(expected);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => r.request.method)).toEqual(SENT.map(([method]) => method));
    // The bodies differ by `side`, so every case but HEAD has a repro pair.
    const repros = report.results.flatMap((r) => (r.repro === undefined ? [] : [r.repro.baseline]));
    expect(repros).toHaveLength(SENT.length - 1);
    expect(repros.find((line) => line.includes('/head'))).toBeUndefined();
    if (!existsSync('/usr/bin/curl')) {
      console.warn('curl is not installed: the repro commands were not run');
      return;
    }
    rust.seen.length = 0;
    for (const line of repros) await run('sh', ['-c', line]);
    expect(rust.seen).toEqual(expected.filter(({ target }) => target !== '/head'));
  });

  it('gives HEAD a repro that does not wait for a body', async () => {
    if (!existsSync('/usr/bin/curl')) return;
    const line = curlCommand(
      planRequest(makeCase('head', { method: 'HEAD', path: '/head' })),
      { name: 'rust', url: new URL(rust.url), headers: [] },
      createRedactor({ headerNames: [], secrets: new Map() }),
    );
    expect(line).toMatch(/^curl -sS -I /);
    rust.seen.length = 0;
    const { stdout } = await run('sh', ['-c', line], { timeout: 5000 });
    expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(rust.seen).toEqual([{ method: 'HEAD', target: '/head', body: '' }]);
  });
});
