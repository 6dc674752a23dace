import { describe, expect, it } from 'vitest';
import type { RulesSpecInput } from '../../../../src/contract/rules/schema.js';
import { compareBodies } from '../../../../src/core/compare/bodies.js';
import { normaliseJson } from '../../../../src/core/normalise/body.js';
import { canonicalJson, isJsonObject, jsonType } from '../../../../src/core/normalise/json.js';
import { isExactNumber } from '../../../../src/core/wire/exact-number.js';
import { parseJsonExact } from '../../../../src/core/wire/parse-json.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { makeCase } from '../../../helpers/case.js';

const JSON_TYPE = 'application/json';
const body = (text: string) => decodeBody(new TextEncoder().encode(text), JSON_TYPE);
const rules = (spec: RulesSpecInput = {}) => makeCase('x', { path: '/' }, spec).rules;
const diff = (a: string, b: string, spec: RulesSpecInput = {}) =>
  compareBodies(body(a), body(b), rules(spec));

describe('parseJsonExact', () => {
  it('keeps 64-bit integers beyond 2^53 exact', () => {
    const parsed = parseJsonExact('{"id":9007199254740993,"n":[18446744073709551615]}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(canonicalJson(parsed.value)).toBe('{"id":9007199254740993,"n":[18446744073709551615]}');
  });

  it('behaves like JSON.parse otherwise: last duplicate key wins, errors stay errors', () => {
    const parsed = parseJsonExact('{"a":1,"a":12345678901234567890}');
    expect(parsed.ok && canonicalJson(parsed.value)).toBe('{"a":12345678901234567890}');
    expect(parseJsonExact('{"a":1,}').ok).toBe(false);
    expect(parseJsonExact('\uFEFF{"id":12345678901234567890}').ok).toBe(false);
  });
});

describe('exact numbers through the comparison', () => {
  it('equal big integers are equal', () => {
    expect(diff('{"id":9007199254740993}', '{"id":9007199254740993}')).toEqual([]);
  });

  it('a difference in the last digit is a value change with both exact values', () => {
    const changes = diff('{"id":9007199254740993}', '{"id":9007199254740992}');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: '/id', op: 'value' });
    expect(String(changes[0]?.baseline)).toBe('9007199254740993');
    expect(changes[0]?.candidate).toBe(9007199254740992);
  });

  it('a big number vs the same digits in a string is a type change', () => {
    const changes = diff('{"id":9007199254740993}', '{"id":"9007199254740993"}');
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual(['type /id']);
    expect(jsonType(changes[0]?.baseline)).toBe('number');
  });

  it('a key holding a big number on one side only is added or removed, not a type change', () => {
    const added = diff('{"a":1}', '{"a":1,"big":9007199254740993}');
    expect(added.map((c) => `${c.op} ${c.path}`)).toEqual(['added /big']);
    expect(String(added[0]?.candidate)).toBe('9007199254740993');
    const removed = diff('{"a":[9007199254740993,2]}', '{"a":[2]}');
    expect(removed.map((c) => `${c.op} ${c.path}`)).toEqual(['removed /a/0']);
  });

  it('differences inside arrays of big numbers are found by position', () => {
    const changes = diff('[12345678901234567891,2]', '[12345678901234567892,2]');
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual(['value /0']);
  });

  it('tolerance applies to the exact difference', () => {
    const a = '{"t":9007199254740993}';
    const b = '{"t":9007199254740992}';
    expect(diff(a, b, { tolerance: [{ path: '/t', absolute: 1 }] })).toEqual([]);
    // The doubles are equal; the exact difference (1) is not within 0.5.
    expect(diff(a, b, { tolerance: [{ path: '/t', absolute: 0.5 }] })).toHaveLength(1);
  });

  it('masks and ignores apply to exact numbers as to any number', () => {
    const maskRules = rules({ mask: [{ path: '/id', regex: '^\\d+$', with: '<id>' }] });
    expect(normaliseJson(parse('{"id":9007199254740993}'), maskRules)).toEqual({ id: '<id>' });
    const a = '{"id":9007199254740993,"a":1}';
    expect(diff(a, '{"id":9007199254740995,"a":1}', { ignore: ['/id'] })).toEqual([]);
  });

  it('keeps the class through normalisation (key folding rebuilds objects)', () => {
    const out = normaliseJson(parse('{"User_Id":9007199254740993}'), rules({ keyCase: 'fold' }));
    expect(canonicalJson(out)).toBe('{"userid":9007199254740993}');
    expect(isJsonObject(out) && isExactNumber(out['userid'])).toBe(true);
  });
});

function parse(text: string): unknown {
  const parsed = parseJsonExact(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
