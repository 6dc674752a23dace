/**
 * results.ndjson as a reporter: each observation appended to the run's
 * result stream (`judge/results/stream.ts`) as it is made. Essential: the report
 * files are read back from it, so a run that cannot write it fails.
 */
import type { ResultStream } from '../judge/results/stream.js';
import type { RunReporter } from './reporter.js';

export function ndjsonReporter(stream: Pick<ResultStream, 'add'>): RunReporter {
  return {
    name: 'ndjson',
    essential: true,
    onObservation: (result, position) => stream.add(result, position),
  };
}
