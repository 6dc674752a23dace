/** File-system helpers for the edges: atomic writes, the `latest` pointer, checked reads. */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  copyFile,
  type FileHandle,
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  rename,
  rm,
  symlink,
  unlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { blockWriter } from './block-file.js';
import { hasCode } from './errors.js';

/**
 * How hard a write tries to survive a crash. `durable` (the default) fsyncs the
 * temp file before the rename: right for the tracker and the config, which
 * humans edit. Reports are runtime artefacts a rerun recreates, so they skip
 * the fsync (tens of ms per file on some disks).
 */
export interface WriteOptions {
  readonly durable?: boolean;
  /** Permission bits, owner and group to give the new file (those of the file it replaces). */
  readonly keep?: { readonly mode?: number; readonly uid?: number; readonly gid?: number };
}

/** The temp files `writeChunksAtomic` makes for `path`: `.NAME.<12 hex>.tmp` beside it. */
export function isTempFileOf(path: string, candidate: string): boolean {
  const prefix = `.${basename(path)}.`;
  return candidate.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(candidate.slice(prefix.length));
}

/** Gives the temp file the replaced file's mode and (when allowed) its owner. */
async function keepAttributes(handle: FileHandle, keep: WriteOptions['keep']): Promise<void> {
  if (keep?.mode !== undefined) await handle.chmod(keep.mode);
  if (keep?.uid !== undefined && keep.gid !== undefined) {
    // Only root may give a file away; anyone else keeps the file as theirs.
    await handle.chown(keep.uid, keep.gid).catch(() => undefined);
  }
}

/** Writes `text` to `path` via a temp file in the same folder (+ fsync) + rename. */
export function writeFileAtomic(
  path: string,
  text: string,
  options: WriteOptions = {},
): Promise<void> {
  return writeChunksAtomic(path, [text], options);
}

/** The name prefix of the link `pointLatest` makes before renaming it to `latest`. */
export const LATEST_TEMP_PREFIX = '.latest.';

