/**
 * Lists of objects aligned by an identity found in the data: an extra item is
 * one addition, the common items compare with each other, and shuffling an
 * identified list never gives a finding other than its order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import {
  identityKey,
  identityText,
  identityToken,
  withFoundIdentities,
} from '../../../../src/core/compare/identity.js';

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

  it('finds none for duplicates, members too few hold, primitives, coordinates or too few pairs', () => {
    expect(identityKey([{ name: 'a' }, { name: 'a' }], [{ name: 'a' }], [])).toBeUndefined();
    const few = [{ name: 'a' }, { other: 1 }, { other: 2 }];
    expect(identityKey(few, few, [])).toBeUndefined();
    expect(identityKey([{ name: null }, { name: 'b' }], [{ name: 'b' }], [])).toBeUndefined();
    expect(identityKey([1, 2], [2, 1], [])).toBeUndefined();
    expect(identityKey([{ x: 1 }, { x: 2 }], [{ x: 1 }, { x: 3 }], [])).toBeUndefined();
    const left = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
    const right = [{ name: 'a' }, { name: 'x' }, { name: 'y' }, { name: 'z' }];
    expect(identityKey(left, right, [])).toBeUndefined();
  });

  it('reads names like identities in any convention, and not words that merely end in "id"', () => {
    const rows = (key: string) => [{ [key]: 'p' }, { [key]: 'q' }];
    for (const key of [
      'userId',
      'user_id',
      'orderKey',
      'sku',
      'displayName',
      'uuid',
      'peer id',
      'file name',
    ]) {
      expect(identityKey(rows(key), rows(key), [])).toBe(key);
    }
    expect(identityKey(rows('valid'), rows('valid'), [])).toBeUndefined();
    expect(identityKey(rows('paid'), rows('paid'), [])).toBeUndefined();
    expect(identityKey(rows('is paid'), rows('is paid'), [])).toBeUndefined();
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

  it.each([
    ['Name', 'Age', 'RowKey'],
    ['sku', 'quantity', 'bin'],
  ])(
    'a record one side holds without the %s member is an element of its own; the others still pair by it',
    (key, value, other) => {
      // The baseline stored a record without the member (and lists in insertion order); the
      // candidate refused it (and lists in key order): one element fewer and an order, nothing else.
      const record = (name: string, n: number, k: string) => ({
        [key]: name,
        [value]: n,
        [other]: k,
      });
      const baseline = [
        record('ada', 36, '001'),
        record('bob', 26, '002'),
        record('chen', 41, '001'),
        { [value]: 9, [other]: '009' },
      ];
      const candidate = [
        record('chen', 41, '001'),
        record('ada', 36, '001'),
        record('bob', 26, '002'),
      ];
      expect(identityKey(baseline, candidate, [])).toBe(key);
      const changes = diffJson({ value: baseline }, { value: candidate }, plain);
      expect(changes.map((c) => [c.op, c.path])).toEqual([
        ['moved', '/value/2'],
        ['removed', '/value/3'],
      ]);
    },
  );

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

/** Identity values as both sides write them: numbers and the strings that hold them, at the edges of a double. */
const identityValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(-0, 0.5, 1.5, 1e16, 2 ** 53, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('0', '-0', '1', '-1', '01', '1.5', '9007199254740993', '10000000000000000'),
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(null, true, {}),
);

/** `identityKey` as it was: every value's `identityText` in a set per list (the reference). */
function referenceIdentityKey(
  left: readonly Record<string, unknown>[],
  right: readonly Record<string, unknown>[],
  configured: readonly string[],
): string | undefined {
  if (left.length === 0 || right.length === 0 || Math.max(left.length, right.length) < 2) {
    return undefined;
  }
  const texts = (items: readonly Record<string, unknown>[], key: string) => {
    const seen = new Set<string>();
    for (const item of items) {
      const text = Object.hasOwn(item, key) ? identityText(item[key]) : undefined;
      if (text === undefined || seen.has(text)) return undefined;
      seen.add(text);
    }
    return seen;
  };
  const usual = ['id', '_id', 'uuid', 'key', 'name', 'slug', 'code', 'email'];
  const rankOf = (key: string) =>
    configured.includes(key)
      ? configured.indexOf(key)
      : usual.includes(key)
        ? configured.length + usual.indexOf(key)
        : Number.POSITIVE_INFINITY;
  const needed = Math.max(1, Math.ceil(Math.min(left.length, right.length) * 0.5));
  let best: { key: string; paired: number; rank: number } | undefined;
  const first = left[0] ?? {};
  for (const key of Object.keys(first)) {
    if (![...left, ...right].every((item) => Object.hasOwn(item, key))) continue;
    const mine = texts(left, key);
    const theirs = mine === undefined ? undefined : texts(right, key);
    if (mine === undefined || theirs === undefined) continue;
    const paired = [...theirs].filter((text) => mine.has(text)).length;
    if (paired < needed) continue;
    const rank = rankOf(key);
    if (
      best === undefined ||
      paired > best.paired ||
      (paired === best.paired && rank < best.rank)
    ) {
      best = { key, paired, rank };
    }
  }
  return best?.key;
}

describe('identity values without their text', () => {
  it('gives two values one token exactly when their identityText is one', () => {
    fc.assert(
      fc.property(identityValue, identityValue, (a, b) => {
        const sameText = identityText(a) === identityText(b);
        expect(identityToken(a) === identityToken(b)).toBe(sameText);
        expect(identityToken(a) === undefined).toBe(identityText(a) === undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the identity the text sets found (any values, any configured keys)', () => {
    const record = fc.record({ id: identityValue, name: identityValue, sku: identityValue });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.array(record, { maxLength: 8 }),
        fc.subarray(['id', 'name', 'sku']),
        (left, right, configured) => {
          expect(identityKey(left, right, configured)).toBe(
            referenceIdentityKey(left, right, configured),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('answers the same lists again under other configured keys', () => {
    const left = [
      { id: 1, sku: 'a' },
      { id: 2, sku: 'b' },
    ];
    const right = [
      { id: 2, sku: 'b' },
      { id: 1, sku: 'a' },
    ];
    expect(identityKey(left, right, [])).toBe('id');
    expect(identityKey(left, right, ['sku'])).toBe('sku');
    expect(identityKey(left, right, [])).toBe('id');
    expect(identityKey(left, [...right], ['sku'])).toBe('sku');
  });
});

describe('withFoundIdentities', () => {
  it('keeps what identityKey found for the one diff it runs, and for no other', () => {
    const left: Record<string, unknown>[] = [{ id: 1 }, { id: 2 }];
    const right = [{ id: 2 }, { id: 1 }];
    withFoundIdentities(() => {
      expect(identityKey(left, right, [])).toBe('id');
      // Asked again in the same diff: answered from what was found, not read again.
      for (const item of left) item['id'] = 7;
      expect(identityKey(left, right, [])).toBe('id');
    });
    // A diff after it reads the lists as they are now (no longer unique).
    expect(identityKey(left, right, [])).toBeUndefined();
    expect(withFoundIdentities(() => identityKey(left, right, []))).toBeUndefined();
  });
});
