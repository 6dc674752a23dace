/**
 * Tracker rule 33 on answers in memory (`checked-parameters.ts`): one side's
 * refusals whose reasons name one parameter the request sent are one cause
 * on two endpoints, or on one endpoint with two transitions; on one endpoint
 * with one transition they keep their own rows. A refusal naming two
 * parameters joins the one named on the most endpoints. Two fixtures of
 * other names, sides and statuses.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import {
  checkedParameters,
  type ParameterAnswer,
} from '../../../../src/core/compare/checked-parameters.js';
import { causeKey } from '../../../../src/core/compare/root-cause.js';

interface Fixture {
  readonly name: string;
  readonly refuser: 'baseline' | 'candidate';
  readonly statuses: readonly [number, number];
  readonly parameter: string;
  readonly other: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a token endpoint',
    refuser: 'candidate',
    statuses: [400, 422],
    parameter: 'code_challenge',
    other: 'code_verifier',
  },
  {
    name: 'a stream API',
    refuser: 'baseline',
    statuses: [400, 409],
    parameter: 'StreamName',
    other: 'ShardCount',
  },
];

function answer(
  f: Fixture,
  endpoint: string,
  status: number,
  message: string,
  parameters: readonly string[],
): { answer: ParameterAnswer; cause: RootCause } {
  const [b, c] = f.refuser === 'baseline' ? [status, 200] : [200, status];
  const cause: RootCause = { type: 'status', endpoint, baseline: b, candidate: c, reason: message };
  const refusing = { error: message };
  return {
    cause,
    answer: {
      endpoint,
      baseline: { status: b },
      candidate: { status: c },
      bodies:
        f.refuser === 'baseline'
          ? { baseline: refusing, candidate: {} }
          : { baseline: {}, candidate: refusing },
      request: { parameters },
      findings: [{ cause }],
    },
  };
}

describe.each(FIXTURES)('checkedParameters: $name', (f) => {
  const [first, second] = f.statuses;
  const P = f.parameter;
  const Q = f.other;

  it('joins two transitions of one endpoint, never one transition with two reasons', () => {
    const a = answer(f, 'POST /a', first, `${P} is malformed`, [P]);
    const b = answer(f, 'POST /a', second, `${P} conflicts with the stored one`, [P]);
    const joined = checkedParameters([a.answer, b.answer]);
    const cause = joined.get(causeKey(a.cause));
    expect(cause).toMatchObject({ type: 'status', endpoint: '* *', parameter: P });
    expect(joined.get(causeKey(b.cause))).toBe(cause);
    const c = answer(f, 'POST /a', first, `${P} is too long`, [P]);
    expect(checkedParameters([a.answer, c.answer]).size).toBe(0);
  });

  it('joins a refusal naming two parameters to the one named on the most endpoints', () => {
    const both = answer(f, 'POST /a', first, `${Q} does not match ${P}`, [P, Q]);
    const one = answer(f, 'GET /b', first, `unknown ${P} method`, [P]);
    const two = answer(f, 'PUT /c', first, `${P} is not allowed`, [P]);
    const lone = answer(f, 'PUT /d', first, `${Q} was seen before`, [Q]);
    const joined = checkedParameters([both.answer, one.answer, two.answer, lone.answer]);
    for (const { cause } of [both, one, two]) {
      expect(joined.get(causeKey(cause))).toMatchObject({ parameter: P });
    }
    // `Q` is left with one endpoint: its own row.
    expect(joined.has(causeKey(lone.cause))).toBe(false);
  });

  it('reads no parameter in a placeholder the run put for a value', () => {
    const a = answer(f, 'POST /a', first, `cannot store '{{${P}}}' here`, [P]);
    const b = answer(f, 'GET /b', first, `no file at {{${P}}}`, [P]);
    expect(checkedParameters([a.answer, b.answer]).size).toBe(0);
  });

  it('leaves a refusal another rule joined where it is', () => {
    const a = answer(f, 'POST /a', first, `${P} is malformed`, [P]);
    const b = answer(f, 'GET /b', first, `${P} is unknown`, [P]);
    const other: RootCause = {
      type: 'status',
      endpoint: '* *',
      baseline: 400,
      candidate: 200,
      reason: 'x',
    };
    const joined = checkedParameters([a.answer, b.answer], new Map([[causeKey(a.cause), other]]));
    expect(joined.size).toBe(0);
  });
});
