/** Large unkeyed arrays: linear alignment that keeps an insertion or a rotation one change. */
import { describe, expect, it } from 'vitest';
import { alignLarge } from '../../../../src/core/compare/align.js';
import { diffJson } from '../../../../src/core/compare/delta.js';

const element = (i: number) => ({ sku: `s${i}`, score: i * 3, tags: ['a', i % 5] });
const list = (n: number) => Array.from({ length: n }, (_, i) => element(i));
const options = { arrayKeys: ['id'], tolerance: [] };

describe('alignLarge on unkeyed arrays', () => {
  it('an element inserted at the front is one added change, not n value changes', () => {
    const left = list(5000);
    const right = [element(-1), ...list(5000)];
    expect(diffJson(left, right, options)).toEqual([
      { path: '/0', op: 'added', candidate: element(-1) },
    ]);
  });

  it('a rotation by one is one moved change', () => {
    const left = list(5000);
    const right = [...left.slice(1), left[0]];
    const changes = diffJson(left, right, options);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.op).toBe('moved');
  });

  it('one changed element in the middle is one value change at its index', () => {
    const left = list(5000);
    const right = list(5000).map((e, i) => (i === 2500 ? { ...e, score: -1 } : e));
    expect(diffJson(left, right, options)).toEqual([
      { path: '/2500/score', op: 'value', baseline: 7500, candidate: -1 },
    ]);
  });

  it('matches by content regardless of key order, and pairs the leftovers by position', () => {
    const left = [...list(600), { x: 1, y: 2 }, 'tail-a'];
    const right = [{ y: 2, x: 1 }, ...list(600), 'tail-b'];
    const alignment = alignLarge(left, right, []);
    expect(alignment.pairs).toContainEqual([600, 0]);
    expect(alignment.pairs).toContainEqual([601, 601]);
    expect(alignment.removed).toEqual([]);
    expect(alignment.added).toEqual([]);
  });
});
