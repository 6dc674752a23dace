/**
 * A digest of content is data, not a value a side drew: an MD5 that happens
 * to carry a UUID's version and variant digits, of a text the answer holds
 * or of the body a write sent, differs because the content does and stays a
 * row. Two fixtures with other field names: a read answering a text and its
 * digest, and an upload answering the digest of what it stored.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

// md5('chapter 2') and md5('chapter 13') both look like dashless version-1..8 UUIDs.
const TEXTS = { baseline: 'chapter 2', candidate: 'chapter 13' };

describe('digests of content', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('a read answering a text and its MD5: the digest is no per-instance value', async () => {
    const serve = (text: string) =>
      startServer((_req, res) => json(res, 200, { title: text, md5: md5(text) }));
    const baseline = await serve(TEXTS.baseline);
    const candidate = await serve(TEXTS.candidate);
    started.push(baseline, candidate);
    const cwd = await tempProject({
      'cases/read.yaml':
        'suite: read\ncases:\n  - id: doc\n    request: { method: GET, path: /doc }\n',
    });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const result = report.results[0];
    expect(result?.verdict).toBe('divergent');
    expect(result?.generated).toBeUndefined();
    const changed = (result?.changes ?? []).map((c) => c.path);
    expect(changed).toEqual(expect.arrayContaining(['/md5', '/title']));
  });

  it('an upload answering the MD5 of what it stored: the digest is no per-instance value', async () => {
    // The candidate stores the text with a suffix of its own: its digest differs.
    const serve = (suffix: string) =>
      startServer((_req, res, body) => json(res, 201, { checksum: md5(`${body}${suffix}`) }));
    const baseline = await serve('');
    const candidate = await serve('3');
    started.push(baseline, candidate);
    const cwd = await tempProject({
      'cases/upload.yaml': `suite: upload
cases:
  - id: put
    request:
      method: PUT
      path: /blobs/one
      headers: { content-type: text/plain }
      text: "chapter 1"
`,
    });
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
    ]);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const result = report.results[0];
    expect(result?.verdict).toBe('divergent');
    expect(result?.generated).toBeUndefined();
    expect((result?.changes ?? []).map((c) => c.path)).toEqual(['/checksum']);
  });
});
