/**
 * The writers' preconditions, checked before the first request of a run or a
 * merge: the tracker (a regular file or a symlink to one, or missing; in a
 * folder that takes new files; parsing; its lock free, or abandoned and
 * removed now), the reports folder (writable, `latest` parity's link; this
 * run's folder created) and every path `--reporter NAME=PATH` gave (a file
 * parity may write, in a folder that takes files). Anything wrong is bad input (exit 2) with a message
 * that names the path, never a failure after every request was sent.
 */
import type { ResolvedConfig } from '../../io/config/resolve.js';
import { preflightTracker } from '../../io/tracker/write.js';
import { reporterPaths } from '../../reporters/choose.js';
import { checkReporterPaths } from '../../reporters/files.js';
import { openRunFolder, type RunFolder } from '../../reporters/report/run-folder.js';
import type { Host } from '../../util/host.js';

/** The run's folder, and what the checks did on the way (for the console). */
export async function preflightWriters(
  config: Pick<ResolvedConfig, 'trackerPath' | 'reportsDir' | 'keep' | 'reporters' | 'cwd'>,
  runId: string,
  host: Host,
  /** A live folder (`run-folder.ts`): a shadow session's, refreshed in place. */
  options: { readonly live?: boolean } = {},
): Promise<{ readonly folder: RunFolder; readonly notes: readonly string[] }> {
  const tracker =
    config.trackerPath === undefined
      ? { notes: [] }
      : await preflightTracker(config.trackerPath, { host });
  await checkReporterPaths(reporterPaths(config.reporters, config.cwd), config.cwd);
  const opened = await openRunFolder(config.reportsDir, runId, host, config.keep, options);
  return { folder: opened.folder, notes: [...tracker.notes, ...opened.notes] };
}
