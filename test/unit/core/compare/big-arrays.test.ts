import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignLarge, keyHash, longestIncreasingRun } from '../../../../src/core/compare/align.js';
import { diffJson, LARGE_ARRAY_THRESHOLD } from '../../../../src/core/compare/delta.js';

const N = 100_000;
const keyedOptions = { arrayKeys: ['id'], tolerance: [] };

describe('large arrays', () => {
  it('keyed: one insertion at the front of 100k elements is one added change', () => {
    const baseline = Array.from({ length: N }, (_, i) => ({ id: i, name: `n${i}` }));
    const candidate = [{ id: -1, name: 'new' }, ...baseline.map((e) => ({ ...e }))];
    expect(diffJson({ list: baseline }, { list: candidate }, keyedOptions)).toEqual([
      { path: '/list/0', op: 'added', candidate: { id: -1, name: 'new' } },
    ]);
  });

  it('keyed: removal, change and move are reported by key', () => {
    const baseline = Array.from({ length: N }, (_, i) => ({ id: i, v: i }));
    const candidate = baseline
      .filter((e) => e.id !== 5)
      .map((e) => (e.id === 7 ? { id: 7, v: -7 } : e));
    const last = candidate.pop();
    if (last !== undefined) candidate.unshift(last);
    expect(diffJson(baseline, candidate, keyedOptions)).toEqual([
      { path: '/5', op: 'removed', baseline: { id: 5, v: 5 } },
      { path: '/7/v', op: 'value', baseline: 7, candidate: -7 },
      { path: `/${N - 1}`, op: 'moved', baseline: N - 1, candidate: 0 },
    ]);
  });

  it('keyed: changed elements are named by their baseline index', () => {
    const baseline = Array.from({ length: N }, (_, i) => ({ id: i, v: i }));
    const candidate = [
      { id: 'a' },
      { id: 'b' },
      ...baseline.map((e) => (e.id === 7 ? { id: 7, v: 0 } : e)),
    ];
    expect(diffJson(baseline, candidate, keyedOptions)).toEqual([
      { path: '/0', op: 'added', candidate: { id: 'a' } },
      { path: '/1', op: 'added', candidate: { id: 'b' } },
      { path: '/7/v', op: 'value', baseline: 7, candidate: 0 },
    ]);
  });

  it('unkeyed: one changed element among 100k is one value change', () => {
    const baseline = Array.from({ length: N }, (_, i) => i);
    const candidate = baseline.map((v) => (v === 54_321 ? -1 : v));
    expect(diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] })).toEqual([
      { path: '/54321', op: 'value', baseline: 54_321, candidate: -1 },
    ]);
  });

  it('unkeyed: a longer candidate adds its tail, a shorter one removes it', () => {
    const base = Array.from({ length: 1000 }, (_, i) => ({ n: i }));
    expect(diffJson(base, [...base, { n: 'x' }], { arrayKeys: [], tolerance: [] })).toEqual([
      { path: '/1000', op: 'added', candidate: { n: 'x' } },
    ]);
    expect(diffJson(base, base.slice(0, 998), { arrayKeys: [], tolerance: [] })).toEqual([
      { path: '/998', op: 'removed', baseline: { n: 998 } },
      { path: '/999', op: 'removed', baseline: { n: 999 } },
    ]);
  });

  it('switches over just above the threshold and agrees with the small-array path', () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, v: i }));
    for (const n of [LARGE_ARRAY_THRESHOLD - 1, LARGE_ARRAY_THRESHOLD + 1]) {
      const baseline = make(n);
      const candidate = [{ id: 'x', v: 0 }, ...baseline.slice(1)];
      candidate[3] = { id: 3, v: 33 };
      expect(diffJson(baseline, candidate, keyedOptions)).toEqual(
        [
          { path: '/0', op: 'added', candidate: { id: 'x', v: 0 } },
          { path: '/0', op: 'removed', baseline: { id: 0, v: 0 } },
          { path: '/3/v', op: 'value', baseline: 3, candidate: 33 },
        ].sort((a, b) => (a.op === 'removed' ? -1 : b.op === 'removed' ? 1 : 0)),
      );
    }
  });
});

describe('alignLarge', () => {
  it('aligns by position when no element has a key', () => {
    expect(alignLarge([1, 2, 3], [1, 9], ['id'])).toEqual({
      removed: [2],
      added: [],
      moves: [],
      pairs: [
        [0, 0],
        [1, 1],
      ],
    });
  });

  it('matches duplicates first come, first served and finds moves', () => {
    const a = alignLarge(
      [{ id: 1 }, { id: 2 }, { id: 1 }],
      [{ id: 2 }, { id: 1 }, { id: 1 }],
      ['id'],
    );
    expect(a.removed).toEqual([]);
    expect(a.added).toEqual([]);
    expect(a.pairs).toEqual([
      [1, 0],
      [0, 1],
      [2, 2],
    ]);
    expect(a.moves).toEqual([[1, 0]]);
  });

  it('computes a longest increasing run', () => {
    const values = [3, 1, 2, 5, 4, 6];
    const run = [...longestIncreasingRun(values)].sort((x, y) => x - y).map((p) => values[p]);
    expect(run).toHaveLength(4);
    expect(run).toEqual([...run].sort((x, y) => (x ?? 0) - (y ?? 0)));
  });
});

/** `alignLarge` on keyed lists as it was: a queue of baseline indices per element hash (the reference). */
function referenceKeyed(
  left: readonly unknown[],
  right: readonly unknown[],
  keys: readonly string[],
) {
  const hash = (item: unknown, index: number) =>
    keyHash(item, keys) ??
    (typeof item === 'object' && item !== null ? `i:${index}` : `p:${typeof item}:${String(item)}`);
  const queues = new Map<string, number[]>();
  left.forEach((item, i) => {
    const h = hash(item, i);
    queues.set(h, [...(queues.get(h) ?? []), i]);
  });
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  const added: number[] = [];
  right.forEach((item, j) => {
    const i = queues.get(hash(item, j))?.shift();
    if (i === undefined) added.push(j);
    else {
      used.add(i);
      pairs.push([i, j]);
    }
  });
  const removed = left.map((_, i) => i).filter((i) => !used.has(i));
  const stay = longestIncreasingRun(pairs.map(([i]) => i));
  return { removed, added, moves: pairs.filter((_, k) => !stay.has(k)), pairs };
}

describe('alignLarge on keyed lists', () => {
  it('pairs as the queue per hash did: ids as numbers or text, duplicates, unkeyed elements, primitives', () => {
    const element = fc.oneof(
      fc.record({
        id: fc.oneof(
          fc.integer({ min: -3, max: 3 }),
          fc.constantFrom(-0, 1.5, 2 ** 53 + 2, '-0', '1', '2', '1.5', 'x', '9007199254740994'),
        ),
      }),
      fc.record({ other: fc.integer({ min: 0, max: 2 }) }),
      fc.constantFrom(1, '1', null, true),
    );
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 12 }),
        fc.array(element, { maxLength: 12 }),
        fc.constantFrom(['id'], ['id', 'other']),
        (left, right, keys) => {
          const keyed = [...left, ...right].some((item) => keyHash(item, keys) !== undefined);
          fc.pre(keyed);
          expect(alignLarge(left, right, keys)).toEqual(referenceKeyed(left, right, keys));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
