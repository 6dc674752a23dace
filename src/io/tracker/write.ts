/**
 * The tracker's only I/O: check the file before a run sends anything, then
 * read, merge and write it atomically, one writer at a time (`lock.ts`).
 *
 * The bytes go to the file the path's symlinks point at (the link stays a
 * link), with the replaced file's mode and owner; device nodes, FIFOs,
 * sockets, folders and files with several hard links are refused. A run
 * plans its update under the lock, writes its reports, then commits the
 * tracker (`planTrackerUpdate`), so a killed run never leaves a tracker
 * updated without a report.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ParityError } from '../../util/errors.js';
import { isTempFileOf, readFailure, readRegularText, writeFileAtomic } from '../../util/fs.js';
import { asWriteFailure } from '../../util/write-failure.js';
import { checkFileTarget, folderProblem, type WriteTarget } from '../../util/write-target.js';
import { initialisedText, requireManaged } from './init.js';
import { acquireLock, breakAbandoned, type TrackerLockOptions } from './lock.js';
import { parseTracker, trackerRows } from './parse.js';
import { newTrackerText, renderTracker } from './render.js';
import type { TrackerChanges, TrackerDocument, TrackerRow, TrackerRun } from './types.js';
import { mergeTracker } from './upsert.js';

/** What `updateTrackerFile` did. */
export interface TrackerFileUpdate {
  /** The file did not exist and was created. */
  readonly created: boolean;
  /** The file's text changed (and was written). */
  readonly changed: boolean;
  readonly changes: TrackerChanges;
}

/** A merge computed under the lock, not yet written. */
export interface TrackerPlan extends TrackerFileUpdate {
  /** Every row after the update, in file order. */
  readonly rows: readonly TrackerRow[];
  /** Writes the merged text (atomically) and releases the lock. */
  commit(): Promise<void>;
  /** Releases the lock without writing. */
  abandon(): Promise<void>;
}

/** Where the tracker's bytes live; throws when parity must not read or replace what is there. */
async function trackerTarget(path: string): Promise<WriteTarget> {
  const checked = await checkFileTarget(path, path, 'a markdown file');
  if (!checked.ok) throw new ParityError('PARITY_TRACKER_INVALID', checked.problem);
  return checked.target;
}

/** Parses an existing tracker, which must have its managed table. */
function parseExisting(text: string, path: string): TrackerDocument {
  const doc = parseTracker(text, path);
  requireManaged(doc, path);
  return doc;
}

/** A tracker of thousands of rows is a few MB; past this it is no tracker parity wrote. */
const MAX_TRACKER_BYTES = 64 * 1024 * 1024;

async function readTarget(target: WriteTarget): Promise<string | undefined> {
  if (target.kind === 'missing') return undefined;
  let text: string;
  try {
    text = await readRegularText(target.real, { maxBytes: MAX_TRACKER_BYTES });
  } catch (error) {
    throw new ParityError(
      'PARITY_TRACKER_INVALID',
      `${target.real}: cannot read the tracker (${readFailure(error)})`,
      { cause: error },
    );
  }
  // An empty file holds no human bytes: it is treated as a new tracker.
  return text === '' ? undefined : text;
}

/** The folder of the tracker must take new files (the temp file, the lock). */
async function checkFolder(path: string, target: WriteTarget): Promise<void> {
  // Named like the temp files of an atomic write: a writer holding the lock removes it if a kill left it.
  const probe = `.${basename(target.real)}.${randomBytes(6).toString('hex')}.tmp`;
  const problem = await folderProblem(dirname(target.real), probe);
  if (problem !== undefined) {
    throw new ParityError(
      'PARITY_OUTPUT_UNWRITABLE',
      `${path}: the tracker cannot be written: ${problem}`,
    );
  }
}

/**
 * Everything a run needs of the tracker, checked before the first request: a
 * regular file (or a symlink to one, or missing), in a folder that takes new
 * files, that parses. A lock whose owner is gone is removed now; the message
 * saying so is returned.
 */
