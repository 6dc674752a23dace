import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../../src/core/compare/delta.js';

const plain = { arrayKeys: ['id'], tolerance: [] };

describe('diffJson', () => {
  it('returns no changes for deep-equal values', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, plain)).toEqual([]);
  });

  it('reports added and removed keys with their values', () => {
    expect(diffJson({ a: 1, gone: { x: 1 } }, { a: 1, fresh: 'y' }, plain)).toEqual([
      { path: '/fresh', op: 'added', candidate: 'y' },
      { path: '/gone', op: 'removed', baseline: { x: 1 } },
    ]);
  });

  it('separates type changes from value changes', () => {
    expect(
      diffJson(
        { count: 3, tags: [], name: 'a', ok: true, v: null },
        { count: '3', tags: null, name: 'b', ok: false, v: {} },
        plain,
      ),
    ).toEqual([
      { path: '/count', op: 'type', baseline: 3, candidate: '3' },
      { path: '/name', op: 'value', baseline: 'a', candidate: 'b' },
      { path: '/ok', op: 'value', baseline: true, candidate: false },
      { path: '/tags', op: 'type', baseline: [], candidate: null },
      { path: '/v', op: 'type', baseline: null, candidate: {} },
    ]);
  });

  it('treats array vs object as a type change', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } }, plain)).toEqual([
      { path: '/a', op: 'type', baseline: [1], candidate: { 0: 1 } },
    ]);
  });

  it('changes the root value', () => {
    expect(diffJson(1, 'x', plain)).toEqual([
      { path: '', op: 'type', baseline: 1, candidate: 'x' },
    ]);
    expect(diffJson('a'.repeat(100), 'b'.repeat(100), plain)).toEqual([
      { path: '', op: 'value', baseline: 'a'.repeat(100), candidate: 'b'.repeat(100) },
    ]);
  });

  it('escapes keys in paths', () => {
    expect(diffJson({ 'a/b': { '~': 1 } }, { 'a/b': { '~': 2 } }, plain)).toEqual([
      { path: '/a~1b/~0', op: 'value', baseline: 1, candidate: 2 },
    ]);
  });

  it('matches keyed elements and uses baseline indices for removed/changed, candidate for added', () => {
    const baseline = {
      items: [
        { id: 1, v: 'a' },
        { id: 2, v: 'b' },
        { id: 3, v: 'c' },
      ],
    };
    const candidate = {
      items: [
        { id: 0, v: 'z' },
        { id: -1, v: 'y' },
        { id: 1, v: 'a' },
        { id: 3, v: 'C' },
      ],
    };
    // id 3 sits at baseline index 2 and candidate index 3: the path names index 2.
    expect(diffJson(baseline, candidate, plain)).toEqual([
      { path: '/items/0', op: 'added', candidate: { id: 0, v: 'z' } },
      { path: '/items/1', op: 'removed', baseline: { id: 2, v: 'b' } },
      { path: '/items/1', op: 'added', candidate: { id: -1, v: 'y' } },
      { path: '/items/2/v', op: 'value', baseline: 'c', candidate: 'C' },
    ]);
  });

  it('reports moved elements with old and new index', () => {
    const baseline = [{ id: 1 }, { id: 2 }, { id: 3, n: 1 }];
    const candidate = [{ id: 3, n: 2 }, { id: 1 }, { id: 2 }];
    expect(diffJson(baseline, candidate, plain)).toEqual([
      { path: '/2', op: 'moved', baseline: 2, candidate: 0 },
      { path: '/2/n', op: 'value', baseline: 1, candidate: 2 },
    ]);
  });

  it('pairs an unkeyed replaced element into a value change', () => {
    expect(diffJson([1, 2, 3], [1, 5, 3], plain)).toEqual([
      { path: '/1', op: 'value', baseline: 2, candidate: 5 },
    ]);
    expect(diffJson(['a', 'b'], ['a', 'b', 'c'], plain)).toEqual([
      { path: '/2', op: 'added', candidate: 'c' },
    ]);
    expect(diffJson(['x', 'a', 'b'], ['a', 'b'], plain)).toEqual([
      { path: '/0', op: 'removed', baseline: 'x' },
    ]);
  });

  it('matches unkeyed objects by position', () => {
    expect(
      diffJson([{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }], { ...plain, arrayKeys: [] }),
    ).toEqual([{ path: '/1/a', op: 'value', baseline: 2, candidate: 3 }]);
  });

  it('uses the first present array key', () => {
    const options = { arrayKeys: ['uuid', 'name'], tolerance: [] };
    const baseline = [
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
    ];
    const candidate = [
      { name: 'b', n: 2 },
      { name: 'a', n: 1 },
    ];
    expect(diffJson(baseline, candidate, options)).toEqual([
      { path: '/1', op: 'moved', baseline: 1, candidate: 0 },
    ]);
  });

  it('sorts changes by path with numeric indices, then op', () => {
    const baseline = Array.from({ length: 12 }, (_, i) => ({ k: i }));
    const candidate = baseline.map((e, i) => (i === 2 || i === 10 ? { k: -1 } : e));
    const paths = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] }).map(
      (c) => c.path,
    );
    expect(paths).toEqual(['/2/k', '/10/k']);
  });

  describe('tolerance', () => {
    const tolerance = [{ path: '/prices/*', absolute: 0.01, relative: 0 }];

    it('treats numbers within an absolute tolerance as equal', () => {
      expect(
        diffJson({ prices: [1.0, 2.0] }, { prices: [1.005, 2.0] }, { arrayKeys: [], tolerance }),
      ).toEqual([]);
    });

    it('reports numbers beyond it, and numbers outside the rule path', () => {
      expect(
        diffJson(
          { prices: [1.0], total: 1 },
          { prices: [1.5], total: 1.001 },
          { arrayKeys: [], tolerance },
        ),
      ).toEqual([
        { path: '/prices/0', op: 'value', baseline: 1.0, candidate: 1.5 },
        { path: '/total', op: 'value', baseline: 1, candidate: 1.001 },
      ]);
    });

    it('supports relative tolerance', () => {
      const rel = [{ path: '/**', absolute: 0, relative: 0.01 }];
      expect(diffJson({ n: 1000 }, { n: 1009 }, { arrayKeys: [], tolerance: rel })).toEqual([]);
      expect(diffJson({ n: 1000 }, { n: 1011 }, { arrayKeys: [], tolerance: rel })).toHaveLength(1);
    });

    it('applies to nested values of keyed elements', () => {
      const t = [{ path: '/items/*/price', absolute: 0.5, relative: 0 }];
      expect(
        diffJson(
          { items: [{ id: 1, price: 10 }] },
          { items: [{ id: 1, price: 10.4 }] },
          { arrayKeys: ['id'], tolerance: t },
        ),
      ).toEqual([]);
    });
  });
});

describe('diffJson on large objects', () => {
  it('finds the one change among thousands of equal members, at its full path', () => {
    const left: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++)
      left[`entry-${i}`] = { n: i, tags: ['a', 'b'], nested: { v: i } };
    const right = structuredClone(left);
    (right['entry-2500'] as { nested: { v: number } }).nested.v = -1;
    right['entry-new'] = { n: 1 };
    delete right['entry-7'];
    const changes = diffJson(left, right, { arrayKeys: ['id'], tolerance: [] });
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual([
      'value /entry-2500/nested/v',
      'removed /entry-7',
      'added /entry-new',
    ]);
  });
});

describe('diffJson where jsondiffpatch is blind', () => {
  it('still reports a difference inside a member named __proto__', () => {
    const left = JSON.parse('{"__proto__": {"a": 1}, "x": 1}');
    const right = JSON.parse('{"__proto__": {"a": 2}, "x": 1}');
    const changes = diffJson(left, right, { arrayKeys: [], tolerance: [] });
    expect(changes).toEqual([{ path: '/__proto__/a', op: 'value', baseline: 1, candidate: 2 }]);
  });
});
