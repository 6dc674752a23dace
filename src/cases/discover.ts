/**
 * Find case files: each given path is a file or a folder searched recursively
 * for `*.yaml`, `*.yml` and `*.json` (dot-folders and node_modules skipped).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputProblem } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { compareText } from '../util/text.js';

const CASE_FILE = /\.(ya?ml|json)$/i;

/** Absolute paths of the case files found, sorted, plus a problem per unusable path. */
export async function discoverCaseFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const found = new Set<string>();
  const problems: InputProblem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const problem = await addPath(absolute, found);
    if (problem !== undefined) {
      problems.push({
        file: displayPath(cwd, absolute),
        line: 1,
        column: 1,
        field: '',
        message: problem,
      });
    }
  }
  const files = [...found].sort((a, b) => compareText(displayPath(cwd, a), displayPath(cwd, b)));
  return { files, problems };
}

/** Add the case files at `absolute`; returns why the path is unusable, if it is. */
async function addPath(absolute: string, found: Set<string>): Promise<string | undefined> {
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) return 'does not exist (expected a case file or a folder of case files)';
  if (info.isFile()) {
    if (!CASE_FILE.test(absolute)) return 'is not a case file (expected .yaml, .yml or .json)';
    found.add(absolute);
    return undefined;
  }
  if (!info.isDirectory()) return 'is neither a file nor a folder';
  const files = await listCaseFiles(absolute).catch((error: unknown) => String(error));
  if (typeof files === 'string') return `cannot be read (${files})`;
  if (files.length === 0)
    return 'is a folder with no case files (expected *.yaml, *.yml or *.json)';
  for (const file of files) found.add(file);
  return undefined;
}

async function listCaseFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    // One at a time: a spread of a folder's 200,000 files would overflow the stack.
    if (entry.isDirectory()) for (const file of await listCaseFiles(full)) files.push(file);
    else if (entry.isFile() && CASE_FILE.test(entry.name)) files.push(full);
  }
  return files;
}
