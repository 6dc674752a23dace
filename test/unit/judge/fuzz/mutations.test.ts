/**
 * The mutations: every one of the vocabulary is generated from a seed that
 * offers what it needs; each does what it says on the bytes; the input
 * stream is the same for the same seed number and differs for another.
 */
import { describe, expect, it } from 'vitest';
import { inputStream } from '../../../../src/judge/fuzz/generate.js';
import { conventions, letterCases } from '../../../../src/judge/fuzz/mutate-body.js';
import {
  MUTATIONS,
  type Mutated,
  type MutationName,
} from '../../../../src/judge/fuzz/mutations.js';
import { bodyBytes, requestKey } from '../../../../src/judge/fuzz/request.js';
import { carries } from '../../../../src/judge/fuzz/rule.js';
import { seedsOf } from '../../../../src/judge/fuzz/seeds.js';
import { makeCase } from '../../../helpers/case.js';

const SEED = makeCase('rich', {
  method: 'POST',
  path: '/v1/users/42',
  query: [['limit', '10']],
  headers: [['content-type', 'application/json']],
  body: {
    kind: 'json',
    value: { user_name: 'Ada', status: 'active', age: 36, tags: ['a'], meta: {} },
  },
});

function samples(count: number, seedNumber = 1): Mutated[] {
  const stream = inputStream(seedsOf([SEED]), seedNumber);
  return Array.from({ length: count }, () => stream.next().value.value);
}

const byName = (all: readonly Mutated[], name: MutationName) =>
  all.filter((m) => m.mutation.name === name);
const body = (m: Mutated) => bodyBytes(m.request.body) ?? Buffer.alloc(0);
const seedBody = JSON.stringify({
  user_name: 'Ada',
  status: 'active',
  age: 36,
  tags: ['a'],
  meta: {},
});

describe('mutations', () => {
  const all = samples(3000);

  it('generates every mutation of the vocabulary', () => {
    const seen = new Set(all.map((m) => m.mutation.name));
    expect(MUTATIONS.filter((name) => !seen.has(name))).toEqual([]);
  });

  it('keeps raw JSON on the bytes: trailing data, comments, duplicate keys, surrogates, invalid UTF-8', () => {
    for (const m of byName(all, 'trailing-data')) {
      expect(body(m).toString('utf8').startsWith(seedBody), m.mutation.detail).toBe(true);
      expect(body(m).length).toBeGreaterThan(seedBody.length);
    }
    for (const m of byName(all, 'comment')) expect(body(m).toString('utf8')).toMatch(/\/\*|\/\/|#/);
    for (const m of byName(all, 'duplicate-key')) {
      const keys = [
        ...body(m)
          .toString('utf8')
          .matchAll(/"([a-z_]+)":/g),
      ].map((k) => k[1]);
      expect(new Set(keys).size, m.mutation.detail).toBeLessThan(keys.length);
    }
    for (const m of byName(all, 'lone-surrogate'))
      expect(body(m).toString('utf8')).toMatch(/\\ud[89abc]/);
    for (const m of byName(all, 'invalid-utf8')) {
      const bytes = body(m);
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes), m.mutation.detail).toBe(
        false,
      );
    }
    for (const m of byName(all, 'number-boundary')) {
      expect(body(m).toString('utf8')).toMatch(/"age":(-?[\d.eE+-]+)[,}]/);
    }
    for (const m of byName(all, 'truncated'))
      expect(seedBody.startsWith(body(m).toString('utf8'))).toBe(true);
  });

  it('changes keys and enum values in case or convention, and collections to null or empty', () => {
    for (const m of byName(all, 'key-case')) {
      expect(body(m).toString('utf8').toLowerCase()).toBe(seedBody.toLowerCase());
      expect(body(m).toString('utf8')).not.toBe(seedBody);
    }
    for (const m of byName(all, 'enum-case'))
      expect(body(m).toString('utf8').toLowerCase()).toBe(seedBody.toLowerCase());
    for (const m of byName(all, 'null-collection'))
      expect(body(m).toString('utf8')).toMatch(/:null|^null$/);
    expect(conventions('user_name')).toEqual(['userName', 'UserName', 'user-name']);
    // `UserId` differs from `userId` only in letter case: that is key-case's edit.
    expect(conventions('userId')).toEqual(['user_id', 'user-id']);
    expect(conventions('record')).toEqual([]);
    expect(letterCases('active')).toEqual(['ACTIVE', 'Active']);
  });

  it('mutates the id segment of the path and the query, and sends query values encoded', () => {
    for (const m of byName(all, 'path-segment'))
      expect(m.request.path).toMatch(/^\/v1\/users\/[^/]*$/);
    expect(byName(all, 'query-empty').every((m) => m.request.query.some(([, v]) => v === ''))).toBe(
      true,
    );
    expect(byName(all, 'query-missing').every((m) => m.request.query.length === 0)).toBe(true);
    expect(byName(all, 'query-repeated').every((m) => m.request.query.length === 2)).toBe(true);
  });

  it("carries its own family's edit, and no family makes another's (one family per input rule)", () => {
    const [seed] = seedsOf([SEED]);
    if (seed === undefined) throw new Error('no seed');
    for (const m of all)
      expect(carries(m.mutation.name, seed.request, m.request), m.mutation.detail).toBe(true);
    for (const m of byName(all, 'renamed-field')) {
      expect(body(m).toString('utf8').toLowerCase(), m.mutation.detail).not.toBe(
        seedBody.toLowerCase(),
      );
    }
    for (const name of ['query-value', 'query-repeated'] as const) {
      for (const m of byName(all, name))
        expect(m.request.query.every(([, v]) => v !== '')).toBe(true);
    }
    for (const m of byName(all, 'wrong-type')) {
      expect(body(m).toString('utf8'), m.mutation.detail).not.toMatch(/"(tags|meta)":null/);
    }
  });

  it('is the same stream for the same seed number, another for another', () => {
    const keys = (list: Mutated[]) => list.map((m) => requestKey(m.request));
    expect(keys(samples(200, 42))).toEqual(keys(samples(200, 42)));
    expect(keys(samples(200, 43))).not.toEqual(keys(samples(200, 42)));
  });

  it('offers only the mutations a seed without a body or query can take', () => {
    const bare = makeCase('bare', { method: 'GET', path: '/v1/items/7' });
    const stream = inputStream(seedsOf([bare]), 1);
    const names = new Set(
      Array.from({ length: 300 }, () => stream.next().value.value.mutation.name),
    );
    expect([...names].sort()).toEqual(['path-segment', 'query-extra']);
  });
});
