import { describe, expect, it } from 'vitest';
import { selectCases } from '../../../../src/io/cases/select.js';
import { parseShard } from '../../../../src/io/cases/shard.js';
import { makeCase } from '../../../helpers/case.js';

describe('parseShard', () => {
  it('reads INDEX/TOTAL, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
  });

  it('explains what is wrong with anything else', () => {
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3', '-1/2', '1.5/2']) {
      expect(parseShard(bad), bad).toMatch(/--shard must be INDEX\/TOTAL/);
    }
  });
});

describe('sharding the sorted library', () => {
  it('gives disjoint, covering shards whose sizes differ by at most one', () => {
    const cases = Array.from({ length: 23 }, (_, k) => makeCase(`s/c${k}`, { path: '/' }));
    for (const total of [1, 2, 3, 4, 7, 23, 30]) {
      const shards = Array.from({ length: total }, (_, i) =>
        selectCases(cases, { shard: { index: i + 1, total } }).map((c) => c.id),
      );
      expect(shards.flat().sort()).toEqual(cases.map((c) => c.id).sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});
