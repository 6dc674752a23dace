/**
 * Find case files: each given path is a file or a folder searched recursively
 * for `*.yaml`, `*.yml` and `*.json` (dot-folders and node_modules skipped).
 * Synchronously, like the case files' reads (cases/load.ts): each asynchronous
 * stat or listing is a round trip to the thread pool, which a `validate` of a
 * few files would start for this alone.
 */
import { readdirSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { InputProblem } from '../util/errors.js';
import { displayPath } from '../util/paths.js';
import { compareText } from '../util/text.js';

const CASE_FILE = /\.(ya?ml|json)$/i;

/**
 * Absolute paths of the case files found, sorted by their display paths
 * (`shown`, in the same order), plus a problem per unusable path.
 */
export async function discoverCaseFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: string[]; shown: string[]; problems: InputProblem[] }> {
  const found = new Set<string>();
  const problems: InputProblem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const problem = addPath(absolute, found);
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
  // Each file's display path worked out once, not twice per comparison.
  const sorted = [...found]
    .map((absolute) => ({ absolute, shown: displayPath(cwd, absolute) }))
    .sort((a, b) => compareText(a.shown, b.shown));
  return {
    files: sorted.map(({ absolute }) => absolute),
    shown: sorted.map(({ shown }) => shown),
    problems,
  };
}

/** Add the case files at `absolute`; returns why the path is unusable, if it is. */
function addPath(absolute: string, found: Set<string>): string | undefined {
  let info: Stats;
  try {
    info = statSync(absolute);
  } catch {
    return 'does not exist (expected a case file or a folder of case files)';
  }
  if (info.isFile()) {
    if (!CASE_FILE.test(absolute)) return 'is not a case file (expected .yaml, .yml or .json)';
    found.add(absolute);
    return undefined;
  }
  if (!info.isDirectory()) return 'is neither a file nor a folder';
  let files: string[];
  try {
    files = listCaseFiles(absolute);
  } catch (error) {
    return `cannot be read (${String(error)})`;
  }
  if (files.length === 0)
    return 'is a folder with no case files (expected *.yaml, *.yml or *.json)';
  for (const file of files) found.add(file);
  return undefined;
}

function listCaseFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    // One at a time: a spread of a folder's 200,000 files would overflow the stack.
    if (entry.isDirectory()) for (const file of listCaseFiles(full)) files.push(file);
    else if (entry.isFile() && CASE_FILE.test(entry.name)) files.push(full);
  }
  return files;
}
