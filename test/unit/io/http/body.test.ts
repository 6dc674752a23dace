import { describe, expect, it } from 'vitest';
import {
  CappedBody,
  type DecodeShare,
  decodeShared,
  flattenHeaders,
  flattenParsed,
} from '../../../../src/io/http/receive.js';

const body = (text: string, cap = 1024) => {
  const raw = new CappedBody(cap);
  raw.push(Buffer.from(text));
  return raw;
};

describe('decodeShared', () => {
  it('reuses the first side’s decoded body when the bytes and headers are identical', () => {
    const share: DecodeShare = {};
    const first = decodeShared(body('{"a":1}'), '', 'application/json', 1024, share);
    const second = decodeShared(body('{"a":1}'), '', 'application/json', 1024, share);
    expect(second).toBe(first);
    expect(first).toMatchObject({ kind: 'json', value: { a: 1 } });
  });

  it('decodes on its own when the bytes or the content type differ', () => {
    const share: DecodeShare = {};
    const first = decodeShared(body('{"a":1}'), '', 'application/json', 1024, share);
    const other = decodeShared(body('{"a":2}'), '', 'application/json', 1024, share);
    const asText = decodeShared(body('{"a":1}'), '', 'text/plain', 1024, share);
    const plain = decodeShared(body('a=1'), '', 'text/plain', 1024, share);
    expect(other).not.toBe(first);
    expect(other).toMatchObject({ kind: 'json', value: { a: 2 } });
    // JSON under text/plain is still read as JSON, but decoded on its own.
    expect(asText).not.toBe(first);
    expect(asText).toMatchObject({ kind: 'json', value: { a: 1 } });
    expect(plain).toMatchObject({ kind: 'text', text: 'a=1' });
  });

  it('never shares a body past the cap', () => {
    const share: DecodeShare = {};
    const big = 'x'.repeat(64);
    const first = decodeShared(body(big, 16), '', 'text/plain', 16, share);
    expect(first).toMatchObject({ kind: 'truncated', size: 64 });
    expect(share.body).toBeUndefined();
  });
});

describe('flattenHeaders', () => {
  it('joins repeated headers and keeps set-cookie lines apart', () => {
    expect(flattenHeaders({ 'x-a': ['1', '2'], 'Set-Cookie': ['a=1', 'b=2'], ok: 'y' })).toEqual({
      'x-a': '1, 2',
      'set-cookie': 'a=1\nb=2',
      ok: 'y',
    });
  });

  it("takes undici's lower-cased names as they are, copying only headers that repeat", () => {
    const single = { 'content-type': 'application/json', 'x-id': '7' };
    expect(flattenParsed(single)).toBe(single);
    expect(flattenParsed({ 'x-a': ['1', '2'], 'set-cookie': ['a=1', 'b=2'], ok: 'y' })).toEqual({
      'x-a': '1, 2',
      'set-cookie': 'a=1\nb=2',
      ok: 'y',
    });
  });
});

describe('bodies that are not valid UTF-8 under a JSON content type', () => {
  it('are invalid JSON, and two different ones are not equal', async () => {
    const { decodeBody } = await import('../../../../src/io/http/decode-body.js');
    const { compareBodies } = await import('../../../../src/core/compare/bodies.js');
    const { resolveRules } = await import('../../../../src/contract/rules/schema.js');
    const a = decodeBody(Buffer.from([0x7b, 0xff, 0x7d]), 'application/json');
    const b = decodeBody(Buffer.from([0x7b, 0xfe, 0x7d]), 'application/json');
    expect(a.kind).toBe('invalid-json');
    expect(compareBodies(a, b, resolveRules([]))).toHaveLength(1);
    expect(compareBodies(a, a, resolveRules([]))).toEqual([]);
  });
});
