/**
 * Issue 43, rule 43 (`reason-details.ts`): changes under one member of a
 * refusal object, on answers refused for one reason worded alike on both
 * sides, on two resources or more, are one cause; another reason, a reason
 * worded otherwise on one side, one resource, or the envelope's members
 * stay apart. Planted twice, with other members and words.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import { reasonDetails } from '../../../../src/core/compare/reason-details.js';
import type { Seen } from '../../../../src/core/compare/seen-changes.js';

function seen(change: SkeletonChange, answers: Record<string, string>): Seen {
  return {
    change,
    keys: new Set([change.path]),
    places: new Set([change.path]),
    answers: new Set(Object.keys(answers)),
    resources: new Set(Object.values(answers)),
    pairs: new Set(),
    pairResources: new Map(),
    offsets: undefined,
    concrete: new Map(),
  };
}

describe.each([
  {
    name: 'a JSON-RPC error',
    top: 'error',
    member: 'data',
    words: 'message',
    reason: 'halted by guard clause',
  },
  {
    name: 'a fault',
    top: 'fault',
    member: 'detail',
    words: 'faultString',
    reason: 'quota window exhausted',
  },
])('reasonDetails: $name', ({ top, member, words, reason }) => {
  const refusal = (said: string, details: unknown) => ({
    [top]: { code: 1, [words]: said, [member]: details },
  });
  const both = (b: string, c = b) => ({ baseline: refusal(b, {}), candidate: refusal(c, 'x') });
  const bodies = new Map([
    ['a', both(reason)],
    ['b', both(reason)],
    ['c', both('another thing went wrong')],
    ['d', both(reason, 'worded another way here')],
  ]);
  const classes = new Map([...bodies.keys()].map((answer) => [answer, '200 refusal']));
  const retyped = (answers: Record<string, string>) =>
    seen(
      { op: 'type', path: `/${top}/${member}`, baseline: 'object', candidate: 'string' },
      answers,
    );
  const added = (name: string, answers: Record<string, string>) =>
    seen(
      { op: 'added', path: `/${top}/${member}/${name}`, baseline: '-', candidate: 'number' },
      answers,
    );

  it('joins one reason’s details on two resources', () => {
    const one = retyped({ a: 'op-a' });
    const two = added('counter', { b: 'op-b' });
    expect(reasonDetails([one, two], classes, bodies, new Set())).toEqual([[one, two]]);
  });

  it('keeps apart another reason, one worded otherwise, one resource, the envelope’s, another member', () => {
    const one = retyped({ a: 'op-a' });
    expect(
      reasonDetails([one, added('counter', { c: 'op-c' })], classes, bodies, new Set()),
    ).toEqual([]);
    expect(
      reasonDetails([one, added('counter', { d: 'op-d' })], classes, bodies, new Set()),
    ).toEqual([]);
    expect(
      reasonDetails([one, added('counter', { b: 'op-a' })], classes, bodies, new Set()),
    ).toEqual([]);
    const claimed = added('counter', { b: 'op-b' });
    expect(reasonDetails([one, claimed], classes, bodies, new Set([claimed]))).toEqual([]);
    const other = seen(
      { op: 'added', path: `/${top}/trace`, baseline: '-', candidate: 'string' },
      { b: 'op-b' },
    );
    expect(reasonDetails([one, other], classes, bodies, new Set())).toEqual([]);
    // A change whose answers give two reasons is no one reason's.
    expect(
      reasonDetails(
        [retyped({ a: 'op-a', c: 'op-c' }), added('n', { b: 'op-b' })],
        classes,
        bodies,
        new Set(),
      ),
    ).toEqual([]);
  });
});
