/**
 * Symlinks inside a case library: followed while they stay inside the folder
 * searched (read once, under the name they have there), and a problem naming
 * the link when they lead out of it or nowhere. A library from a pull request
 * cannot make parity read, or quote in a problem, a file of the machine it runs
 * on; and a linked case is never dropped without a word.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const suite = (name: string, id: string) =>
  `suite: ${name}\ncases:\n  - id: ${id}\n    request: { method: GET, path: /${id} }\n`;

describe('symlinks in a case library', () => {
  it('a link to a case file or folder inside the library is read, once', async () => {
    const cwd = await tempProject({
      'cases/shared/common.yaml': suite('common', 'one'),
      'cases/own.yaml': suite('own', 'two'),
    });
    await symlink('shared/common.yaml', join(cwd, 'cases/also-common.yaml'));
    await symlink('shared', join(cwd, 'cases/again'));
    const result = await runCli(cwd, ['validate', 'cases']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ok: 2 file\(s\), 2 case\(s\)/);
  });

  it('a link out of the library is a problem naming the link, and its target is never read', async () => {
    const cwd = await tempProject({
      'cases/own.yaml': suite('own', 'two'),
      'elsewhere/secret.yaml': 'token-abc123: do-not-print\n',
    });
    await mkdir(join(cwd, 'elsewhere/folder'));
    await writeFile(join(cwd, 'elsewhere/folder/more.yaml'), 'token-def456: do-not-print\n');
    await symlink(join(cwd, 'elsewhere/secret.yaml'), join(cwd, 'cases/leak.yaml'));
    await symlink(join(cwd, 'elsewhere/folder'), join(cwd, 'cases/linked'));
    const result = await runCli(cwd, ['validate', 'cases']);
    expect(result.code).toBe(2);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      /cases\/leak\.yaml:1:1: is a symlink to a file outside the folder being searched/,
    );
    expect(output).toMatch(/cases\/linked:1:1: is a symlink to a folder outside/);
    expect(output).not.toMatch(/token-|do-not-print/);
  });

  it('a dangling link and a loop of folder links are problems or ends, never a hang', async () => {
    const cwd = await tempProject({ 'cases/a/own.yaml': suite('own', 'two') });
    await symlink('missing.yaml', join(cwd, 'cases/gone.yaml'));
    await symlink('..', join(cwd, 'cases/a/up'));
    const result = await runCli(cwd, ['validate', 'cases']);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(
      /cases\/gone\.yaml:1:1: is a symlink that leads nowhere/,
    );
    expect(result.stdout + result.stderr).not.toMatch(/own\.yaml/);
  });

  it('a link given by name is read wherever it leads (the user named it)', async () => {
    const cwd = await tempProject({ 'elsewhere/common.yaml': suite('common', 'one') });
    await symlink(join(cwd, 'elsewhere/common.yaml'), join(cwd, 'linked.yaml'));
    const result = await runCli(cwd, ['validate', 'linked.yaml']);
    expect(result.code, result.stderr).toBe(0);
  });
});
