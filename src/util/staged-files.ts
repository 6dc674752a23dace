/**
 * Many files written all or nothing (`parity import`): every file is written
 * into a hidden staging folder (beside the output folder when it does not
 * exist yet, else inside it, where discovery skips dot-folders), then published. When
 * the output folder does not exist yet (the usual import), publishing is one
 * rename of the staging folder; when it does, each file is renamed onto its
 * target (where its symlinks point, with the replaced file's mode), a step of
 * renames only. A stop asked for while files are staged (a signal) removes
 * the staging folder: nothing of the import is left. A process killed
 * outright leaves a staging folder named with its machine and pid, which the
 * next import into the same place removes once that process is gone (another
 * machine's, after ten minutes without a new file).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, lstat, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { hasCode } from './errors.js';
import { type TextFile, targetsToWrite } from './files-to-write.js';
import { writeFileAtomic } from './fs.js';
import type { Host } from './host.js';
import type { WriteTarget } from './write-target.js';

/** What became of the files. */
export type StagedOutcome = 'written' | 'stopped';

export interface StagedWrite {
  /** The folder every file is in (absolute). */
  readonly root: string;
  readonly force: boolean;
  /** Words after "nothing was written" when files exist: what to pass instead. */
  readonly hint: string;
  /** This process: its pid names the staging folder, `isAlive` clears a dead one's. */
  readonly host: Host;
  /** Asked between files: true once the write should stop (a signal). */
  readonly stopped: () => boolean;
  /** The project folder: a file given inside it that a symlink leads out of is refused. */
  readonly within?: string | undefined;
}

/** 8 hex of the host's name: a staging folder says which machine's process made it. */
function hostTag(host: Host): string {
  return createHash('sha256').update(host.hostname).digest('hex').slice(0, 8);
}

/** `.NAME.import-<host tag>-<pid>-<hex>`: the staging folder of `root` made by this process. */
function stagingName(root: string, host: Host): string {
  return `.${basename(root)}.import-${hostTag(host)}-${host.pid}-${randomBytes(4).toString('hex')}`;
}

/** A staging folder of another machine that gained no file for this long is abandoned. */
const STALE_MS = 10 * 60_000;

/** Removes the staging folders of `root` in `parent` whose import process is gone. */
async function clearOrphans(parent: string, root: string, host: Host): Promise<void> {
  const prefix = `.${basename(root)}.import-`;
  const names = await readdir(parent).catch(() => []);
  for (const name of names) {
    const made = /^([0-9a-f]{8})-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || made === null) continue;
    const info = await lstat(join(parent, name)).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) continue;
    const gone =
      made[1] === hostTag(host)
        ? !host.isAlive(Number(made[2]))
        : Date.now() - info.mtimeMs > STALE_MS;
    if (gone) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/** Moves the staged file onto `target` (its mode kept); across file systems, a write there. */
async function publishFile(staged: string, target: WriteTarget, text: string): Promise<void> {
  try {
    if (target.mode !== undefined) await chmod(staged, target.mode);
    if (target.uid !== undefined && target.gid !== undefined)
      await chown(staged, target.uid, target.gid).catch(() => undefined);
    await mkdir(dirname(target.real), { recursive: true });
    await rename(staged, target.real);
  } catch (error) {
    if (!hasCode(error, 'EXDEV')) throw error;
    await writeFileAtomic(target.real, text, { keep: target });
  }
}

/**
 * Writes `files` (all inside `root`) all or nothing: checked as
 * `checkFilesToWrite` checks them, refused with `PARITY_WOULD_OVERWRITE` when
 * any exists and `force` is not set, staged, then published (see the module
 * comment). Returns 'stopped' when `stopped()` turned true while staging:
 * then nothing was written.
 */
export async function writeStagedFiles(
  files: readonly TextFile[],
  options: StagedWrite,
): Promise<StagedOutcome> {
  if (files.length === 0) return 'written';
  const targets = await targetsToWrite(files, options);
  const { root, host } = options;
  // Staged inside an existing output folder (its files are renamed from there:
  // the same file system, and nothing outside the folder is touched), else
  // beside it, to become it by one rename.
  const existing = await stat(root).then(
    (info) => info.isDirectory(),
    () => false,
  );
  const home = existing ? root : dirname(root);
  await mkdir(home, { recursive: true });
  await clearOrphans(home, root, host);
  const staging = join(home, stagingName(root, host));
  await mkdir(staging);
  try {
    for (const file of files) {
      if (options.stopped()) {
        await rm(staging, { recursive: true, force: true });
        return 'stopped';
      }
      const path = join(staging, relative(root, file.path));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text, { flag: 'wx' });
    }
    const fresh = await lstat(root).then(
      () => false,
      () => true,
    );
    if (fresh) {
      try {
        await rename(staging, root);
        return 'written';
      } catch (error) {
        // Made meanwhile by someone else: published file by file below.
        if (!hasCode(error, 'EEXIST', 'ENOTEMPTY')) throw error;
      }
    }
    for (const [i, file] of files.entries()) {
      const target = targets[i];
      const staged = join(staging, relative(root, file.path));
      if (target !== undefined) await publishFile(staged, target, file.text);
    }
    return 'written';
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
