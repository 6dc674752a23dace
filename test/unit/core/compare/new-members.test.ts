/**
 * Issue 43: which members of the "absent against an empty value" families
 * are new (`new-members.ts`): `null`, `[]`, `{}` and zero-valued members the
 * side that leaves them out writes nowhere in the run's bodies. Planted
 * twice with other names; a member written elsewhere (with a value, empty,
 * on another object) is the convention's, as is every member of a side that
 * writes no such empty value (an encoder that leaves them out), and nothing
 * is called new where a body is not held or a preview cut it.
 */
import { describe, expect, it } from 'vitest';
import { newMembers } from '../../../../src/core/compare/new-members.js';
import { answerOfBodies } from './fixtures.js';

const answer = answerOfBodies;

describe.each([
  {
    list: '/projects',
    kept: { id: 'p1', name: 'one', note: null, tags: [], meta: {}, stale: 0, owner: '' },
    fresh: { archivedAt: null, links: [], settings: {}, yes: 0, label: '' },
    known: 'note',
  },
  {
    list: '/stores',
    kept: { id: 's1', title: 'two', remark: null, codes: [], extra: {}, count: 0, city: '' },
    fresh: { closedOn: null, coupons: [], hours: {}, visits: 0, motto: '' },
    known: 'remark',
  },
])('new members of $list', ({ list, kept, fresh, known }) => {
  const key = list.slice(1);
  const both = answer(
    `read ${key}`,
    `GET ${list}`,
    { [key]: [kept] },
    { [key]: [{ ...kept, ...fresh }] },
  );

  it('calls every empty member the baseline writes nowhere new, each within its record', () => {
    const found = [...newMembers([both]).values()];
    const names = found.flatMap((m) => [...m.names]).sort();
    expect(names).toEqual(Object.keys(fresh).sort());
    for (const member of found) {
      expect(member.op).toBe('added');
      expect([...member.answers]).toEqual([`read ${key}`]);
    }
    const [nullMember] = Object.keys(fresh);
    const changes = found.flatMap((m) => m.changes);
    expect(changes).toContainEqual({
      op: 'added',
      path: `/${nullMember}`,
      baseline: '-',
      candidate: 'null',
    });
  });

  it('keeps a member the baseline writes elsewhere, even empty or on another object', () => {
    const elsewhere = answer(
      `read one`,
      `GET ${list}/:id`,
      { item: { ...kept, ...Object.fromEntries(Object.keys(fresh).map((n) => [n, 'x'])) } },
      { item: { ...kept, ...Object.fromEntries(Object.keys(fresh).map((n) => [n, 'x'])) } },
    );
    expect(newMembers([both, elsewhere]).size).toBe(0);
    const knownNull = answer('known', `GET ${list}/x`, { a: 1 }, { a: 1, [known]: null });
    expect([...newMembers([both, knownNull]).values()].flatMap((m) => [...m.names])).not.toContain(
      known,
    );
  });

  it('calls nothing new where the baseline writes no such empty value anywhere', () => {
    const plain = { id: 'x', name: 'y' };
    const noEmpties = answer(
      `read ${key}`,
      `GET ${list}`,
      { [key]: [plain] },
      {
        [key]: [{ ...plain, ...fresh }],
      },
    );
    expect(newMembers([noEmpties]).size).toBe(0);
  });

  it('calls nothing new without the bodies or where a preview cut them', () => {
    const { bodies: _bodies, ...bare } = both;
    expect(newMembers([bare]).size).toBe(0);
    const cut = { ...both, bodies: { ...both.bodies, cut: { baseline: {} } } };
    expect(newMembers([cut]).size).toBe(0);
  });
});