/** Points `dir/latest` at `dir/<name>` (a relative symlink, replaced atomically). */
export async function pointLatest(dir: string, name: string): Promise<void> {
  const link = join(dir, 'latest');
  const temp = join(dir, `${LATEST_TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  await symlink(name, temp, 'dir');
  try {
    await rename(temp, link);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The block size of a written file (a report of several MB: 4 times fewer writes than 64 KiB). */
const REPORT_BLOCK = 256 * 1024;

/**
 * Writes every chunk to `handle` through a block writer: each chunk is encoded
 * as it comes, so none outlives its own turn. (Report renderers yield a line
 * at a time; joined into large strings instead, each string lived across the
 * write that followed, long enough to be moved to V8's old generation, and a
 * 100,000-case report left tens of MB of such garbage there at the end of a
 * run.) A producer faster than the disk waits for it.
 */
async function writeChunks(
  handle: FileHandle,
  chunks: AsyncIterable<string> | Iterable<string | Uint8Array>,
): Promise<void> {
  // Written at once: a report is written once the run is over, with nothing else to do.
  const out = blockWriter(handle, { size: REPORT_BLOCK, sync: true });
  if (Symbol.asyncIterator in chunks) {
    for await (const chunk of chunks) {
      out.append(chunk);
      if (out.backlog > 1) await out.settled();
    }
  } else {
    for (const chunk of chunks) {
      // Bytes (a run's result lines, already encoded) are copied as they are.
      if (typeof chunk === 'string') out.append(chunk);
      else out.appendBytes(chunk);
      if (out.backlog > 1) await out.settled();
    }
  }
  await out.end();
}

/**
 * Writes text produced in chunks (a large report streams) via a temp file in
 * the same folder (+ fsync) + rename; on failure the temp file is removed.
 */
export async function writeChunksAtomic(
  path: string,
  chunks: AsyncIterable<string> | Iterable<string | Uint8Array>,
  options: WriteOptions = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await keepAttributes(handle, options.keep);
    await writeChunks(handle, chunks);
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Copies `from` to `to` through a temporary file beside it and a rename (its
 * folder created when missing): `to` is never half-written. Not fsynced: for
 * copies a rerun recreates (`--reporter ndjson=PATH`).
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const temp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await copyFile(from, temp);
    await rename(temp, to);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Removes the plain files of `folder` whose names end with `suffix` and are
 * not in `keep`. A folder that is missing or not a real folder (a symlink
 * that points elsewhere) is left alone, as is anything in it but files.
 */
export async function pruneFolder(
  folder: string,
  keep: ReadonlySet<string>,
  suffix: string,
): Promise<void> {
  const stat = await lstat(folder).catch(() => undefined);
  if (stat === undefined || !stat.isDirectory()) return;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix) && !keep.has(entry.name)) {
      await rm(join(folder, entry.name), { force: true });
    }
  }
}

/**
 * A file parity was asked to read that is not a regular file (a FIFO, a
 * socket, a device, a folder), or is larger than the reader takes: refused
 * before any byte is read, so a named pipe never blocks a command.
 */
export class ReadRefused extends Error {
  override readonly name = 'ReadRefused';
  readonly code = 'PARITY_READ_REFUSED';
}

/** What a non-regular file is, in words. */
function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * The bytes of the regular file at `path` (symlinks followed). Opened without
 * blocking (a FIFO opens at once, then is refused), checked on the open
 * handle, so what is read is what was checked.
 * @throws ReadRefused when it is not a regular file or holds more than `maxBytes`.
 */
export async function readRegularFile(
  path: string,
  options: { readonly maxBytes?: number } = {},
): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ReadRefused(`is ${kindOf(info)}, not a regular file`);
    if (options.maxBytes !== undefined && info.size > options.maxBytes) {
      const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
      throw new ReadRefused(`is ${mib(info.size)}; at most ${mib(options.maxBytes)} is read`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Appends `text` to the regular file at `path` (created when missing, symlinks
 * followed): opened without blocking and checked on the open handle, so a FIFO
 * or a device is refused, never waited on. For files a CI runner hands over
 * (`$GITHUB_STEP_SUMMARY`), which other steps append to as well; `createFolder`
 * creates its folder first (a path of the user's: `--reporter github=PATH`).
 */
export async function appendRegularFile(
  path: string,
  text: string,
  options: { readonly createFolder?: boolean } = {},
): Promise<void> {
  if (options.createFolder === true) await mkdir(dirname(path), { recursive: true });
  const file = await openAppendFile(path);
  try {
    await file.append(text);
  } finally {
    await file.close();
  }
}

/** A regular file open for appending (`openAppendFile`). */
export interface AppendFile {
  append(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the regular file at `path` for appending, as `appendRegularFile`
 * does (created when missing; a FIFO or a device refused on the open
 * handle), and keeps it open: for a file written line by line for as long
 * as a session lasts, one open and one check rather than one per write.
 */
export async function openAppendFile(path: string): Promise<AppendFile> {
  const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK;
  const handle = await open(path, flags, 0o644);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`is ${kindOf(info)}, not a regular file`);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    append: (text) => handle.appendFile(text, 'utf8'),
    close: () => handle.close(),
  };
}

/** `readRegularFile` as UTF-8 text. */
export async function readRegularText(
  path: string,
  options: { readonly maxBytes?: number } = {},
): Promise<string> {
  return (await readRegularFile(path, options)).toString('utf8');
}

/** Why a read failed, in a few words: a refusal says what the file is, an errno its code. */
export function readFailure(error: unknown): string {
  if (error instanceof ReadRefused) return error.message;
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Removes the file at `path` if it is there: `rm(path, { force: true })` for a
 * file, without `rm`, which loads Node's recursive remover (a module compiled
 * from its source once the bin has set its V8 flags: ~1 ms of a run's start-up).
 */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!hasCode(error, 'ENOENT')) throw error;
  }
}

/**
 * Runs `work` with a fresh folder under the system's temporary folder, and
 * removes the folder and all it holds afterwards, whatever `work` did.
 */
export async function withScratchFolder<T>(
  prefix: string,
  work: (folder: string) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
