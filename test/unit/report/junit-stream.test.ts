import { describe, expect, it } from 'vitest';
import type { ResultJson } from '../../../src/report/json.js';
import { renderJunit } from '../../../src/report/junit.js';
import { renderJunitChunks } from '../../../src/report/junit-stream.js';
import { sampleReport, sampleResults } from './fixtures.js';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe('renderJunitChunks (large runs, results streamed from results.ndjson)', () => {
  it('writes the same document as renderJunit, from JSON lines or objects', async () => {
    const results = sampleResults();
    const report = sampleReport(results);
    async function* lines(): AsyncIterable<ResultJson> {
      for (const [i, result] of results.entries())
        yield i % 2 === 0 ? JSON.stringify(result) : result;
    }
    expect(await collect(renderJunitChunks(report, lines))).toBe(renderJunit(report));
  });

  it('writes an empty but valid document for a run without cases', async () => {
    const report = sampleReport([]);
    async function* none(): AsyncIterable<ResultJson> {}
    expect(await collect(renderJunitChunks(report, none))).toBe(renderJunit(report));
  });
});
