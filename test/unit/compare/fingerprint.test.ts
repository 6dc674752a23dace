import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/compare/comparison.js';
import { fingerprint, fingerprintSource, wildcardPath } from '../../../src/compare/fingerprint.js';
import type { DivergenceInput } from '../../../src/compare/input.js';
import type { ResponseBody } from '../../../src/model/exchange.js';
import { exchange, failure, GO, json, response, SERDE } from './fixtures.js';

function input(
  baseline: ResponseBody,
  candidate: ResponseBody,
  caseId = 'suite/case',
): DivergenceInput {
  const comparison = compare(exchange(response(200, baseline), response(200, candidate)));
  if (comparison === undefined) throw new Error('expected a comparison');
  return { kind: 'comparison', caseId, comparison, kinds: ['shape'] };
}

describe('fingerprint', () => {
  it('is 16 lower-case hex characters and stable across calls', () => {
    const fp = fingerprint(input(json(SERDE), json(GO)));
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(input(json(SERDE), json(GO)))).toBe(fp);
  });

  it('pins the canonical source so fingerprints survive refactors', () => {
    expect(fingerprintSource(input(json({ a: [{ n: 1 }] }), json({ a: [{ n: 'one' }] })))).toBe(
      '{"case":"suite/case","kinds":["shape"],"status":null,"headers":[],"body":["type /a/*/n number string"]}',
    );
    // Fully explained by patterns: the root-cause keys, no case id.
    expect(fingerprintSource(input(json({ a: [{ n: 1 }] }), json({ a: [{ n: '1' }] })))).toBe(
      '{"patterns":["int-as-string:/a/*/n:candidate-string"],"kinds":["shape"],"status":null}',
    );
  });

  it('ignores the values involved', () => {
    const a = fingerprint(input(json({ Schema: { field: 'x', reason: 'y' } }), json(GO)));
    const b = fingerprint(
      input(
        json({ Schema: { field: 'other', reason: 'zzz' } }),
        json({ Kind: 'schema', Field: 'other', Reason: 'zzz' }),
      ),
    );
    expect(b).toBe(a);
  });

  it('ignores which array index changed', () => {
    const a = fingerprint(input(json({ list: [1, 2, 3] }), json({ list: [1, 2, 'x'] })));
    const b = fingerprint(input(json({ list: [1, 2, 3] }), json({ list: ['y', 2, 3] })));
    expect(b).toBe(a);
  });

  it('changes when the path, the types or the case change', () => {
    const base = fingerprint(input(json({ count: 1 }), json({ count: 'one' })));
    expect(fingerprint(input(json({ total: 1 }), json({ total: 'one' })))).not.toBe(base);
    expect(fingerprint(input(json({ count: 1 }), json({ count: null })))).not.toBe(base);
    expect(fingerprint(input(json({ count: 1 }), json({ count: 'one' }), 'suite/other'))).not.toBe(
      base,
    );
    // A recognised pattern is one root cause whatever the case.
    const pattern = fingerprint(input(json({ count: 1 }), json({ count: '1' })));
    expect(fingerprint(input(json({ count: 2 }), json({ count: '2' }), 'suite/other'))).toBe(
      pattern,
    );
  });

  it('distinguishes body kinds', () => {
    const a = fingerprint(input(json({}), { kind: 'text', text: 'x' }));
    const b = fingerprint(input(json({}), { kind: 'invalid-json', text: '{', error: 'e' }));
    expect(a).not.toBe(b);
  });

  it('covers transport failures by side and code', () => {
    const ok = response(200, json({}));
    const reset = failure('ECONNRESET', 'socket hang up');
    const fp = (b: typeof ok, c: typeof ok) =>
      fingerprint({ kind: 'transport', caseId: 'c', baseline: b, candidate: c });
    expect(fp(ok, reset)).toBe(fp(ok, failure('ECONNRESET', 'another message')));
    expect(fp(ok, reset)).not.toBe(fp(reset, ok));
    expect(fp(ok, reset)).not.toBe(fp(ok, failure('UND_ERR_SOCKET', 'other')));
  });

  it('replaces numeric segments with *', () => {
    expect(wildcardPath('/items/3/tags/10')).toBe('/items/*/tags/*');
    expect(wildcardPath('')).toBe('');
    expect(wildcardPath('/a1/1a')).toBe('/a1/1a');
  });
});
