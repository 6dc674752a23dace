/** `parity merge REPORT...`: merges shard reports, prints the outcome like a run. */
import { mergeShards } from '../../engine/merge.js';
import type { ExitCode } from '../exit-codes.js';
import { contextOf, type Io } from '../io.js';
import type { MergeFlags } from '../options.js';
import { finish, printNotes, withReporters } from '../outcome.js';
import { consoleReporters } from '../reporters.js';

/** Merges the shard reports and prints the outcome as `run` does; returns the exit code. */
export async function mergeCommand(
  reports: readonly string[],
  flags: MergeFlags,
  io: Io,
): Promise<ExitCode> {
  const reporters = (choices: Parameters<typeof consoleReporters>[0]) =>
    consoleReporters(choices, flags, io);
  const outcome = await mergeShards({ reports, flags, reporters }, contextOf(io));
  printNotes(outcome.notes, io);
  if (outcome.missing.length > 0) {
    io.stderr.write(`parity: merged without shard(s) ${outcome.missing.join(', ')}\n`);
  }
  return withReporters(finish(outcome, io), outcome.reporterFailures);
}
