import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import {
  cleanlyComparedIds,
  comparedIds,
  compareToPrevious,
  regressionMarks,
} from '../../../../src/judge/results/regression.js';
import { divergent, equal, findingOf, report, unreachable } from './fixtures.js';

/** A divergence of `caseId` with one root cause per fingerprint in `causes`. */
function withCauses(caseId: string, fingerprint: string, causes: readonly string[]) {
  return { ...divergent(caseId, fingerprint), findings: causes.map((fp) => findingOf(fp)) };
}

describe('compareToPrevious', () => {
  const previous = report([
    divergent('a/one', 'fp-shape'),
    divergent('a/two', 'fp-shape'),
    divergent('b/three', 'fp-value', 'value'),
    divergent('c/four', 'fp-gone'),
    equal('d/five'),
  ]);

  it('marks divergences new or persisting by root cause and lists the fixed root causes', () => {
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
        summary: 'cause fp-value',
      },
    ]);
    // c/four lost fp-gone but shows fp-other, which it did not show: it answers otherwise now,
    // so fp-gone's place was not compared; not seen in this run, not fixed.
    expect(summary.notSeen).toEqual([
      {
        fingerprint: 'fp-gone',
        kinds: ['shape'],
        endpoints: ['GET /c/four'],
        caseIds: ['c/four'],
        summary: 'cause fp-gone',
        reason: 'diverges-otherwise',
      },
    ]);
  });

  it('counts root causes across the two runs: new, persisting, and how many the compared one showed', () => {
    const now = [
      divergent('a/one', 'fp-shape'),
      equal('b/three'),
      divergent('c/four', 'fp-other'),
      // fp-gone moved to another case: a root cause shown before, wherever it shows now.
      divergent('d/five', 'fp-gone'),
    ];
    const { summary } = compareToPrevious(now, previous);
    expect(summary.causes).toEqual({
      new: ['fp-other'],
      persisting: ['fp-gone', 'fp-shape'],
      before: 3,
    });
  });

  it('calls a root cause fixed only in the cases compared cleanly now', () => {
    const now = [
      divergent('a/one', 'fp-other'),
      unreachable('b/three', 'fp-down'),
      equal('c/four'),
      equal('d/five'),
    ];
    const { results, summary } = compareToPrevious(now, previous);
    // fp-shape is gone from a/one, which shows fp-other now (not fixed: not seen); a/two did not
    // run and b/three could not be compared.
    expect(summary.fixed.map((f) => [f.fingerprint, f.caseIds])).toEqual([['fp-gone', ['c/four']]]);
    expect(summary.notSeen?.map((f) => [f.fingerprint, f.caseIds, f.reason])).toEqual([
      ['fp-shape', ['a/one'], 'diverges-otherwise'],
      ['fp-value', ['b/three'], 'not-compared'],
    ]);
    expect(results.find((r) => r.caseId === 'a/one')?.regression).toBe('new');
    expect(results.find((r) => r.caseId === 'c/four')?.regression).toBe('fixed');
    expect(results.find((r) => r.caseId === 'd/five')?.regression).toBeUndefined();
  });

  it('honours an explicit set of compared cases (a run that keeps few results in memory)', () => {
    const { summary } = compareToPrevious([], previous, new Set(['a/one', 'a/two', 'c/four']));
    expect(summary.fixed.map((f) => [f.fingerprint, f.caseIds])).toEqual([
      ['fp-shape', ['a/one', 'a/two']],
      ['fp-gone', ['c/four']],
    ]);
  });

  it('replaces a regression mark a result already carried', () => {
    const stale = { ...divergent('a/one', 'fp-shape'), regression: 'new' as const };
    expect(compareToPrevious([stale], previous).results[0]?.regression).toBe('persisting');
    const calm: AssessedObservation = { ...equal('z/none'), regression: 'fixed' };
    expect(compareToPrevious([calm], previous).results[0]).not.toHaveProperty('regression');
  });

  it('calls a case that lost some of its root causes persisting, and those root causes fixed', () => {
    const before = report([
      withCauses('api/user-1', 'case-6', ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']),
    ]);
    const now = [withCauses('api/user-1', 'case-5', ['r1', 'r2', 'r3', 'r4', 'r5'])];
    const { results, summary } = compareToPrevious(now, before);
    expect(results[0]?.regression).toBe('persisting');
    expect(summary).toMatchObject({ new: [], persisting: ['case-5'] });
    expect(summary.fixed.map((f) => [f.fingerprint, f.caseIds])).toEqual([['r6', ['api/user-1']]]);
  });

  it('calls a case new when it shows a root cause it did not show, even if it lost another', () => {
    const before = report([withCauses('api/user-1', 'case-a', ['r1', 'r2'])]);
    const now = [withCauses('api/user-1', 'case-b', ['r1', 'r3'])];
    const { results, summary } = compareToPrevious(now, before);
    expect(results[0]?.regression).toBe('new');
    expect(summary.new).toEqual(['case-b']);
    // r3 is new to the case: its answer moved on, so r2 is not seen, not fixed.
    expect(summary.fixed).toEqual([]);
    expect(summary.notSeen?.map((f) => [f.fingerprint, f.reason])).toEqual([
      ['r2', 'diverges-otherwise'],
    ]);
  });

  it('calls a root cause fixed only where the baseline answers as it did when it showed it', () => {
    const seen = (
      caseId: string,
      status: number,
      causes: readonly string[],
    ): AssessedObservation => {
      const result = withCauses(caseId, `case-${caseId}`, causes);
      return { ...result, baseline: { ...result.baseline, status } };
    };
    const answered = (caseId: string, status: number): AssessedObservation => {
      const result = equal(caseId);
      return { ...result, baseline: { ...result.baseline, status } };
    };
    const before = report([seen('docs/put', 201, ['rev']), seen('docs/bulk', 201, ['ids'])]);
    // The document exists now (409 on both sides: equal), the bulk write answers as before.
    const now = [answered('docs/put', 409), answered('docs/bulk', 201)];
    const { results, summary } = compareToPrevious(now, before);
    expect(summary.fixed.map((f) => [f.fingerprint, f.caseIds])).toEqual([['ids', ['docs/bulk']]]);
    expect(summary.notSeen?.map((f) => [f.fingerprint, f.caseIds, f.reason])).toEqual([
      ['rev', ['docs/put'], 'diverges-otherwise'],
    ]);
    expect(results.map((r) => r.regression)).toEqual([undefined, 'fixed']);
  });

  it('calls no step of a flow fixed when another step of it answers otherwise now', () => {
    const step = (id: string, index: number) => ({ id: 'f/orders', step: id, index, steps: 2 });
    const before = report([
      { ...equal('f/orders/create'), flow: step('create', 0) },
      { ...withCauses('f/orders/read', 'case-r', ['total']), flow: step('read', 1) },
    ]);
    const now = [
      { ...withCauses('f/orders/create', 'case-c', ['status-409']), flow: step('create', 0) },
      { ...equal('f/orders/read'), flow: step('read', 1) },
    ];
    const { summary } = compareToPrevious(now, before);
    expect(summary.fixed).toEqual([]);
    expect(summary.notSeen?.map((f) => [f.fingerprint, f.reason])).toEqual([
      ['total', 'diverges-otherwise'],
    ]);
  });

  it.each([
    { caseId: 'flows/bulk/find', list: 'docs', other: 'warning' },
    { caseId: 'library/books', list: 'titles', other: 'total' },
  ])(
    'calls no root cause fixed that showed only under a list sorted by drawn keys ($caseId): equal now by chance',
    ({ caseId, list, other }) => {
      // `findingOf(fp)` changes `/fp`: the list's root cause sits under `/<list>`, the other beside it.
      const before = report([
        {
          ...withCauses(caseId, `case-${caseId}`, [list, other]),
          unsettled: [`/${list}`],
          reordered: [`/${list} (the same elements in another order; drew ids earlier)`],
        },
      ]);
      const { summary } = compareToPrevious([equal(caseId)], before);
      expect(summary.fixed.map((f) => f.fingerprint)).toEqual([other]);
      expect(summary.notSeen?.map((f) => [f.fingerprint, f.caseIds, f.reason])).toEqual([
        [list, [caseId], 'drawn-order'],
      ]);
      // A replica that put the list in another order than the baseline's: the order is noise
      // (the tracker covers the row), still no fix, whether the result says so or the run's set does.
      const noisy = { ...equal(caseId), orderNoise: [`/${list}`] };
      for (const now of [
        compareToPrevious([noisy], before).summary,
        regressionMarks([equal(caseId)], before, undefined, new Set([caseId])).summary,
      ]) {
        expect(now.fixed.map((f) => f.fingerprint)).toEqual([other]);
        expect(now.notSeen?.map((f) => [f.fingerprint, f.caseIds, f.reason])).toEqual([
          [list, [caseId], 'order-noise'],
        ]);
      }
    },
  );

  it.each([
    { caseId: 'flows/bulk/find', list: 'docs', other: 'warning' },
    { caseId: 'library/books', list: 'titles', other: 'total' },
  ])(
    'calls a case persisting, not new, that shows again a root cause under a list sorted by drawn keys ($caseId)',
    ({ caseId, list, other }) => {
      const drawnNow = {
        ...withCauses(caseId, `case-${caseId}`, [list, other]),
        unsettled: [`/${list}`],
        reordered: [`/${list} (the same elements in another order; drew ids earlier)`],
      };
      // The previous run's draws put the list in one order: it showed only the other cause.
      const before = report([withCauses(caseId, `case-${caseId}`, [other])]);
      const { results } = compareToPrevious([drawnNow], before);
      expect(results.map((r) => r.regression)).toEqual(['persisting']);
      // A cause it did not show before, beside it, is still new.
      const fresh = { ...drawnNow, findings: [...(drawnNow.findings ?? []), findingOf('added')] };
      expect(compareToPrevious([fresh], before).results.map((r) => r.regression)).toEqual(['new']);
      // Equal before, only the drawn order now: new (and awaiting evidence).
      const onlyDrawn = { ...drawnNow, findings: [findingOf(list)] };
      expect(
        compareToPrevious([onlyDrawn], report([equal(caseId)])).results.map((r) => r.regression),
      ).toEqual(['new']);
    },
  );

  it('calls a divergence not-compared when the previous report did not compare its case', () => {
    const before = report([unreachable('a/down', 'fp-down'), equal('a/equal')], {
      interrupted: { signal: 'SIGINT', ran: 2, notRun: ['a/later'] },
    });
    const now = [
      divergent('a/down', 'fp-1'),
      divergent('a/later', 'fp-2'),
      divergent('a/equal', 'fp-3'),
      divergent('a/added', 'fp-4'),
    ];
    const { results, summary } = compareToPrevious(now, before);
    expect(results.map((r) => r.regression)).toEqual([
      'not-compared',
      'not-compared',
      'new',
      'new',
    ]);
    expect(summary).toMatchObject({
      comparedTo: { interrupted: { signal: 'SIGINT', notRun: 1 } },
      new: ['fp-3', 'fp-4'],
      persisting: [],
      notCompared: ['fp-1', 'fp-2'],
    });
    const shard = report([], { shard: { index: 1, total: 2 } });
    expect(compareToPrevious([divergent('a/x', 'fp')], shard).results[0]?.regression).toBe(
      'not-compared',
    );
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

  it('leaves out every step of a flow with a step not sent: they ran in another state', () => {
    const step = (id: string, index: number) => ({ id: 's/f', step: id, index, steps: 3 });
    const { verdict: _equal, regression: _none, ...base } = equal('s/f/publish');
    const skipped: AssessedObservation = {
      ...base,
      verdict: 'skipped',
      reason: 'a variable has no value',
      flow: step('publish', 1),
    };
    const ids = comparedIds(['s/a', 's/f/login', 's/f/publish', 's/f/search', 's/g/x'], [skipped]);
    expect(['s/a', 's/f/login', 's/f/search', 's/g/x'].filter((id) => ids.has(id))).toEqual([
      's/a',
      's/g/x',
    ]);
  });
});
