/**
 * report.json: the canonical artefact. Pure.
 *
 * The report is pretty-printed, except that each result sits on one line of
 * its own: a 100k-case report stays diff-friendly (one line per case), and a
 * streamed report can copy each result's JSON straight from results.ndjson.
 */

import type { RunReport } from '../../contract/report.js';
import type { ObservationJson } from '../../judge/results/collected.js';

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

function line(result: ObservationJson): string {
  return typeof result === 'string' ? result : JSON.stringify(result);
}

export function renderJson(report: RunReport): string {
  const { before, after } = frame(report);
  if (report.results.length === 0) return before + after;
  return `${before}\n    ${report.results.map(line).join(',\n    ')}\n  ${after}`;
}

/** What comes between two results' lines. */
const BETWEEN = ',\n    ';

/**
 * The same bytes as `renderJson({ ...report, results })`, as chunks (a line
 * at a time), so a report with 100k results is never one giant string.
 */
export function* renderJsonChunks(
  report: RunReport,
  results: Iterable<ObservationJson>,
): Iterable<string> {
  const { before, after } = frame(report);
  yield before;
  let first = true;
  // Two chunks per result (its separator, then its line: a line joined to its
  // separator would be copied whole to be encoded), synchronously: the writer
  // waits only when the disk is behind, not once per case.
  for (const result of results) {
    yield first ? '\n    ' : BETWEEN;
    yield line(result);
    first = false;
  }
  yield first ? after : `\n  ${after}`;
}

/**
 * `renderJsonChunks` from a run's results as UTF-8 bytes already joined
 * (`CollectedObservations.joinedLines`, given the separator): the frame as text,
 * the results as the byte chunks `joined` yields. `any`: whether there is a
 * result at all (the frame of an empty list differs).
 */
export function* renderJsonJoined(
  report: RunReport,
  joined: (separator: string) => Iterable<Uint8Array>,
  any: boolean,
): Iterable<string | Uint8Array> {
  const { before, after } = frame(report);
  if (!any) {
    yield before + after;
    return;
  }
  yield `${before}\n    `;
  yield* joined(BETWEEN);
  yield `\n  ${after}`;
}
