import { describe, expect, it } from 'vitest';
import { summarise } from '../../../../src/judge/results/summary.js';
import { mergeReports, missingShards } from '../../../../src/reporters/report/combine-shards.js';
import { divergent, equal, findingOf, report } from './fixtures.js';

describe('mergeReports', () => {
  const a = report([equal('a/one'), divergent('c/three', 'fp')], {
    runId: 'shard-1',
    startedAt: '2026-11-20T10:00:01.000Z',
    finishedAt: '2026-11-20T10:00:09.000Z',
    shard: { index: 1, total: 2 },
    tracker: {
      path: '/x',
      added: ['PAR-001'],
      reopened: [],
      opened: [],
      resolved: [],
      seen: [],
      covered: [],
      superseded: [],
    },
  });
  const b = report(
    [
      {
        ...divergent('b/two', 'fp2'),
        verdict: 'accepted' as const,
        findings: [{ ...findingOf('fp2'), tracker: { id: 'PAR-9', status: 'accepted' as const } }],
      },
    ],
    {
      runId: 'shard-2',
      startedAt: '2026-11-20T10:00:00.000Z',
      finishedAt: '2026-11-20T10:00:05.000Z',
      shard: { index: 2, total: 2 },
    },
  );

  it('unions and sorts the results, recomputes the summary and spans the shards in time', () => {
    const merged = mergeReports(
      [
        { file: 'a.json', report: a },
        { file: 'b.json', report: b },
      ],
      'merged-run',
    );
    expect(merged.runId).toBe('merged-run');
    expect(merged.results.map((r) => r.caseId)).toEqual(['a/one', 'b/two', 'c/three']);
    expect(merged.summary).toMatchObject(summarise(merged.results));
    expect(merged.summary).toMatchObject({ cases: 3, equal: 1, divergent: 2 });
    expect(merged.summary.latency?.all.baseline.count).toBe(3);
    expect(merged.startedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(merged.finishedAt).toBe('2026-11-20T10:00:09.000Z');
    expect(merged.mergedFrom).toEqual([
      { runId: 'shard-1', shard: { index: 1, total: 2 } },
      { runId: 'shard-2', shard: { index: 2, total: 2 } },
    ]);
    // Tracker rows and regression marks belong to the shard runs; the merge recomputes them.
    expect(merged.tracker).toBeUndefined();
    expect(merged.shard).toBeUndefined();
    expect(merged.results.some((r) => r.findings?.some((f) => f.tracker !== undefined))).toBe(
      false,
    );
    // The merge judges decisions afresh: a shard's accepted case is divergent until then.
    expect(merged.results.find((r) => r.caseId === 'b/two')?.verdict).toBe('divergent');
  });

  it('refuses reports of different targets, naming both files', () => {
    const other = report([equal('z/zz')], {
      candidate: { name: 'go', url: 'http://127.0.0.1:9999' },
    });
    expect(() =>
      mergeReports(
        [
          { file: 'a.json', report: a },
          { file: 'other.json', report: other },
        ],
        'x',
      ),
    ).toThrow(/other\.json compares .*127\.0\.0\.1:9999.* but a\.json compares/);
  });

  it('refuses a case that appears in two reports', () => {
    const again = report([equal('a/one')]);
    expect(() =>
      mergeReports(
        [
          { file: 'a.json', report: a },
          { file: 'again.json', report: again },
        ],
        'x',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PARITY_REPORT_INVALID',
        message: expect.stringMatching(/case a\/one is in both a\.json and again\.json/),
      }),
    );
  });

  it('needs at least one report', () => {
    expect(() => mergeReports([], 'x')).toThrow(/needs reports/);
  });
});

describe('missingShards', () => {
  const shard = (index: number, total: number) => ({
    file: `${index}.json`,
    report: report([], { shard: { index, total } }),
  });
  it('names the shards absent from a complete set', () => {
    expect(missingShards([shard(1, 4), shard(4, 4), shard(2, 4)])).toEqual(['3/4']);
    expect(missingShards([shard(1, 2), shard(2, 2)])).toEqual([]);
  });
  it('says nothing about reports that were not shard runs', () => {
    expect(missingShards([{ file: 'r.json', report: report([]) }])).toEqual([]);
  });
});

describe('mergeReports with learned noise', () => {
  it('counts the flaky baselines of every shard', () => {
    const flakyBaseline = {
      reason: 'the two baseline calls differ',
      differences: ['- /id number'],
    };
    const flaky = { ...equal('a/one'), flakyBaseline };
    const withNoise = (
      results: ReturnType<typeof equal>[],
      index: number,
      flakyBaselines: number,
    ) => {
      const base = report(results, { runId: `s${index}`, shard: { index, total: 2 } });
      return { ...base, summary: { ...base.summary, flakyBaselines } };
    };
    const merged = mergeReports(
      [
        { file: 'a.json', report: withNoise([flaky, equal('a/two')], 1, 1) },
        { file: 'b.json', report: withNoise([{ ...flaky, caseId: 'b/one' }], 2, 1) },
      ],
      'merged',
    );
    expect(merged.summary.flakyBaselines).toBe(2);
    const plain = mergeReports([{ file: 'a.json', report: report([equal('a/one')]) }], 'm');
    expect(plain.summary.flakyBaselines).toBeUndefined();
  });
});
