import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { maskDerivedDigests } from '../../../../src/core/normalise/derived-digests.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonTextSide } from '../../../helpers/json-side.js';

const exchange = (baseline: string, candidate: string): Exchange => ({
  case: makeCase('digests', { method: 'GET', path: '/chain/head' }),
  baseline: jsonTextSide(baseline),
  candidate: jsonTextSide(candidate),
});
const bodyValue = (outcome: SideOutcome) =>
  outcome.outcome === 'response' && outcome.response.body.kind === 'json'
    ? outcome.response.body.value
    : undefined;

const hex = (digit: string, length: number) => digit.repeat(length);

describe('digests of objects that hold per-instance values, read off the text first', () => {
  it('masks a digest beside a stamped value, its text holding the digest as is', () => {
    const [a, b] = [hex('a', 64), hex('b', 64)];
    const out = maskDerivedDigests(
      exchange(
        JSON.stringify({ block: { minedAt: '{{stamped}}', hash: a, n: 1 } }),
        JSON.stringify({ block: { minedAt: '{{stamped}}', hash: b, n: 2 } }),
      ),
    );
    expect(bodyValue(out.baseline)).toEqual({
      block: { minedAt: '{{stamped}}', hash: '{{generated}}', n: 1 },
    });
    expect(bodyValue(out.candidate)).toEqual({
      block: { minedAt: '{{stamped}}', hash: '{{generated}}', n: 2 },
    });
    expect(out.generated).toEqual([
      '/block/hash (a digest, hex64 on both sides, of an object that holds values each side stamped or drew: it changes with them)',
    ]);
  });

  it('still walks a text that escapes its characters: the digest is in the value, not in the text', () => {
    // `\u0031` is `1`: no run of 32 hex digits is written out in either text.
    const escaped = (digit: string) => `${hex(digit, 20)}\\u0031${hex(digit, 19)}`;
    const out = maskDerivedDigests(
      exchange(
        `{"doc":{"_id":"{{generated}}","etag":"${escaped('c')}"}}`,
        `{"doc":{"_id":"{{generated}}","etag":"${escaped('d')}"}}`,
      ),
    );
    expect(bodyValue(out.baseline)).toEqual({
      doc: { _id: '{{generated}}', etag: '{{generated}}' },
    });
    expect(bodyValue(out.candidate)).toEqual({
      doc: { _id: '{{generated}}', etag: '{{generated}}' },
    });
    expect(out.generated).toHaveLength(1);
  });

  it('leaves answers whose texts hold no digest as they are', () => {
    const sent = exchange(
      JSON.stringify({ order: { placedAt: '{{stamped}}', total: 3, code: 'abc' } }),
      JSON.stringify({ order: { placedAt: '{{stamped}}', total: 4, code: 'abd' } }),
    );
    expect(maskDerivedDigests(sent)).toBe(sent);
  });
});
