/**
 * A run whose targets answered nothing compared nothing: it exits 3 with its
 * report, and leaves the tracker as it was (none is created, an existing one
 * is not touched).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { closedPort, json, startServer } from '../helpers/http.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const CASES = 'suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /v1/x }\n';

describe('a run that could not reach its targets', () => {
  it('writes its report and no tracker, when neither target answered', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    const [a, b] = [await closedPort(), await closedPort()];
    const run = await runCli(cwd, [
      'run',
      '--baseline',
      `a=http://127.0.0.1:${a}`,
      '--candidate',
      `b=http://127.0.0.1:${b}`,
    ]);
    expect(run.code).toBe(3);
    expect((await latestReport(cwd)).summary.errors).toBe(1);
    await expect(stat(join(cwd, TRACKER))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves an existing tracker byte for byte, when one target answered nothing', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    expect((await runCli(cwd, ['tracker', '--init'])).code).toBe(0);
    const tracker = `${await readFile(join(cwd, TRACKER), 'utf8')}\nNotes a human wrote.\n`;
    await writeFile(join(cwd, TRACKER), tracker);
    const up = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const run = await runCli(cwd, [
        'run',
        '--baseline',
        `a=${up.url}`,
        '--candidate',
        `b=http://127.0.0.1:${await closedPort()}`,
      ]);
      expect(run.code).toBe(3);
      expect(await readFile(join(cwd, TRACKER), 'utf8')).toBe(tracker);
    } finally {
      await up.close();
    }
  });
});
