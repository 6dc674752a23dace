/**
 * Work grows linearly with what a server or a document holds. A property
 * test (fast-check, few runs: cheap on a loaded machine) grows an answer's
 * depth, key length and number of differing members, and an OpenAPI
 * document's `$ref` fan-out, and checks what bounds the work: every change
 * path at most 4,096 characters, a sample of at most 10,000 values, a
 * document's expansion counted (and refused past 2,000,000 values) in one
 * pass. How the cost grows (the CPU of eight times the size ÷ the
 * smaller's) is measured in `npm run bench` (bench/scenarios/growth.js), not
 * here: a timing ratio fails on a loaded machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson, LONGEST_CHANGE_PATH } from '../../src/core/compare/delta.js';
import { structureFindings } from '../../src/core/compare/findings.js';
import { expandedValues, MOST_EXPANDED_VALUES } from '../../src/io/openapi/ref-expansion.js';
import { MOST_SAMPLE_VALUES, sampleOf } from '../../src/io/openapi/sample.js';

const OPTIONS = { arrayKeys: [], tolerance: [] };

/** `depth` levels of `keyLength`-character keys above `members` members, `side` added to each. */
function answer(depth: number, keyLength: number, members: number, side: number): unknown {
  let value: unknown = Object.fromEntries(
    Array.from({ length: members }, (_, n) => [`m${n}`, n + side]),
  );
  for (let level = depth - 1; level >= 0; level--) {
    value = { [`${level}`.padEnd(keyLength, 'k')]: value };
  }
  return value;
}

/** How many values `value` holds (a tree walk, iterative). */
function valuesIn(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const at = stack.pop();
    count++;
    if (typeof at === 'object' && at !== null) stack.push(...Object.values(at));
  }
  return count;
}

/** `S0` … `S{levels-1}`, each with `width` properties referring to the next. */
function fanOut(levels: number, width: number): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let level = 0; level < levels; level++) {
    const next =
      level + 1 < levels ? { $ref: `#/components/schemas/S${level + 1}` } : { type: 'string' };
    schemas[`S${level}`] = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: width }, (_, n) => [`p${n}`, next])),
    };
  }
  return { components: { schemas }, root: { $ref: '#/components/schemas/S0' } };
}

describe('work that grows with the answer', () => {
  it('every change path is bounded, whatever the depth, key length and members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 1_500 }),
        fc.integer({ min: 1, max: 2_000 }),
        (depth, keyLength, members) => {
          const changes = diffJson(
            answer(depth, keyLength, members, 0),
            answer(depth, keyLength, members, 1),
            OPTIONS,
          );
          expect(changes).toHaveLength(members);
          for (const change of changes) {
            expect(change.path.length).toBeLessThanOrEqual(LONGEST_CHANGE_PATH + 64);
          }
          const findings = structureFindings('GET /x', changes);
          expect(findings.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 8, seed: 45 },
    );
    // Seconds of diffing alone; the bound is for a hang, on a machine other work shares.
  }, 120_000);
});

/** The same fan-out as the parser leaves it: each property the next schema itself (shared, not copied). */
function dereferenced(levels: number, width: number): Record<string, unknown> {
  let next: Record<string, unknown> = { type: 'string' };
  for (let level = levels - 1; level >= 0; level--) {
    const properties = Object.fromEntries(Array.from({ length: width }, (_, n) => [`p${n}`, next]));
    next = { type: 'object', properties };
  }
  return next;
}

describe('work that grows with the document', () => {
  it('a fan-out is counted in one pass, and its sample holds at most 10,000 values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (l, w) => {
        const document = fanOut(l, w);
        const expanded = expandedValues(document);
        // Each level multiplies by about twice the width: the count is exact until the limit.
        if (expanded <= MOST_EXPANDED_VALUES) {
          const sample = sampleOf(dereferenced(l, w));
          expect(valuesIn(sample)).toBeLessThanOrEqual(MOST_SAMPLE_VALUES);
          if (w ** l < 1_000) expect(valuesIn(sample)).toBeGreaterThanOrEqual(w ** l);
        } else {
          expect(expanded).toBeGreaterThan(MOST_EXPANDED_VALUES);
        }
      }),
      { numRuns: 30, seed: 45 },
    );
  });
});
