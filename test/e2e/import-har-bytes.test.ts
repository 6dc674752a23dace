/**
 * A HAR entry's body reaches the servers as the bytes the browser sent: bytes
 * recorded one character per byte stay those bytes (not their UTF-8), and a
 * `Content-Encoding` the recorded body is no longer in is not sent.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

interface Seen {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A loopback server keeping each request's raw body bytes. */
async function rawServer(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(() => new Promise((done) => server.close(() => done())));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, seen };
}

describe('parity import har: the bytes sent', () => {
  it('sends recorded bytes as those bytes, without the Content-Encoding of a decoded body', async () => {
    const [baseline, candidate] = [await rawServer(), await rawServer()];
    const bytes = [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xe9];
    const entry = {
      request: {
        method: 'PUT',
        url: `${baseline.url}/blob`,
        headers: [{ name: 'Content-Encoding', value: 'gzip' }],
        postData: { mimeType: 'application/octet-stream', text: String.fromCharCode(...bytes) },
      },
    };
    const cwd = await tempProject({ 'in.har': JSON.stringify({ log: { entries: [entry] } }) });
    const imported = await runCli(cwd, ['import', 'har', 'in.har', '--out', 'cases']);
    expect(imported.code, imported.stderr).toBe(0);
    const run = await runCli(cwd, [
      'run',
      'cases',
      '--baseline',
      `old=${baseline.url}`,
      '--candidate',
      `new=${candidate.url}`,
      '--no-tracker',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const side of [baseline, candidate]) {
      expect([...(side.seen[0]?.body ?? [])]).toEqual(bytes);
      expect(side.seen[0]?.headers['content-encoding']).toBeUndefined();
      expect(side.seen[0]?.headers['content-type']).toBe('application/octet-stream');
    }
  });
});
