import { describe, expect, it } from 'vitest';
import { parseBencode } from '../../../../src/core/wire/bencode.js';
import { DEFAULT_NODE_BUDGET } from '../../../../src/core/wire/budget.js';
import { isExactNumber } from '../../../../src/core/wire/exact-number.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');
const parse = (text: string, budget = DEFAULT_NODE_BUDGET) => parseBencode(bytes(text), budget);
const value = (text: string) => {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(`not bencode: ${JSON.stringify(parsed)}`);
  return parsed.value;
};

describe('bencode read as a tree', () => {
  it('reads dictionaries, lists, integers and strings', () => {
    expect(value('d8:intervali1800e5:itemsl3:onei-2eee')).toEqual({
      interval: 1800,
      items: ['one', -2],
    });
    expect(value('li0ed1:ali1eeeledee')).toEqual([0, { a: [1] }, [], {}]);
    expect(value('d0:0:e')).toEqual({ '': '' });
  });

  it('keeps a key named __proto__ as data', () => {
    const tree = value('d9:__proto__i1ee') as Record<string, unknown>;
    expect(Object.hasOwn(tree, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
  });

  it('keeps integers a number cannot hold exactly as exact digits', () => {
    const tree = value('li9007199254740993ei-123456789012345678901234567890ee') as unknown[];
    expect(tree.map((n) => (isExactNumber(n) ? n.text : n))).toEqual([
      '9007199254740993',
      '-123456789012345678901234567890',
    ]);
    expect(value('li9007199254740991ee')).toEqual([9007199254740991]);
  });

  it('shows a string that is not printable UTF-8 by its bytes', () => {
    expect(value('l4:\x00\x01\xff\xfe3:caf2:\xc3\xa9e')).toEqual(['hex:0001fffe', 'caf', 'é']);
    expect(value('d3:\x01\x02\x03i1ee')).toEqual({ 'hex:010203': 1 });
    expect(value('l5:a\tb\nce')).toEqual(['a\tb\nc']);
  });

  it('reads compact peers (BEP 23) as addresses, under `peers` and `peers6` only', () => {
    const peers = 'd5:peers12:\x7f\x00\x00\x01\x1a\xe1\x0a\x00\x00\x02\x00\x50e';
    expect(value(peers)).toEqual({ peers: ['127.0.0.1:6881', '10.0.0.2:80'] });
    const six = `d6:peers618:${'\x00'.repeat(15)}\x01\x1a\xe1e`;
    expect(value(six)).toEqual({ peers6: ['[0:0:0:0:0:0:0:1]:6881'] });
    expect(value('d5:peers0:6:peers60:e')).toEqual({ peers: [], peers6: [] });
    // Not a multiple of 6, or another key: a string as any other.
    expect(value('d5:peers5:\x7f\x00\x00\x01\x1ae')).toEqual({ peers: 'hex:7f0000011a' });
    expect(value('d5:nodes6:\x7f\x00\x00\x01\x1a\xe1e')).toEqual({ nodes: 'hex:7f0000011ae1' });
  });
});

describe('bencode is read strictly', () => {
  it.each([
    ['a leading zero', 'li01ee'],
    ['minus zero', 'li-0ee'],
    ['an empty integer', 'lie'],
    ['a sign alone', 'li-ee'],
    ['a plus sign', 'li+1ee'],
    ['a string length with a leading zero', 'l01:ae'],
    ['a string past the end', 'l5:abce'],
    ['an unterminated list', 'li1e'],
    ['an unterminated dictionary', 'd1:ai1e'],
    ['a key without a value', 'd1:ae'],
    ['an integer key', 'di1ei2ee'],
    ['a duplicate key', 'd1:ai1e1:ai2ee'],
    ['an unknown byte', 'lxe'],
  ])('refuses %s', (_why, text) => {
    const parsed = parse(text);
    expect(parsed.ok).toBe(false);
    expect('error' in parsed).toBe(true);
  });

  it('refuses bytes after the value', () => {
    const parsed = parse('dei1e');
    expect(parsed).toEqual({ ok: false, error: '3 bytes after the value' });
    expect(parse('le\n').ok).toBe(false);
  });

  it('reads no lone integer or string: too weak a sign that a body is bencode', () => {
    expect(parse('i42e').ok).toBe(false);
    expect(parse('4:spam').ok).toBe(false);
  });

  it('reads no empty dictionary or list alone (`de`, `le` are two letters of text as often), but reads one inside', () => {
    expect(parse('de').ok).toBe(false);
    expect(parse('le').ok).toBe(false);
    expect(parse('d5:filesdee')).toEqual({ ok: true, value: { files: {} } });
    expect(parse('llee')).toEqual({ ok: true, value: [[]] });
  });

  it('stops past the node budget, however deep, without recursing', () => {
    const deep = `${'l'.repeat(100_000)}${'e'.repeat(100_000)}`;
    expect(parse(deep)).toEqual({ ok: false, over: { limit: 'depth', budget: 256 } });
    expect(parse(deep, { nodes: 10, depth: 1_000_000 })).toEqual({
      ok: false,
      over: { limit: 'nodes', budget: 10 },
    });
    const fits = `${'l'.repeat(256)}${'e'.repeat(256)}`;
    expect(parse(fits).ok).toBe(true);
  });
});
