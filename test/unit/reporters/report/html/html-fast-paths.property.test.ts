/**
 * report.html's row fast paths, each held to the general path it replaced
 * (copied below): a leaf spelt without `JSON.stringify` (numbers, booleans,
 * null), the check for characters `embedJson` escapes (five single-character
 * searches instead of a character class), and a row's tracker rows without a
 * map for one finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessedFinding } from '../../../../../src/contract/root-cause.js';
import { scalarJson } from '../../../../../src/reporters/report/html/diff-lines.js';
import { embedJson } from '../../../../../src/reporters/report/html/render.js';
import { rowsOfFindings } from '../../../../../src/reporters/report/html/view.js';

// The general paths, as they were.
const scalarGeneral = (value: unknown): string => JSON.stringify(value) ?? String(value);
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/;
function embedGeneral(value: unknown): string {
  const json = JSON.stringify(value);
  if (!UNSAFE_IN_SCRIPT.test(json)) return json;
  return json
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
function rowsOfFindingsGeneral(findings: readonly AssessedFinding[] | undefined) {
  return [
    ...new Map(
      (findings ?? []).flatMap((f) =>
        f.tracker === undefined ? [] : [[f.tracker.id, f.tracker.status] as const],
      ),
    ),
  ];
}

describe('a body leaf as report.html prints it', () => {
  it('is what JSON.stringify writes, for every kind of leaf', () => {
    const edges = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Number.NaN];
    const more = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, false, null];
    for (const leaf of [...edges, ...more, '', 'x', '"q"', '\u2028', undefined, 10n]) {
      // A bigint throws in both: the general path never met one either.
      if (typeof leaf === 'bigint') {
        expect(() => scalarJson(leaf)).toThrow();
        continue;
      }
      expect(scalarJson(leaf)).toBe(scalarGeneral(leaf));
    }
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string()),
        (leaf) => {
          expect(scalarJson(leaf)).toBe(scalarGeneral(leaf));
        },
      ),
    );
  });
});

describe('embedJson', () => {
  const unit = fc.constantFrom('<', '>', '&', '\u2028', '\u2029', '\u2027', '\u202a', 'a', '→');
  it('escapes what the character class found, on every character that matters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit })), { maxLength: 4 }),
        (texts) => {
          expect(embedJson({ texts })).toBe(embedGeneral({ texts }));
        },
      ),
    );
  });

  it('finds each of the five characters alone', () => {
    for (const c of ['<', '>', '&', '\u2028', '\u2029']) {
      expect(embedJson([`a${c}b`])).toBe(embedGeneral([`a${c}b`]));
      expect(embedJson([`a${c}b`])).not.toContain(c);
    }
  });
});

describe("a row's tracker rows", () => {
  const status = fc.constantFrom('open', 'accepted', 'wontfix', 'resolved');
  const finding = fc.record(
    {
      fingerprint: fc.constantFrom('f1', 'f2'),
      tracker: fc.record({ id: fc.constantFrom('PAR-001', 'PAR-002', 'PAR-003'), status }),
    },
    { requiredKeys: ['fingerprint'] },
  );
  it('are each id once, its last status, in order of first finding', () => {
    fc.assert(
      fc.property(fc.option(fc.array(finding, { maxLength: 4 }), { nil: undefined }), (list) => {
        // Only the fingerprint and tracker are read.
        const findings = list as readonly AssessedFinding[] | undefined;
        expect(rowsOfFindings(findings)).toEqual(rowsOfFindingsGeneral(findings));
      }),
    );
  });
});
