/**
 * Find case files: each given path is a file or a folder searched recursively
 * for `*.yaml`, `*.yml` and `*.json` (dot-folders and node_modules skipped),
 * or a glob (`cases/**\/get-*.yaml`, `cases/{users,orders}`: `util/glob.ts`)
 * whose matches are case files or folders, searched from the folder before
 * its first special character as a folder is.
 * A symlink inside a folder is followed while it stays inside that folder (a
 * case file or folder shared by two suites); one that leads out of it, or to
 * nothing, is a problem naming the link, and nothing is sent: a case library
 * from a pull request cannot have parity read, and quote in its problems, a
 * file of the machine it runs on. A path given by name is read wherever it is.
 * Synchronously, like the case files' reads (io/cases/load.ts): each asynchronous
 * stat or listing is a round trip to the thread pool, which a `validate` of a
 * few files would start for this alone.
 */
import { readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { InputProblem } from '../../util/errors.js';
import { isGlob, pathGlobMatcher } from '../../util/glob.js';
import { displayPath } from '../../util/paths.js';
import { compareText } from '../../util/text.js';

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
    const problem = isGlob(given)
      ? addGlob(absolute, found, problems, cwd)
      : addPath(absolute, found, problems, cwd);
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
function addPath(
  absolute: string,
  found: Set<string>,
  problems: InputProblem[],
  cwd: string,
): string | undefined {
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
  let listing: Listing;
  try {
    listing = listCaseFiles(absolute);
  } catch (error) {
    return `cannot be read (${String(error)})`;
  }
  for (const { at, message } of listing.links) {
    problems.push({ file: displayPath(cwd, at), line: 1, column: 1, field: '', message });
  }
  if (listing.files.length === 0 && listing.links.length === 0)
    return 'is a folder with no case files (expected *.yaml, *.yml or *.json)';
  for (const file of listing.files) found.add(file);
  return undefined;
}

/**
 * Add the case files a glob matches (a folder it matches: the case files in
 * it); returns why the glob is unusable, if it is. The search starts at the
 * folder before the glob's first special character, with a folder's rules.
 */
function addGlob(
  glob: string,
  found: Set<string>,
  problems: InputProblem[],
  cwd: string,
): string | undefined {
  const segments = glob.split(path.sep);
  const fixed = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, fixed).join(path.sep) || path.sep;
  let listing: Listing;
  try {
    if (!statSync(base).isDirectory())
      return `matches no case file (${displayPath(cwd, base)} is not a folder)`;
    listing = listCaseFiles(base);
  } catch {
    return `matches no case file (${displayPath(cwd, base)} does not exist)`;
  }
  const matches = pathGlobMatcher(glob.split(path.sep).join('/'));
  const slash = (file: string) => file.split(path.sep).join('/');
  // A file (or a link) matches, or a folder above it (below the base) does.
  const selected = (file: string) => {
    for (let at = file; at.length > base.length; at = path.dirname(at)) {
      if (matches(slash(at))) return true;
    }
    return false;
  };
  const matched = listing.files.filter(selected);
  const links = listing.links.filter(({ at }) => selected(at));
  for (const { at, message } of links) {
    problems.push({ file: displayPath(cwd, at), line: 1, column: 1, field: '', message });
  }
  if (matched.length === 0 && links.length === 0) {
    return 'matches no case file (expected *.yaml, *.yml or *.json)';
  }
  for (const file of matched) found.add(file);
  return undefined;
}

/** A folder's case files, and a problem per link in it that is not followed. */
interface Listing {
  readonly files: string[];
  readonly links: { readonly at: string; readonly message: string }[];
}

function listCaseFiles(root: string): Listing {
  const listing: Listing = { files: [], links: [] };
  const inRoot: Root = { path: root, real: realpathSync(root) };
  // The real folders listed through links: a link back to a folder above would never end.
  listFolder(root, inRoot, new Set([inRoot.real]), listing);
  return listing;
}

/** The folder searched, as given and as its real path. */
interface Root {
  readonly path: string;
  readonly real: string;
}

function listFolder(folder: string, root: Root, listed: Set<string>, into: Listing): void {
  const entries = readdirSync(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) followLink(full, root, listed, into);
    // One at a time: a spread of a folder's 200,000 files would overflow the stack.
    else if (entry.isDirectory()) listFolder(full, root, listed, into);
    else if (entry.isFile() && CASE_FILE.test(entry.name)) into.files.push(full);
  }
}

/**
 * A link in the library: followed when it leads to a file or folder inside
 * the root, under the name it has there (a file linked from two suites is
 * one file, read once).
 */
function followLink(link: string, root: Root, listed: Set<string>, into: Listing): void {
  let real: string;
  let info: Stats;
  try {
    real = realpathSync(link);
    info = statSync(real);
  } catch {
    // A dangling link to something that was never a case file is no one's case.
    if (CASE_FILE.test(link))
      into.links.push({
        at: link,
        message: 'is a symlink that leads nowhere (to nothing, or in a loop)',
      });
    return;
  }
  const inside = real === root.real || real.startsWith(`${root.real}${path.sep}`);
  const named = path.join(root.path, path.relative(root.real, real));
  if (info.isDirectory()) {
    if (!inside) {
      into.links.push({ at: link, message: OUTSIDE('folder') });
      return;
    }
    if (listed.has(real)) return;
    listed.add(real);
    listFolder(named, root, listed, into);
    return;
  }
  if (!info.isFile() || !CASE_FILE.test(link)) return;
  if (!inside) into.links.push({ at: link, message: OUTSIDE('file') });
  // Read under the link's own name when only the link's name says what the file holds.
  else into.files.push(CASE_FILE.test(real) ? named : link);
}

const OUTSIDE = (what: string): string =>
  `is a symlink to a ${what} outside the folder being searched, so it is not read (give that ${what}'s own path to read it)`;
