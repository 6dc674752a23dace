/**
 * `parity fuzz [CASES...]`: fuzzes with a progress line on stderr (on a
 * terminal), prints what it found (grouped by kind) and the replay of the
 * written cases as `parity run` prints a run; exits as `run` does.
 */
import { type FuzzOutcome, fuzzParity } from '../../app/fuzz.js';
import { verdictOf } from '../../app/verdict.js';
import type { FuzzProgress } from '../../fuzz/engine.js';
import { displayPath } from '../../util/paths.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { fuzzJson, progressText, renderFuzzSummary } from '../fuzz-summary.js';
import { contextOf, type Io } from '../io.js';
import type { FuzzFlags } from '../options.js';
import { finish, machineSummary, printSummary } from '../outcome.js';

/** Redraws the progress line at most this often. */
const PROGRESS_MS = 200;

/** A progress line on stderr when it is a terminal (nothing otherwise, as for `run`). */
function progressLine(io: Io, enabled: boolean) {
  if (!enabled || io.stderr.isTTY !== true) return { update: undefined, stop: () => undefined };
  let last = 0;
  return {
    update: (p: FuzzProgress) => {
      if (p.elapsedMs - last < PROGRESS_MS) return;
      last = p.elapsedMs;
      io.stderr.write(`\r\x1b[Kparity fuzz: ${progressText(p)}`);
    },
    stop: () => io.stderr.write('\r\x1b[K'),
  };
}

function print(outcome: FuzzOutcome, flags: FuzzFlags, io: Io): void {
  const { baseline, candidate } = outcome.config;
  const names = { baseline: baseline.name, candidate: candidate.name };
  const replay = outcome.kind === 'done' ? outcome.replay : undefined;
  const dir = replay === undefined ? undefined : displayPath(io.cwd, replay.written.dir);
  if (flags.json === true) {
    const run =
      replay === undefined || dir === undefined ? null : machineSummary(replay.report, dir);
    io.stdout.write(
      `${JSON.stringify({ fuzz: fuzzJson(outcome.summary, names), run }, null, 2)}\n`,
    );
    return;
  }
  if (flags.quiet === true) return;
  io.stdout.write(renderFuzzSummary(outcome.summary, names, colorsFor(io.stdout, io.env)));
  if (replay !== undefined && dir !== undefined) {
    io.stdout.write('\n');
    printSummary(replay.report, dir, flags, io);
  }
}

/** Fuzzes, prints, and returns the exit code (as for `run`; 3 when a target answered no seed). */
export async function fuzzCommand(
  cases: readonly string[],
  flags: FuzzFlags,
  io: Io,
): Promise<ExitCode> {
  const progress = progressLine(io, flags.json !== true && flags.quiet !== true);
  const outcome = await fuzzParity({ ...flags, cases }, contextOf(io), {
    ...(progress.update === undefined ? {} : { onProgress: progress.update }),
  }).finally(progress.stop);
  print(outcome, flags, io);
  if (outcome.kind === 'unreachable') {
    const err = colorsFor(io.stderr, io.env);
    const names = outcome.targets.join(', ');
    io.stderr.write(
      outcome.stopped
        ? `${err.red('parity: unreachable:')} ${names} stopped answering during the fuzz run (it answered the seed cases, then none of them again): no finding is kept; restart it and fuzz again\n`
        : `${err.red('parity: unreachable:')} ${names} answered no seed case\n`,
    );
    return EXIT.unreachable;
  }
  const { replay, config } = outcome;
  const notWritten = outcome.summary.cases.notWritten.length;
  if (replay === undefined) return notWritten > 0 ? EXIT.divergent : EXIT.ok;
  // Both targets answered the seeds before and after the exploration: a side that
  // fails every replayed input is the finding (a crash on those inputs), not a side down.
  const { report, written } = replay;
  return finish(
    { written, verdict: verdictOf({ report, written, unreachable: [], policy: config }) },
    io,
  );
}
