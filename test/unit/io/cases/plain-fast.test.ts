import { describe, expect, it } from 'vitest';
import { caseFileHeaderFast, plainCaseFast } from '../../../../src/io/cases/plain-fast.js';
import { caseFileHeaderSchema, plainCaseSchema } from '../../../../src/io/cases/schema.js';

/** Keys and values, in order, all the way down (JSON.stringify alone ignores nothing here). */
const shape = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).map((k) => [`#${k}`, (v as Record<string, unknown>)[k]]))
      : v,
  );

const accepted: unknown[] = [
  { id: 'c1', request: { method: 'GET', path: '/items/1' } },
  { request: { path: '/a?b=c&d', method: 'POST' }, id: 'A.b_c-d' },
  { id: 'c', description: 'd', tags: ['x', 'y.z'], request: { method: 'get', path: '/' } },
  { expect: { status: 404 }, id: 'c', request: { method: 'DELETE', path: '/a' } },
  { id: 'c', expect: {}, request: { method: 'GET', path: '/a' } },
  {
    id: 'c',
    request: { headers: { 'X-A': 'b', accept: '${env:X}' }, method: 'PROPFIND', path: '/x' },
  },
  { id: 'c', request: { method: 'GET', path: '/u/${env:ID}' } },
  { id: 'c', request: { method: 'GET', path: '/%2F%c3%a9' } },
  { id: 'c', tags: [], request: { method: 'GET', path: "/x;y=1/@:!$&'()*+,=~._-" } },
  // A symbol key (never parsed from a file): the schema's strict objects pass it over.
  {
    id: 'c',
    [Symbol('case')]: 1,
    request: { method: 'GET', path: '/', [Symbol('request')]: 1 },
    expect: { status: 200, [Symbol('expect')]: 1 },
  },
];

const refused: unknown[] = [
  { id: 'c', request: { method: 'CONNECT', path: '/' } },
  { id: 'c', request: { method: 'connect', path: '/' } },
  { id: 'c', request: { method: 'G T', path: '/' } },
  { id: 'c', request: { method: 'GET', path: 'a' } },
  { id: 'c', request: { method: 'GET', path: '{{x}}' } },
  { id: 'c', request: { method: 'GET', path: '/a b' } },
  { id: 'c', request: { method: 'GET', path: '/a#b' } },
  { id: 'c', request: { method: 'GET', path: '/a%zz' } },
  { id: '-c', request: { method: 'GET', path: '/' } },
  { id: 1, request: { method: 'GET', path: '/' } },
  { id: 'c' },
  { id: 'c', request: { method: 'GET', path: '/' }, typo: 1 },
  { id: 'c', request: { method: 'GET', path: '/', typo: 1 } },
  { id: 'c', request: { method: 'GET', path: '/', headers: { 'a b': 'c' } } },
  { id: 'c', request: { method: 'GET', path: '/', headers: { a: 'b\nc' } } },
  { id: 'c', request: { method: 'GET', path: '/', headers: { a: 1 } } },
  { id: 'c', request: { method: 'GET', path: '/', headers: [] } },
  // A record refuses a symbol key.
  { id: 'c', request: { method: 'GET', path: '/', headers: { a: 'b', [Symbol('h')]: 'c' } } },
  { id: 'c', tags: ['-x'], request: { method: 'GET', path: '/' } },
  { id: 'c', tags: 'x', request: { method: 'GET', path: '/' } },
  { id: 'c', description: 1, request: { method: 'GET', path: '/' } },
  { id: 'c', expect: { status: 99 }, request: { method: 'GET', path: '/' } },
  { id: 'c', expect: { status: 200.5 }, request: { method: 'GET', path: '/' } },
  { id: 'c', expect: { status: '200' }, request: { method: 'GET', path: '/' } },
  { id: 'c', expect: { other: 1 }, request: { method: 'GET', path: '/' } },
  [],
  null,
  'c',
];

/** Left to the schema: it accepts them, but the fast check does not know them. */
const leftToTheSchema: unknown[] = [
  { id: 'c', request: { method: 'GET', path: '/', query: { a: 1 } } },
  { id: 'c', request: { method: 'POST', path: '/', json: { a: 1 } } },
  { id: 'c', request: { method: 'POST', path: '/', text: 'a' } },
  JSON.parse('{"id":"c","request":{"method":"GET","path":"/","headers":{"__proto__":"x"}}}'),
];

describe('plainCaseFast', () => {
  it('gives what plainCaseSchema gives, keys in the same order, as a copy', () => {
    for (const value of accepted) {
      const zod = plainCaseSchema().safeParse(value);
      expect(zod.success, JSON.stringify(value)).toBe(true);
      const fast = plainCaseFast(value);
      expect(fast, JSON.stringify(value)).toBeDefined();
      expect(shape(fast)).toBe(shape(zod.data));
      expect(fast?.request).not.toBe((value as { request: unknown }).request);
    }
  });

  it('accepts nothing plainCaseSchema refuses', () => {
    for (const value of refused) {
      expect(plainCaseFast(value), JSON.stringify(value)).toBeUndefined();
      expect(plainCaseSchema().safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it('leaves queries, bodies and odd keys to the schema', () => {
    for (const value of leftToTheSchema) {
      expect(plainCaseFast(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});

const headers: unknown[] = [
  { suite: 's', cases: [{}] },
  { cases: [1, 2], suite: 'a.b_c-d', description: 'd' },
  { $schema: './x.json', suite: 's', serial: true, sideEffects: false, cases: [null] },
  { sideEffects: true, serial: false, description: '', suite: 's', $schema: '', cases: [[]] },
];

const refusedHeaders: unknown[] = [
  { suite: 's', cases: [] },
  { suite: 's', cases: {} },
  { suite: 's' },
  { cases: [{}] },
  { suite: '-s', cases: [{}] },
  { suite: 1, cases: [{}] },
  { suite: 's', description: 1, cases: [{}] },
  { suite: 's', serial: 'yes', cases: [{}] },
  { suite: 's', sideEffects: 1, cases: [{}] },
  { suite: 's', $schema: 1, cases: [{}] },
  { suite: 's', typo: 1, cases: [{}] },
  [],
  null,
];

/** Left to the schema: it accepts them, but the fast check does not know them. */
const headersLeftToTheSchema: unknown[] = [
  { suite: 's', defaults: { headers: { a: 'b' } }, cases: [{}] },
  { suite: 's', defaults: {}, cases: [{}] },
];

describe('caseFileHeaderFast', () => {
  const withoutCases = (data: unknown) => {
    const { cases: _cases, ...header } = data as Record<string, unknown>;
    return header;
  };

  it('gives what caseFileHeaderSchema gives (without cases), keys in the same order', () => {
    for (const value of headers) {
      const zod = caseFileHeaderSchema().safeParse(value);
      expect(zod.success, JSON.stringify(value)).toBe(true);
      const fast = caseFileHeaderFast(value);
      expect(fast, JSON.stringify(value)).toBeDefined();
      expect(shape(fast)).toBe(shape(withoutCases(zod.data)));
    }
  });

  it('accepts nothing caseFileHeaderSchema refuses', () => {
    for (const value of refusedHeaders) {
      expect(caseFileHeaderFast(value), JSON.stringify(value)).toBeUndefined();
      expect(caseFileHeaderSchema().safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });

  it('leaves defaults to the schema', () => {
    for (const value of headersLeftToTheSchema) {
      expect(caseFileHeaderSchema().safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(caseFileHeaderFast(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});
