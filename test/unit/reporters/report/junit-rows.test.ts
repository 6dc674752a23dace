import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import type { JunitRow } from '../../../../src/judge/results/collected.js';
import { renderJunit, renderJunitChunks } from '../../../../src/reporters/report/junit.js';
import { sampleReport, sampleResults } from '../../judge/results/report-fixtures.js';

function collect(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}

describe('renderJunitChunks (rows kept as the results streamed)', () => {
  it('writes the same document as renderJunit, from passed rows or whole results', () => {
    const results = sampleResults();
    const report = sampleReport(results);
    function* rows(): Iterable<JunitRow> {
      for (const result of results) {
        const plain = result.verdict === 'equal' && result.expectations === undefined;
        const slowestMs = Math.max(result.baseline.durationMs, result.candidate.durationMs);
        yield plain ? { caseId: result.caseId, suite: result.suite, slowestMs } : result;
      }
    }
    expect([...rows()].some((row) => 'slowestMs' in row)).toBe(true);
    expect(collect(renderJunitChunks(report, rows))).toBe(renderJunit(report));
  });

  it('escapes a passed row’s names exactly as renderJunit does', () => {
    const [first] = sampleResults();
    if (first === undefined) throw new Error('no sample result');
    const plain: Observation = {
      caseId: 'a&b/<c> "q" \'s\'\ttab',
      suite: 'a&b',
      endpoint: first.endpoint,
      request: first.request,
      baseline: first.baseline,
      candidate: first.candidate,
      verdict: 'equal',
      kinds: [],
    };
    const report = sampleReport([plain]);
    const slowestMs = Math.max(plain.baseline.durationMs, plain.candidate.durationMs);
    const rows = () => [{ caseId: plain.caseId, suite: plain.suite, slowestMs }];
    expect(collect(renderJunitChunks(report, rows))).toBe(renderJunit(report));
  });

  it('writes an empty but valid document for a run without cases', () => {
    const report = sampleReport([]);
    expect(collect(renderJunitChunks(report, () => []))).toBe(renderJunit(report));
  });
});
