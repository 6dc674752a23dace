/**
 * A pattern's `ops` are a promise the registry relies on: given only changes
 * of other ops, the pattern finds nothing, so the registry does not call it.
 * Checked on random changes, with values drawn to look like what each pattern
 * looks for (null, empty collections, numbers, numeric text, timestamps,
 * case variants, tagged objects, namespace members).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../../src/contract/observation.js';
import { CHANGE_OPS, type ChangeOp } from '../../../../../src/contract/vocabulary.js';
import { floatFormat } from '../../../../../src/core/compare/patterns/float-format.js';
import { PATTERNS, recognisePatterns } from '../../../../../src/core/compare/patterns/registry.js';

const value = fc.oneof(
  fc.constantFrom(null, 0, 1, 1.5, -0, '', '1', '1.0', '1e21', 'active', 'ACTIVE', 'Active'),
  fc.constantFrom([], {}, { Kind: 'schema' }, { Schema: { field: 'x' } }, { '@xmlns': 'urn:a' }),
  fc.constantFrom('2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000Z', 1704164645, 'urn:b'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
);

const path = fc.constantFrom(
  '',
  '/a',
  '/a/0',
  '/a/b',
  '/user_id',
  '/userId',
  '/error',
  '/message',
  '/@xmlns',
  '/items/3/@xmlns',
);

const changeOf = (ops: readonly ChangeOp[]) =>
  fc
    .record({
      path,
      op: fc.constantFrom(...ops),
      baseline: fc.option(value, { nil: undefined }),
      candidate: fc.option(value, { nil: undefined }),
    })
    .map((c): Change => {
      const change: { path: string; op: ChangeOp; baseline?: unknown; candidate?: unknown } = {
        path: c.path,
        op: c.op,
      };
      if (c.op !== 'added' && c.baseline !== undefined) change.baseline = c.baseline;
      if (c.op !== 'removed' && c.candidate !== undefined) change.candidate = c.candidate;
      return change;
    });

describe('pattern ops', () => {
  for (const pattern of PATTERNS) {
    const others = CHANGE_OPS.filter((op) => !pattern.ops.includes(op));
    if (others.length === 0) continue;
    it(`${pattern.name} finds nothing in changes of ops other than ${pattern.ops.join(', ')}`, () => {
      fc.assert(
        fc.property(fc.array(changeOf(others), { maxLength: 6 }), (changes) => {
          expect(pattern.recognise(changes)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('recognises the same with the registry skipping patterns as with every pattern called', () => {
    fc.assert(
      fc.property(fc.array(changeOf(CHANGE_OPS), { maxLength: 6 }), (changes) => {
        let rest: readonly Change[] = changes;
        const matches = [];
        for (const pattern of PATTERNS) {
          if (rest.length === 0) break;
          const found = pattern.recognise(rest);
          if (found.length === 0) continue;
          const covered = new Set(found.flatMap((m) => m.covers));
          matches.push(...found);
          rest = rest.filter((change) => !covered.has(change));
          for (const match of found) rest = [...rest, ...(match.leaves ?? [])];
        }
        expect(recognisePatterns(changes)).toEqual({ matches, unexplained: rest });
      }),
      { numRuns: 500 },
    );
  });

  it('float-format: two JS numbers that differ are never one number formatted two ways', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (baseline, candidate) => {
          fc.pre(baseline !== candidate);
          const change: Change = { path: '/n', op: 'value', baseline, candidate };
          expect(floatFormat.recognise([change])).toEqual([]);
          // Nor as numeric text, which the recogniser reads without the shortcut.
          const asText: Change = {
            ...change,
            baseline: String(baseline),
            candidate: String(candidate),
          };
          expect(floatFormat.recognise([asText])).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
