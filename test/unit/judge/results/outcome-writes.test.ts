import { describe, expect, it } from 'vitest';
import type { Change, DivergentObservation } from '../../../../src/contract/observation.js';
import { outcomeFindingOf, writtenOutcomes } from '../../../../src/judge/results/outcome-writes.js';
import { divergentObservation } from '../../../helpers/divergent.js';

/** A write's answer with one finding per change, at its path. */
function answer(
  statuses: readonly [number, number],
  bodies: readonly [unknown, unknown],
  changes: readonly Change[],
): DivergentObservation {
  return divergentObservation({
    endpoint: 'POST /locks/:id/acquire',
    request: { method: 'POST', path: '/locks/7/acquire' },
    baseline: { status: statuses[0], durationMs: 1 },
    candidate: { status: statuses[1], durationMs: 1 },
    findings: changes.map((change) => ({
      fingerprint: `finding-${change.path}`,
      kind: 'value',
      cause: {
        type: 'structure',
        endpoint: '/locks/:id/acquire',
        change: { op: change.op, path: change.path, baseline: 'boolean', candidate: 'boolean' },
      },
      summary: change.path,
      paths: [change.path],
    })),
    changes,
    bodies: { baseline: bodies[0], candidate: bodies[1] },
  });
}

const applied: Change = { path: '/Applied', op: 'value', baseline: true, candidate: false };

describe('outcomeFindingOf', () => {
  it('reads a top-level boolean that differs in a 2xx answer on both sides', () => {
    const found = outcomeFindingOf(
      answer([200, 201], [{ Applied: true }, { Applied: false }], [applied]),
    );
    expect(found?.paths).toEqual(['/Applied']);
  });

  it("reads no outcome in a boolean whose name is a record's attribute", () => {
    const held: Change = { path: '/held', op: 'value', baseline: true, candidate: false };
    expect(outcomeFindingOf(answer([200, 200], [{ held: true }, { held: false }], [held]))).toBe(
      undefined,
    );
  });

  it('reads no outcome where a side refused, or a boolean stands against nothing', () => {
    const refused = answer([200, 409], [{ Applied: true }, { Applied: false }], [applied]);
    expect(outcomeFindingOf(refused)).toBe(undefined);
    const lacked: Change = { path: '/Applied', op: 'removed', baseline: true, candidate: null };
    expect(outcomeFindingOf(answer([200, 200], [{ Applied: true }, {}], [lacked]))).toBe(undefined);
  });

  it('reads no outcome in a list of flags, at the top or below it', () => {
    const first: Change = { path: '/0', op: 'value', baseline: true, candidate: false };
    expect(outcomeFindingOf(answer([200, 200], [[true], [false]], [first]))).toBe(undefined);
    const listed: Change = { path: '/locks/0/ok', op: 'value', baseline: true, candidate: false };
    const bodies = [{ locks: [{ ok: true }] }, { locks: [{ ok: false }] }] as const;
    expect(outcomeFindingOf(answer([200, 200], bodies, [listed]))).toBe(undefined);
  });
});

/**
 * A side that leaves `false` out (the protobuf JSON mapping: etcd's gateway
 * omits `"succeeded": false`): where it writes the member `true` in other
 * answers and never `false`, its absence against the other side's `true` is
 * the outcome. Two fixtures of other names and sides.
 */
describe.each([
  { name: 'succeeded', omitting: 'baseline' as const },
  { name: 'Applied', omitting: 'candidate' as const },
])('an outcome the $omitting leaves out when false ($name)', ({ name, omitting }) => {
  const path = `/${name}`;
  const present = { [name]: true, id: 1 };
  const absent = { id: 1 };
  const gone: Change =
    omitting === 'baseline'
      ? { path, op: 'added', candidate: true }
      : { path, op: 'removed', baseline: true };
  const differs = answer(
    [200, 200],
    omitting === 'baseline' ? [absent, present] : [present, absent],
    [gone],
  );
  // An answer both sides gave `true`, differing elsewhere: the omitting side writes the member.
  const both = answer(
    [200, 200],
    [
      { ...present, at: 1 },
      { ...present, at: 2 },
    ],
    [{ path: '/at', op: 'value', baseline: 1, candidate: 2 }],
  );

  it('is the outcome once that side wrote it `true` elsewhere and never `false`', () => {
    expect(outcomeFindingOf(differs, writtenOutcomes([both, differs]))?.paths).toEqual([path]);
  });

  it('is none where that side never writes it, or also writes `false`', () => {
    expect(outcomeFindingOf(differs, writtenOutcomes([differs]))).toBe(undefined);
    const falseToo = answer(
      [200, 200],
      [
        { [name]: false, id: 2 },
        { [name]: false, id: 3 },
      ],
      [{ path: '/id', op: 'value', baseline: 2, candidate: 3 }],
    );
    expect(outcomeFindingOf(differs, writtenOutcomes([both, falseToo, differs]))).toBe(undefined);
  });
});
