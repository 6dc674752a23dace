import { describe, expect, it } from 'vitest';
import {
  canonicalDecimal,
  ExactNumber,
  exactDifference,
  isExactNumber,
  parseNumberLiteral,
} from '../../../../src/core/wire/exact-number.js';
import { jsonEqual as equal } from '../../../../src/core/wire/json-equal.js';

describe('canonicalDecimal', () => {
  it('writes a literal the way JS writes the same double', () => {
    for (const literal of ['1', '1.0', '1.50', '-0.000001', '1e21', '1E+21', '123.456e2', '5e-7']) {
      expect(canonicalDecimal(literal)).toBe(String(Number(literal)));
    }
  });

  it('writes integers out up to the given number of digits', () => {
    expect(canonicalDecimal('1.8446744073709551615e19', 40)).toBe('18446744073709551615');
    expect(canonicalDecimal('1e45', 40)).toBe('1e+45');
  });
});

describe('parseNumberLiteral', () => {
  it('keeps a plain number when the double holds the decimal value', () => {
    expect(parseNumberLiteral('9007199254740991')).toBe(9007199254740991);
    expect(parseNumberLiteral('1.0')).toBe(1);
    expect(parseNumberLiteral('0.1')).toBe(0.1);
    expect(Object.is(parseNumberLiteral('-0'), -0)).toBe(true);
  });

  it('keeps the digits of what a double cannot hold', () => {
    const big = parseNumberLiteral('9007199254740993');
    expect(isExactNumber(big)).toBe(true);
    expect(String(big)).toBe('9007199254740993');
    expect(String(parseNumberLiteral('18446744073709551615'))).toBe('18446744073709551615');
    expect(String(parseNumberLiteral('0.10000000000000000001'))).toBe('0.10000000000000000001');
    expect(String(parseNumberLiteral('1e400'))).toBe('1e+400');
    expect(String(parseNumberLiteral('1e-400'))).toBe('1e-400');
  });

  it('gives one representation per decimal value', () => {
    expect(String(parseNumberLiteral('9007199254740993.0'))).toBe('9007199254740993');
    expect(String(parseNumberLiteral('90071992547409930e-1'))).toBe('9007199254740993');
  });
});

describe('ExactNumber and jsonEqual', () => {
  it('compares exact values, never the rounded double', () => {
    const a = new ExactNumber('9007199254740993');
    expect(equal({ id: a }, { id: new ExactNumber('9007199254740993') })).toBe(true);
    expect(equal({ id: a }, { id: new ExactNumber('9007199254740992') })).toBe(false);
    expect(equal({ id: a }, { id: 9007199254740992 })).toBe(false);
    expect(equal({ id: a }, { id: '9007199254740993' })).toBe(false);
  });

  it('serialises as a marker object that survives a JSON round trip', () => {
    const text = JSON.stringify({ id: new ExactNumber('9007199254740993') });
    expect(text).toBe('{"id":{"$exact":"9007199254740993"}}');
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
  });
});

describe('exactDifference', () => {
  it('is exact in decimal, so 0 only for equal values', () => {
    const a = new ExactNumber('9007199254740993');
    expect(exactDifference(a, 9007199254740992)).toBe(1);
    expect(exactDifference(a, new ExactNumber('9007199254740993'))).toBe(0);
    expect(exactDifference(new ExactNumber('0.10000000000000000001'), 0.1)).toBeCloseTo(1e-20, 30);
  });
});
