// Writes a generated case library: `count` GET cases in JSON case files of
// `perFile` cases each (default 100, a realistic file size; `perFile: count`
// puts them all in one file). Every `divergentEvery`-th case asks /div/N (a
// value divergence).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PER_FILE = 100;

/** @returns {Promise<string>} the folder holding the case files */
export async function writeCaseLibrary(
  dir,
  count,
  { divergentEvery = 0, perFile = PER_FILE } = {},
) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (let start = 0; start < count; start += perFile) {
    const cases = [];
    for (let n = start; n < Math.min(count, start + perFile); n++) {
      const divergent = divergentEvery > 0 && n % divergentEvery === divergentEvery - 1;
      cases.push({
        id: `c${String(n).padStart(6, '0')}`,
        request: { method: 'GET', path: `/${divergent ? 'div' : 'items'}/${n}` },
      });
    }
    const file = join(dir, `bench-${String(start / perFile).padStart(5, '0')}.json`);
    await writeFile(file, JSON.stringify({ suite: 'bench', cases }));
  }
  return dir;
}

/** The paths a generated library asks, in order (for peers that take a URL list). */
export function casePaths(count, { divergentEvery = 0 } = {}) {
  const paths = [];
  for (let n = 0; n < count; n++) {
    const divergent = divergentEvery > 0 && n % divergentEvery === divergentEvery - 1;
    paths.push(`/${divergent ? 'div' : 'items'}/${n}`);
  }
  return paths;
}

/**
 * The same requests twice, in `dir`: a case library for parity (`cases/`) and
 * the paths file the minimal undici script reads (`paths.txt`).
 * @returns {Promise<{ casesDir: string, pathsFile: string }>}
 */
export async function writeRunInputs(dir, count, { divergentEvery = 0 } = {}) {
  const casesDir = await writeCaseLibrary(join(dir, 'cases'), count, { divergentEvery });
  const pathsFile = join(dir, 'paths.txt');
  await writeFile(pathsFile, `${casePaths(count, { divergentEvery }).join('\n')}\n`);
  return { casesDir, pathsFile };
}
