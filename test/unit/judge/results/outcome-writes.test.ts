import { describe, expect, it } from 'vitest';
import type { Change, DivergentObservation } from '../../../../src/contract/observation.js';
import { outcomeFindingOf } from '../../../../src/judge/results/outcome-writes.js';
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
