/**
 * The mechanism rules 52, 53 and 57 share (`same-answers.ts`): a rider
 * joins a host seen in exactly its answers, as many as the rule's bound or
 * more, and no host when two qualify.
 */
import { describe, expect, it } from 'vitest';
import { inSameAnswers, oneRow, soleHost } from '../../../../src/core/compare/same-answers.js';

describe('answers seen together', () => {
  it('are exactly the same answers, the bound or more', () => {
    expect(
      inSameAnswers(
        new Set(['a', 'b']),
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
        2,
      ),
    ).toBe(true);
    expect(inSameAnswers(new Set(['a']), new Set(['a']), 2)).toBe(false);
    expect(inSameAnswers(new Set(['a']), new Set(['a']), 1)).toBe(true);
    expect(inSameAnswers(new Set(['a', 'b']), new Set(['a', 'b', 'c']), 2)).toBe(false);
    expect(inSameAnswers(new Set(['a', 'b']), new Set(['a', 'c']), 2)).toBe(false);
    expect(inSameAnswers(new Set(['a', 'b']), undefined, 2)).toBe(false);
  });

  it('give one row when every answer names it, none for two or a missing one', () => {
    const key = (row: { k: string }) => row.k;
    expect(oneRow([{ k: 'x' }, { k: 'x' }], key)).toEqual({ k: 'x' });
    expect(oneRow([{ k: 'x' }, { k: 'y' }], key)).toBeUndefined();
    expect(oneRow([{ k: 'x' }, undefined], key)).toBeUndefined();
    expect(oneRow([], key)).toBeUndefined();
  });

  it('join the one host of the same answers, and neither of two', () => {
    const rider = new Set(['a', 'b']);
    const nest = { answers: new Set(['a', 'b']), row: 'nest' };
    const other = { answers: new Set(['a', 'b', 'c']), row: 'other' };
    expect(soleHost(rider, [nest, other], 2)).toBe('nest');
    expect(soleHost(rider, [nest, { ...nest, row: 'twin' }], 2)).toBeUndefined();
    expect(soleHost(rider, [other], 2)).toBeUndefined();
  });
});
