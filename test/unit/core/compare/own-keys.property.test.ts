/**
 * Server keys named like `Object.prototype`'s members (`constructor`,
 * `toString`, `valueOf`, `hasOwnProperty`, `__proto__`, …), anywhere in a
 * body, on either side: the comparison never throws, never calls equal what
 * differs, and never calls different what is equal. Bodies are made as JSON
 * text and decoded the way a response is, so `__proto__` is an own member.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../../src/core/compare/bodies.js';
import { judge } from '../../../../src/core/compare/judge.js';
import { jsonEqual } from '../../../../src/core/wire/json-equal.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../helpers/case.js';
import { response, rules } from './fixtures.js';

const KEYS = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'id',
  'a',
] as const;

/** A JSON document as a tree, rendered to text by `render`. */
type Tree =
  | { readonly t: 'leaf'; readonly v: null | boolean | number | string }
  | { readonly t: 'array'; readonly items: readonly Tree[] }
  | { readonly t: 'object'; readonly members: readonly (readonly [string, Tree])[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      t: fc.constant('leaf' as const),
      v: fc.constantFrom(null, true, false, 0, 1, 'x', 'constructor', ''),
    }),
    fc.record({ t: fc.constant('array' as const), items: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({
      t: fc.constant('object' as const),
      members: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), {
        maxLength: 4,
        selector: ([key]) => key,
      }),
    }),
  ),
})).node;

function render(node: Tree): string {
  switch (node.t) {
    case 'leaf':
      return JSON.stringify(node.v);
    case 'array':
      return `[${node.items.map(render).join(',')}]`;
    case 'object':
      return `{${node.members.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(',')}}`;
  }
}

/** Equality by the trees themselves (member order ignored): the reference. */
function same(a: Tree, b: Tree): boolean {
  if (a.t !== b.t) return false;
  if (a.t === 'leaf' && b.t === 'leaf') return a.v === b.v;
  if (a.t === 'array' && b.t === 'array') {
    return (
      a.items.length === b.items.length && a.items.every((x, i) => same(x, b.items[i] as Tree))
    );
  }
  if (a.t === 'object' && b.t === 'object') {
    if (a.members.length !== b.members.length) return false;
    return a.members.every(([k, v]) => {
      const other = b.members.find(([key]) => key === k);
      return other !== undefined && same(v, other[1]);
    });
  }
  return false;
}

const body = (node: Tree) => decodeBody(Buffer.from(render(node)), 'application/json');

describe('prototype-named keys in server bodies', () => {
  it('compare equal exactly when the documents are equal, on either side, at any depth', () => {
    fc.assert(
      fc.property(tree, tree, (a, b) => {
        const r = rules();
        expect(compareBodies(body(a), body(a), r)).toEqual([]);
        const changes = compareBodies(body(a), body(b), r);
        expect(changes.length === 0).toBe(same(a, b));
        expect(compareBodies(body(b), body(a), r).length === 0).toBe(same(a, b));
        // The whole judgement (patterns, explanation, fingerprint) copes too.
        const exchange = {
          case: makeCase('own', { path: '/x' }, { keyCase: 'fold', nullEqualsAbsent: true }),
          baseline: response(200, body(a)),
          candidate: response(200, body(b)),
        };
        expect(() => judge(exchange)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('a member present on one side only is reported at its own path', () => {
    for (const key of KEYS) {
      const one = decodeBody(
        Buffer.from(`{"x":{"k":0,${JSON.stringify(key)}:1}}`),
        'application/json',
      );
      const none = decodeBody(Buffer.from('{"x":{"k":0}}'), 'application/json');
      expect(compareBodies(one, none, rules())).toEqual([
        { path: `/x/${key}`, op: 'removed', baseline: 1 },
      ]);
      expect(compareBodies(none, one, rules())).toEqual([
        { path: `/x/${key}`, op: 'added', candidate: 1 },
      ]);
      // Against an empty object, the member is the object's one change (`empty-objects.ts`).
      const alone = decodeBody(Buffer.from(`{"x":{${JSON.stringify(key)}:1}}`), 'application/json');
      const empty = decodeBody(Buffer.from('{"x":{}}'), 'application/json');
      const [change, ...rest] = compareBodies(empty, alone, rules());
      expect(rest).toEqual([]);
      expect(change).toMatchObject({ path: '/x', op: 'type', baseline: {} });
      expect(Object.keys((change?.candidate ?? {}) as object)).toEqual([key]);
    }
  });

  it('jsonEqual never calls a member and never reads an inherited one', () => {
    const parsed = JSON.parse('{"valueOf":1,"toString":2,"constructor":3,"__proto__":{"a":1}}');
    expect(jsonEqual(parsed, JSON.parse(JSON.stringify(parsed)))).toBe(true);
    expect(jsonEqual(parsed, {})).toBe(false);
    expect(jsonEqual({}, JSON.parse('{"toString":"x"}'))).toBe(false);
    expect(
      jsonEqual(JSON.parse('{"__proto__":{"a":1}}'), JSON.parse('{"__proto__":{"a":2}}')),
    ).toBe(false);
  });
});
