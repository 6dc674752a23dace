/**
 * report.json: the canonical artefact. Pure.
 *
 * The report is pretty-printed, except that each result sits on one line of
 * its own: a 100k-case report stays diff-friendly (one line per case), and a
 * streamed report can copy each result's JSON straight from results.ndjson.
 */
import type { ResultJson } from '../results/collected.js';
import type { RunReport } from './contract.js';

const RESULTS_SLOT = '\n  "results": []';

function frame(report: RunReport): { before: string; after: string } {
  const head = JSON.stringify({ ...report, results: [] }, null, 2);
  const slot = head.indexOf(RESULTS_SLOT);
  if (slot < 0) throw new Error('report.json: no results slot in the rendered report');
  return {
    before: `${head.slice(0, slot)}\n  "results": [`,
    after: `]${head.slice(slot + RESULTS_SLOT.length)}\n`,
  };
}

function line(result: ResultJson): string {
  return typeof result === 'string' ? result : JSON.stringify(result);
}

export function renderJson(report: RunReport): string {
  const { before, after } = frame(report);
  if (report.results.length === 0) return before + after;
  return `${before}\n    ${report.results.map(line).join(',\n    ')}\n  ${after}`;
}

/**
 * The same bytes as `renderJson({ ...report, results })`, as chunks (a line
 * at a time), so a report with 100k results is never one giant string.
 */
export function* renderJsonChunks(
  report: RunReport,
  results: Iterable<ResultJson>,
): Iterable<string> {
  const { before, after } = frame(report);
  yield before;
  let first = true;
  // Two chunks per result (its separator, then its line: a line joined to its
  // separator would be copied whole to be encoded), synchronously: the writer
  // waits only when the disk is behind, not once per case.
  for (const result of results) {
    yield first ? '\n    ' : ',\n    ';
    yield line(result);
    first = false;
  }
  yield first ? after : `\n  ${after}`;
}
