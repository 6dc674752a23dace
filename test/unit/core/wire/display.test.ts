import { describe, expect, it } from 'vitest';
import { displayJson } from '../../../../src/core/wire/display.js';
import { ExactNumber } from '../../../../src/core/wire/exact-number.js';

describe('displayJson', () => {
  it('writes exact numbers as number literals, anywhere', () => {
    const big = new ExactNumber('9007199254740993');
    expect(displayJson(big)).toBe('9007199254740993');
    expect(displayJson({ id: big, list: [big, 'x'] })).toBe(
      '{"id":9007199254740993,"list":[9007199254740993,"x"]}',
    );
  });

  it('is JSON.stringify for everything else', () => {
    for (const value of [1, 'a', null, undefined, { a: [1, '\u0000exact:1'] }]) {
      expect(displayJson(value)).toBe(JSON.stringify(value));
    }
  });
});

describe('displayJson on a report read back', () => {
  it('writes the $exact marker as the number it stands for', () => {
    const readBack: unknown = JSON.parse('{"id":{"$exact":"9007199254740993"}}');
    expect(displayJson(readBack)).toBe('{"id":9007199254740993}');
    expect(displayJson({ $exact: 'not digits' })).toBe('{"$exact":"not digits"}');
  });
});
