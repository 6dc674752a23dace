/**
 * Progress while a run is going: a cli-progress bar on stderr when stderr is a
 * TTY, nothing otherwise (CI logs stay clean). cli-progress (and the readline
 * it loads) is imported only when a bar is drawn.
 */

import type { Observation } from '../contract/observation.js';
import type { ConsoleIo } from './console-reporters.js';
import type { RunReporter } from './reporter.js';

export interface Progress {
  start(total: number): void;
  tick(result: Observation): void;
  stop(): void;
}

const SILENT: Progress = { start() {}, tick() {}, stop() {} };

export async function createProgress(io: ConsoleIo, enabled: boolean): Promise<Progress> {
  if (!enabled || io.stderr.isTTY !== true) return SILENT;
  const { SingleBar } = await import('cli-progress');
  let divergent = 0;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: 'parity {bar} {value}/{total} cases · {divergent} divergent · {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 200,
    noTTYOutput: false,
  });
  return {
    start: (total) => bar.start(total, 0, { divergent }),
    tick: (result) => {
      if (result.verdict === 'divergent' || result.verdict === 'error') divergent++;
      bar.increment(1, { divergent });
    },
    // Stopped at the run's end, and again on the way out whatever happened.
    stop: () => {
      if (bar.isActive) bar.stop();
    },
  };
}

/** The bar as a reporter: started with the count, ticked per observation, stopped at the end. */
export function progressReporter(progress: Progress): RunReporter {
  return {
    name: 'progress',
    onBegin: (count) => progress.start(count),
    onObservation: (result) => progress.tick(result),
    onEnd: () => progress.stop(),
  };
}
