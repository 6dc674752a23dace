import { describe, expect, it } from 'vitest';
import { resolveRules, rulesSpecSchema } from '../../../../src/contract/rules/schema.js';

describe('resolveRules', () => {
  it('starts from the built-in base layer', () => {
    expect(resolveRules([])).toEqual({
      ignore: [],
      mask: [],
      sortArrays: [],
      tolerance: [],
      keyCaseFold: false,
      nullEqualsAbsent: false,
      headers: ['content-type'],
      arrayKeys: ['id'],
      redactHeaders: [],
    });
    expect(resolveRules([undefined, undefined])).toEqual(resolveRules([]));
  });

  it('concatenates lists across layers, outermost first', () => {
    const rules = resolveRules([
      { ignore: ['/a'], sortArrays: ['/list'], tolerance: 0.01 },
      undefined,
      {
        ignore: ['/b', '/a'],
        sortArrays: [{ path: '/users', by: 'name' }],
        tolerance: [{ path: '/price', relative: 0.05 }],
        mask: [{ path: '/**', regex: '^\\d+$', with: '#' }],
      },
    ]);
    expect(rules.ignore).toEqual(['/a', '/b', '/a']);
    expect(rules.sortArrays).toEqual([
      { path: '/list', by: undefined },
      { path: '/users', by: 'name' },
    ]);
    expect(rules.tolerance).toEqual([
      { path: '/**', absolute: 0.01, relative: 0 },
      { path: '/price', absolute: 0, relative: 0.05 },
    ]);
    expect(rules.mask).toEqual([{ path: '/**', regex: '^\\d+$', replacement: '#' }]);
  });

  it('unions header names (lower-cased), array keys and redacted headers', () => {
    const rules = resolveRules([
      { headers: ['ETag', 'content-type'], arrayKeys: ['uuid'], redactHeaders: ['Authorization'] },
      {
        headers: ['etag', 'X-Trace'],
        arrayKeys: ['id', 'uuid', 'key'],
        redactHeaders: ['authorization'],
      },
    ]);
    expect(rules.headers).toEqual(['content-type', 'etag', 'x-trace']);
    expect(rules.arrayKeys).toEqual(['id', 'uuid', 'key']);
    expect(rules.redactHeaders).toEqual(['authorization']);
  });

  it('lets the narrowest layer that sets a switch decide', () => {
    const global = { keyCase: 'fold', nullEqualsAbsent: true } as const;
    expect(resolveRules([global, {}, {}])).toMatchObject({
      keyCaseFold: true,
      nullEqualsAbsent: true,
    });
    expect(resolveRules([global, { keyCase: 'exact' }, {}])).toMatchObject({
      keyCaseFold: false,
      nullEqualsAbsent: true,
    });
    expect(
      resolveRules([global, { keyCase: 'exact' }, { nullEqualsAbsent: false, keyCase: 'fold' }]),
    ).toMatchObject({ keyCaseFold: true, nullEqualsAbsent: false });
  });
});

describe('resolveRules: headers "*"', () => {
  it('turns every-header comparison on for its layer and the layers inside it', () => {
    expect(resolveRules([{ headers: ['etag'] }]).allHeaders).toBeUndefined();
    const all = resolveRules([{ headers: '*' }, { headers: ['etag'] }]);
    expect(all.allHeaders).toEqual({ except: [] });
    expect(all.headers).toEqual(['content-type', 'etag']);
    const except = resolveRules([
      { headers: 'all' },
      { headers: { all: true, except: ['Via'] } },
      { headers: { all: true, except: ['server', 'via'] } },
    ]);
    expect(except.allHeaders).toEqual({ except: ['via', 'server'] });
  });
});

describe('rulesSpecSchema', () => {
  it('fills mask defaults and lower-cases header names', () => {
    const spec = rulesSpecSchema().parse({ mask: [{ regex: 'x' }], headers: ['ETag'] });
    expect(spec).toEqual({
      mask: [{ path: '/**', regex: 'x', with: '<masked>' }],
      headers: ['etag'],
    });
  });

  it('accepts "" and /-rooted pointer patterns only', () => {
    expect(rulesSpecSchema().safeParse({ ignore: ['', '/a/*/b', '/**'] }).success).toBe(true);
    expect(rulesSpecSchema().safeParse({ ignore: ['a/b'] }).success).toBe(false);
  });

  it('rejects a regex that does not compile, negative tolerances and unknown keys', () => {
    expect(rulesSpecSchema().safeParse({ mask: [{ regex: '(' }] }).success).toBe(false);
    expect(rulesSpecSchema().safeParse({ tolerance: -1 }).success).toBe(false);
    expect(rulesSpecSchema().safeParse({ ignroe: ['/a'] }).success).toBe(false);
  });
});
