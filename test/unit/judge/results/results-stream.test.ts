import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import type { Observation } from '../../../../src/contract/observation.js';
import { openResultStream } from '../../../../src/judge/results/stream.js';
import { summarise } from '../../../../src/judge/results/summary.js';
import {
  renderJson,
  renderJsonChunks,
  renderJsonJoined,
} from '../../../../src/reporters/report/json.js';
import { findingsFor } from '../../../helpers/findings.js';
import { reportOf } from '../../../helpers/report.js';

function result(n: number, verdict: 'equal' | 'divergent' = 'equal'): Observation {
  const base = {
    caseId: `s/c${String(n).padStart(4, '0')}`,
    suite: 's',
    endpoint: 'GET /items/:id',
    // Some paths are not ASCII: offsets in results.ndjson are in bytes.
    request: { method: 'GET' as const, path: `/items/${n}${n % 3 === 0 ? '/é' : ''}` },
    baseline: { status: 200, durationMs: 1, bodyKind: 'json' as const, bytes: 10 },
    candidate: {
      status: verdict === 'equal' ? 200 : 500,
      durationMs: 1,
      bodyKind: 'json' as const,
      bytes: 10,
    },
  };
  if (verdict === 'equal') return { ...base, verdict, kinds: [] };
  return {
    ...base,
    verdict,
    kinds: ['status'],
    fingerprint: `f${n}`,
    findings: findingsFor({ endpoint: base.endpoint, status: [200, 500], changes: [] }),
    summary: 'status differs',
    explanation: 'status differs',
    changes: [],
    headerChanges: [],
    repro: { baseline: 'curl b', candidate: 'curl c' },
    bodies: { baseline: null, candidate: null },
  };
}

async function collect(chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** Chunks of text and bytes (each valid until the next is taken) as one text. */
function joinedText(chunks: Iterable<string | Uint8Array>): string {
  const parts: Buffer[] = [];
  for (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
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

describe('renderJsonJoined', () => {
  it('the frame of an empty list is the one renderJson writes', () => {
    const report = reportOf([]);
    expect(joinedText(renderJsonJoined(report, () => [], false))).toBe(renderJson(report));
  });
});

describe('openResultStream', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-stream-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one NDJSON line per result as it comes, and keeps only the notable ones', async () => {
    const stream = await openResultStream(join(dir, 'run', 'results.ndjson'), 3);
    const results = [result(0, 'divergent'), result(1), result(2)];
    // Completion order is not run order.
    stream.add(results[2] as Observation, 2);
    stream.add(results[0] as Observation, 0);
    stream.add(results[1] as Observation, 1);
    const collected = await stream.finish();
    const lines = (await readFile(join(dir, 'run', 'results.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).caseId)).toEqual(['s/c0002', 's/c0000', 's/c0001']);
    expect(collected.notable.map((r) => r.caseId)).toEqual(['s/c0000']);
    expect(collected.ranIds).toEqual(['s/c0000', 's/c0001', 's/c0002']);
    expect(collected.summary).toEqual(summarise(results));
  });

  it('yields every result in run order, notable ones in their final form, as one renders them', async () => {
    const count = 2500;
    const stream = await openResultStream(join(dir, 'results.ndjson'), count);
    const results = Array.from({ length: count }, (_, n) =>
      result(n, n % 500 === 0 ? 'divergent' : 'equal'),
    );
    // Completion order is not run order.
    for (let n = count - 1; n >= 0; n--) stream.add(results[n] as Observation, n);
    const collected = await stream.finish();
    expect(collected.notable.map((r) => r.caseId)).toEqual([
      's/c0000',
      's/c0500',
      's/c1000',
      's/c1500',
      's/c2000',
    ]);
    expect(collected.summary).toEqual(summarise(results));
    const annotated = collected.notable.map(
      (r): AssessedObservation =>
        r.verdict === 'divergent' ? { ...r, verdict: 'accepted' as const } : r,
    );
    const final = new Map(annotated.map((r) => [r.caseId, r] as const));
    const all: AssessedObservation[] = [];
    for await (const r of collected.lines(final)) {
      all.push(typeof r === 'string' ? JSON.parse(r) : r);
    }
    expect(all.map((r) => r.caseId)).toEqual(results.map((r) => r.caseId));
    expect(all.filter((r) => r.verdict === 'accepted')).toHaveLength(5);
    // junit.xml's rows come from memory: every case in run order, notable ones in their final form.
    const rows = [...collected.junitRows(final)];
    expect(rows.map((r) => r.caseId)).toEqual(results.map((r) => r.caseId));
    expect(rows.filter((r) => 'slowestMs' in r)).toHaveLength(2495);
    expect(rows.filter((r) => 'verdict' in r && r.verdict === 'accepted')).toHaveLength(5);
    const streamed = await collect(renderJsonChunks(reportOf([]), collected.lines(final)));
    // Byte for byte what rendering the whole report in one piece gives.
    const whole = results.map((r) => final.get(r.caseId) ?? r);
    expect(streamed).toBe(renderJson({ ...reportOf([]), results: whole }));
    // The lines' bytes joined as they are: the same report.
    const joined = renderJsonJoined(
      reportOf([]),
      (separator) => collected.joinedLines?.(final, separator) ?? [],
      true,
    );
    expect(joinedText(joined)).toBe(streamed);
    // A plainly equal result can be read back (regression mode marks fixed ones).
    const [back] = await collected.read(new Set(['s/c0007']));
    expect(back).toEqual(results[7]);
  });

  it('joinedLines gives the lines joined, whatever their sizes, order and final forms', async () => {
    let n = 0;
    // Sizes around the 256 KiB chunk and the 1 MiB read window, multi-byte text, any order.
    const size = fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 100_000, max: 300_000 }),
    );
    const entry = fc.record({ size, wide: fc.boolean(), final: fc.boolean(), key: fc.nat() });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 24 }), async (entries) => {
        const stream = await openResultStream(join(dir, `joined-${n++}.ndjson`), entries.length);
        const results = entries.map((e, k): Observation => {
          const r = result(k);
          return { ...r, request: { ...r.request, path: (e.wide ? '€' : 'p').repeat(e.size) } };
        });
        const order = entries.map((e, k) => [e.key, k] as const).sort((a, b) => a[0] - b[0]);
        for (const [, k] of order) stream.add(results[k] as Observation, k);
        const collected = await stream.finish();
        // A final form of another size than the line, as long and as wide as its request path
        // (its UTF-8 length counted, or bounded by 3 bytes a unit when that fits the chunk).
        const final = new Map(
          entries.flatMap((e, k) => {
            const form = { ...result(k, 'divergent'), request: results[k]?.request };
            return e.final ? [[result(k).caseId, form as Observation] as const] : [];
          }),
        );
        const texts = [...collected.lines(final)].map((r) =>
          typeof r === 'string' ? r : JSON.stringify(r),
        );
        const joined = joinedText(collected.joinedLines?.(final, ',\n    ') ?? []);
        expect(joined).toBe(texts.join(',\n    '));
      }),
      { numRuns: 30 },
    );
  });
});
