import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rules } from '../../../../src/contract/rules/types.js';
import { foldEntries, normaliseJson } from '../../../../src/core/normalise/body.js';
import { rules } from '../compare/fixtures.js';

describe('normaliseJson', () => {
  it('returns the same value when no rule applies', () => {
    const value = { a: [1, 2], b: null };
    expect(normaliseJson(value, rules())).toBe(value);
  });

  it('removes ignored keys and elements, with wildcards', () => {
    const r = rules({ ignore: ['/request_id', '/meta/**', '/items/*/at', '/tags/1'] });
    const body = {
      request_id: 'r1',
      meta: { timing: { total: 3 } },
      items: [
        { id: 1, at: 't1' },
        { id: 2, at: 't2' },
      ],
      tags: ['a', 'b', 'c'],
      keep: true,
    };
    expect(normaliseJson(body, r)).toEqual({
      items: [{ id: 1 }, { id: 2 }],
      tags: ['a', 'c'],
      keep: true,
    });
  });

  it('masks matching string and number leaves under the path only', () => {
    const r = rules({
      mask: [{ path: '/user', regex: '^\\d{4}-\\d{2}-\\d{2}', replacement: '<date>' }],
    });
    const body = {
      user: { created: '2024-01-02T03:04:05Z', name: 'ann', nested: ['2023-05-06'] },
      created: '2024-01-02',
    };
    expect(normaliseJson(body, r)).toEqual({
      user: { created: '<date>', name: 'ann', nested: ['<date>'] },
      created: '2024-01-02',
    });
  });

  it('masks numbers by their string form and leaves other leaves alone', () => {
    const r = rules({ mask: [{ path: '/**', regex: '^\\d{10,}$', replacement: '<ts>' }] });
    expect(normaliseJson({ at: 1700000000123, n: 5, ok: true, z: null }, r)).toEqual({
      at: '<ts>',
      n: 5,
      ok: true,
      z: null,
    });
  });

  it('treats a leaf that already reads as a replacement as masked', () => {
    const r = rules({
      mask: [
        { path: '/id', regex: '^\\d+$', replacement: '0' },
        { path: '/**', regex: '0', replacement: '<zero>' },
      ],
    });
    // Both sides end up with the string "0", and a second pass changes nothing.
    expect(normaliseJson({ id: 0 }, r)).toEqual({ id: '0' });
    expect(normaliseJson({ id: 42 }, r)).toEqual({ id: '0' });
    expect(normaliseJson(normaliseJson({ id: 42 }, r), r)).toEqual({ id: '0' });
  });

  it('drops null entries when nullEqualsAbsent, but keeps nulls in arrays', () => {
    const r = rules({ nullEqualsAbsent: true });
    expect(normaliseJson({ a: null, b: { c: null, d: 1 }, e: [null] }, r)).toEqual({
      b: { d: 1 },
      e: [null],
    });
  });

  it('folds key case and matches patterns against folded keys', () => {
    const r = rules({ keyCaseFold: true, ignore: ['/Request-Id'] });
    expect(normaliseJson({ User_Id: 1, request_id: 'x', Nested: { firstName: 'a' } }, r)).toEqual({
      userid: 1,
      nested: { firstname: 'a' },
    });
  });

  it('keeps colliding folded keys deterministically without losing data', () => {
    const r = rules({ keyCaseFold: true });
    const one = normaliseJson({ user_id: 1, userId: 2 }, r);
    const two = normaliseJson({ userId: 2, user_id: 1 }, r);
    expect(one).toEqual({ userid: 2, 'userid~2': 1 });
    expect(two).toEqual(one);
    expect(
      foldEntries([
        ['a', 1],
        ['A', 2],
        ['a~2', 3],
      ]),
    ).toEqual([
      ['a', 2],
      ['a~3', 1],
      ['a~2', 3],
    ]);
  });

  it('walks colliding keys under their final names, so a second pass is a no-op', () => {
    const r = rules({
      keyCaseFold: true,
      sortArrays: [{ path: '/userId', by: undefined }],
    });
    const once = normaliseJson({ user_id: [2, 1], userId: [4, 3] }, r);
    // `userId` keeps `userid` (sorted), `user_id` becomes `userid~2` (not matched, kept).
    expect(once).toEqual({ userid: [3, 4], 'userid~2': [2, 1] });
    expect(normaliseJson(once, r)).toEqual(once);
  });

  it('sorts arrays by key, then by canonical JSON', () => {
    const r = rules({
      sortArrays: [
        { path: '/errors', by: 'code' },
        { path: '/tags', by: undefined },
      ],
    });
    const body = {
      errors: [{ code: 10 }, { code: 2 }, { msg: 'no code' }, { code: 2, b: 1 }],
      tags: ['b', { z: 1, a: 2 }, 'a', 3],
    };
    expect(normaliseJson(body, r)).toEqual({
      errors: [{ code: 2, b: 1 }, { code: 2 }, { code: 10 }, { msg: 'no code' }],
      tags: ['a', 'b', 3, { z: 1, a: 2 }],
    });
  });

  it('sorts so that equal multisets in any order normalise identically', () => {
    const r = rules({ sortArrays: [{ path: '/list', by: 'id' }] });
    const a = normaliseJson({ list: [{ id: 'b' }, { id: 'a', x: 1 }, { id: 'a' }] }, r);
    const b = normaliseJson({ list: [{ id: 'a' }, { id: 'b' }, { id: 'a', x: 1 }] }, r);
    expect(a).toEqual(b);
    expect(a).toEqual({ list: [{ id: 'a', x: 1 }, { id: 'a' }, { id: 'b' }] });
  });

  it('does not mutate its input', () => {
    const body = { b: [3, 1, 2], a: null, C_d: { e: '2024-01-01' } };
    const copy = structuredClone(body);
    normaliseJson(
      body,
      rules({
        keyCaseFold: true,
        nullEqualsAbsent: true,
        sortArrays: [{ path: '/b', by: undefined }],
        mask: [{ path: '/**', regex: '2024', replacement: 'y' }],
        ignore: ['/cd/x'],
      }),
    );
    expect(body).toEqual(copy);
  });

  it('keeps a __proto__ key as data', () => {
    const body: unknown = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
    const out = normaliseJson(body, rules({ nullEqualsAbsent: true }));
    expect(JSON.stringify(out)).toBe('{"__proto__":{"x":1},"a":1}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

const json = fc.jsonValue({ maxDepth: 4 });
const key = fc.constantFrom('id', 'user_id', 'userId', 'User-Id', 'name', 'at', 'list', '0');
const keyed = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    json,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

const patternArb = fc.constantFrom('/at', '/**/at', '/list/*/id', '/*/name', '/userId/**', '/**');
const rulesArb: fc.Arbitrary<Rules> = fc.record({
  ignore: fc.array(
    patternArb.filter((p) => p !== '/**'),
    { maxLength: 2 },
  ),
  mask: fc.array(
    fc.record({
      path: patternArb,
      regex: fc.constantFrom('^\\d+$', 'a', '^$'),
      replacement: fc.constantFrom('<masked>', '0', 'a'),
    }),
    { maxLength: 2 },
  ),
  sortArrays: fc.array(
    fc.record({ path: patternArb, by: fc.constantFrom(undefined, 'id', 'name') }),
    { maxLength: 2 },
  ),
  tolerance: fc.constant([]),
  keyCaseFold: fc.boolean(),
  nullEqualsAbsent: fc.boolean(),
  headers: fc.constant([]),
  arrayKeys: fc.constant([]),
  redactHeaders: fc.constant([]),
});

describe('normaliseJson properties', () => {
  it('is idempotent for index-free rules', () => {
    fc.assert(
      fc.property(keyed, rulesArb, (value, r) => {
        const once = normaliseJson(value, r);
        expect(normaliseJson(once, r)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(keyed, rulesArb, (value, r) => {
        const before = JSON.stringify(value);
        normaliseJson(value, r);
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
