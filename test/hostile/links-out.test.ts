/**
 * A symlink committed in the project (`cases/imported`, a recording folder,
 * one case file) that leads out of it never carries `parity import` or
 * `parity record` outside: the command refuses (exit 2) naming the link and
 * where it leads, and nothing is written there, not even a probe file. A
 * folder given outside the project with `--out` is the user's choice.
 */
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

const CURL = 'curl http://api.test/items\ncurl http://api.test/items/1\n';

async function outside(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'parity-outside-'));
}

describe('symlinks that lead out of the project', () => {
  it('import: a cases/imported link to a folder outside is refused, nothing written there', async () => {
    const cwd = await tempProject({ 'in.sh': CURL });
    const away = await outside();
    await mkdir(join(cwd, 'cases'));
    await symlink(away, join(cwd, 'cases/imported'));
    const result = await runCli(cwd, ['import', 'curl', 'in.sh']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      /cases\/imported\/\S+ leads out of the project through a symlink/,
    );
    expect(result.stderr).toContain(away);
    expect(await readdir(away)).toEqual([]);
  });

  it('import --force: one case file linked to a file outside is refused', async () => {
    const cwd = await tempProject({ 'in.sh': CURL });
    const first = await runCli(cwd, ['import', 'curl', 'in.sh']);
    expect(first.code, first.stderr).toBe(0);
    const away = await outside();
    const [written] = await readdir(join(cwd, 'cases/imported'));
    const victim = join(away, 'victim.yaml');
    await writeFile(victim, 'keep me\n');
    const path = join(cwd, 'cases/imported', written ?? '');
    const { rm } = await import('node:fs/promises');
    await rm(path);
    await symlink(victim, path);
    const again = await runCli(cwd, ['import', 'curl', 'in.sh', '--force']);
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toMatch(/leads out of the project through a symlink/);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(victim, 'utf8')).toBe('keep me\n');
  });

  it('import --out a folder outside, given as such, is written', async () => {
    const cwd = await tempProject({ 'in.sh': CURL });
    const away = await outside();
    const result = await runCli(cwd, ['import', 'curl', 'in.sh', '--out', join(away, 'cases')]);
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(join(away, 'cases'))).length).toBeGreaterThan(0);
  });

  it('record: a recording folder linked outside is refused before anything is sent', async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({
        'cases/a.yaml': 'suite: a\ncases:\n  - id: one\n    request: { method: GET, path: /x }\n',
      });
      const away = await outside();
      await symlink(away, join(cwd, 'recordings'));
      const result = await runCli(cwd, ['record', '--target', `rust=${server.url}`]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/leads out of the project through a symlink/);
      expect(server.requests).toEqual([]);
      expect(await readdir(away)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
