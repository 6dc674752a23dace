/**
 * A run's folder under the reports folder, checked and created before the
 * first request. A run writes into `<reports>/<run-id>.partial/` (its
 * results stream, then its reports) and renames it to `<run-id>/` only once
 * every report is written, so a folder without `.partial` always holds a
 * complete report, and a run killed mid-way leaves a folder whose name says
 * so. The next run removes such leftovers when the process that made them
 * (recorded in the folder's `.owner` file) is gone.
 *
 * A `.partial` folder has its owner for as long as it has that name: it is
 * made under a hidden staging name and given its `.owner` before it is
 * renamed to it; published by renaming before the `.owner` goes; removed by
 * renaming it back to a staging name first. A run killed at any point leaves
 * no owner-less `.partial` folder that no later run could clear (a staging
 * folder it leaves is cleared after a minute, like a probe file or a
 * half-made `latest` link).
 *
 * A live folder (`live`: a shadow session's, whose reports are refreshed in
 * place while the traffic goes on) has its final name from the start and
 * keeps its `.owner` until it is published: each refresh leaves a complete
 * report in it (every file written atomically), so a session killed at any
 * point leaves the report of its last refresh. `--keep` never prunes a
 * folder whose owner is still running. A session killed outright (SIGKILL)
 * leaves its `.owner` in a folder that holds a complete report: the next run
 * removes that mark once the process it names is gone (its pid dead, or now
 * another process's: one started after the mark was made, this one too).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasCode, ParityError } from '../../util/errors.js';
import { LATEST_TEMP_PREFIX, pointLatest, removeFile } from '../../util/fs.js';
import type { Host } from '../../util/host.js';
import { folderProblem } from '../../util/write-target.js';

/** The suffix of a run folder whose run has not finished writing. */
export const PARTIAL_SUFFIX = '.partial';
const OWNER_FILE = '.owner';
const PROBE_PREFIX = '.parity-probe-';
const STAGING_PREFIX = '.parity-staging-';
/** A probe file or staging folder this old belongs to no live run. */
const STALE_MS = 60_000;

/** Where one run writes, and the two steps that make its reports visible. */
export interface RunFolder {
  readonly runId: string;
  /** The reports folder (absolute). */
  readonly reportsDir: string;
  /** Where the run writes while it lasts (its final name when `live`). */
  readonly dir: string;
  /** Where its reports end up. */
  readonly finalDir: string;
  /** Renames the folder to its final name (idempotent); a live folder only loses its `.owner`. */
  publish(): Promise<void>;
  /** Points `<reports>/latest` at the published folder (then keeps the `keep` newest run folders). */
  pointLatest(): Promise<void>;
  /** Removes the folder unpublished: the command ended without a report to write. */
  discard(): Promise<void>;
}

function unwritable(message: string): ParityError {
  return new ParityError('PARITY_OUTPUT_UNWRITABLE', message);
}

/** `<reports>/latest` must be parity's link (or absent): never a folder or file of someone's. */
async function checkLatest(reportsDir: string): Promise<void> {
  const latest = join(reportsDir, 'latest');
  try {
    const info = await lstat(latest);
    if (info.isSymbolicLink()) return;
    const what = info.isDirectory() ? 'a folder' : 'a file';
    throw unwritable(
      `${latest} is ${what}, not the link parity keeps there; move it away (parity repoints latest after each run)`,
    );
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return;
    throw error;
  }
}

/** Whether a dot-entry of the reports folder is something a run makes and removes itself. */
function isRunLeftover(name: string, info: Awaited<ReturnType<typeof lstat>>): boolean {
  if (name.startsWith(PROBE_PREFIX)) return info.isFile();
  if (name.startsWith(STAGING_PREFIX)) return info.isDirectory();
  if (name.startsWith(LATEST_TEMP_PREFIX)) return info.isSymbolicLink();
  return false;
}

/**
 * Probe files, staging folders and `latest` links a killed run left in the
 * reports folder (older than a minute: no run still uses them). Links are
 * removed, never followed.
 */
async function removeStaleLeftovers(reportsDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!name.startsWith('.')) continue;
    const path = join(reportsDir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info === undefined || Date.now() - info.mtimeMs <= STALE_MS) continue;
    if (isRunLeftover(name, info)) await rm(path, { recursive: true, force: true });
  }
}

