import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareBodies } from '../../../../src/core/compare/bodies.js';
import { isExactNumber } from '../../../../src/core/wire/exact-number.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { CappedBody, type DecodeShare, decodeShared } from '../../../../src/io/http/receive.js';
import { makeCase } from '../../../helpers/case.js';

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

describe('a JSON body is parsed as it is decoded', () => {
  it('once, into plain data', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const body = decodeBody(bytes('{"a":[1,"x"],"b":null}'), 'application/json');
    expect(parse).toHaveBeenCalledTimes(1);
    expect(body).toEqual({
      kind: 'json',
      value: { a: [1, 'x'], b: null },
      text: '{"a":[1,"x"],"b":null}',
    });
    // A plain object: a copy keeps every field, and JSON writes them in order.
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect({ ...body }).toEqual(body);
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
    const body = decodeBody(bytes(' [1, 2] '), undefined);
    expect(body).toEqual({ kind: 'json', value: [1, 2], text: ' [1, 2] ' });
  });

  it('while text that is not JSON is told at once, with the parser’s own error', () => {
    const body = decodeBody(bytes('{"a":1,}'), 'application/json');
    expect(body).toMatchObject({ kind: 'invalid-json', text: '{"a":1,}' });
    expect(body.kind === 'invalid-json' && body.error).toMatch(/JSON/);
    expect(decodeBody(bytes('{x'), undefined)).toEqual({ kind: 'text', text: '{x' });
  });

  it('and two answers of the same bytes are decoded once, and compared by their text', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const share: DecodeShare = {};
    const text = JSON.stringify({ id: 7, tags: ['a', 'b'], note: 'tab\there' }, null, 2);
    const baseline = decodeShared(raw(text), '', 'application/json', 1024, share);
    const candidate = decodeShared(raw(text), '', 'application/json', 1024, share);
    expect(compareBodies(baseline, candidate, rules)).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
    // Other bytes are decoded (and parsed) for themselves.
    const other = decodeShared(raw(text.replace('7', '8')), '', 'application/json', 1024, share);
    expect(compareBodies(baseline, other, rules)).toEqual([
      { path: '/id', op: 'value', baseline: 7, candidate: 8 },
    ]);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});

describe('a bencoded body is read by its content', () => {
  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const announce = 'd8:intervali1800e5:peers6:\x7f\x00\x00\x01\x1a\xe1e';

  it('without a content type, as text/plain, octet-stream or a torrent, UTF-8 or not', () => {
    for (const type of [
      undefined,
      'text/plain',
      'application/octet-stream',
      'application/x-bittorrent',
    ]) {
      expect(decodeBody(latin1(announce), type)).toEqual({
        kind: 'bencode',
        value: { interval: 1800, peers: ['127.0.0.1:6881'] },
      });
    }
    expect(decodeBody(bytes('d3:key5:valuee'), 'text/plain; charset=utf-8')).toEqual({
      kind: 'bencode',
      value: { key: 'value' },
      text: 'd3:key5:valuee',
    });
  });

  it('never under a label that says something else', () => {
    expect(decodeBody(bytes('d3:key5:valuee'), 'text/html').kind).toBe('text');
    expect(decodeBody(bytes('d3:key5:valuee'), 'application/json').kind).toBe('invalid-json');
    expect(decodeBody(latin1(announce), 'image/png').kind).toBe('binary');
  });

  it('while a text that starts with d or l and is not bencode stays text', () => {
    for (const text of [
      'done',
      'd3:keye',
      'lemon',
      'denied: 3 reasons',
      'de\n',
      'i42e',
      '4:spam',
    ]) {
      expect(decodeBody(bytes(text), 'text/plain')).toEqual({ kind: 'text', text });
      expect(decodeBody(bytes(text), undefined)).toEqual({ kind: 'text', text });
    }
  });

  it('and past the node budget is too complex without a label, its label’s kind with one', () => {
    const deep = bytes(`${'l'.repeat(300)}${'e'.repeat(300)}`);
    expect(decodeBody(deep, undefined).kind).toBe('too-complex');
    expect(decodeBody(deep, 'text/plain').kind).toBe('text');
  });

  it('and two bencoded bodies compare as trees: one change per key', () => {
    const b = decodeBody(bytes('d1:ai1e1:bi2e1:c1:xe'), undefined);
    const c = decodeBody(bytes('d1:ai1e1:bi3e1:di4ee'), 'text/plain');
    expect(compareBodies(b, c, rules).map((change) => [change.path, change.op])).toEqual([
      ['/b', 'value'],
      ['/c', 'removed'],
      ['/d', 'added'],
    ]);
  });
});
