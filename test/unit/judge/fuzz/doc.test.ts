import { describe, expect, it } from 'vitest';
import {
  docOf,
  editAt,
  encodeDoc,
  nodeOf,
  nodesOf,
  renameAt,
} from '../../../../src/judge/fuzz/doc.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the fuzzer JSON document', () => {
  it('encodes a parsed value as JSON.stringify does', () => {
    const value = { a: [1, 'x', null, true, { b: -0.5 }], 'k"ey': '\u0000\ud800' };
    expect(encodeDoc(docOf(value)).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('writes raw leaves, repeated keys and the bytes around the document verbatim', () => {
    const root = {
      kind: 'object' as const,
      members: [
        ['n', { kind: 'raw' as const, bytes: Buffer.from('01') }],
        ['s', { kind: 'raw' as const, bytes: Buffer.from([0x22, 0xff, 0x22]) }],
        ['n', nodeOf(2)],
      ] as const,
    };
    const doc = { lead: Buffer.from([0xef, 0xbb, 0xbf]), root, trail: Buffer.from(' x') };
    expect(text(encodeDoc(doc))).toBe('\xef\xbb\xbf{"n":01,"s":"\xff","n":2} x');
  });

  it('lists every node with its RFC 6901 pointer, parents first', () => {
    const nodes = nodesOf(nodeOf({ 'a/b': [{ '~': 1 }] }));
    expect(nodes.map((n) => n.pointer)).toEqual(['', '/a~1b', '/a~1b/0', '/a~1b/0/~0']);
    expect(nodes.map((n) => n.key)).toEqual([undefined, 'a/b', undefined, '~']);
  });

  it('edits, removes and renames by path without touching the input', () => {
    const root = nodeOf({ a: 1, b: [1, 2] });
    const encode = (node: ReturnType<typeof nodeOf>) =>
      encodeDoc({ ...docOf(null), root: node }).toString();
    expect(encode(editAt(root, [1, 0], () => nodeOf('x')))).toBe('{"a":1,"b":["x",2]}');
    expect(encode(editAt(root, [1, 1], () => undefined))).toBe('{"a":1,"b":[1]}');
    expect(encode(editAt(root, [0], () => undefined))).toBe('{"b":[1,2]}');
    expect(encode(renameAt(root, [1], 'B'))).toBe('{"a":1,"B":[1,2]}');
    expect(encode(editAt(root, [], () => undefined))).toBe('null');
    expect(encode(root)).toBe('{"a":1,"b":[1,2]}');
  });
});
