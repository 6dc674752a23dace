import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareBodies } from '../../../src/compare/bodies.js';
import { decodeBody } from '../../../src/execute/decode-body.js';
import { CappedBody, type DecodeShare, decodeShared } from '../../../src/execute/receive.js';
import { isExactNumber } from '../../../src/wire/exact-number.js';
import { makeCase } from '../../helpers/case.js';

const rules = makeCase('x', { path: '/' }).rules;

const bytes = (text: string) => new TextEncoder().encode(text);

const raw = (text: string) => {
  const body = new CappedBody(1024);
  body.push(Buffer.from(text));
  return body;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a JSON body is parsed when its tree is first read', () => {
  it('once, and reads like any other body', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const body = decodeBody(bytes('{"a":[1,"x"],"b":null}'), 'application/json');
    expect(body.kind).toBe('json');
    expect(parse).not.toHaveBeenCalled();
    if (body.kind !== 'json') throw new Error('not json');
    const value = body.value;
    expect(value).toEqual({ a: [1, 'x'], b: null });
    expect(body.value).toBe(value);
    expect(parse).toHaveBeenCalledTimes(1);
    // Written as JSON, the body carries its value, in the order a parsed body's fields have.
    expect(JSON.stringify(body)).toBe(
      '{"kind":"json","value":{"a":[1,"x"],"b":null},"text":"{\\"a\\":[1,\\"x\\"],\\"b\\":null}"}',
    );
  });

  it('exactly, when a number needs it', () => {
    const body = decodeBody(bytes('{"n":12345678901234567890}'), 'application/json');
    if (body.kind !== 'json') throw new Error('not json');
    const { n } = body.value as { n: unknown };
    expect(isExactNumber(n)).toBe(true);
  });

  it('sniffed without a content type too', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const body = decodeBody(bytes(' [1, 2] '), undefined);
    expect(body.kind).toBe('json');
    expect(parse).not.toHaveBeenCalled();
    expect(body).toMatchObject({ value: [1, 2] });
  });

  it('while text that is not JSON is told at once, with the parser’s own error', () => {
    const body = decodeBody(bytes('{"a":1,}'), 'application/json');
    expect(body).toMatchObject({ kind: 'invalid-json', text: '{"a":1,}' });
    expect(body.kind === 'invalid-json' && body.error).toMatch(/JSON/);
    expect(decodeBody(bytes('{x'), undefined)).toEqual({ kind: 'text', text: '{x' });
  });

  it('so two answers of the same bytes are compared without parsing either', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const share: DecodeShare = {};
    const text = JSON.stringify({ id: 7, tags: ['a', 'b'], note: 'tab\there' }, null, 2);
    const baseline = decodeShared(raw(text), '', 'application/json', 1024, share);
    const candidate = decodeShared(raw(text), '', 'application/json', 1024, share);
    expect(compareBodies(baseline, candidate, rules)).toEqual([]);
    expect(parse).not.toHaveBeenCalled();
    // Other bytes are parsed to be compared.
    const other = decodeShared(raw(text.replace('7', '8')), '', 'application/json', 1024, share);
    expect(compareBodies(baseline, other, rules)).toEqual([
      { path: '/id', op: 'value', baseline: 7, candidate: 8 },
    ]);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
