import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNLIMITED } from '../../../src/wire/budget.js';
import { scanJson } from '../../../src/wire/json-scan.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

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

// Characters JSON's grammar turns on, so that edits make near misses.
const PIECES = [...'{}[]",:0123456789.eE+-tfnrula \t\n\r\\/bux\u0001\u001f\u00e9\u2028'];

/** A JSON text with a few characters inserted, removed or replaced. */
const nearJson = fc
  .tuple(
    fc.jsonValue({ maxDepth: 3 }),
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES), fc.nat(2)), { maxLength: 3 }),
  )
  .map(([value, pretty, edits]) => {
    let text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
    for (const [place, piece, how] of edits) {
      const at = place % (text.length + 1);
      const keep = how === 0 ? at : at + 1;
      text = text.slice(0, at) + (how === 2 ? '' : piece) + text.slice(how === 0 ? at : keep);
    }
    return text;
  });

describe('the JSON scan says whether a text is JSON', () => {
  it('exactly when JSON.parse accepts it, on JSON and near misses alike', () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        expect(scanJson(text, UNLIMITED).valid).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on the corners of the grammar', () => {
    const json = [
      '0',
      '-0',
      '-0.5e-7',
      '1E+2',
      ' \t\n\r[]\r\n',
      '{}',
      '"\\u00e9\\/\\b\\f\\n\\r\\t\\"\\\\"',
      '{"a":{"b":[1,{"c":null}]},"a":true}',
      '"\ud800"',
      '1e999',
      '"tab\\tin"',
      // Ends after the last value, with and without whitespace after it.
      '{"a":1}\n',
      'null \n',
      '[1, 2 ]',
    ];
    const notJson = [
      '',
      ' ',
      '01',
      '-',
      '1.',
      '.5',
      '+1',
      '1e',
      '1e+',
      '[1,]',
      '{"a":1,}',
      '{"a" 1}',
      '{1:2}',
      "{'a':1}",
      '"\\x41"',
      '"\\u00g0"',
      '"raw\ttab"',
      '"raw\nline"',
      '\ufeff{}',
      '[1] [2]',
      'tru',
      'nul',
      'True',
      '[',
      '"',
      '{"a":1',
      'NaN',
      '\u0001[]',
      '{"a":1} x',
      '[1,',
      '[1 ',
    ];
    for (const text of json) expect([text, scanJson(text, UNLIMITED).valid]).toEqual([text, true]);
    for (const text of notJson)
      expect([text, scanJson(text, UNLIMITED).valid]).toEqual([text, false]);
  });

  it('and still counts values and depth as before, stopping at the first limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
        const shape = shapeOf(value);
        const fits = { nodes: 1 + shape.nodes, depth: shape.depth };
        expect(scanJson(text, fits)).toEqual({
          over: undefined,
          longNumbers: scanJson(text, UNLIMITED).longNumbers,
          valid: true,
        });
        if (shape.depth > 0) {
          const scan = scanJson(text, { nodes: fits.nodes, depth: shape.depth - 1 });
          expect(scan.over).toEqual({ limit: 'depth', budget: shape.depth - 1 });
          expect(scan.valid).toBe(false);
        }
        if (shape.nodes > 0) {
          const scan = scanJson(text, { nodes: shape.nodes, depth: fits.depth });
          expect(scan.over).toEqual({ limit: 'nodes', budget: shape.nodes });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('and counts text that is not JSON as it always did', () => {
    // Not JSON (a bare word inside), yet over the depth: too complex, as before.
    expect(scanJson('[[[[x]]]]', { nodes: 100, depth: 3 })).toEqual({
      over: { limit: 'depth', budget: 3 },
      longNumbers: false,
      valid: false,
    });
    expect(scanJson('[x, 12345678901234567]', UNLIMITED)).toEqual({
      over: undefined,
      longNumbers: true,
      valid: false,
    });
  });
});
