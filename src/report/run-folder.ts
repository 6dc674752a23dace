/**
 * A run's folder under the reports folder, checked and created before the
 * first request. A run writes into `<reports>/<run-id>.partial/` (its
 * results stream, then its reports) and renames it to `<run-id>/` only once
 * every report is written, so a folder without `.partial` always holds a
 * complete report, and a run killed mid-way leaves a folder whose name says
 * so. The next run removes such leftovers when the process that made them
 * (recorded in the folder's `.owner` file) is gone.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ParityError } from '../util/errors.js';
import { pointLatest } from '../util/fs.js';
import type { Host } from '../util/host.js';
import { folderProblem } from '../util/write-target.js';

/** The suffix of a run folder whose run has not finished writing. */
export const PARTIAL_SUFFIX = '.partial';
const OWNER_FILE = '.owner';
const PROBE_PREFIX = '.parity-probe-';

/** Where one run writes, and the two steps that make its reports visible. */
export interface RunFolder {
  readonly runId: string;
  /** The reports folder (absolute). */
  readonly reportsDir: string;
  /** Where the run writes while it lasts. */
  readonly dir: string;
  /** Where its reports end up. */
  readonly finalDir: string;
  /** Renames the folder to its final name (idempotent). */
  publish(): Promise<void>;
  /** Points `<reports>/latest` at the published folder. */
  pointLatest(): Promise<void>;
  /** Removes the folder unpublished: the command ended without a report to write. */
  discard(): Promise<void>;
}

function unwritable(message: string): ParityError {
  return new ParityError('PARITY_OUTPUT_UNWRITABLE', message);
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
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

/** Probe files a killed run left in the reports folder (older than a minute: no run still uses it). */
async function removeStaleProbes(reportsDir: string, names: readonly string[]): Promise<void> {
  for (const name of names.filter((n) => n.startsWith(PROBE_PREFIX))) {
    const path = join(reportsDir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() === true && Date.now() - info.mtimeMs > 60_000)
      await rm(path, { force: true });
  }
}

/** Partial run folders whose owner process (on this host) is gone: removed; the count. */
async function removeOrphans(reportsDir: string, host: Host): Promise<number> {
  const names = await readdir(reportsDir).catch(() => []);
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith(PARTIAL_SUFFIX))) {
    const dir = join(reportsDir, name);
    const owner = await readFile(join(dir, OWNER_FILE), 'utf8')
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (typeof owner !== 'object' || owner === null) continue;
    const { pid, hostname } = owner as Record<string, unknown>;
    if (typeof pid !== 'number' || pid <= 0 || pid === host.pid || hostname !== host.hostname) {
      continue;
    }
    if (host.isAlive(pid)) continue;
    await rm(dir, { recursive: true, force: true });
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
): Promise<{ readonly folder: RunFolder; readonly notes: readonly string[] }> {
  const problem = await folderProblem(
    reportsDir,
    `${PROBE_PREFIX}${randomBytes(6).toString('hex')}`,
  );
  if (problem !== undefined) {
    throw unwritable(`the reports folder ${reportsDir} cannot be written: ${problem}`);
  }
  await checkLatest(reportsDir);
  await removeStaleProbes(reportsDir, await readdir(reportsDir).catch(() => []));
  const removed = await removeOrphans(reportsDir, host);
  const finalDir = join(reportsDir, runId);
  const dir = `${finalDir}${PARTIAL_SUFFIX}`;
  await mkdir(dir, { recursive: true });
  const owner = { pid: host.pid, hostname: host.hostname, startedAt: new Date().toISOString() };
  await writeFile(join(dir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  let published = false;
  const folder: RunFolder = {
    runId,
    reportsDir,
    dir,
    finalDir,
    async publish() {
      if (published) return;
      await rm(join(dir, OWNER_FILE), { force: true });
      await rename(dir, finalDir);
      published = true;
    },
    pointLatest: () => pointLatest(reportsDir, runId),
    async discard() {
      if (!published) await rm(dir, { recursive: true, force: true });
    },
  };
  const notes =
    removed === 0
      ? []
      : [`removed ${removed} unfinished run folder(s) left by parity processes that are gone`];
  return { folder, notes };
}
