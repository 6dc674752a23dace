import fc from 'fast-check';
/**
 * Equivalence rules: each turns exactly the matching divergence into
 * equality, says so, and leaves a different divergence alone.
 */

import { describe, expect, it } from 'vitest';
import type { RulesSpecInput } from '../../../../../src/contract/rules/schema.js';
import { resolveRules, rulesSpecSchema } from '../../../../../src/contract/rules/schema.js';
import { declaredEquivalences } from '../../../../../src/core/compare/equivalence/labels.js';
import { unusedRules } from '../../../../../src/core/compare/equivalence/unused.js';
import { judge } from '../../../../../src/core/compare/judge.js';
import { sameDecimal } from '../../../../../src/core/normalise/numbers.js';
import { ExactNumber } from '../../../../../src/core/wire/exact-number.js';
import { divergenceOf } from '../../../../helpers/judgement.js';
import { exchange, json, response, testCase } from '../fixtures.js';

function withRules(spec: RulesSpecInput) {
  return testCase({ rules: resolveRules([rulesSpecSchema().parse(spec)]) });
}

function run(baseline: unknown, candidate: unknown, spec: RulesSpecInput, status = [200, 200]) {
  return judge(
    exchange(
      response(status[0] ?? 200, json(baseline)),
      response(status[1] ?? 200, json(candidate)),
      withRules(spec),
    ),
  );
}

interface RuleFixture {
  readonly rule: string;
  readonly spec: RulesSpecInput;
  readonly equal: readonly [unknown, unknown];
  readonly fired: readonly string[];
  /** A divergence of another kind that the rule must not touch. */
  readonly other: readonly [unknown, unknown];
}

const SERDE = { Schema: { field: 'x', reason: 'y' } };

const RULES: readonly RuleFixture[] = [
  {
    rule: 'emptyEqualsNull',
    spec: { emptyEqualsNull: true },
    equal: [
      { tags: [], labels: {} },
      { tags: null, labels: null },
    ],
    fired: ['emptyEqualsNull at /labels', 'emptyEqualsNull at /tags'],
    other: [{ tags: ['a'] }, { tags: null }],
  },
  {
    rule: 'numberStrings',
    spec: { numberStrings: true },
    equal: [
      { id: '18446744073709551615', n: 1.5 },
      { id: new ExactNumber('18446744073709551615'), n: '1.50' },
    ],
    fired: ['numberStrings at /id', 'numberStrings at /n'],
    other: [{ id: '18446744073709551615' }, { id: new ExactNumber('18446744073709551614') }],
  },
  {
    rule: 'timestamps: instant',
    spec: { timestamps: 'instant' },
    equal: [
      { at: '2024-01-15T09:30:00Z', t: 1705311000 },
      { at: '2024-01-15T10:30:00.000+01:00', t: '2024-01-15T09:30:00Z' },
    ],
    fired: ['timestamps: instant at /at', 'timestamps: instant at /t'],
    other: [{ at: '2024-01-15T09:30:00Z' }, { at: '2024-01-15T09:30:00.12Z' }],
  },
  {
    rule: 'timestamps: second',
    spec: { timestamps: 'second' },
    equal: [{ at: '2024-01-15T09:30:00Z' }, { at: '2024-01-15T09:30:00.12Z' }],
    fired: ['timestamps: second at /at'],
    other: [{ at: '2024-01-15T09:30:00Z' }, { at: '2024-01-15T09:30:01Z' }],
  },
  {
    rule: 'enumTag',
    spec: { keyCase: 'fold', enumTag: { baseline: 'external', candidate: { field: 'Kind' } } },
    equal: [SERDE, { Kind: 'schema', Field: 'x', Reason: 'y' }],
    fired: [
      'enumTag: external vs field Kind at /',
      'keyCase: fold at /Schema/field',
      'keyCase: fold at /Schema/reason',
    ],
    other: [SERDE, { Kind: 'range', Field: 'x', Reason: 'y' }],
  },
  {
    rule: 'enumTag (adjacent, reverse)',
    spec: { enumTag: { baseline: { tag: 't', content: 'c' }, candidate: 'external' } },
    equal: [{ t: 'Circle', c: { r: 1 } }, { Circle: { r: 1 } }],
    fired: ['enumTag: tag t + content c vs external at /'],
    other: [{ t: 'Circle', c: { r: 1 } }, { Circle: { r: 2 } }],
  },
  {
    rule: 'renames',
    spec: { renames: [{ baseline: '/items/*/user_name', candidate: '/items/*/login' }] },
    equal: [
      { items: [{ user_name: 'ada' }, { user_name: 'bob' }] },
      { items: [{ login: 'ada' }, { login: 'bob' }] },
    ],
    fired: [
      'renames: /items/*/user_name → /items/*/login at /items/0/user_name',
      'renames: /items/*/user_name → /items/*/login at /items/1/user_name',
    ],
    other: [{ items: [{ user_name: 'ada' }] }, { items: [{ login: 'eve' }] }],
  },
  {
    rule: 'nullEqualsAbsent',
    spec: { nullEqualsAbsent: true },
    equal: [{ items: [{ a: 1 }] }, { items: [{ a: 1, deleted_at: null }] }],
    fired: ['nullEqualsAbsent at /items/*/deleted_at'],
    other: [{ a: 1 }, { a: 1, b: 0 }],
  },
];

