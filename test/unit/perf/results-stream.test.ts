import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../../src/report/json.js';
import { openResultStream } from '../../../src/results/stream.js';
import { summarise } from '../../../src/results/summary.js';
import type { CaseResult } from '../../../src/results/types.js';
import { reportOf } from '../../helpers/report.js';

function result(n: number, verdict: CaseResult['verdict'] = 'equal'): CaseResult {
  return {
    caseId: `s/c${String(n).padStart(4, '0')}`,
    suite: 's',
    endpoint: 'GET /items/:id',
    // Some paths are not ASCII: offsets in results.ndjson are in bytes.
    request: { method: 'GET', path: `/items/${n}${n % 3 === 0 ? '/é' : ''}` },
    baseline: { status: 200, durationMs: 1, bodyKind: 'json', bytes: 10 },
    candidate: {
      status: verdict === 'equal' ? 200 : 500,
      durationMs: 1,
      bodyKind: 'json',
      bytes: 10,
    },
    verdict,
    kinds: verdict === 'divergent' ? ['status'] : [],
    changes: [],
    headerChanges: [],
    ...(verdict === 'divergent' ? { fingerprint: `f${n}`, summary: 'status differs' } : {}),
  };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('renderJsonChunks', () => {
  it('produces the same bytes as renderJson, with and without results', async () => {
    const results = Array.from({ length: 300 }, (_, n) =>
      result(n, n % 7 === 0 ? 'divergent' : 'equal'),
    );
    for (const list of [results, []]) {
      const report = reportOf(list);
      expect(await collect(renderJsonChunks({ ...report, results: [] }, list))).toBe(
        renderJson(report),
      );
    }
  });
});

describe('openResultStream', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-stream-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one NDJSON line per result as they come, and keeps all of a small run', async () => {
    const stream = await openResultStream(join(dir, 'run', 'results.ndjson'), 100);
    const results = [result(2), result(0, 'divergent'), result(1)];
    for (const r of results) stream.add(r);
    const collected = await stream.finish();
    const lines = (await readFile(join(dir, 'run', 'results.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).caseId)).toEqual(['s/c0002', 's/c0000', 's/c0001']);
    expect(collected.complete).toBe(true);
    expect(collected.kept).toHaveLength(3);
    expect(collected.summary).toEqual(summarise(results));
  });

  it('past the limit keeps only what is not plainly equal, and still yields every result in id order', async () => {
    const stream = await openResultStream(join(dir, 'results.ndjson'), 10);
    const results = Array.from({ length: 2500 }, (_, n) =>
      result(n, n % 500 === 0 ? 'divergent' : 'equal'),
    );
    // Completion order is not id order.
    const shuffled = [...results].reverse();
    for (const r of shuffled) stream.add(r);
    const collected = await stream.finish();
    expect(collected.complete).toBe(false);
    expect(collected.kept.map((r) => r.caseId).sort()).toEqual([
      's/c0000',
      's/c0500',
      's/c1000',
      's/c1500',
      's/c2000',
    ]);
    expect(collected.summary).toEqual(summarise(results));
    const annotate = (r: CaseResult): CaseResult => ({
      ...r,
      tracker: { id: 'D-1', status: 'open' },
    });
    const all: CaseResult[] = [];
    for await (const r of collected.all(annotate)) {
      all.push(typeof r === 'string' ? (JSON.parse(r) as CaseResult) : r);
    }
    expect(all.map((r) => r.caseId)).toEqual(results.map((r) => r.caseId));
    expect(all.filter((r) => r.tracker !== undefined)).toHaveLength(5);
    // junit.xml's rows come from memory: every case in id order, kept ones in their final form.
    const rows = [...collected.junitRows(annotate)];
    expect(rows.map((r) => r.caseId)).toEqual(results.map((r) => r.caseId));
    expect(rows.filter((r) => 'slowestMs' in r)).toHaveLength(2495);
    expect(rows.filter((r) => 'tracker' in r)).toHaveLength(5);
    const streamed = await collect(renderJsonChunks(reportOf([]), collected.all(annotate)));
    // Byte for byte what a small run renders in one piece.
    const final = results.map((r) => (r.verdict === 'divergent' ? annotate(r) : r));
    expect(streamed).toBe(renderJson({ ...reportOf([]), results: final }));
  });
});
