/** `parity merge REPORT...`: merges shard reports, prints the outcome like a run. */
import { mergeShards } from '../../app/merge.js';
import { displayPath } from '../../util/paths.js';
import type { ExitCode } from '../exit-codes.js';
import { githubWanted, printGithub, withGithub } from '../github.js';
import { contextOf, type Io } from '../io.js';
import type { MergeFlags } from '../options.js';
import { finish, printNotes, printSummary } from '../outcome.js';

/** Merges the shard reports and prints the outcome as `run` does; returns the exit code. */
export async function mergeCommand(
  reports: readonly string[],
  flags: MergeFlags,
  io: Io,
): Promise<ExitCode> {
  const outcome = await mergeShards({ reports, flags }, contextOf(io));
  printNotes(outcome.notes, io);
  printSummary(outcome.report, displayPath(io.cwd, outcome.written.dir), flags, io);
  if (outcome.missing.length > 0) {
    io.stderr.write(`parity: merged without shard(s) ${outcome.missing.join(', ')}\n`);
  }
  const github = githubWanted(flags, io) ? await printGithub(outcome.report, io, flags) : true;
  return withGithub(finish(outcome, io), github);
}
