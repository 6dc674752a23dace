import { describe, expect, it } from 'vitest';
import type { ResponseBody } from '../../../../src/contract/model/exchange.js';
import { compare } from '../../../../src/core/compare/comparison.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import {
  fingerprint,
  fingerprintSource,
  wildcardPath,
} from '../../../../src/core/compare/fingerprint.js';
import { exchange, failure, GO, json, response, SERDE } from './fixtures.js';

function caseFingerprint(baseline: ResponseBody, candidate: ResponseBody, caseId = 'suite/case') {
  const comparison = compare(exchange(response(200, baseline), response(200, candidate)));
  if (comparison === undefined) throw new Error('expected a comparison');
  const findings = findingsOf({ endpoint: 'POST /v1/validate', comparison });
  return fingerprint({ kind: 'comparison', caseId, findings });
}

describe('case-level fingerprint', () => {
  it('is 16 lower-case hex characters and stable across calls', () => {
    const fp = caseFingerprint(json(SERDE), json(GO));
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(caseFingerprint(json(SERDE), json(GO))).toBe(fp);
  });

  it('pins the canonical source: the case and its root causes, sorted', () => {
    const comparison = compare(
      exchange(response(200, json({ a: [{ n: 1 }] })), response(200, json({ a: [{ n: '1' }] }))),
    );
    if (comparison === undefined) throw new Error('expected a comparison');
    const findings = findingsOf({ endpoint: 'GET /x', comparison });
    expect(fingerprintSource({ kind: 'comparison', caseId: 'suite/case', findings })).toBe(
      `{"case":"suite/case","causes":["${findings[0]?.fingerprint}"]}`,
    );
  });

  it('ignores the values involved, and depends on the case', () => {
    const a = caseFingerprint(json({ Schema: { field: 'x', reason: 'y' } }), json(GO));
    const b = caseFingerprint(
      json({ Schema: { field: 'other', reason: 'zzz' } }),
      json({ Kind: 'schema', Field: 'other', Reason: 'zzz' }),
    );
    expect(b).toBe(a);
    expect(caseFingerprint(json(SERDE), json(GO), 'suite/other')).not.toBe(a);
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

  it('replaces numeric and id-like segments with *', () => {
    expect(wildcardPath('/items/3/tags/10')).toBe('/items/*/tags/*');
    expect(wildcardPath('')).toBe('');
    expect(wildcardPath('/a1/1a')).toBe('/a1/1a');
    expect(wildcardPath('/users/usr_8f2k1m9q/name')).toBe('/users/*/name');
  });
});
