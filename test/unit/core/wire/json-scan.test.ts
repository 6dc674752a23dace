import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNLIMITED } from '../../../../src/core/wire/budget.js';
import { scanJson } from '../../../../src/core/wire/json-scan.js';

/** Values as the scan counts them, less the root: each container and each comma; and the depth. */
function shapeOf(value: unknown, depth = 0): { nodes: number; depth: number } {
  if (value === null || typeof value !== 'object') return { nodes: 0, depth };
  const children = Array.isArray(value) ? value : Object.values(value);
  let nodes = 1 + Math.max(children.length - 1, 0);
  let deepest = depth + 1;
  for (const child of children) {
    const inner = shapeOf(child, depth + 1);
    nodes += inner.nodes;
    deepest = Math.max(deepest, inner.depth);
  }
  return { nodes, depth: deepest };
}

describe('the JSON scan', () => {
  it('counts values and depth, stopping at the first limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
        const shape = shapeOf(value);
        const fits = { nodes: 1 + shape.nodes, depth: shape.depth };
        expect(scanJson(text, fits)).toEqual({
          over: undefined,
          longNumbers: scanJson(text, UNLIMITED).longNumbers,
        });
        if (shape.depth > 0) {
          const scan = scanJson(text, { nodes: fits.nodes, depth: shape.depth - 1 });
          expect(scan.over).toEqual({ limit: 'depth', budget: shape.depth - 1 });
        }
        if (shape.nodes > 0) {
          const scan = scanJson(text, { nodes: shape.nodes, depth: fits.depth });
          expect(scan.over).toEqual({ limit: 'nodes', budget: shape.nodes });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('counts text that is not JSON all the same', () => {
    // Not JSON (a bare word inside), yet over the depth: too complex, as before.
    expect(scanJson('[[[[x]]]]', { nodes: 100, depth: 3 })).toEqual({
      over: { limit: 'depth', budget: 3 },
      longNumbers: false,
    });
    expect(scanJson('[x, 12345678901234567]', UNLIMITED)).toEqual({
      over: undefined,
      longNumbers: true,
    });
  });
});
