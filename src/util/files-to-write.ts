/**
 * The check a command that writes several files makes before it writes any
 * (`parity import`, `parity init`, `parity record`): every file under the
 * writers' rules (`checkFileTarget`: a symlink is written through, a device
 * node, FIFO, socket, folder or hard-linked file is refused) and every folder
 * they go to able to take new files. One error lists every problem, so a
 * refused command has written nothing.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ParityError } from './errors.js';
import { type WriteOptions, writeFileAtomic } from './fs.js';
import {
  checkFileTarget,
  folderProblem,
  inspectWriteTarget,
  realFolder,
  type WriteTarget,
} from './write-target.js';

/** A file a command is about to write: its absolute path, and how messages name it. */
export interface FileToWrite {
  readonly path: string;
  readonly shown: string;
}

/** Files checked at once: enough to overlap the file system's latency, few open at a time. */
const AT_ONCE = 64;

/**
 * Where each of `files` will be written (in order; a symlink's target), or
 * `PARITY_OUTPUT_UNWRITABLE` (exit 2) naming every file and folder that
 * cannot be, followed by `nothing was written`.
 */
export async function checkFilesToWrite(
  files: readonly FileToWrite[],
  options: { readonly within?: string | undefined } = {},
): Promise<WriteTarget[]> {
  const targets: WriteTarget[] = [];
  const problems: string[] = [];
  for (let start = 0; start < files.length; start += AT_ONCE) {
    const slice = files.slice(start, start + AT_ONCE);
    for (const checked of await Promise.all(slice.map((f) => checkFileTarget(f.path, f.shown)))) {
      if (checked.ok) targets.push(checked.target);
      else problems.push(checked.problem);
    }
  }
  if (options.within !== undefined) {
    // Before any folder is probed: a probe file is a write too.
    const out = await linksOut(files, options.within);
    if (out.length > 0) {
      throw new ParityError(
        'PARITY_OUTPUT_UNWRITABLE',
        `${firstFew(out, '; ')}; nothing was written`,
      );
    }
  }
  const folders = [...new Set(targets.map((target) => dirname(target.real)))];
  for (const folder of folders) {
    const problem = await folderProblem(folder);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > 0) {
    throw new ParityError(
      'PARITY_OUTPUT_UNWRITABLE',
      `${firstFew(problems, '; ')}; nothing was written`,
    );
  }
  return targets;
}

/**
 * Where `path` really is: every symlink on the way followed (the file's own
 * and its folders'), up to the nearest part that exists.
 */
async function realLocation(path: string, folders: Map<string, Promise<string>>): Promise<string> {
  const target = await inspectWriteTarget(path).catch(() => undefined);
  const file = target?.real ?? path;
  const dir = dirname(file);
  let real = folders.get(dir);
  if (real === undefined) {
    real = realFolder(dir);
    folders.set(dir, real);
  }
  return join(await real, basename(file));
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The files among `files` given inside the folder `within` (the project)
 * that a symlink on the way (a committed `cases/imported` link, a file's own
 * link) leads out of it, each as a problem naming where it leads. A path
 * given outside the project is the user's choice and is not checked.
 */
async function linksOut(files: readonly FileToWrite[], within: string): Promise<string[]> {
  const root = resolve(within);
  const realRoot = await realFolder(root);
  const folders = new Map<string, Promise<string>>();
  const problems: string[] = [];
  for (let start = 0; start < files.length; start += AT_ONCE) {
    const slice = files.slice(start, start + AT_ONCE).filter((f) => inside(root, resolve(f.path)));
    const reals = await Promise.all(slice.map((f) => realLocation(f.path, folders)));
    for (const [i, real] of reals.entries()) {
      const file = slice[i];
      if (file === undefined || inside(realRoot, real)) continue;
      problems.push(
        `${file.shown} leads out of the project through a symlink (to ${real}); parity writes imports and recordings only inside the project: remove the link, or pass --out with a folder of your choice`,
      );
    }
  }
  return problems;
}

/** Items a message lists before it says how many more there are. */
const LISTED = 3;

/** The first few of `items` joined by `separator`, then "… and N more". */
function firstFew(items: readonly string[], separator: string): string {
  const listed = items.slice(0, LISTED).join(separator);
  return items.length > LISTED
    ? `${listed}${separator}… and ${items.length - LISTED} more`
    : listed;
}

/**
 * `PARITY_WOULD_OVERWRITE` for the files in `taken` (as shown): one short
 * line however many there are (a count, the first few, then `hint`).
 */
export function wouldOverwrite(taken: readonly string[], hint: string): ParityError {
  const what =
    taken.length === 1
      ? `${taken[0]} already exists`
      : `${taken.length} files already exist (${firstFew(taken, ', ')})`;
  return new ParityError('PARITY_WOULD_OVERWRITE', `${what}; nothing was written${hint}`);
}

/**
 * `checkFilesToWrite`, then `PARITY_WOULD_OVERWRITE` naming every file that
 * exists, followed by `hint`, unless `force`: the targets, once nothing refuses.
 */
export async function targetsToWrite(
  files: readonly FileToWrite[],
  options: { readonly force: boolean; readonly hint: string; readonly within?: string | undefined },
): Promise<WriteTarget[]> {
  const targets = await checkFilesToWrite(files, { within: options.within });
  const taken = files.filter((_, i) => targets[i]?.kind === 'file').map((file) => file.shown);
  if (!options.force && taken.length > 0) throw wouldOverwrite(taken, options.hint);
  return targets;
}

/** A text file a command writes. */
export interface TextFile extends FileToWrite {
  readonly text: string;
}

/**
 * Writes `files` (each atomically, through a symlink, keeping an existing
 * file's mode) once `checkFilesToWrite` passed. A file that exists already is
 * replaced only with `force`; without it, `PARITY_WOULD_OVERWRITE` names every
 * such file, followed by `hint`, and nothing is written.
 */
export async function writeTextFiles(
  files: readonly TextFile[],
  options: { readonly force: boolean; readonly hint?: string; readonly within?: string },
): Promise<void> {
  const targets = await targetsToWrite(files, { ...options, hint: options.hint ?? '' });
  for (const [i, file] of files.entries()) {
    const target = targets[i];
    if (target !== undefined) await writeFileAtomic(target.real, file.text, { keep: target });
  }
}

/**
 * Writes `text` to `path` atomically (`writeFileAtomic`) where its symlinks
 * point (the link stays a link), keeping an existing file's mode: for a file
 * `checkFilesToWrite` passed earlier (a recording's entries, written one by
 * one as answers arrive).
 */
export async function writeThrough(
  path: string,
  text: string,
  options: WriteOptions = {},
): Promise<void> {
  const target = await inspectWriteTarget(path);
  await writeFileAtomic(target.real, text, { ...options, keep: target });
}