function stagingPath(reportsDir: string): string {
  return join(reportsDir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`);
}

/**
 * Removes a run folder: renamed to a staging name first, so a process killed
 * while removing it leaves a staging folder (cleared later), never a
 * `.partial` folder that lost its `.owner` file.
 */
async function removeFolder(reportsDir: string, dir: string): Promise<void> {
  const staging = stagingPath(reportsDir);
  try {
    await rename(dir, staging);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return;
    throw error;
  }
  await rm(staging, { recursive: true, force: true });
}

/** A published run folder's name: its run id (`newRunId`), which sorts by time. */
const RUN_FOLDER = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-[0-9a-f]{6}$/;

/**
 * `--keep N`: removes the published run folders past the N newest (this run
 * is one of them, whatever its name: two runs started in the same second
 * sort by their random suffix), never the one `latest` names, nor anything
 * that is not a run folder (a partial one, a link, someone's file).
 */
async function pruneRuns(
  reportsDir: string,
  keep: number,
  current: string,
  host: Host,
): Promise<void> {
  const others = (await readdir(reportsDir))
    .filter((name) => RUN_FOLDER.test(name) && name !== current)
    .sort();
  const keepOthers = Math.max(0, keep - 1);
  for (const name of others.slice(0, Math.max(0, others.length - keepOthers))) {
    const dir = join(reportsDir, name);
    const info = await lstat(dir).catch(() => undefined);
    // A live folder (a shadow session still refreshing it) is its owner's.
    if (info?.isDirectory() !== true || (await ownerRunning(dir, host))) continue;
    await removeFolder(reportsDir, dir);
  }
}

interface Owner {
  readonly pid: number;
  readonly hostname: unknown;
  /** When the mark was made (ms since the epoch); undefined when it does not say. */
  readonly startedAt: number | undefined;
}

/** The `.owner` a folder holds, when it is a readable one. */
async function ownerOf(dir: string): Promise<Owner | undefined> {
  const owner = await readFile(join(dir, OWNER_FILE), 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (typeof owner !== 'object' || owner === null) return undefined;
  const { pid, hostname, startedAt } = owner as Record<string, unknown>;
  const made = typeof startedAt === 'string' ? Date.parse(startedAt) : Number.NaN;
  return typeof pid === 'number' && pid > 0
    ? { pid, hostname, startedAt: Number.isNaN(made) ? undefined : made }
    : undefined;
}

/**
 * Whether `owner` (on this host) is this process or one still running: with
 * this process's pid, a mark made before this process started is another's
 * (a container restarted with the same pid), and that one is gone.
 */
function ownerAlive(owner: Owner, host: Host): boolean {
  if (owner.pid !== host.pid) return host.isAlive(owner.pid);
  if (owner.startedAt === undefined || host.startedAt === undefined) return true;
  // A second's slack: the clock read for the mark and for the start differ.
  return owner.startedAt >= host.startedAt - 1000;
}

/** Whether the process named by the folder's `.owner` is this one or still runs on this host. */
async function ownerRunning(dir: string, host: Host): Promise<boolean> {
  const owner = await ownerOf(dir);
  if (owner === undefined || owner.hostname !== host.hostname) return false;
  return ownerAlive(owner, host);
}

/**
 * Partial run folders whose owner process (on this host) is gone: removed;
 * published ones (a killed shadow session's live folder): their stale
 * `.owner` removed. The count of folders removed.
 */
async function removeOrphans(reportsDir: string, host: Host): Promise<number> {
  const names = await readdir(reportsDir).catch(() => []);
  let removed = 0;
  for (const name of names) {
    const partial = name.endsWith(PARTIAL_SUFFIX);
    if (!partial && !RUN_FOLDER.test(name)) continue;
    const dir = join(reportsDir, name);
    const owner = await ownerOf(dir);
    if (owner === undefined || owner.hostname !== host.hostname) continue;
    if (ownerAlive(owner, host)) continue;
    if (!partial) {
      const info = await lstat(dir).catch(() => undefined);
      if (info?.isDirectory() === true) await removeFile(join(dir, OWNER_FILE));
      continue;
    }
    await removeFolder(reportsDir, dir);
    removed++;
  }
  return removed;
}

/**
 * Checks the reports folder (a folder, or creatable; writable; `latest`
 * replaceable), removes orphan partial folders, and creates this run's
 * partial folder. Throws `PARITY_OUTPUT_UNWRITABLE` (exit 2) before anything
 * is sent when the run could not write its reports.
 */
export async function openRunFolder(
  reportsDir: string,
  runId: string,
  host: Host,
  /** Keep only this many run folders once this one is published (`--keep`); undefined: all. */
  keep?: number,
  /** A live folder (see the module comment): its final name from the start. */
  options: { readonly live?: boolean } = {},
): Promise<{ readonly folder: RunFolder; readonly notes: readonly string[] }> {
  const problem = await folderProblem(
    reportsDir,
    `${PROBE_PREFIX}${randomBytes(6).toString('hex')}`,
  );
  if (problem !== undefined) {
    throw unwritable(`the reports folder ${reportsDir} cannot be written: ${problem}`);
  }
  await checkLatest(reportsDir);
  await removeStaleLeftovers(reportsDir, await readdir(reportsDir).catch(() => []));
  const removed = await removeOrphans(reportsDir, host);
  const finalDir = join(reportsDir, runId);
  const live = options.live === true;
  const dir = live ? finalDir : `${finalDir}${PARTIAL_SUFFIX}`;
  const staging = stagingPath(reportsDir);
  await mkdir(reportsDir, { recursive: true });
  await mkdir(staging);
  const owner = { pid: host.pid, hostname: host.hostname, startedAt: new Date().toISOString() };
  await writeFile(join(staging, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  await rename(staging, dir);
  let published = false;
  const folder: RunFolder = {
    runId,
    reportsDir,
    dir,
    finalDir,
    async publish() {
      if (published) return;
      if (!live) await rename(dir, finalDir);
      published = true;
      await removeFile(join(finalDir, OWNER_FILE));
    },
    async pointLatest() {
      await pointLatest(reportsDir, runId);
      if (keep !== undefined) await pruneRuns(reportsDir, keep, runId, host);
    },
    async discard() {
      if (!published) await removeFolder(reportsDir, dir);
    },
  };
  const notes =
    removed === 0
      ? []
      : [`removed ${removed} unfinished run folder(s) left by parity processes that are gone`];
  return { folder, notes };
}
