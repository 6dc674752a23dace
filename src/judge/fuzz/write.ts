/**
 * The file-system edge of `parity fuzz`: which case names an output folder
 * already holds, and writing the new case files (each atomically).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';

/** Names (without extension) of the case files in `dir`; none when it does not exist yet. */
export async function takenNames(dir: string): Promise<Set<string>> {
  try {
    const entries = await readdir(dir);
    return new Set(entries.map((entry) => entry.replace(/\.(ya?ml|json)$/, '')));
  } catch {
    return new Set();
  }
}

/** Writes `name.yaml` in `dir` for each file; returns their absolute paths, in order. */
export async function writeCaseFiles(
  dir: string,
  files: readonly { readonly name: string; readonly text: string }[],
): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, `${file.name}.yaml`);
    await writeFileAtomic(path, file.text);
    paths.push(path);
  }
  return paths;
}
