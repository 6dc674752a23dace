/**
 * What a path parity is about to write really is, checked before anything is
 * sent: the file its symlinks point at (parity writes through links, never
 * replaces them), whether that is a regular file, and whether its folder
 * takes new files. Device nodes, FIFOs, sockets and folders are refused.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { hasCode } from './errors.js';
import { removeFile } from './fs.js';

/** What sits at a path, after following its symlinks. */
export type PathKind = 'missing' | 'file' | 'directory' | 'device' | 'fifo' | 'socket' | 'other';

/** A path as parity will write it. */
export interface WriteTarget {
  /** The path as given (absolute). */
  readonly path: string;
  /** The path the bytes go to: `path` with every symlink followed (the same when none). */
  readonly real: string;
  readonly kind: PathKind;
  /** The symlink `path` is, when it is one. */
  readonly link: boolean;
  /** Hard links of the file (1 for most files); 0 when it does not exist. */
  readonly links: number;
  /** Permission bits, owner and group of the existing file, kept when it is rewritten. */
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

const MAX_HOPS = 32;

function kindOf(info: Awaited<ReturnType<typeof lstat>>): PathKind {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  return 'other';
}

/**
 * Follows `path`'s symlinks one hop at a time (a dangling link resolves to the
 * missing file it names, which a write then creates). Throws `ELOOP` past 32 hops.
 */
export async function inspectWriteTarget(path: string): Promise<WriteTarget> {
  const given = resolve(path);
  let current = given;
  let link = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(current);
    } catch (error) {
      if (hasCode(error, 'ENOENT')) {
        return { path: given, real: current, kind: 'missing', link, links: 0 };
      }
      throw error;
    }
    if (!info.isSymbolicLink()) {
      const target = { path: given, real: current, kind: kindOf(info), link, links: info.nlink };
      return info.isFile()
        ? { ...target, mode: info.mode & 0o7777, uid: info.uid, gid: info.gid }
        : target;
    }
    link = true;
    const next = await readlink(current);
    current = isAbsolute(next) ? next : resolve(dirname(current), next);
  }
  throw Object.assign(new Error(`more than ${MAX_HOPS} symbolic links (a loop?)`), {
    code: 'ELOOP',
  });
}

/**
 * The nearest folder of `path` that exists (the one a `mkdir -p` starts
 * from), or the symlink on the way that no `mkdir -p` can pass: one that
 * points nowhere, or a loop.
 */
async function nearestFolder(
  path: string,
): Promise<{ dir: string; kind: PathKind; link?: 'dangling' | 'loop' }> {
  let dir = path;
  for (;;) {
    try {
      const info = await stat(dir);
      return { dir, kind: info.isDirectory() ? 'directory' : kindOf(info) };
    } catch (error) {
      if (hasCode(error, 'ELOOP')) return { dir, kind: 'other', link: 'loop' };
      if (!hasCode(error, 'ENOENT') && !hasCode(error, 'ENOTDIR')) throw error;
      const own = await lstat(dir).catch(() => undefined);
      if (own?.isSymbolicLink() === true) return { dir, kind: 'other', link: 'dangling' };
      const parent = dirname(dir);
      if (parent === dir) return { dir, kind: 'missing' };
      dir = parent;
    }
  }
}

/** What a write would do to each kind of path that is not a regular file. */
const KIND_PROBLEMS: Record<Exclude<PathKind, 'missing' | 'file'>, (noun: string) => string> = {
  directory: (noun) => `is a folder, not ${noun}`,
  device: (noun) => `is a device node, not ${noun}; parity refuses to read or replace it`,
  fifo: (noun) => `is a FIFO (named pipe), not ${noun}; parity refuses to read or replace it`,
  socket: (noun) => `is a socket, not ${noun}`,
  other: () => 'is not a regular file',
};

/**
 * Why parity must not write a file where `target` is, or undefined: anything
 * but a regular file (or nothing yet) is refused, and so is a file with other
 * hard links (an atomic write would split them). `noun` names what the file
 * should be (`a markdown file`).
 */
export function fileTargetProblem(
  target: WriteTarget,
  noun = 'a regular file',
): string | undefined {
  if (target.kind !== 'missing' && target.kind !== 'file') return KIND_PROBLEMS[target.kind](noun);
  if (target.links > 1) {
    return `has ${target.links} hard links; an atomic write would split them (make the others symlinks)`;
  }
  return undefined;
}

/** `path` as a problem names it: with the file a symlink points at. */
export function shownTarget(shown: string, target: WriteTarget): string {
  return target.link ? `${shown} (a symlink to ${target.real})` : shown;
}

/** A file parity is about to write, checked: where its bytes go, or why it must not be written. */
export type CheckedWrite =
  | { readonly ok: true; readonly target: WriteTarget }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks `path` as a file parity will (re)write: the rules of every writer
 * (tracker, config, case files, recordings). A symlink is followed (the
 * bytes go where it points, the link stays); a device node, FIFO, socket,
 * folder or hard-linked file is refused. `shown` names the path in the
 * problem, which is a full sentence (`cases/a.yaml is a FIFO …`).
 */
export async function checkFileTarget(
  path: string,
  shown: string,
  noun?: string,
): Promise<CheckedWrite> {
  let target: WriteTarget;
  try {
    target = await inspectWriteTarget(path);
  } catch (error) {
    return { ok: false, problem: `${shown}: ${error instanceof Error ? error.message : error}` };
  }
  const problem = fileTargetProblem(target, noun);
  return problem === undefined
    ? { ok: true, target }
    : { ok: false, problem: `${shownTarget(shown, target)} ${problem}` };
}

/**
 * Why files cannot be created in folder `dir` (created when missing), or
 * undefined when they can: a probe file (`probeName`) is created and removed,
 * which is the only test root and read-only mounts answer truthfully.
 */
export async function folderProblem(
  dir: string,
  probeName: string = `.parity-probe-${randomBytes(6).toString('hex')}`,
): Promise<string | undefined> {
  const nearest = await nearestFolder(dir);
  if (nearest.link === 'dangling')
    return `${nearest.dir} is a symlink to a folder that does not exist (create it, or remove the link)`;
  if (nearest.link === 'loop') return `${nearest.dir} is a loop of symlinks`;
  if (nearest.kind !== 'directory') return `${nearest.dir} is not a folder`;
  if (nearest.dir !== dir) {
    try {
      await access(nearest.dir, constants.W_OK);
    } catch {
      return `cannot create folders in ${nearest.dir} (permission denied)`;
    }
    return undefined;
  }
  // A process killed between creating and removing the probe leaves it: callers
  // name it so their own clean-up recognises it (`probeName`).
  const probe = join(dir, probeName);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await removeFile(probe);
    return undefined;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    return `cannot create files in ${dir} (${code})`;
  }
}

/** `dir` with its symlinks followed, from its nearest folder that exists. */
export async function realFolder(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    const parent = dirname(dir);
    return parent === dir ? dir : join(await realFolder(parent), basename(dir));
  }
}
