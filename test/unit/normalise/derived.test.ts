import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../src/model/exchange.js';
import { DERIVED_TOKEN, maskDerivedHashes } from '../../../src/normalise/derived.js';
import { makeCase } from '../../helpers/case.js';

const side = (value: unknown, headers: Record<string, string> = {}): SideOutcome => ({
  outcome: 'response',
  response: { status: 200, headers, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;
const headers = (s: SideOutcome) => (s.outcome === 'response' ? s.response.headers : undefined);

/** An exchange that compared a run stamp at `/time` (the evidence), unless `evidence` is false. */
function exchange(
  a: unknown,
  b: unknown,
  options: { evidence?: boolean; etags?: [string, string] } = {},
): Exchange {
  const [ea, eb] = options.etags ?? [undefined, undefined];
  return {
    case: makeCase('c', { path: '/c' }),
    baseline: side(a, ea === undefined ? {} : { etag: ea }),
    candidate: side(b, eb === undefined ? {} : { etag: eb }),
    ...(options.evidence === false ? {} : { stamped: ['/time'] }),
  };
}

describe('hashes derived from per-instance values', () => {
  it('are compared by format where the exchange already showed per-instance values', () => {
    const out = maskDerivedHashes(
      exchange(
        {
          _rev: '3-5f5e2e0a9c1b4d7e8f60718293a4b5c6',
          sum: 'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f9',
          n: 1,
        },
        {
          _rev: '3-5683bb1c2d3e4f5a6b7c8d9e0f1a2b3c',
          sum: 'sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a0',
          n: 1,
        },
        { etags: ['W/"1a-Yk3Z9qPq2bH0xK7cTnVwLmR4sE8"', 'W/"1a-Qm8Y2rTt5dJ1zP0vBnXcKjH6gF3"'] },
      ),
    );
    expect(body(out.candidate)).toEqual({ _rev: DERIVED_TOKEN, sum: DERIVED_TOKEN, n: 1 });
    expect(body(out.baseline)).toEqual(body(out.candidate));
    expect(headers(out.baseline)).toEqual({ etag: DERIVED_TOKEN });
    expect(out.derived).toEqual(['/_rev', '/sum', 'header etag']);
  });

  it('still differ with another revision counter, length or alphabet, one-sided, words, or no evidence', () => {
    const a = {
      counter: '3-5f5e2e0a9c1b4d7e8f60718293a4b5c6',
      length: '5f5e2e0a9c1b4d7e8f60',
      alphabet: '5f5e2e0a9c1b4d7e8f60718293a4b5c6',
      word: 'abcdefabcdefabcdefab',
      only: '0a1b2c3d4e5f60718293',
    };
    const b = {
      counter: '4-5683bb1c2d3e4f5a6b7c8d9e0f1a2b3c',
      length: '5683bb1c2d3e4f5a6b7c8d9e',
      alphabet: 'Z683bb1c2d3e4f5a6b7c8d9e0f1a2b3c',
      word: 'fedcbafedcbafedcbafe',
    };
    const out = maskDerivedHashes(exchange(a, b));
    expect(out.derived).toBeUndefined();
    expect(body(out.candidate)).toEqual(b);
    const rev = { _rev: '3-5f5e2e0a9c1b4d7e8f60718293a4b5c6' };
    const other = { _rev: '3-5683bb1c2d3e4f5a6b7c8d9e0f1a2b3c' };
    expect(maskDerivedHashes(exchange(rev, other, { evidence: false })).derived).toBeUndefined();
  });
});
