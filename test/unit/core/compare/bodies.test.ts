import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../../src/core/compare/bodies.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { json, rules } from './fixtures.js';

describe('compareBodies', () => {
  it('normalises JSON bodies before diffing them', () => {
    const r = rules({ ignore: ['/request_id'], keyCaseFold: true });
    expect(
      compareBodies(json({ request_id: 1, user_id: 7 }), json({ request_id: 2, userId: 7 }), r),
    ).toEqual([]);
    expect(compareBodies(json({ user_id: 7 }), json({ userId: 8 }), r)).toEqual([
      { path: '/userid', op: 'value', baseline: 7, candidate: 8 },
    ]);
  });

  it('folds array keys and tolerance paths along with the keys', () => {
    const r = rules({
      keyCaseFold: true,
      arrayKeys: ['record_id'],
      tolerance: [{ path: '/Items/*/Price', absolute: 0.5, relative: 0 }],
    });
    const baseline = json({
      items: [
        { record_id: 1, price: 1 },
        { record_id: 2, price: 2 },
      ],
    });
    const candidate = json({
      Items: [
        { RecordId: 2, Price: 2.2 },
        { RecordId: 1, Price: 1 },
      ],
    });
    expect(compareBodies(baseline, candidate, r)).toEqual([
      { path: '/items/1', op: 'moved', baseline: 1, candidate: 0 },
    ]);
  });

  it('compares text and invalid JSON as text', () => {
    const r = rules();
    expect(compareBodies({ kind: 'text', text: 'a' }, { kind: 'text', text: 'a' }, r)).toEqual([]);
    expect(compareBodies({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }, r)).toEqual([
      { path: '', op: 'value', baseline: 'a', candidate: 'b' },
    ]);
    const bad = (text: string) => ({
      kind: 'invalid-json' as const,
      text,
      error: 'Unexpected token',
    });
    expect(compareBodies(bad('{a'), bad('{b'), r)).toEqual([
      { path: '', op: 'value', baseline: '{a', candidate: '{b' },
    ]);
  });

  it('treats two empty bodies as equal', () => {
    expect(compareBodies({ kind: 'empty' }, { kind: 'empty' }, rules())).toEqual([]);
  });

  it('compares binary and truncated bodies by hash and size', () => {
    const bin = (sha256: string, size: number) => ({ kind: 'binary' as const, sha256, size });
    expect(compareBodies(bin('aa', 3), bin('aa', 3), rules())).toEqual([]);
    expect(compareBodies(bin('aa', 3), bin('bb', 4), rules())).toEqual([
      {
        path: '',
        op: 'value',
        baseline: { kind: 'binary', sha256: 'aa', size: 3 },
        candidate: { kind: 'binary', sha256: 'bb', size: 4 },
      },
    ]);
    const cut = (sha256: string) => ({ kind: 'truncated' as const, sha256, size: 9 });
    expect(compareBodies(cut('x'), cut('y'), rules())).toHaveLength(1);
  });

  it('reports different body kinds as one type change at the root', () => {
    expect(
      compareBodies(json({ a: 1 }), { kind: 'invalid-json', text: '{a', error: 'x' }, rules()),
    ).toEqual([
      {
        path: '',
        op: 'type',
        baseline: { kind: 'json', type: 'object' },
        candidate: { kind: 'invalid-json' },
      },
    ]);
    expect(compareBodies({ kind: 'empty' }, { kind: 'text', text: 'x' }, rules())).toEqual([
      { path: '', op: 'type', baseline: { kind: 'empty' }, candidate: { kind: 'text' } },
    ]);
  });
});

describe('the same bytes under two content types', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);

  it('are equal bodies: the content-type header is the only difference', () => {
    const r = rules();
    const text = decodeBody(bytes('hello\n'), 'text/plain');
    const octets = decodeBody(bytes('hello\n'), 'application/octet-stream');
    expect([text.kind, octets.kind]).toEqual(['text', 'binary']);
    expect(compareBodies(text, octets, r)).toEqual([]);
    const asJson = decodeBody(bytes('{"a":1}'), 'application/json');
    const asText = decodeBody(bytes('{"a":1}'), 'text/plain');
    expect(compareBodies(asJson, asText, r)).toEqual([]);
    const asXml = decodeBody(bytes('<a>1</a>'), 'application/xml');
    expect(compareBodies(asXml, decodeBody(bytes('<a>1</a>'), 'application/x-thing'), r)).toEqual(
      [],
    );
    expect(
      compareBodies(decodeBody(png, 'image/png'), decodeBody(png, 'application/octet-stream'), r),
    ).toEqual([]);
  });

  it('different bytes of different kinds stay a change of body kind', () => {
    const r = rules();
    const changes = compareBodies(
      decodeBody(bytes('hello\n'), 'text/plain'),
      decodeBody(bytes('hello!'), 'application/octet-stream'),
      r,
    );
    expect(changes.map((c) => `${c.op} ${c.path}`)).toEqual(['type ']);
  });
});
