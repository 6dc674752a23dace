import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { DERIVED_TOKEN, maskDerivedRevisions } from '../../../../src/core/normalise/derived.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, headers: Record<string, string> = {}): SideOutcome => ({
  outcome: 'response',
  response: { status: 200, headers, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome | undefined) =>
  s?.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;
const headers = (s: SideOutcome | undefined) =>
  s?.outcome === 'response' ? s.response.headers : undefined;

interface Options {
  /** The answer compared a run stamp at `/time` (the evidence); default true. */
  readonly evidence?: boolean;
  readonly etags?: readonly [string, string];
  /** Response headers compared (the case's `rules.headers`). */
  readonly compared?: readonly string[];
  readonly replica?: SideOutcome;
}

function exchange(a: unknown, b: unknown, options: Options = {}): Exchange {
  const [ea, eb] = options.etags ?? [undefined, undefined];
  const base = makeCase('c', { path: '/c' });
  return {
    case: {
      ...base,
      rules: { ...base.rules, headers: [...(options.compared ?? ['content-type', 'etag'])] },
    },
    baseline: side(a, ea === undefined ? {} : { etag: ea }),
    candidate: side(b, eb === undefined ? {} : { etag: eb }),
    ...(options.evidence === false ? {} : { stamped: ['/time'] }),
    ...(options.replica === undefined ? {} : { replica: options.replica }),
  };
}

/** The exchange with no body on either side (a `HEAD`'s answers). */
function bodiless(x: Exchange): Exchange {
  const strip = (s: SideOutcome): SideOutcome =>
    s.outcome === 'response'
      ? { outcome: 'response', response: { ...s.response, body: { kind: 'empty' } } }
      : s;
  return { ...x, baseline: strip(x.baseline), candidate: strip(x.candidate) };
}

const REV_A = '3-5f5e2e0a9c1b4d7e8f60718293a4b5c6';
const REV_B = '3-5683bb1c2d3e4f5a6b7c8d9e0f1a2b3c';
const ETAGS = [
  'W/"4a7-Yk3Z9qPq2bH0xK7cTnVwLmR4sE8"',
  'W/"4a8-Qm8Y2rTt5dJ1zP0vBnXcKjH6gF3"',
] as const;

describe('revisions derived from per-instance values', () => {
  it('are compared by format where the answer already showed per-instance values; the replica alike', () => {
    const out = maskDerivedRevisions(
      exchange(
        { _rev: REV_A, n: 1 },
        { _rev: REV_B, n: 1 },
        {
          etags: ETAGS,
          replica: side({ _rev: REV_A, n: 1 }, { etag: ETAGS[0] }),
        },
      ),
    );
    expect(body(out.candidate)).toEqual({ _rev: DERIVED_TOKEN, n: 1 });
    expect(body(out.baseline)).toEqual(body(out.candidate));
    expect(headers(out.baseline)).toEqual({ etag: DERIVED_TOKEN });
    expect(out.derived).toEqual(['/_rev', 'header etag']);
    // No noise is learned from a masked value against a raw one.
    expect(body(out.replica)).toEqual(body(out.baseline));
    expect(headers(out.replica)).toEqual(headers(out.baseline));
  });

  it('content digests are never derived: a differing shasum or integrity is different content', () => {
    const a = {
      shasum: 'e45a162d8f0c9a1b2c3d4e5f60718293a4b5c6d7',
      integrity: 'sha512-Yk3Z9qPq2bH0xK7cTnVwLmR4sE8aa==',
      sum: 'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    };
    const b = {
      shasum: '3aed98180f0c9a1b2c3d4e5f60718293a4b5c6d7',
      integrity: 'sha512-Qm8Y2rTt5dJ1zP0vBnXcKjH6gF3bb==',
      sum: 'sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    };
    const out = maskDerivedRevisions(exchange(a, b));
    expect(out.derived).toBeUndefined();
    expect(body(out.candidate)).toEqual(b);
  });

  it('still differ with another counter or format, an ETag not compared, or no evidence', () => {
    const a = { counter: REV_A, length: '3-5f5e2e0a9c1b4d7e8f60' };
    const b = {
      counter: '4-5683bb1c2d3e4f5a6b7c8d9e0f1a2b3c',
      length: '3-5683bb1c2d3e4f5a6b7c8d9e',
    };
    expect(maskDerivedRevisions(exchange(a, b)).derived).toBeUndefined();
    const uncompared = maskDerivedRevisions(
      exchange({}, {}, { etags: ETAGS, compared: ['content-type'] }),
    );
    expect(uncompared.derived).toBeUndefined();
    const none = maskDerivedRevisions(
      exchange({ _rev: REV_A }, { _rev: REV_B }, { evidence: false }),
    );
    expect(none.derived).toBeUndefined();
  });

  it('take no evidence from stamps that date the answer, only from the document and its Last-Modified', () => {
    // Two servers' Date headers a second boundary apart, found as a CI flake. Answers with no
    // body (a HEAD): a tag on an answer that shows its body is opaque whatever the evidence.
    const dated = (places: string[]) =>
      maskDerivedRevisions({
        ...bodiless(exchange({}, {}, { etags: ETAGS, evidence: false })),
        stamped: places,
      });
    expect(dated(['header date']).derived).toBeUndefined();
    expect(
      dated(['header date', 'header expires', 'header x-ratelimit-reset']).derived,
    ).toBeUndefined();
    expect(dated(['header last-modified']).derived).toEqual(['header etag']);
    expect(dated(['header date', '/time']).derived).toEqual(['header etag']);
  });

  it.each([
    ['weak tags of two shapes', 'W/"4a7-Yk3Z9qPq2bH0xK7c"', 'W/"1c9e2d"', 'weak'],
    [
      'strong tags, digits against hex',
      '"2312253065"',
      '"8a7413b446050079fd9c145f157473c4"',
      'strong',
    ],
  ])(
    'an ETag of one kind on answers that show their bodies is opaque, with no other evidence: %s',
    (_n, x, y) => {
      const out = maskDerivedRevisions(
        exchange({ a: 1 }, { a: 2 }, { etags: [x, y], evidence: false }),
      );
      expect(out.derived).toEqual(['header etag']);
      expect(headers(out.candidate)).toEqual({ etag: DERIVED_TOKEN });
      // The bodies are untouched: a content that differs is its own row.
      expect(body(out.candidate)).toEqual({ a: 2 });
    },
  );

  it.each([
    ['strong against weak', '"abc123"', 'W/"abc123x"'],
    ['an unquoted tag', 'abc123', '"abc124"'],
    ['an empty tag', '""', '"x1"'],
  ])('an ETag stays a finding: %s', (_n, x, y) => {
    const out = maskDerivedRevisions(exchange({}, {}, { etags: [x, y], evidence: false }));
    expect(out.derived).toBeUndefined();
  });

  it('an ETag on one side only, or on answers with no body (a HEAD), stays a finding without evidence', () => {
    const one = exchange({}, {}, { evidence: false });
    const withOne: Exchange = {
      ...one,
      baseline: side({}, { etag: '"a1"' }),
    };
    expect(maskDerivedRevisions(withOne).derived).toBeUndefined();
    const head = bodiless(exchange({}, {}, { etags: ['"a1"', '"b2"'], evidence: false }));
    expect(maskDerivedRevisions(head).derived).toBeUndefined();
  });
});
