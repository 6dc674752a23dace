/**
 * The tracker's only I/O: read, merge, and write the markdown file atomically,
 * one writer at a time (a `<path>.lock` file created exclusively).
 */
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ParityError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { parseTracker, trackerRows } from './parse.js';
import { newTrackerText, renderTracker } from './render.js';
import type { TrackerChanges, TrackerDocument, TrackerRow, TrackerRun } from './types.js';
import { mergeTracker } from './upsert.js';

/** What `updateTrackerFile` did. */
export interface TrackerUpdate {
  /** The file did not exist and was created. */
  readonly created: boolean;
  /** The file's text changed (and was written). */
  readonly changed: boolean;
  readonly changes: TrackerChanges;
}

/** How long to wait for another writer's lock, and when a lock counts as abandoned. */
export interface TrackerLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** Break a lock older than this (default 60 s): its writer crashed. */
  readonly staleMs?: number;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** Removes the lock when its writer is long gone; true when the caller should retry at once. */
async function breakIfStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    if (Date.now() - info.mtimeMs <= staleMs) return false;
    await rm(lockPath, { force: true });
    return true;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return true;
    throw error;
  }
}

async function tryLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(`parity tracker lock, taken ${new Date().toISOString()}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw error;
  }
}

/** Takes `<path>.lock`, retrying with jittered exponential backoff; returns its release. */
async function acquireLock(
  path: string,
  options: TrackerLockOptions,
): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    if (await tryLock(lockPath)) return () => rm(lockPath, { force: true });
    if (await breakIfStale(lockPath, options.staleMs ?? 60_000)) continue;
    if (Date.now() >= deadline) {
      throw new ParityError(
        'PARITY_TRACKER_LOCKED',
        `${path}: another parity process holds ${lockPath}; wait for it, or delete the lock if none is running`,
      );
    }
    const backoff = Math.min(250, 5 * 2 ** attempt);
    await sleep(backoff / 2 + Math.random() * (backoff / 2));
  }
}

/** What an edit of the tracker document returns: the new document and what it did. */
export interface TrackerEdit<T> {
  readonly doc: TrackerDocument;
  readonly result: T;
}

/**
 * Edits the tracker file at `path` under its lock: reads it afresh (or starts a
 * new one when `create` and the file is missing), applies `edit`, and writes it
 * atomically only when its text changes. A tracker that does not parse throws
 * `PARITY_TRACKER_INVALID` and is left untouched.
 */
export async function editTrackerFile<T>(
  path: string,
  edit: (doc: TrackerDocument) => TrackerEdit<T>,
  options: TrackerLockOptions & { readonly create: boolean },
): Promise<{ readonly created: boolean; readonly changed: boolean; readonly result: T }> {
  const missing = () =>
    new ParityError('PARITY_USAGE', `${path}: no tracker there yet; run parity first`);
  if (options.create) await mkdir(dirname(path), { recursive: true });
  else if ((await readIfExists(path)) === undefined) throw missing();
  const release = await acquireLock(path, options);
  try {
    const existing = await readIfExists(path);
    if (existing === undefined && !options.create) throw missing();
    const before = existing ?? newTrackerText();
    const { doc, result } = edit(parseTracker(before, path));
    const after = renderTracker(doc);
    const changed = existing === undefined || after !== existing;
    if (changed) await writeFileAtomic(path, after);
    return { created: existing === undefined, changed, result };
  } finally {
    await release();
  }
}

/**
 * Applies a run to the tracker file at `path`: creates it (and its folder) when
 * missing, and writes it atomically only when its text changes. Concurrent
 * callers are serialised by a lock file, and each re-reads the file under the lock.
 */
export async function updateTrackerFile(
  path: string,
  run: TrackerRun,
  options: TrackerLockOptions = {},
): Promise<TrackerUpdate> {
  const merge = (doc: TrackerDocument) => {
    const merged = mergeTracker(doc, run);
    return { doc: merged.doc, result: merged.changes };
  };
  const { created, changed, result } = await editTrackerFile(path, merge, {
    ...options,
    create: true,
  });
  return { created, changed, changes: result };
}

/** Every row of the tracker at `path`, in file order; none when the file does not exist. */
export async function readTrackerRows(path: string): Promise<TrackerRow[]> {
  const text = await readIfExists(path);
  return text === undefined ? [] : trackerRows(parseTracker(text, path));
}

/** Every row of the tracker at `path`, or undefined when the file does not exist. */
export async function readExistingTrackerRows(path: string): Promise<TrackerRow[] | undefined> {
  const text = await readIfExists(path);
  return text === undefined ? undefined : trackerRows(parseTracker(text, path));
}

/** The `_open_` rows of the tracker at `path`, for `parity tracker`. */
export async function readOpenRows(path: string): Promise<TrackerRow[]> {
  return (await readTrackerRows(path)).filter((row) => row.status === 'open');
}
