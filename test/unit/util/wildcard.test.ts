import { describe, expect, it } from 'vitest';
import { operationMatcher } from '../../../src/io/openapi/match.js';
import { wildcardMatcher } from '../../../src/util/wildcard.js';

/** The regular expression the matcher replaces: parts joined by `.*` or `[^/]+`. */
function asRegExp(parts: readonly string[], least: 0 | 1): RegExp {
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^${escaped.join(least === 0 ? '.*' : '[^/]+')}$`);
}

describe('wildcardMatcher', () => {
  it('agrees with the regular expression on every short text', () => {
    const alphabet = ['a', 'b', 'x'];
    const texts = [''];
    for (let length = 1; length <= 5; length++) {
      for (const text of texts.filter((t) => t.length === length - 1)) {
        for (const c of alphabet) texts.push(text + c);
      }
    }
    const patterns = [
      ['a'],
      ['', ''],
      ['a', ''],
      ['', 'a'],
      ['a', 'a'],
      ['ab', 'ba'],
      ['', 'ab', 'ab', ''],
      ['x', 'b', 'x'],
      ['', '', 'b'],
      ['a', '', 'a'],
    ];
    for (const parts of patterns) {
      for (const least of [0, 1] as const) {
        const test = wildcardMatcher(parts, least);
        const re = asRegExp(parts, least);
        for (const text of texts)
          expect(test(text), `${parts.join('|')} ${least} ${text}`).toBe(re.test(text));
      }
    }
  });

  it('answers the shapes that make a backtracking engine run for ever', () => {
    const letters = 'a'.repeat(60);
    expect(
      wildcardMatcher(
        [...Array(25).fill('a'), 'b'].map((p, i) => (i === 0 ? '' : p)),
        0,
      )(letters),
    ).toBe(false);
    const template = `/x/${'{p}'.repeat(26)}b`;
    const match = operationMatcher([{ method: 'GET', path: template }]);
    expect(match('GET', `/x/${letters}`)).toBeUndefined();
    expect(match('GET', `/x/${letters}b`)).toBe(`GET ${template}`);
  });
});