describe('equivalence rules', () => {
  it.each(RULES)('$rule turns the matching divergence into equality', (f) => {
    expect(run(f.equal[0], f.equal[1], {}).verdict).toBe('divergent');
    const judgement = run(f.equal[0], f.equal[1], f.spec);
    expect(judgement.verdict).toBe('equal');
    expect(judgement.comparison?.equivalences).toEqual(f.fired);
  });

  it.each(RULES)('$rule leaves a different divergence alone', (f) => {
    const judgement = run(f.other[0], f.other[1], f.spec);
    expect(judgement.verdict).toBe('divergent');
    expect(divergenceOf(judgement)?.changes.length).toBeGreaterThan(0);
  });

  it('statusEquivalence makes 400 and 422 equal, not 400 and 500', () => {
    const spec = { statusEquivalence: [[400, 422]] };
    const equal = run({ e: 1 }, { e: 1 }, spec, [400, 422]);
    expect(equal.verdict).toBe('equal');
    expect(equal.comparison?.equivalences).toEqual(['statusEquivalence: [400, 422]']);
    expect(divergenceOf(run({ e: 1 }, { e: 1 }, spec, [400, 500]))?.kinds).toEqual(['status']);
    // The body still counts: an equivalent status does not hide a body difference.
    expect(divergenceOf(run({ e: 1 }, { e: 2 }, spec, [400, 422]))?.kinds).toEqual(['value']);
  });

  it('emptyEqualsNull with nullEqualsAbsent also equals an absent key', () => {
    const both = run({ tags: [] }, {}, { emptyEqualsNull: true, nullEqualsAbsent: true });
    expect(both.verdict).toBe('equal');
    expect(run({ tags: [] }, {}, { emptyEqualsNull: true }).verdict).toBe('divergent');
  });

  it('enumTag alone does not fold the field names', () => {
    const spec = { enumTag: { baseline: 'external', candidate: { field: 'Kind' } } } as const;
    const judgement = run(SERDE, { Kind: 'schema', Field: 'x', Reason: 'y' }, spec);
    expect(judgement.verdict).toBe('divergent');
    expect(run(SERDE, { Kind: 'schema', field: 'x', reason: 'y' }, spec).verdict).toBe('equal');
  });

  it('rejects rules that cannot be applied', () => {
    const both = rulesSpecSchema().safeParse({
      enumTag: { baseline: 'external', candidate: 'external' },
    });
    expect(both.success).toBe(false);
    const stars = rulesSpecSchema().safeParse({ renames: [{ baseline: '/a/*', candidate: '/b' }] });
    expect(stars.success).toBe(false);
    expect(rulesSpecSchema().safeParse({ statusEquivalence: [[400]] }).success).toBe(false);
  });

  it('merges layers: switches override, lists add', () => {
    const rules = resolveRules([
      rulesSpecSchema().parse({ timestamps: 'instant', statusEquivalence: [[400, 422]] }),
      rulesSpecSchema().parse({ timestamps: 'second', statusEquivalence: [[401, 403]] }),
    ]);
    expect(rules.equivalence?.timestamps).toBe('second');
    expect(rules.equivalence?.statusEquivalence).toEqual([
      [400, 422],
      [401, 403],
    ]);
    expect(resolveRules([rulesSpecSchema().parse({})]).equivalence).toBeUndefined();
  });

  it('lists the declared rules that never fired', () => {
    const c = withRules({ timestamps: 'instant', numberStrings: true, keyCase: 'fold' });
    expect(unusedRules(declaredEquivalences(c.rules), ['timestamps: instant at /at'])).toEqual([
      'keyCase: fold',
      'numberStrings',
    ]);
  });

  it('compares decimals exactly', () => {
    expect(sameDecimal('1', '1.000')).toBe(true);
    expect(sameDecimal('1e+21', '1000000000000000000000')).toBe(true);
    expect(sameDecimal('0.05', '5e-2')).toBe(true);
    expect(sameDecimal('9007199254740993', '9007199254740992')).toBe(false);
    expect(sameDecimal('-0', '0')).toBe(true);
    expect(sameDecimal('abc', 'abc')).toBe(false);
  });

  it('agrees with the key it used before there was one canonical number form', () => {
    // The comparison key core/normalise/numbers.ts had of its own (0.DIGITS × 10^EXP).
    const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
    const oldKey = (text: string): string | undefined => {
      const match = NUMBER_TEXT.exec(text.trim());
      if (match === null) return undefined;
      const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
      const digits = `${whole}${fraction}`;
      const leading = digits.length - digits.replace(/^0+/, '').length;
      const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
      if (significant === '') return '0';
      return `${sign}${significant}e${BigInt(exponent) + BigInt(whole.length) - BigInt(leading)}`;
    };
    const digits = fc.stringMatching(/^[0-9]{1,25}$/);
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-'),
        digits,
        fc.option(digits, { nil: undefined }),
        fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
      )
      .map(
        ([sign, whole, fraction, exp]) =>
          `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${exp === undefined ? '' : `e${exp}`}`,
      );
    // Pairs that are often equal: one number and a rewriting of it.
    const rewritten = decimal.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.constantFrom(text, `${text}0`, `0${text}`, text.replace(/^-/, '')),
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.tuple(decimal, decimal), rewritten), ([a, b]) => {
        expect(sameDecimal(a, b)).toBe(oldKey(a) === oldKey(b));
      }),
      { numRuns: 2_000 },
    );
  });
});
