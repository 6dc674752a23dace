import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlScalar } from '../../../src/util/yaml-scalar.js';

/** What YAML reads back from the value written in a flow sequence and in a flow mapping. */
function readBack(text: string): unknown[] {
  const scalar = yamlScalar(text);
  return [parse(`ignore: [${scalar}]`).ignore[0], parse(`{ a: ${scalar}, b: 1 }`).a];
}

describe('yamlScalar', () => {
  it('leaves a plain pointer plain and quotes what YAML would read otherwise', () => {
    expect(yamlScalar('/items/**/id')).toBe('/items/**/id');
    expect(yamlScalar('x-request-id')).toBe('x-request-id');
    expect(yamlScalar('/a, b')).toBe('"/a, b"');
    expect(yamlScalar('/a\nb')).toBe('"/a\\nb"');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('12')).toBe('"12"');
    expect(yamlScalar('/\u202e')).toBe('"/\\u202e"');
    // Hex, octal and binary numbers (a property run drew `0x0`, which read back as 0).
    for (const number of ['0x0', '0xFF', '0o17', '0b101']) {
      expect(readBack(number), number).toEqual([number, number]);
    }
  });

  it('reads back as the same string, whatever it holds', () => {
    const tricky = fc.constantFrom(
      ',',
      ']',
      '[',
      '{',
      '}',
      ': ',
      ' #',
      '#',
      '\n',
      '"',
      "'",
      '\\',
      '*',
      '&',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      ' ',
      '\t',
      '\u007f',
      '\u202e',
      'é',
      '😀',
      'null',
      'true',
      '1e3',
      '~',
      '-',
      '?',
    );
    const text = fc
      .array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(readBack(t)).toEqual([t, t]);
      }),
      { numRuns: 2000 },
    );
  });
});
