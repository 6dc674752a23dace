import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import { resolveRules } from '../../../../src/contract/rules/schema.js';
import { selectCases } from '../../../../src/io/cases/select.js';
import { globMatcher } from '../../../../src/util/wildcard.js';

function makeCase(id: string, tags: string[] = []): Case {
  return {
    id,
    suite: id.split('/')[0] ?? '',
    description: undefined,
    tags,
    request: { method: 'GET', path: '/', query: [], headers: [], body: { kind: 'none' } },
    rules: resolveRules([]),
    expect: { status: undefined },
    source: { file: 'cases/x.yaml', line: 1, column: 1 },
  };
}

const library = [
  makeCase('users/list', ['smoke']),
  makeCase('users/create', ['write']),
  makeCase('validator/schema-missing-field', ['smoke', 'validate']),
  makeCase('validator/ok'),
];
const ids = (cases: readonly Case[]) => cases.map((item) => item.id);

describe('selectCases', () => {
  it('keeps everything without criteria', () => {
    expect(ids(selectCases(library, {}))).toEqual(ids(library));
    expect(ids(selectCases(library, { filter: [], tags: [] }))).toEqual(ids(library));
  });

  it('matches id globs (any of them), `*` spanning any characters', () => {
    expect(ids(selectCases(library, { filter: ['users/*'] }))).toEqual([
      'users/list',
      'users/create',
    ]);
    expect(ids(selectCases(library, { filter: ['*missing*', 'validator/ok'] }))).toEqual([
      'validator/schema-missing-field',
      'validator/ok',
    ]);
    expect(ids(selectCases(library, { filter: ['users'] }))).toEqual([]);
  });

  it('keeps cases with any of the tags, combined with the filter', () => {
    expect(ids(selectCases(library, { tags: ['write', 'validate'] }))).toEqual([
      'users/create',
      'validator/schema-missing-field',
    ]);
    expect(ids(selectCases(library, { tags: ['smoke'], filter: ['validator/*'] }))).toEqual([
      'validator/schema-missing-field',
    ]);
  });

  it('splits into disjoint shards that cover the selection', () => {
    const shards = [1, 2, 3].map((index) =>
      ids(selectCases(library, { shard: { index, total: 3 } })),
    );
    expect(shards).toEqual([
      ['users/list', 'validator/ok'],
      ['users/create'],
      ['validator/schema-missing-field'],
    ]);
  });
});

describe('globMatcher', () => {
  it('treats everything but `*` literally', () => {
    expect(globMatcher('a.b/(c)?')('a.b/(c)?')).toBe(true);
    expect(globMatcher('a.b')('axb')).toBe(false);
  });

  it('matches as the regular expression `^` + parts joined by `.*` + `$` would', () => {
    const cases: [string, string, boolean][] = [
      ['*', '', true],
      ['a*', 'a', true],
      ['*a', 'ba', true],
      ['a*a', 'a', false],
      ['a*a', 'aa', true],
      ['ab*ba', 'aba', false],
      ['*ab*ab*', 'abab', true],
      ['*ab*ab*', 'aba', false],
      ['users/*/get', 'users/x/y/get', true],
      ['**x**', 'axb', true],
      ['*a*b*', 'ba', false],
      ['x*y*z', 'xzyz', true],
      ['x*y*z', 'xzy', false],
    ];
    for (const [glob, text, expected] of cases) {
      const source = glob
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*');
      expect(new RegExp(`^${source}$`).test(text), `${glob} ${text}`).toBe(expected);
      expect(globMatcher(glob)(text), `${glob} ${text}`).toBe(expected);
    }
  });
});
