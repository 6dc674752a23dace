import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import { classify } from '../../../../src/core/compare/classify.js';
import { compare, isEqual } from '../../../../src/core/compare/comparison.js';
import { exchange, failure, GO, json, response, rules, SERDE, testCase } from './fixtures.js';

describe('compare', () => {
  it('is undefined when either side failed in transport', () => {
    expect(compare(exchange(response(200, json({})), failure('ECONNRESET', 'x')))).toBeUndefined();
    expect(
      compare(exchange(failure('ECONNREFUSED', 'x'), response(200, json({})))),
    ).toBeUndefined();
  });

  it('compares status, allow-listed normalised headers and bodies', () => {
    const c = testCase({ rules: rules({ headers: ['content-type', 'etag', 'x-only'] }) });
    const comparison = compare(
      exchange(
        response(400, json(SERDE), {
          'content-type': 'application/json; charset=UTF-8',
          etag: '"a"',
          date: 'Mon',
        }),
        response(422, json(GO), {
          'content-type': 'application/json;charset="utf-8"',
          etag: '"b"',
          'x-only': '1',
          date: 'Tue',
        }),
        c,
      ),
    );
    expect(comparison?.status).toEqual({ equal: false, baseline: 400, candidate: 422 });
    expect(comparison?.headers).toEqual([
      { name: 'etag', baseline: '"a"', candidate: '"b"' },
      { name: 'x-only', baseline: undefined, candidate: '1' },
    ]);
    expect(comparison?.body.map((ch) => `${ch.op} ${ch.path}`)).toEqual([
      'added /Field',
      'added /Kind',
      'added /Reason',
      'removed /Schema',
    ]);
  });

  it('finds an equal exchange equal', () => {
    const comparison = compare(
      exchange(response(200, json({ a: [1] })), response(200, json({ a: [1] }))),
    );
    expect(comparison !== undefined && isEqual(comparison)).toBe(true);
  });
});

describe('classify', () => {
  const base: Comparison = {
    status: { equal: true, baseline: 200, candidate: 200 },
    headers: [],
    body: [],
  };

  it('returns no kinds for an equal comparison', () => {
    expect(classify(base)).toEqual([]);
  });

  it('orders kinds status, shape, value, header', () => {
    expect(
      classify({
        status: { equal: false, baseline: 400, candidate: 422 },
        headers: [{ name: 'etag', baseline: 'a', candidate: 'b' }],
        body: [
          { path: '/a', op: 'value', baseline: 1, candidate: 2 },
          { path: '/b', op: 'added', candidate: 1 },
        ],
      }),
    ).toEqual(['status', 'shape', 'value', 'header']);
  });

  it('counts added, removed and type as shape; value and moved as value', () => {
    for (const op of ['added', 'removed', 'type'] as const) {
      expect(classify({ ...base, body: [{ path: '/x', op }] })).toEqual(['shape']);
    }
    for (const op of ['value', 'moved'] as const) {
      expect(classify({ ...base, body: [{ path: '/x', op }] })).toEqual(['value']);
    }
  });

  it('counts an added array element as shape', () => {
    expect(classify({ ...base, body: [{ path: '/items/3', op: 'added', candidate: {} }] })).toEqual(
      ['shape'],
    );
  });
});
