/**
 * Issue 43: which answers are accept against refuse (`refused-answers.ts`).
 * One side's refusal member against the other's result, with one status, is
 * that answer's one cause keyed by its resource; answers both sides refused,
 * answers with two statuses, and a refusal member that is `null` (JSON-RPC
 * 1.0's success) are not. Two sets of names: a JSON-RPC envelope and a
 * `fault`/`ok` one.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause, SkeletonChange } from '../../../../src/contract/root-cause.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import {
  type RefusableAnswer,
  refusedAnswers,
} from '../../../../src/core/compare/refused-answers.js';

const member = (op: 'added' | 'removed', path: string, type: string): SkeletonChange =>
  op === 'added'
    ? { op, path, baseline: '-', candidate: type }
    : { op, path, baseline: type, candidate: '-' };

function answer(
  caseId: string,
  endpoint: string,
  statuses: readonly [number, number],
  bodies: readonly [unknown, unknown],
  changes: readonly SkeletonChange[],
): RefusableAnswer {
  const findings = changes.map((change) => {
    const cause: RootCause = { type: 'structure', endpoint: '/', change };
    return findingOf(cause, [change.path]);
  });
  return {
    caseId,
    endpoint,
    baseline: { status: statuses[0] },
    candidate: { status: statuses[1] },
    bodies: { baseline: bodies[0], candidate: bodies[1] },
    findings,
  };
}

describe.each([
  {
    name: 'JSON-RPC result and error',
    endpoint: 'POST / ledger_send',
    resource: '/ ledger_send',
    refusal: 'error',
    result: 'result',
    resultType: 'string',
    refused: { id: 1, error: { code: -32000, message: 'no' } },
    accepted: { id: 1, result: '0x1' },
    alsoRefused: { id: 1, error: { code: -32001, message: 'no' } },
  },
  {
    name: 'ok and fault',
    endpoint: 'POST /rpc Shelf.Reserve',
    resource: '/rpc Shelf.Reserve',
    refusal: 'Fault',
    result: 'ok',
    resultType: 'object',
    refused: { Fault: { faultCode: 4 } },
    accepted: { ok: { slot: 'A' } },
    alsoRefused: { Fault: { faultCode: 5 } },
  },
])('$name', (f) => {
  const lacks = member('removed', `/${f.refusal}`, 'object');
  const adds = member('added', `/${f.result}`, f.resultType);

  it('one side refusing, the other answering, one status: one cause on the resource', () => {
    const found = refusedAnswers([
      answer('a', f.endpoint, [200, 200], [f.refused, f.accepted], [adds, lacks]),
    ]);
    const one = found.get('a');
    expect(one?.cause.endpoint).toBe(f.resource);
    // The refusal member's change first, the result beside it.
    expect(one?.cause.change).toEqual(lacks);
    expect(one?.cause.together).toEqual([adds]);
    expect([...(one?.members ?? [])].sort()).toEqual([`/${f.refusal}`, `/${f.result}`].sort());
  });

  it('is not read where both refused, where the statuses differ, or where the refusal is null', () => {
    const nullRefusal = { ...f.accepted, [f.refusal]: null };
    const found = refusedAnswers([
      answer('both', f.endpoint, [200, 200], [f.refused, f.alsoRefused], []),
      answer('statuses', f.endpoint, [400, 200], [f.refused, f.accepted], [adds, lacks]),
      answer('null', f.endpoint, [200, 200], [nullRefusal, f.accepted], []),
      answer('list', f.endpoint, [200, 200], [[f.refused], [f.accepted]], []),
    ]);
    expect([...found.keys()]).toEqual([]);
  });

  it('a side whose refusal member is null accepted: the other refused', () => {
    const nullRefusal = { ...f.accepted, [f.refusal]: null };
    const retyped: SkeletonChange = {
      op: 'type',
      path: `/${f.refusal}`,
      baseline: 'null',
      candidate: 'object',
    };
    const found = refusedAnswers([
      answer('v1', f.endpoint, [200, 200], [nullRefusal, f.refused], [retyped]),
    ]);
    expect(found.get('v1')?.cause.change).toEqual(retyped);
  });
});
