/**
 * `npm run demo` builds only what changed: `scripts/build-if-stale.mjs` calls
 * a build stale when it is missing or older than any of its inputs.
 */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUT, buildIsStale } from '../../../scripts/build-if-stale.mjs';
import { tempProject } from '../../helpers/cli.js';

const at = (path: string, seconds: number) => utimes(path, seconds, seconds);

async function builtTree(): Promise<string> {
  const root = await tempProject({
    'src/a.ts': 'export const a = 1;\n',
    'scripts/bundle.mjs': '\n',
    'package.json': '{}\n',
    'tsconfig.json': '{}\n',
  });
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, BUILD_OUTPUT), '\n');
  for (const file of [
    'src/a.ts',
    'src',
    'scripts/bundle.mjs',
    'scripts',
    'package.json',
    'tsconfig.json',
  ]) {
    await at(join(root, file), 1_000);
  }
  await at(join(root, BUILD_OUTPUT), 2_000);
  return root;
}

describe('build-if-stale', () => {
  it('builds when there is no build yet', async () => {
    const root = await tempProject({ 'src/a.ts': '\n' });
    expect(buildIsStale(root)).toBe(true);
  });

  it('does not build when nothing changed since the build', async () => {
    expect(buildIsStale(await builtTree())).toBe(false);
  });

  it('builds when a source, a nested source, a build script or the dependencies changed', async () => {
    for (const changed of ['src/a.ts', 'src/deep/b.ts', 'scripts/bundle.mjs', 'package.json']) {
      const root = await builtTree();
      await mkdir(join(root, 'src/deep'), { recursive: true });
      await writeFile(join(root, changed), '// changed\n');
      await at(join(root, 'src/deep'), 1_000);
      await at(join(root, 'src'), 1_000);
      await at(join(root, changed), 3_000);
      expect(buildIsStale(root), changed).toBe(true);
    }
  });
});
