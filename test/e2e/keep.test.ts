/**
 * `--keep N` (or `keep: N` in the config): a run folder per run piles up
 * (a 5,000-case run writes 30 MB); with keep, only the N newest stay, `latest`
 * among them, and nothing else in the reports folder is touched.
 */
import { mkdir, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const RUN = /^\d{4}-\d{2}-\d{2}T/;

describe('keeping the N latest run folders', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
  });
  afterAll(async () => server.close());

  const run = (cwd: string, more: string[], day: number) =>
    runCli(
      cwd,
      [
        'run',
        '--baseline',
        `a=${server.url}`,
        '--candidate',
        `b=${server.url}`,
        '--no-tracker',
        ...more,
      ],
      {
        now: new Date(`2026-11-${day}T10:00:00Z`),
      },
    );

  it('keeps the newest N with --keep, latest among them, and leaves what is not a run folder', async () => {
    const cwd = await tempProject({
      'cases/s.yaml': 'suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /x }\n',
    });
    await mkdir(join(cwd, 'reports', 'my-notes'), { recursive: true });
    await writeFile(join(cwd, 'reports', 'README.txt'), 'mine\n');
    for (const day of [10, 11, 12]) expect((await run(cwd, [], day)).code).toBe(0);
    expect((await readdir(join(cwd, 'reports'))).filter((n) => RUN.test(n))).toHaveLength(3);
    expect((await run(cwd, ['--keep', '2'], 13)).code).toBe(0);
    const left = (await readdir(join(cwd, 'reports'))).sort();
    const runs = left.filter((n) => RUN.test(n));
    expect(runs.map((n) => n.slice(0, 10))).toEqual(['2026-11-12', '2026-11-13']);
    expect(left).toEqual(expect.arrayContaining(['README.txt', 'my-notes', 'latest']));
    expect(await readlink(join(cwd, 'reports', 'latest'))).toContain(runs[1]);
  });

  it('reads keep from the config, and refuses 0', async () => {
    const cwd = await tempProject({
      'cases/s.yaml': 'suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /x }\n',
      'parity.config.yaml': 'keep: 1\n',
    });
    for (const day of [10, 11]) expect((await run(cwd, [], day)).code).toBe(0);
    expect((await readdir(join(cwd, 'reports'))).filter((n) => RUN.test(n))).toHaveLength(1);
    const refused = await run(cwd, ['--keep', '0'], 12);
    expect(refused.code).toBe(2);
  });
});
