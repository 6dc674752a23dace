import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  escapeSegment,
  formatPointer,
  isPointer,
  joinPointer,
  parsePointer,
  unescapeSegment,
} from '../../../src/util/json-pointer.js';

describe('RFC 6901 pointers', () => {
  it('escapes ~ before / and unescapes in the reverse order', () => {
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
    expect(unescapeSegment('a~1b~0c')).toBe('a/b~c');
    // `~01` is `~` followed by `1`, not `/`.
    expect(unescapeSegment('~01')).toBe('~1');
  });

  it('parses the root, the empty key and escaped segments', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/a~1b/0/~0')).toEqual(['a/b', '0', '~']);
  });

  it('rejects pointers without a leading slash or with bad escapes', () => {
    expect(() => parsePointer('a/b')).toThrow(/invalid JSON pointer/);
    expect(() => parsePointer('/a~2')).toThrow(/invalid JSON pointer/);
    expect(isPointer('/a~')).toBe(false);
    expect(isPointer('/a~0')).toBe(true);
  });

  it('joins and formats segments round-trip', () => {
    expect(joinPointer('/a', 'b/c')).toBe('/a/b~1c');
    expect(joinPointer('', 3)).toBe('/3');
    const segments = ['x', 'y/z', '~', ''];
    expect(parsePointer(formatPointer(segments))).toEqual(segments);
  });
});

describe('pointer patterns', () => {
  const m = (pattern: string, path: string) => compilePattern(pattern).matches(parsePointer(path));

  it('matches literal paths exactly', () => {
    expect(m('/a/b', '/a/b')).toBe(true);
    expect(m('/a/b', '/a')).toBe(false);
    expect(m('/a/b', '/a/b/c')).toBe(false);
    expect(m('', '')).toBe(true);
    expect(m('', '/a')).toBe(false);
  });

  it('lets * match exactly one segment', () => {
    expect(m('/items/*/id', '/items/3/id')).toBe(true);
    expect(m('/items/*/id', '/items/id')).toBe(false);
    expect(m('/items/*/id', '/items/1/2/id')).toBe(false);
    expect(m('/*', '')).toBe(false);
  });

  it('lets ** match zero or more segments', () => {
    expect(m('/meta/**', '/meta')).toBe(true);
    expect(m('/meta/**', '/meta/timing/total')).toBe(true);
    expect(m('/**', '')).toBe(true);
    expect(m('/**/id', '/id')).toBe(true);
    expect(m('/**/id', '/a/b/c/id')).toBe(true);
    expect(m('/**/id', '/a/b/c/idx')).toBe(false);
    expect(m('/a/**/b/**/c', '/a/x/b/y/b/z/c')).toBe(true);
    expect(m('/a/**/b/**/c', '/a/x/c/b')).toBe(false);
    expect(m('/**/**/x', '/x')).toBe(true);
  });

  it('compares literal segments after unescaping', () => {
    expect(m('/a~1b', '/a~1b')).toBe(true);
    expect(compilePattern('/a~1b').matches(['a/b'])).toBe(true);
    expect(compilePattern('/a~1b').matches(['a', 'b'])).toBe(false);
  });

  it('keeps the pattern source', () => {
    expect(compilePattern('/x/**').source).toBe('/x/**');
  });
});
