/**
 * Progress while a run is going: a cli-progress bar on stderr when stderr is a
 * TTY, nothing otherwise (CI logs stay clean).
 */
import { SingleBar } from 'cli-progress';
import type { CaseResult } from '../results/types.js';
import type { Io } from './io.js';

export interface Progress {
  start(total: number): void;
  tick(result: CaseResult): void;
  stop(): void;
}

const SILENT: Progress = { start() {}, tick() {}, stop() {} };

export function createProgress(io: Io, enabled: boolean): Progress {
  if (!enabled || io.stderr.isTTY !== true) return SILENT;
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
      if (result.verdict !== 'equal') divergent++;
      bar.increment(1, { divergent });
    },
    stop: () => bar.stop(),
  };
}
