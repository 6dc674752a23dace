/**
 * Content codings as servers send them: stacked codings are undone in order
 * (`gzip, br` is compared as the JSON it holds), and a body parity cannot
 * decode says why, with advice about the wire, not about answering "binary
 * bodies" as the other side does.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const BODY = JSON.stringify({ id: 1, name: 'a' });

let plain: TestServer;
let coded: TestServer;
beforeAll(async () => {
  plain = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(BODY);
  });
  coded = await startServer((req, res) => {
    const json = { 'content-type': 'application/json' };
    if (req.url === '/stacked') {
      res.writeHead(200, { ...json, 'content-encoding': 'gzip, br' });
      res.end(brotliCompressSync(gzipSync(BODY)));
    } else if (req.url === '/mislabelled') {
      res.writeHead(200, { ...json, 'content-encoding': 'br' });
      res.end(gzipSync(BODY));
    } else {
      res.writeHead(200, { ...json, 'content-encoding': 'zstd' });
      res.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]));
    }
  });
});
afterAll(async () => Promise.all([plain.close(), coded.close()]));

describe('content codings', () => {
  it('undoes stacked codings, and says why a body could not be decoded', async () => {
    const cases = ['stacked', 'mislabelled', 'unknown']
      .map((id) => `  - id: ${id}\n    request: { method: GET, path: /${id} }`)
      .join('\n');
    const cwd = await tempProject({ 'cases/c.yaml': `suite: c\ncases:\n${cases}\n` });
    const targets = ['--baseline', `a=${plain.url}`, '--candidate', `b=${coded.url}`];
    const run = await runCli(cwd, ['run', ...targets]);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const byId = new Map(report.results.map((r) => [r.caseId, r]));
    expect(byId.get('c/stacked')?.verdict ?? 'equal').toBe('equal');
    const mislabelled = byId.get('c/mislabelled');
    expect(mislabelled?.explanation).toContain(
      'a body parity could not decode (content-encoding "br" did not decode',
    );
    expect(byId.get('c/unknown')?.explanation).toContain(
      'content-encoding "zstd" is not one parity decodes',
    );
    const shown = await runCli(cwd, ['show', 'PAR-001']);
    expect(shown.stdout).toContain(
      'fix the candidate: check its `Content-Type` and `Content-Encoding`',
    );
    expect(shown.stdout).not.toContain('answer binary bodies');
  });
});
