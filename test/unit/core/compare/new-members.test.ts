/**
 * Issue 43: which `absent vs null` members are new (`new-null-members.ts`):
 * a member the side that leaves it out writes nowhere in the run's bodies.
 * Planted twice with other names; a member written elsewhere (with a value,
 * as `null`, on another object) is the convention's, as is every member of a
 * side that writes no `null` (an encoder that leaves nulls out), and nothing
 * is called new where a body is not held or a preview cut it.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { newMembers } from '../../../../src/core/compare/new-members.js';
import { ownKey } from '../../../../src/core/compare/recurring-causes.js';

const nullCause = (field: string, writes: 'candidate' | 'baseline'): RootCause => ({
  type: 'pattern',
  pattern: 'null-vs-absent',
  field,
  params: [`${writes}-null`],
  detail: writes === 'candidate' ? 'absent vs null' : 'null vs absent',
});

describe.each([
  { fresh: 'requiredApprovals', known: 'archivedAt', other: 'owner', writes: 'candidate' as const },
  { fresh: 'milestoneId', known: 'deletedAt', other: 'region', writes: 'baseline' as const },
])('$fresh beside $known', ({ fresh, known, other, writes }) => {
  const omits = writes === 'candidate' ? 'baseline' : 'candidate';
  const findings = [{ cause: nullCause(fresh, writes) }, { cause: nullCause(known, writes) }];
  const answer = (body: unknown, written: unknown) => ({
    findings,
    bodies: { [omits]: body, [writes]: written },
  });

  it('calls new only the member the omitting side writes nowhere, where it writes null', () => {
    const listed = answer(
      [{ id: 1, [known]: '2024-01-01', [other]: null }, { id: 2 }],
      [{ id: 1 }],
    );
    expect([...newNullMembers([listed])]).toEqual([ownKey(nullCause(fresh, writes))]);
  });

  it('calls nothing new where the omitting side writes no null at all', () => {
    const listed = answer([{ id: 1, [other]: 'x' }, { id: 2 }], [{ id: 1 }]);
    expect(newNullMembers([listed]).size).toBe(0);
  });

  it('counts a member written as null, or on another object, as known', () => {
    const nested = answer({ [other]: { [known]: null }, [fresh]: { id: 1 } }, {});
    expect(newNullMembers([nested]).size).toBe(0);
  });

  it('calls nothing new without the bodies or where a preview cut them', () => {
    expect(newNullMembers([{ findings }]).size).toBe(0);
    const cut = { ...answer([{ id: 1 }], []), bodies: { [omits]: [], cut: { [omits]: {} } } };
    expect(newNullMembers([cut]).size).toBe(0);
  });
});
