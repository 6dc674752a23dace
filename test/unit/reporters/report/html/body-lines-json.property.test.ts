/**
 * report.html embeds a row's body lines as JSON written from the lines'
 * pieces (`bodyLinesJson`), and splices them into the row's own JSON
 * (`rowJson`): held here to `JSON.stringify` of the lines `bodyLines` gives
 * and of the whole row, on bodies whose strings hold what JSON escapes
 * (quotes, backslashes, controls, lone surrogates), what it does not
 * (U+2028, `<`, astral characters), values longer than a line shows (cut
 * mid surrogate pair too), text bodies, and bodies past the lines shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../../src/contract/observation.js';
import {
  bodyLines,
  bodyLinesJson,
  MAX_LINES,
} from '../../../../../src/reporters/report/html/diff-lines.js';
import { rowJson } from '../../../../../src/reporters/report/html/render.js';
import { rowTexts, rowViews } from '../../../../../src/reporters/report/html/view.js';
import { sampleReport } from '../../../judge/results/report-fixtures.js';

const piece = fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\ud800', '\udc00', '😀');
const more = fc.constantFrom('\u2028', '<', '&', '→', 'a', ' ', '/', '~', '\u007f');
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.oneof(piece, more), maxLength: 12 }),
  // Past the 2,000 characters a line shows of a value: cut, maybe inside a pair or an escape.
  fc
    .tuple(fc.nat({ max: 4 }), fc.string({ unit: fc.oneof(piece, more), maxLength: 6 }))
    .map(([pad, tail]) => `${'x'.repeat(1994 + pad)}${tail}`),
);
const key = fc.oneof(text, fc.constantFrom('a', 'b', 'a/b', '~', 'id', '0', ''));
const leaf = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -0, 1e21, 5e-324),
);
const body = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const change = fc.record({
  path: fc.constantFrom('', '/a', '/a/b', '/0', '/0/1', '/b/0', '/zz'),
  op: fc.constantFrom('added', 'removed', 'value', 'type', 'moved'),
  baseline: fc.constant(1),
  candidate: fc.nat({ max: 3 }),
}) as fc.Arbitrary<Change>;

describe('bodyLinesJson', () => {
  it('is JSON.stringify of bodyLines, on both sides', () => {
    fc.assert(
      fc.property(body, fc.array(change, { maxLength: 3 }), (value, changes) => {
        for (const side of ['baseline', 'candidate'] as const) {
          const expected = JSON.stringify(bodyLines(value, changes, side));
          expect(bodyLinesJson(value, changes, side)).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('says a body past the lines shown is cut, as bodyLines does', () => {
    const long = { items: Array.from({ length: MAX_LINES + 5 }, (_, i) => ({ i })) };
    const lines = ['a', 'b\\"', '\ud800'].join('\n').repeat(MAX_LINES);
    for (const value of [long, lines]) {
      const expected = JSON.stringify(bodyLines(value, [], 'baseline'));
      expect(bodyLinesJson(value, [], 'baseline')).toBe(expected);
      expect(expected.endsWith('"cut":true}')).toBe(true);
    }
  });
});

describe("a row's embedded JSON", () => {
  it('is JSON.stringify of the row rowViews gives, for every row of a report', () => {
    const report = sampleReport();
    const texts = [...rowTexts(report)];
    const rows = [...rowViews(report)];
    expect(texts.length).toBe(rows.length);
    expect(texts.some((t) => t.diff !== undefined)).toBe(true);
    texts.forEach(({ row, diff }, i) => {
      expect(rowJson(row, diff)).toBe(JSON.stringify(rows[i]));
    });
  });
});