export async function preflightTracker(
  path: string,
  options: TrackerLockOptions = {},
): Promise<{ readonly notes: readonly string[] }> {
  const target = await trackerTarget(path);
  await checkFolder(path, target);
  const text = await readTarget(target);
  if (text !== undefined) parseExisting(text, path);
  const broken = await breakAbandoned(`${target.real}.lock`, options);
  const notes = typeof broken === 'string' ? [`removed the tracker lock ${broken}`] : [];
  return { notes };
}

/** Temp files of writers killed mid-write: safe to remove while holding the lock. */
async function removeLeftovers(real: string): Promise<void> {
  const dir = dirname(real);
  const names = await readdir(dir).catch(() => []);
  // Temp files and probes (`.NAME.<hex>.tmp`), and locks a breaker moved aside (`NAME.lock.<hex>.broken`).
  const broken = `${basename(real)}.lock.`;
  const leftover = (name: string) =>
    isTempFileOf(real, name) || (name.startsWith(broken) && name.endsWith('.broken'));
  await Promise.all(names.filter(leftover).map((name) => rm(join(dir, name), { force: true })));
}

/**
 * The tracker's real file and its lock, taken (the folder created first), with
 * the temp files of writers killed mid-write removed: only a holder may.
 */
async function lockedTarget(path: string, options: TrackerLockOptions) {
  const target = await trackerTarget(path);
  await mkdir(dirname(target.real), { recursive: true });
  const lock = await acquireLock(target.real, options);
  await removeLeftovers(target.real).catch(() => undefined);
  return { target, lock };
}

/** What an edit of the tracker document returns: the new document and what it did. */
export interface TrackerEdit<T> {
  readonly doc: TrackerDocument;
  readonly result: T;
}

/** An edit computed under the lock, not yet written. */
export interface TrackerEditPlan<T> {
  /** The file did not exist (it is created on commit). */
  readonly created: boolean;
  /** The file's text changes (it is written on commit). */
  readonly changed: boolean;
  readonly result: T;
  /** The text the file will hold. */
  readonly text: string;
  /** Writes the new text (atomically, through symlinks, keeping the mode) and releases the lock. */
  commit(): Promise<void>;
  /** Releases the lock without writing. */
  abandon(): Promise<void>;
}

/**
 * Takes the lock, reads the tracker afresh (or starts a new one when `create`
 * and the file is missing) and applies `edit`; nothing is written until
 * `commit`. A tracker that does not parse throws `PARITY_TRACKER_INVALID`
 * (lock released, file untouched).
 */
