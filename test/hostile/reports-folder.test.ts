/**
 * Hostile report folders: `--reports` naming a file, a folder that takes no
 * new files, a `latest` that is a real folder or file. Refused before the first
 * request (exit 2, the path named), never discovered after every request was
 * sent; nothing of the human's is touched.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { makeReadOnly } from './helpers.js';

const CASES = 'suite: r\ncases:\n  - id: one\n    request: { method: GET, path: /one }\n';

let base: TestServer;
let cand: TestServer;
beforeAll(async () => {
  base = await startServer((_req, res) => json(res, 200, { a: 1 }));
  cand = await startServer((_req, res) => json(res, 200, { a: 1 }));
});
afterAll(async () => Promise.all([base.close(), cand.close()]));
beforeEach(() => {
  base.requests.length = 0;
  cand.requests.length = 0;
});

async function refused(cwd: string, extra: readonly string[], named: string): Promise<string> {
  const outcome = await runCli(cwd, [
    'run',
    '--baseline',
    `b=${base.url}`,
    '--candidate',
    `c=${cand.url}`,
    '--no-tracker',
    ...extra,
  ]);
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr).toContain(named);
  expect(outcome.stderr).not.toContain('internal error');
  expect(base.requests).toHaveLength(0);
  return outcome.stderr;
}

describe('a reports folder parity cannot write', () => {
  it('--reports naming a file', async () => {
    const cwd = await tempProject({ 'cases/r.yaml': CASES, 'out.txt': 'mine' });
    const stderr = await refused(cwd, ['--reports', 'out.txt'], 'out.txt');
    expect(stderr).toContain('is not a folder');
    expect(await readFile(join(cwd, 'out.txt'), 'utf8')).toBe('mine');
  });

  it('--reports under a file', async () => {
    const cwd = await tempProject({ 'cases/r.yaml': CASES, 'out.txt': 'mine' });
    await refused(cwd, ['--reports', 'out.txt/reports'], 'is not a folder');
  });

  it('a folder that takes no new files', async (context) => {
    const cwd = await tempProject({ 'cases/r.yaml': CASES });
    await mkdir(join(cwd, 'reports'));
    const undo = await makeReadOnly(join(cwd, 'reports'));
    if (undo === undefined) context.skip();
    try {
      await refused(cwd, [], 'cannot be written');
    } finally {
      await undo?.();
    }
    expect(await readdir(join(cwd, 'reports'))).toEqual([]);
  });

  it('a `latest` that is a real folder (a human put it there) is refused and left alone', async () => {
    const cwd = await tempProject({ 'cases/r.yaml': CASES, 'reports/latest/notes.md': 'keep' });
    await refused(cwd, [], 'reports/latest is a folder');
    expect(await readFile(join(cwd, 'reports/latest/notes.md'), 'utf8')).toBe('keep');
    expect(await readdir(join(cwd, 'reports'))).toEqual(['latest']);
  });

  it('a `latest` that is a regular file is refused and left alone', async () => {
    const cwd = await tempProject({ 'cases/r.yaml': CASES });
    await mkdir(join(cwd, 'reports'));
    await writeFile(join(cwd, 'reports', 'latest'), 'keep');
    await refused(cwd, [], 'reports/latest is a file');
    expect(await readFile(join(cwd, 'reports', 'latest'), 'utf8')).toBe('keep');
  });
});
