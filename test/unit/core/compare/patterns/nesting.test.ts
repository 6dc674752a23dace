/**
 * Members one side writes inside an object under a key and the other writes
 * where that object sits are one root cause, not a row per member removed and
 * one for the object added: a record wrapped as `{"item": record}`, an address
 * nested under `address`, each element of a list wrapped. Only members that
 * kept their values moved; anything else stays a change of its own.
 */
import { describe, expect, it } from 'vitest';
import { judgedBodies } from '../fixtures.js';

const judged = (baseline: unknown, candidate: unknown, path = '/v1/users/1') =>
  judgedBodies(baseline, candidate, { path });

const causes = (j: ReturnType<typeof judged>) => j.findings.map((f) => f.fingerprint);
const names = (j: ReturnType<typeof judged>) =>
  j.findings.map((f) => (f.cause.type === 'pattern' ? f.cause.pattern : f.cause.type));
const summaries = (j: ReturnType<typeof judged>) => j.findings.map((f) => f.summary);
const explanation = (j: ReturnType<typeof judged>) =>
  j.verdict === 'divergent' ? j.divergence.explanation : '';

describe('members nested under a key on one side', () => {
  const user = { id: 1, email: 'u1@x.org', name: 'User 1' };
  const order = { id: 7, total: 5, street: 'Main 1', city: 'Paris' };
  const nested = { id: 7, total: 5, address: { street: 'Main 1', city: 'Paris' } };

  it('is one root cause for a record wrapped under a key, whatever the resource', () => {
    const users = judged(user, { item: user });
    expect(names(users)).toEqual(['nesting']);
    expect(summaries(users)).toEqual(['candidate nests members under `item`']);
    expect(explanation(users)).toBe(
      'Candidate writes 3 members (`email`, `id`, `name`) inside `item`, where baseline writes them at the top level, with the same values.',
    );
    const posts = judged({ id: 3, title: 't' }, { item: { id: 3, title: 't' } }, '/v1/posts/3');
    expect(causes(posts)).toEqual(causes(users));
    expect(users.findings[0]?.kind).toBe('shape');
  });

  it('is one root cause for some members moved into an object, beside members that stayed', () => {
    const j = judged(order, nested, '/v1/orders/7');
    expect(names(j)).toEqual(['nesting']);
    expect(summaries(j)).toEqual(['candidate nests members under `address`']);
    expect(j.findings[0]?.paths).toEqual(['/address', '/city', '/street']);
    // A container holding members that did not move says so.
    const beside = judged({ a: 1, b: 2 }, { meta: { a: 1, b: 2, page: 3 } });
    expect(explanation(beside)).toContain('inside `meta`, beside `page`, where baseline');
  });

  it('is another root cause in the other direction, and inside a list of records', () => {
    const flat = judged(nested, order, '/v1/orders/7');
    expect(summaries(flat)).toEqual(['baseline nests members under `address`']);
    expect(causes(flat)).not.toEqual(causes(judged(order, nested, '/v1/orders/7')));
    const list = judged({ items: [order] }, { items: [nested] }, '/v1/orders');
    expect(names(list)).toEqual(['nesting']);
    expect(causes(list)).toEqual(causes(judged(order, nested, '/v1/orders/7')));
  });

  it('is one root cause for each element of a list wrapped under one key', () => {
    const users = [user, { ...user, id: 2, email: 'u2@x.org' }];
    const j = judged(
      users,
      users.map((u) => ({ item: u })),
      '/v1/users',
    );
    expect(names(j)).toEqual(['nesting']);
    expect(summaries(j)).toEqual(['candidate wraps list elements under `item`']);
    expect(explanation(j)).toBe(
      'Candidate wraps 2 elements of the list in an object, under `item`, where baseline writes the elements bare, with the same values.',
    );
    // Elements wrapped under different keys are no one convention.
    const mixed = judged(users, [{ item: users[0] }, { record: users[1] }], '/v1/users');
    expect(names(mixed)).not.toContain('nesting');
  });

  it('leaves members whose values changed, and a lone coincidence, to their own causes', () => {
    // `city` changed on the way: only `street` moved, and one member is no evidence.
    const changed = judged(
      { street: 'Main 1', city: 'Paris' },
      { address: { street: 'Main 1', city: 'Lyon' } },
    );
    expect(names(changed)).not.toContain('nesting');
    // One equal member inside a larger object may be chance.
    const chance = judged({ count: 3, a: 'x' }, { a: 'x', meta: { count: 3, page: 1 } });
    expect(names(chance)).not.toContain('nesting');
    // …but an object holding that member alone is the member, nested.
    const lone = judged({ count: 3, a: 'x' }, { a: 'x', meta: { count: 3 } });
    expect(names(lone)).toEqual(['nesting']);
  });

  it('stays linear on objects and lists of thousands of members (key case, tagged enum too)', () => {
    const n = 20_000;
    // Two maps of records under disjoint ids: no container holds a loose member.
    const a = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`a${i}`, { v: i, w: `x${i}` }]),
    );
    const b = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`b${i}`, { v: i, w: `x${i}` }]),
    );
    expect(names(judged(a, b))).not.toContain('nesting');
    // Every element of a long list wrapped: one cause. Past 512 elements the differ
    // pairs them by index, so each element is its members moved under `item`.
    const list = Array.from({ length: n }, (_, i) => ({ n: i, s: `e${i}` }));
    const wrapped = judged(
      list,
      list.map((e) => ({ item: e })),
      '/v1/big',
    );
    expect(names(wrapped)).toEqual(['nesting']);
    expect(wrapped.findings[0]?.paths).toHaveLength(3 * n);
    // ~11 s on a loaded machine; quadratic work would take hours: the bound is for that, not a speed.
  }, 120_000);
});
