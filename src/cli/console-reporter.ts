/**
 * `parity run`'s console, as reporters of the run (`results/reporter.ts`):
 * the progress bar on stderr while the cases run, and the summary on stdout
 * (console table, `--json`, or nothing with `--quiet`) once the reports are
 * written.
 */
import type { RunReporter } from '../report/write.js';
import { displayPath } from '../util/paths.js';
import type { Io } from './io.js';
import { type OutputFlags, printSummary } from './outcome.js';
import type { Progress } from './progress.js';

export function progressReporter(progress: Progress): RunReporter {
  return {
    name: 'progress',
    onBegin: (count) => progress.start(count),
    onResult: (result) => progress.tick(result),
    onEnd: () => progress.stop(),
  };
}

export function summaryReporter(flags: OutputFlags, io: Io): RunReporter {
  return {
    name: 'console',
    onEnd: ({ report, dir }) => printSummary(report, displayPath(io.cwd, dir), flags, io),
  };
}
