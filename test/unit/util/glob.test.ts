import { describe, expect, it } from 'vitest';
import { isGlob, pathGlobMatcher } from '../../../src/util/glob.js';

const matches = (glob: string, text: string, base = false) => pathGlobMatcher(glob, { base })(text);

describe('globs as shells and .gitignore write them', () => {
  it('keeps * and ? within one segment, ** across segments', () => {
    expect(matches('records/*', 'records/get-one')).toBe(true);
    expect(matches('records/*', 'records/a/b')).toBe(false);
    expect(matches('records/get-???', 'records/get-one')).toBe(true);
    expect(matches('records/get-??', 'records/get-one')).toBe(false);
    expect(matches('**/get-*', 'api/v1/get-item')).toBe(true);
    expect(matches('**/get-*', 'get-item')).toBe(true);
    expect(matches('cases/**', 'cases/a/b.yaml')).toBe(true);
    expect(matches('cases/**/*.yaml', 'cases/x.yaml')).toBe(true);
    expect(matches('cases/**/*.yaml', 'cases/a/b/x.yaml')).toBe(true);
    expect(matches('cases/**/*.yaml', 'cases/a/b/x.json')).toBe(false);
  });

  it('reads classes, alternations (nested) and escapes', () => {
    expect(matches('validator/{range,format}-*', 'validator/range-age')).toBe(true);
    expect(matches('validator/{range,format}-*', 'validator/schema-name')).toBe(false);
    expect(matches('{a,{b,c}}x', 'cx')).toBe(true);
    expect(matches('[a-c]*', 'bz')).toBe(true);
    expect(matches('[a-c]*', 'dz')).toBe(false);
    expect(matches('[!a]b', 'cb')).toBe(true);
    expect(matches('[!a]b', 'ab')).toBe(false);
    expect(matches('[!a]b', '/b')).toBe(false);
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    // An unclosed bracket or brace is a character.
    expect(matches('a{b', 'a{b')).toBe(true);
    expect(matches('a[b', 'a[b')).toBe(true);
    expect(matches('{solo}', '{solo}')).toBe(true);
    // Regular expression characters are characters.
    expect(matches('a.b+(c)', 'a.b+(c)')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
  });

  it('matches a glob without / on the last segment too, with base', () => {
    expect(matches('*missing*', 'records/get-missing', true)).toBe(true);
    expect(matches('*missing*', 'records/get-missing')).toBe(false);
    expect(matches('users', 'users/list', true)).toBe(false);
    expect(matches('list', 'users/list', true)).toBe(true);
    expect(matches('users/*', 'admin/users/list', true)).toBe(false);
  });

  it('never backtracks: 25 stars against 60 letters without the last one', () => {
    const glob = `${'*a'.repeat(25)}*b`;
    expect(matches(glob, 'a'.repeat(60))).toBe(false);
    expect(matches(glob, `${'a'.repeat(60)}b`)).toBe(true);
  });

  it('tells a glob from a plain path', () => {
    expect(isGlob('cases/records')).toBe(false);
    expect(isGlob('cases/*.yaml')).toBe(true);
    expect(isGlob('cases/{a,b}')).toBe(true);
    expect(isGlob('cases/[ab].yaml')).toBe(true);
  });
});
