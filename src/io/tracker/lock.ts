/**
 * The tracker's lock: `<file>.lock`, created exclusively, holding its owner
 * (pid, host name, start time) as JSON. A lock whose owner process is gone
 * (same host, pid not running) is taken over at once; a lock of another host,
 * or of an unknown format, is broken once it is older than `staleMs` (a holder
 * refreshes its lock's time while it holds it, so a slow writer keeps it).
 *
 * The lock is never seen without its owner: the owner is written to a temp
 * file (named like an atomic write's, `.NAME.<hex>.tmp`, so the next holder
 * clears one a killed process left) and hard-linked into place, which fails
 * when the lock exists. A lock created empty and killed before its owner was
 * written would hold every later run off until it went stale.
 */

import { randomBytes } from 'node:crypto';
import { link, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ParityError } from '../../util/errors.js';
import { ReadRefused, readRegularText } from '../../util/fs.js';
import type { Host } from '../../util/host.js';

/** How long to wait for another writer's lock, and when a lock counts as abandoned. */
export interface TrackerLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** Break a lock of unknown liveness older than this (default 60 s). */
  readonly staleMs?: number;
  /** This process: recorded in the lock, and used to tell whether another owner is alive. */
  readonly host?: Host;
}

/** Who holds a lock, as its file records it. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
}

/** A held lock. */
export interface HeldLock {
  release(): Promise<void>;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/** The owner a lock file records, or undefined when it records none that parses. */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, hostname, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof hostname !== 'string') return undefined;
    return { pid, hostname, startedAt: typeof startedAt === 'string' ? startedAt : '' };
  } catch {
    return undefined;
  }
}

/** A lock file holds one line of JSON; anything longer is not parity's. */
const MAX_LOCK_BYTES = 64 * 1024;

/** Why the lock at `lockPath` may be removed, or undefined when its owner may still be writing. */
async function abandonment(
  lockPath: string,
  host: Host | undefined,
  staleMs: number,
): Promise<{ reason: string; ino: number } | undefined | 'gone'> {
  let info: Awaited<ReturnType<typeof stat>>;
  let text: string;
  try {
    info = await stat(lockPath);
    text = await readRegularText(lockPath, { maxBytes: MAX_LOCK_BYTES });
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return 'gone';
    if (error instanceof ReadRefused) {
      throw new ParityError(
        'PARITY_TRACKER_INVALID',
        `the tracker's lock file ${lockPath} ${error.message}: remove it (parity writes it as a small regular file)`,
      );
    }
    throw error;
  }
  const owner = parseOwner(text);
  const local = owner !== undefined && host !== undefined && owner.hostname === host.hostname;
  if (local && owner.pid !== host.pid && owner.pid > 0 && !host.isAlive(owner.pid)) {
    return { reason: `left by process ${owner.pid}, which is no longer running`, ino: info.ino };
  }
  if (Date.now() - info.mtimeMs > staleMs) {
    return { reason: `not refreshed for over ${Math.round(staleMs / 1000)} s`, ino: info.ino };
  }
  return undefined;
}

/**
 * Removes an abandoned lock; true when the caller should try to take it at once.
 * The lock is moved aside first and checked to be the one judged abandoned, so
 * two processes breaking the same lock cannot remove a lock just taken afresh.
 */
export async function breakAbandoned(
  lockPath: string,
  options: TrackerLockOptions,
): Promise<string | true | undefined> {
  const verdict = await abandonment(lockPath, options.host, options.staleMs ?? 60_000);
  if (verdict === 'gone') return true;
  if (verdict === undefined) return undefined;
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.broken`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return true;
    throw error;
  }
  // A holder clearing leftovers may already have removed it: then there is nothing to give back.
  const moved = await stat(aside).catch(() => undefined);
  // Someone took the lock between our look and the move: give it back untouched.
  if (moved !== undefined && moved.ino !== verdict.ino) {
    await link(aside, lockPath).catch(() => undefined);
  }
  await rm(aside, { force: true });
  return verdict.reason;
}

/** What `link` fails with on a file system that has no hard links. */
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'];

async function tryLock(path: string, host: Host | undefined): Promise<boolean> {
  const owner: LockOwner = {
    pid: host?.pid ?? 0,
    hostname: host?.hostname ?? '',
    startedAt: new Date().toISOString(),
  };
  const text = `${JSON.stringify(owner)}\n`;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, `${path}.lock`);
    return true;
  } catch (error) {
    // ENOENT: the holder cleared our temp file as a leftover before the link; try again.
    if (hasCode(error, 'EEXIST') || hasCode(error, 'ENOENT')) return false;
    if (!NO_LINKS.some((code) => hasCode(error, code))) throw error;
  } finally {
    await rm(temp, { force: true });
  }
  // A file system without hard links: created exclusively, then written.
  try {
    await writeFile(`${path}.lock`, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw error;
  }
}

/** Keeps a held lock's time fresh, so other hosts never judge it stale while it is held. */
function heartbeat(lockPath: string, staleMs: number): () => void {
  const timer = setInterval(
    () => {
      const now = new Date();
      utimes(lockPath, now, now).catch(() => undefined);
    },
    Math.max(50, Math.floor(staleMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** Takes `<path>.lock`, retrying with jittered exponential backoff. */
export async function acquireLock(path: string, options: TrackerLockOptions): Promise<HeldLock> {
  const lockPath = `${path}.lock`;
  const staleMs = options.staleMs ?? 60_000;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    if (await tryLock(path, options.host)) {
      const stop = heartbeat(lockPath, staleMs);
      return {
        release: async () => {
          stop();
          await rm(lockPath, { force: true });
        },
      };
    }
    if ((await breakAbandoned(lockPath, options)) !== undefined) continue;
    if (Date.now() >= deadline) {
      const owner = parseOwner(
        await readRegularText(lockPath, { maxBytes: MAX_LOCK_BYTES }).catch(() => ''),
      );
      const who =
        owner === undefined ? 'another process' : `process ${owner.pid} on ${owner.hostname}`;
      throw new ParityError(
        'PARITY_TRACKER_LOCKED',
        `${path}: ${who} holds ${lockPath}; wait for it, or delete the lock if no parity is running`,
      );
    }
    const backoff = Math.min(250, 5 * 2 ** attempt);
    await sleep(backoff / 2 + Math.random() * (backoff / 2));
  }
}
