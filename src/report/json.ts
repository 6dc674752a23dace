/** report.json: the canonical artefact. Pure. */
import type { CaseResult } from '../model.js';
import type { RunReport } from './model.js';

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const RESULTS_SLOT = '\n  "results": []';

/**
 * The same bytes as `renderJson({ ...report, results })`, as chunks, so a
 * report with 100k results is never one giant string.
 */
export async function* renderJsonChunks(
  report: RunReport,
  results: AsyncIterable<CaseResult> | Iterable<CaseResult>,
): AsyncIterable<string> {
  const head = JSON.stringify({ ...report, results: [] }, null, 2);
  const slot = head.indexOf(RESULTS_SLOT);
  if (slot < 0) throw new Error('report.json: no results slot in the rendered report');
  const afterSlot = slot + RESULTS_SLOT.length;
  let first = true;
  let batch = '';
  for await (const result of results) {
    const item = `    ${JSON.stringify(result, null, 2).replaceAll('\n', '\n    ')}`;
    if (first) {
      yield `${head.slice(0, slot)}\n  "results": [\n${item}`;
      first = false;
    } else batch += `,\n${item}`;
    // Chunks of ~64 KiB: few writes, bounded memory.
    if (batch.length > 65_536) {
      yield batch;
      batch = '';
    }
  }
  if (first) yield head.slice(0, afterSlot);
  else yield `${batch}\n  ]`;
  yield `${head.slice(afterSlot)}\n`;
}