export async function planTrackerEdit<T>(
  path: string,
  edit: (doc: TrackerDocument) => TrackerEdit<T>,
  options: TrackerLockOptions & { readonly create: boolean },
): Promise<TrackerEditPlan<T>> {
  const missing = () =>
    new ParityError('PARITY_USAGE', `${path}: no tracker there yet; run parity first`);
  if (!options.create && !(await trackerExists(path))) throw missing();
  // A folder that takes no new file (read-only, immutable) is refused before the lock, as a run's preflight does.
  const existingTarget = await trackerTarget(path);
  if (existingTarget.kind !== 'missing') await checkFolder(path, existingTarget);
  const unwritten = (error: unknown) =>
    asWriteFailure(error, `${path}: the tracker`, '; it is left as it was');
  const { target, lock } = await lockedTarget(path, options).catch((error: unknown) => {
    throw unwritten(error);
  });
  try {
    const existing = await readTarget(target);
    if (existing === undefined && !options.create) throw missing();
    const before =
      existing === undefined ? parseTracker(newTrackerText(), path) : parseExisting(existing, path);
    const { doc, result } = edit(before);
    const text = renderTracker(doc);
    const changed = existing === undefined || text !== existing;
    return {
      created: existing === undefined,
      changed,
      result,
      text,
      async commit() {
        try {
          if (changed) await writeFileAtomic(target.real, text, { keep: target });
        } catch (error) {
          throw unwritten(error);
        } finally {
          await lock.release();
        }
      },
      abandon: () => lock.release(),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** `planTrackerEdit`, committed at once: for edits no report has to precede (`parity decide`). */
export async function editTrackerFile<T>(
  path: string,
  edit: (doc: TrackerDocument) => TrackerEdit<T>,
  options: TrackerLockOptions & { readonly create: boolean },
): Promise<{ readonly created: boolean; readonly changed: boolean; readonly result: T }> {
  const plan = await planTrackerEdit(path, edit, options);
  await plan.commit();
  return { created: plan.created, changed: plan.changed, result: plan.result };
}

/**
 * Takes the lock, reads the tracker again and merges `run` into it; nothing is
 * written until `commit`. Throws (lock released) when the file does not parse.
 */
export async function planTrackerUpdate(
  path: string,
  run: TrackerRun,
  options: TrackerLockOptions = {},
): Promise<TrackerPlan> {
  const merge = (doc: TrackerDocument) => {
    const merged = mergeTracker(doc, run);
    return { doc: merged.doc, result: merged.changes };
  };
  const plan = await planTrackerEdit(path, merge, { ...options, create: true });
  let rows: TrackerRow[];
  try {
    rows = trackerRows(parseTracker(plan.text, path));
  } catch (error) {
    // The lock is held until commit or abandon: a plan that fails here must not keep it.
    await plan.abandon();
    throw error;
  }
  return {
    created: plan.created,
    changed: plan.changed,
    changes: plan.result,
    rows,
    commit: () => plan.commit(),
    abandon: () => plan.abandon(),
  };
}

/**
 * Applies a run to the tracker file at `path`: creates it (and its folder) when
 * missing, and writes it atomically only when its text changes. A tracker that does
 * not parse throws `PARITY_TRACKER_INVALID` and is left untouched. Concurrent
 * callers are serialised by a lock file, and each re-reads the file under the lock.
 */
export async function updateTrackerFile(
  path: string,
  run: TrackerRun,
  options: TrackerLockOptions = {},
): Promise<TrackerFileUpdate> {
  const plan = await planTrackerUpdate(path, run, options);
  await plan.commit();
  return { created: plan.created, changed: plan.changed, changes: plan.changes };
}

/** What `initTrackerFile` did. */
export type TrackerInit = 'created' | 'added' | 'present';

/**
 * `parity tracker --init`: creates the tracker, or adds the managed table to an
 * existing file without markers (every byte already there is kept), under the lock.
 */
export async function initTrackerFile(
  path: string,
  options: TrackerLockOptions = {},
): Promise<TrackerInit> {
  const { target, lock } = await lockedTarget(path, options);
  try {
    const existing = await readTarget(target);
    const init = initialisedText(existing, path);
    if (init.outcome !== 'present') {
      await writeFileAtomic(target.real, init.text, { keep: target });
    }
    return init.outcome;
  } finally {
    await lock.release();
  }
}

/** Every row of the tracker at `path`, in file order; none when the file does not exist. */
export async function readTrackerRows(path: string): Promise<TrackerRow[]> {
  const text = await readTarget(await trackerTarget(path));
  return text === undefined ? [] : trackerRows(parseExisting(text, path));
}

/** Every row of the tracker at `path`, or undefined when the file does not exist. */
export async function readExistingTrackerRows(path: string): Promise<TrackerRow[] | undefined> {
  const text = await readTarget(await trackerTarget(path));
  return text === undefined ? undefined : trackerRows(parseExisting(text, path));
}

/** Whether a tracker file exists at `path` (through its symlinks). */
export async function trackerExists(path: string): Promise<boolean> {
  return (await trackerTarget(path)).kind === 'file';
}

/** The `_open_` rows of the tracker at `path`, for `parity tracker`. */
export async function readOpenRows(path: string): Promise<TrackerRow[]> {
  return (await readTrackerRows(path)).filter((row) => row.status === 'open');
}
