/**
 * Issue 43 (5): the protobuf style guide's enum value names carry their type's
 * prefix (`ITEM_STATE_ACTIVE`); a re-implementation writes the bare value
 * (`active`). One finding per field whatever the value, never for a value
 * whose leading words do not name the field's type.
 */

import { describe, expect, it } from 'vitest';
import { judge } from '../../../../../src/core/compare/judge.js';
import { isTypePrefixed } from '../../../../../src/core/compare/patterns/enum-case.js';
import { divergenceOf } from '../../../../helpers/judgement.js';
import { exchange, json, response, testCase } from '../fixtures.js';

function judged(baseline: unknown, candidate: unknown, path = '/v1/x') {
  const c = testCase({
    id: `t${path}`,
    request: { method: 'GET', path, query: [], headers: [], body: { kind: 'none' } },
  });
  const j = judge(exchange(response(200, json(baseline)), response(200, json(candidate)), c));
  const divergence = divergenceOf(j);
  if (divergence === undefined || j.verdict !== 'divergent') {
    throw new Error('expected a divergence');
  }
  return {
    summary: divergence.summary,
    patterns: divergence.pattern?.matches.map((m) => m.name) ?? [],
    causes: j.findings.map((f) => f.fingerprint),
  };
}

describe('enum values with their type prefix (protobuf style)', () => {
  it.each([
    ['state', 'ITEM_STATE_ACTIVE', 'active', 'ITEM_STATE_ARCHIVED', 'archived'],
    [
      'status',
      'ORDER_STATUS_SHIPPED',
      'shipped',
      'ORDER_STATUS_PENDING_PAYMENT',
      'pending_payment',
    ],
  ])('reads `%s` as one enum casing whatever the value', (field, b1, c1, b2, c2) => {
    const one = judged({ [field]: b1 }, { [field]: c1 }, '/v1/one');
    const two = judged({ [field]: b2 }, { [field]: c2 }, '/v2/two');
    expect(one.patterns).toEqual(['enum-case']);
    expect(one.summary).toBe(
      `\`/${field}\` enum values UPPER_CASE with the type's prefix vs lower_case`,
    );
    expect(two.causes).toEqual(one.causes);
    // The other way round too (the candidate writes the prefixed names).
    expect(judged({ [field]: c1 }, { [field]: b1 }).patterns).toEqual(['enum-case']);
  });

  it('keeps two fields two causes', () => {
    const state = judged({ state: 'ITEM_STATE_ACTIVE' }, { state: 'active' });
    const kind = judged({ kind: 'ITEM_KIND_TOOL' }, { kind: 'tool' });
    expect(kind.patterns).toEqual(['enum-case']);
    expect(kind.causes).not.toEqual(state.causes);
  });

  it('takes leading words that do not name the field for another value', () => {
    expect(isTypePrefixed('NOT_FOUND', 'found', 'result')).toBe(false);
    expect(judged({ result: 'NOT_FOUND' }, { result: 'found' }).patterns).toEqual([]);
    expect(isTypePrefixed('ITEM_STATE_ACTIVE', 'archived', 'state')).toBe(false);
    expect(isTypePrefixed('ITEM_STATE_ACTIVE', 'ACTIVE', 'state')).toBe(false);
    expect(isTypePrefixed('STATE_ACTIVE', 'active', 'state')).toBe(true);
  });

  it('keeps a real value change of the same field a second cause (planted)', () => {
    const casing = judged({ state: 'ITEM_STATE_ACTIVE' }, { state: 'active' });
    const other = judged({ state: 'ITEM_STATE_ACTIVE' }, { state: 'archived' });
    expect(other.patterns).toEqual([]);
    expect(other.causes.some((c) => casing.causes.includes(c))).toBe(false);
    // Both in one answer: two causes, one explained, one not.
    const both = judged(
      { state: 'ITEM_STATE_ACTIVE', phase: 'RUN_PHASE_DONE' },
      { state: 'active', phase: 'failed' },
    );
    expect(both.causes).toHaveLength(2);
  });
});
