/**
 * Lists of objects aligned by an identity found in the data: an extra item is
 * one addition, the common items compare with each other, and shuffling an
 * identified list never gives a finding other than its order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../src/compare/delta.js';
import { findingsOf } from '../../../src/compare/findings.js';
import { identityKey } from '../../../src/compare/identity.js';

const plain = { arrayKeys: ['id'], tolerance: [] };

function findingsFor(baseline: unknown, candidate: unknown) {
  const body = diffJson(baseline, candidate, plain);
  return findingsOf({
    endpoint: 'GET /items',
    comparison: { status: { equal: true, baseline: 200, candidate: 200 }, headers: [], body },
  });
}

describe('identityKey', () => {
  it('takes the member that pairs the most elements, preferring configured keys on a tie', () => {
    const left = [
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ];
    expect(identityKey(left, left, ['id'])).toBe('id');
    expect(identityKey(left, left, ['name'])).toBe('name');
  });

  it('skips a member each side generates for itself (nothing pairs) for one that pairs', () => {
    const left = [
      { id: 'b-1', email: 'a@x' },
      { id: 'b-2', email: 'b@x' },
    ];
    const right = [
      { id: 'c-9', email: 'b@x' },
      { id: 'c-8', email: 'a@x' },
    ];
    expect(identityKey(left, right, ['id'])).toBe('email');
  });

  it('finds none for duplicates, missing members, primitives, coordinates or too few pairs', () => {
    expect(identityKey([{ name: 'a' }, { name: 'a' }], [{ name: 'a' }], [])).toBeUndefined();
    expect(identityKey([{ name: 'a' }, { other: 1 }], [{ name: 'a' }], [])).toBeUndefined();
    expect(identityKey([1, 2], [2, 1], [])).toBeUndefined();
    expect(identityKey([{ x: 1 }, { x: 2 }], [{ x: 1 }, { x: 3 }], [])).toBeUndefined();
    const left = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
    const right = [{ name: 'a' }, { name: 'x' }, { name: 'y' }, { name: 'z' }];
    expect(identityKey(left, right, [])).toBeUndefined();
  });

  it('reads names like identities in any convention, and not words that merely end in "id"', () => {
    const rows = (key: string) => [{ [key]: 'p' }, { [key]: 'q' }];
    for (const key of ['userId', 'user_id', 'orderKey', 'sku', 'displayName', 'uuid']) {
      expect(identityKey(rows(key), rows(key), [])).toBe(key);
    }
    expect(identityKey(rows('valid'), rows('valid'), [])).toBeUndefined();
    expect(identityKey(rows('paid'), rows('paid'), [])).toBeUndefined();
  });
});

describe('lists aligned by identity', () => {
  const item = (name: string, score: number) => ({ name, score, email: `${name}@x` });

  it('an extra item in the middle is one addition; the others compare with their own', () => {
    const baseline = { items: [item('ann', 1), item('bob', 2), item('cy', 3)] };
    const candidate = { items: [item('ann', 1), item('new', 9), item('bob', 2), item('cy', 4)] };
    expect(diffJson(baseline, candidate, plain)).toEqual([
      { path: '/items/1', op: 'added', candidate: item('new', 9) },
      { path: '/items/2/score', op: 'value', baseline: 3, candidate: 4 },
    ]);
    const kinds = findingsFor(baseline, candidate).map((f) => f.summary);
    expect(kinds).toHaveLength(2);
  });

  it('ids written as numbers on one side and as text on the other pair: one row, the id type', () => {
    // json-server 0.17 against 1.0: every id becomes text; sorted differently, and one more post.
    const post = (id: number, views: number) => ({ id, title: `t${id}`, views });
    const text = (p: ReturnType<typeof post>) => ({ ...p, id: String(p.id) });
    const baseline = [post(1, 10), post(2, 30), post(3, 20)];
    const candidate = [post(3, 20), post(1, 10), post(2, 30), post(4, 5)].map(text);
    const changes = diffJson(baseline, candidate, plain);
    expect(changes.filter((c) => c.op === 'added').map((c) => c.path)).toEqual(['/3']);
    expect(changes.filter((c) => c.op === 'moved').map((c) => c.path)).toEqual(['/2']);
    expect(changes.filter((c) => c.op === 'type').map((c) => c.path)).toEqual([
      '/0/id',
      '/1/id',
      '/2/id',
    ]);
    const summaries = findingsFor(baseline, candidate).map((f) => f.summary);
    expect(summaries).toContain('integer as number vs string at `id`');
    expect(summaries.some((s) => s.includes('lacks'))).toBe(false);
    // Within one list, `1` and `"1"` are one value: no identity.
    expect(identityKey([{ id: 1 }, { id: '1' }], [{ id: 1 }, { id: '1' }], [])).toBeUndefined();
  });

  it('a list without identity keeps comparing by index', () => {
    const baseline = { points: [{ x: 1 }, { x: 2 }] };
    const candidate = { points: [{ x: 1 }, { x: 5 }] };
    expect(diffJson(baseline, candidate, plain)).toEqual([
      { path: '/points/1/x', op: 'value', baseline: 2, candidate: 5 },
    ]);
  });

  it('property: shuffling an identified list never gives a finding other than its order', () => {
    const record = fc.record({
      score: fc.integer({ min: 0, max: 9 }),
      tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 30 }),
        fc.array(record, { minLength: 30, maxLength: 30 }),
        fc.constantFrom('name', 'sku', 'userId'),
        fc.infiniteStream(fc.nat()),
        (names, records, key, randoms) => {
          const items = names.map((name, i) => ({ [key]: name, ...records[i] }));
          const shuffled = [...items];
          const draws = randoms.take(shuffled.length);
          let k = shuffled.length;
          for (const draw of draws) {
            if (k <= 1) break;
            const j = draw % k;
            k--;
            const [a, b] = [shuffled[k], shuffled[j]];
            if (a === undefined || b === undefined) continue;
            [shuffled[k], shuffled[j]] = [b, a];
          }
          for (const finding of findingsFor({ items }, { items: shuffled })) {
            expect(finding.cause).toMatchObject({ type: 'pattern', pattern: 'array-order' });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
