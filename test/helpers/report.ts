/** A `RunReport` around given results, for tests of the readers, renderers and merges. */

import type { AssessedObservation } from '../../src/contract/assessment.js';
import type { RunReport } from '../../src/contract/report.js';
import { REPORT_SCHEMA_VERSION } from '../../src/contract/vocabulary.js';
import { summarise } from '../../src/judge/results/summary.js';

export function reportOf(
  results: readonly AssessedObservation[],
  overrides: Partial<RunReport> = {},
): RunReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: 'run-1',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:05.000Z',
    baseline: { name: 'rust', url: 'http://127.0.0.1:3100' },
    candidate: { name: 'go', url: 'http://127.0.0.1:4110' },
    summary: summarise(results),
    results,
    ...overrides,
  };
}
