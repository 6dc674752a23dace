/**
 * A folder parity writes into that no `mkdir -p` can reach through (a symlink
 * to a folder that does not exist, a loop of symlinks) is refused before
 * anything is written or sent (exit 2, naming it), never an internal error.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const CASES = 'suite: s\ncases:\n  - id: c\n    request: { method: GET, path: /x }\n';

describe('folders behind symlinks that lead nowhere', () => {
  it('import --out through a dangling symlink', async () => {
    const cwd = await tempProject({ 'in.sh': 'curl http://h/x\n' });
    await mkdir(join(cwd, 'cases'));
    await symlink('nowhere/dir', join(cwd, 'cases/imported'));
    const result = await runCli(cwd, ['import', 'curl', 'in.sh']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/imported is a symlink to a folder that does not exist/);
  });

  it('a reports folder that is a loop of symlinks', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    await symlink('reports', join(cwd, 'reports'));
    const result = await runCli(cwd, [
      'run',
      '--baseline',
      'a=http://127.0.0.1:9',
      '--candidate',
      'b=http://127.0.0.1:9',
      '--no-tracker',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/reports is a loop of symlinks/);
  });

  it('a tracker that is a loop of symlinks', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    await mkdir(join(cwd, 'docs'));
    await symlink('loop.md', join(cwd, 'docs/loop.md'));
    await writeFile(join(cwd, 'unused'), '');
    const result = await runCli(cwd, [
      'run',
      '--baseline',
      'a=http://127.0.0.1:9',
      '--candidate',
      'b=http://127.0.0.1:9',
      '--tracker',
      'docs/loop.md',
    ]);
    expect(result.code, result.stderr).toBe(2);
  });
});
