/**
 * The resolver's plain lane (`resolvePlain`) gives a plain case the very
 * `Case` the resolver gives it (values, key order, shared objects), and
 * leaves to the resolver what it does not resolve itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import { isPlainCase, plainSpec } from '../../../../src/io/cases/plain-fast.js';
import { caseResolver } from '../../../../src/io/cases/resolve.js';
import type { InputProblem } from '../../../../src/util/errors.js';

const ENV = { HOST: 'h', EMPTY: '' };
const locate = () => ({ line: 1, column: 1 });

/** The lane's case and the resolver's, for `value` at `cases[index]` of a file of `suite`. */
function both(value: unknown, serial?: string) {
  if (!isPlainCase(value)) throw new Error(`not a plain case: ${JSON.stringify(value)}`);
  const context = { file: 'x.json', locate, env: ENV, globalRules: undefined, serial };
  const resolver = caseResolver({ suite: 'api' }, context);
  const lane = resolver.plain?.(value, 3);
  const problems: InputProblem[] = [];
  const general = resolver.resolve(plainSpec(value), 3, problems);
  return { lane, general, problems };
}

/** Keys in order, all the way down, and which values are shared objects. */
function shape(c: Case) {
  return {
    keys: Object.keys(c),
    request: Object.keys(c.request),
    frozen: [c.tags, c.request.query, c.request.headers, c.request.body, c.expect].map((v) =>
      Object.isFrozen(v),
    ),
  };
}

function expectSame(value: unknown, serial?: string): boolean {
  const { lane, general, problems } = both(value, serial);
  if (lane === undefined) return false;
  expect(problems).toEqual([]);
  expect(general.kind).toBeUndefined();
  if (general.kind === 'flow') return false;
  expect(lane).toStrictEqual(general);
  expect(shape(lane)).toEqual(shape(general));
  expect(lane.rules).toBe(general.rules);
  expect(lane.source.line).toBe(general.source.line);
  return true;
}

const request = (path: string, headers?: Record<string, string>) =>
  headers === undefined ? { method: 'GET', path } : { method: 'GET', path, headers };

describe('the plain lane', () => {
  it('resolves the commonest cases as the resolver does', () => {
    const cases: unknown[] = [
      { id: 'c1', request: request('/items/1') },
      { id: 'c2', description: 'd', tags: ['b', 'a', 'b'], request: request('/a/%2F') },
      { id: 'c3', tags: [], expect: { status: 404 }, request: request('/') },
      { id: 'c4', expect: {}, request: request('/x', { 'X-A': '1', accept: 'json', x_a: '2' }) },
      { id: 'c5', request: request('/x', { 'X-A': '1', 'x-a': '2' }) },
      { id: 'c6', request: request('/x', {}) },
    ];
    for (const value of cases) expect(expectSame(value), JSON.stringify(value)).toBe(true);
    expect(expectSame(cases[0], 'serial.json')).toBe(true);
  });

  it('leaves a query, a reference and headers that reference the environment to the resolver', () => {
    const left: unknown[] = [
      { id: 'c', request: request('/a?b=1') },
      { id: 'c', request: request('/${env:HOST}/a') },
      { id: 'c', request: request('/a', { 'x-a': '${env:HOST}' }) },
    ];
    for (const value of left) expect(both(value).lane, JSON.stringify(value)).toBeUndefined();
  });

  it('is not offered for a file with defaults', () => {
    const context = { file: 'x.json', locate, env: ENV, globalRules: undefined };
    const resolver = caseResolver({ suite: 'api', defaults: { tags: ['t'] } }, context);
    expect(resolver.plain).toBeUndefined();
  });

  it('gives what the resolver gives for generated plain cases', () => {
    const slug = fc.constantFrom('a', 'b', 'c-1', 'X.y_z');
    const path = fc.oneof(
      fc.constantFrom(
        '/',
        '/a',
        '/a/b%20c',
        "/x;y=1/@:!$&'()*+,=~._-",
        '/a?b=1&b=2',
        '/u/${env:HOST}',
      ),
      fc.stringMatching(/^\/[a-z0-9/?=&%]{0,12}$/),
    );
    const headers = fc.dictionary(
      fc.constantFrom('x-a', 'X-A', 'Accept', 'x-B', '1'),
      fc.constantFrom('v', '', 'a b', '${env:HOST}', '${env:NOPE}'),
    );
    const value = fc.record(
      {
        id: slug,
        description: fc.string(),
        tags: fc.array(slug, { maxLength: 4 }),
        request: fc.record(
          { method: fc.constantFrom('GET', 'post', 'PROPFIND'), path, headers },
          { requiredKeys: ['method', 'path'] },
        ),
        expect: fc.record({ status: fc.integer({ min: 100, max: 599 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id', 'request'] },
    );
    let laned = 0;
    fc.assert(
      fc.property(value, fc.option(fc.constant('s.json'), { nil: undefined }), (v, serial) => {
        if (!isPlainCase(v)) return;
        if (expectSame(v, serial)) laned++;
        else expect(both(v, serial).lane).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    // The property is about the lane: many generated cases must take it (~210 of
    // 1,000 on average; 38 of 300 was seen, so the bound leaves a wide margin).
    expect(laned).toBeGreaterThan(60);
  });
});
