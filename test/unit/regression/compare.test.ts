import { describe, expect, it } from 'vitest';
import {
  cleanlyComparedIds,
  comparedIds,
  compareToPrevious,
} from '../../../src/results/regression.js';
import type { CaseResult } from '../../../src/results/types.js';
import { divergent, equal, report, unreachable } from './fixtures.js';

describe('compareToPrevious', () => {
  const previous = report([
    divergent('a/one', 'fp-shape'),
    divergent('a/two', 'fp-shape'),
    divergent('b/three', 'fp-value', 'value'),
    divergent('c/four', 'fp-gone'),
    equal('d/five'),
  ]);

  it('marks divergences new or persisting by fingerprint and lists fixed ones', () => {
    const now = [
      divergent('a/one', 'fp-shape'),
      divergent('a/two', 'fp-shape'),
      equal('b/three'),
      divergent('c/four', 'fp-other'),
      divergent('d/five', 'fp-fresh', 'status'),
    ];
    const { results, summary } = compareToPrevious(now, previous);
    expect(results.map((r) => [r.caseId, r.regression])).toEqual([
      ['a/one', 'persisting'],
      ['a/two', 'persisting'],
      ['b/three', 'fixed'],
      ['c/four', 'new'],
      ['d/five', 'new'],
    ]);
    expect(summary.comparedTo).toEqual({ runId: 'run-1', startedAt: previous.startedAt });
    expect(summary.new).toEqual(['fp-other', 'fp-fresh']);
    expect(summary.persisting).toEqual(['fp-shape']);
    expect(summary.fixed).toEqual([
      {
        fingerprint: 'fp-value',
        kinds: ['value'],
        endpoints: ['GET /b/three'],
        caseIds: ['b/three'],
        summary: 'value divergence fp-value',
      },
      {
        fingerprint: 'fp-gone',
        kinds: ['shape'],
        endpoints: ['GET /c/four'],
        caseIds: ['c/four'],
        summary: 'shape divergence fp-gone',
      },
    ]);
  });

  it('does not call a divergence fixed when one of its cases did not run or failed in transport', () => {
    const now = [
      divergent('a/one', 'fp-other'),
      unreachable('b/three', 'fp-down'),
      equal('c/four'),
      equal('d/five'),
    ];
    const { results, summary } = compareToPrevious(now, previous);
    // fp-shape also showed in a/two, which did not run; b/three could not be compared.
    expect(summary.fixed.map((f) => f.fingerprint)).toEqual(['fp-gone']);
    expect(results.find((r) => r.caseId === 'a/one')?.regression).toBe('new');
    expect(results.find((r) => r.caseId === 'c/four')?.regression).toBe('fixed');
    expect(results.find((r) => r.caseId === 'd/five')?.regression).toBeUndefined();
  });

  it('honours an explicit set of compared cases (a run that keeps few results in memory)', () => {
    const { summary } = compareToPrevious([], previous, new Set(['a/one', 'a/two', 'c/four']));
    expect(summary.fixed.map((f) => f.fingerprint)).toEqual(['fp-shape', 'fp-gone']);
  });

  it('replaces a regression mark a result already carried', () => {
    const stale = { ...divergent('a/one', 'fp-shape'), regression: 'new' as const };
    expect(compareToPrevious([stale], previous).results[0]?.regression).toBe('persisting');
    const calm: CaseResult = { ...equal('z/none'), regression: 'fixed' };
    expect(compareToPrevious([calm], previous).results[0]).not.toHaveProperty('regression');
  });

  it('treats every divergence as new against an empty previous report', () => {
    const { summary } = compareToPrevious([divergent('a/one', 'fp-shape')], report([]));
    expect(summary).toMatchObject({ new: ['fp-shape'], persisting: [], fixed: [] });
  });
});

describe('cleanlyComparedIds', () => {
  it('keeps the cases whose two sides both answered', () => {
    const ids = cleanlyComparedIds([equal('a'), divergent('b', 'x'), unreachable('c', 'y')]);
    expect(['a', 'b', 'c', 'd'].filter((id) => ids.has(id))).toEqual(['a', 'b']);
  });
});

describe('comparedIds', () => {
  it('answers membership for sorted or unsorted ids, leaving out failed cases', () => {
    const kept = [unreachable('s/c', 'y')];
    for (const ran of [
      ['s/a', 's/b', 's/c', 's/d'],
      ['s/d', 's/a', 's/c', 's/b'],
    ]) {
      const ids = comparedIds(ran, kept);
      expect(['s/0', 's/a', 's/b', 's/c', 's/d', 's/e'].filter((id) => ids.has(id))).toEqual([
        's/a',
        's/b',
        's/d',
      ]);
    }
  });
});
