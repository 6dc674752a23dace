/**
 * Reports of schemaVersion 2: the same fields as today's, but their summary
 * counted a case one side of which failed in transport (verdict `divergent`,
 * kind `transport`) as divergent. Since schemaVersion 3 it counts as an error
 * (`countedAs` in `results/summary.ts`), so every output of a report agrees:
 * the summary is recounted from the results, which report.json holds in full.
 */
import { countedAs } from '../results/summary.js';
import { REPORT_SCHEMA_VERSION, type RunReport } from './contract.js';

/** The report with its summary's divergent/errors split as schemaVersion 3 counts it. */
export function upgradeV2(report: Omit<RunReport, 'schemaVersion'>): RunReport {
  let moved = 0;
  for (const result of report.results) {
    if (result.verdict === 'divergent' && countedAs(result) === 'error') moved++;
  }
  const { summary } = report;
  return {
    ...report,
    schemaVersion: REPORT_SCHEMA_VERSION,
    summary:
      moved === 0
        ? summary
        : { ...summary, divergent: summary.divergent - moved, errors: summary.errors + moved },
  };
}
