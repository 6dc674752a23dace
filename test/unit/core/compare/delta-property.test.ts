import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../../src/core/compare/delta.js';

const options = { arrayKeys: ['id'], tolerance: [] };
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, 1, 'a', 'b'),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('id', 'a', 'b', 'c'), tie('node'), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  ),
})).node;

describe('diffJson properties', () => {
  it('finds no change between equal values and some change between different ones', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(diffJson(a, structuredClone(a), options)).toEqual([]);
        const changes = diffJson(a, b, options);
        expect(changes.length === 0).toBe(JSON.stringify(a) === JSON.stringify(b) || isSame(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('only emits valid ops and pointer paths, sorted deterministically', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const changes = diffJson(a, b, options);
        for (const change of changes) {
          expect(['added', 'removed', 'type', 'value', 'moved']).toContain(change.op);
          expect(change.path === '' || change.path.startsWith('/')).toBe(true);
        }
        expect(diffJson(a, b, options)).toEqual(changes);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Deep equality independent of key order. */
function isSame(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => isSame(x, b[i]));
  }
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return isSame(ka, kb) && ka.every((k) => isSame(Reflect.get(a, k), Reflect.get(b, k)));
  }
  return a === b;
}
