import { describe, expect, it } from 'vitest';
import { roundedTransform } from '../../../../src/core/compare/rounded-numbers.js';
import {
  transformOfPlace,
  valueTransforms,
} from '../../../../src/core/compare/value-transforms.js';
import { ExactNumber } from '../../../../src/core/wire/exact-number.js';

const exact = (text: string) => ({ $exact: text });
const pair = (b: unknown, c: unknown) => JSON.stringify([b, c]);

describe('roundedTransform (rule 62)', () => {
  it('names the side that writes the nearest double of the other side’s exact number', () => {
    expect(roundedTransform(new ExactNumber('9007199254740993'), 9007199254740992)).toBe(
      'rounded candidate',
    );
    expect(roundedTransform(exact('12345678901234567891'), 12345678901234567000)).toBe(
      'rounded candidate',
    );
    expect(roundedTransform(9007199254740992, exact('9007199254740993'))).toBe('rounded baseline');
  });

  it('keys a fraction rounded apart from an integer rounded (decimal arithmetic, not a lost integer)', () => {
    const third = `3.${'3'.repeat(27)}`;
    expect(roundedTransform(exact(third), Number(third))).toBe('rounded candidate fractions');
    expect(roundedTransform(Number(third), exact(third))).toBe('rounded baseline fractions');
    expect(roundedTransform(exact('1.2345678901234567891e+45'), 1.2345678901234568e45)).toBe(
      'rounded candidate',
    );
  });

  it('keeps apart another number, two plain numbers, and values that are not numbers', () => {
    expect(roundedTransform(exact('9007199254740993'), 9007199254741000)).toBeUndefined();
    expect(roundedTransform(exact('9007199254740993'), 7)).toBeUndefined();
    expect(roundedTransform(1, 2)).toBeUndefined();
    expect(roundedTransform(exact('9007199254740993'), '9007199254740992')).toBeUndefined();
    expect(
      roundedTransform({ $exact: '9007199254740993', other: 1 }, 9007199254740992),
    ).toBeUndefined();
  });
});

describe('value transformations with numbers one side rounds', () => {
  const seen = (...pairs: string[]) => ({ pairs: new Set(pairs) });
  it('joins two places whose every pair is rounded by the same side', () => {
    const views = seen(pair(exact('9007199254740993'), 9007199254740992));
    const clicks = seen(pair(exact('12345678901234567891'), 12345678901234567000));
    expect(valueTransforms([views, clicks])).toEqual([[views, clicks]]);
  });

  it('keeps apart a place with a pair that is not rounded, and the other side rounding', () => {
    expect(
      transformOfPlace([
        pair(exact('9007199254740993'), 9007199254740992),
        pair(exact('9007199254740995'), 5),
      ]),
    ).toBeUndefined();
    const byCandidate = seen(pair(exact('9007199254740993'), 9007199254740992));
    const byBaseline = seen(pair(9007199254740996, exact('9007199254740997')));
    expect(valueTransforms([byCandidate, byBaseline])).toEqual([]);
  });
});
