/**
 * Input rules: which root causes are split by the rule that shows them, and
 * whether a smaller request still carries its family's edit (what keeps the
 * shrinker from turning one rule into another).
 */
import { describe, expect, it } from 'vitest';
import { docOf, type JsonDoc } from '../../../../src/judge/fuzz/doc.js';
import type { FuzzRequest } from '../../../../src/judge/fuzz/request.js';
import type { FuzzCause } from '../../../../src/judge/fuzz/root-cause.js';
import { carries, divergenceKey, splitByRule } from '../../../../src/judge/fuzz/rule.js';

const status: FuzzCause = {
  key: 'status-0123456789ab',
  type: 'status',
  group: 'input-acceptance',
  endpoint: 'POST /v1/validate',
  baseline: 400,
  candidate: 200,
  title: 'status 400 → 200',
};

const seed: FuzzRequest = {
  method: 'POST',
  path: '/v1/records/1',
  query: [['limit', '10']],
  headers: [['content-type', 'application/json']],
  body: { kind: 'json', doc: docOf({ record: { name: 'Ada', tags: ['a'] } }) },
};

const withDoc = (doc: Partial<JsonDoc>, value: unknown = { record: { name: 'Ada' } }) => ({
  ...seed,
  body: { kind: 'json' as const, doc: { ...docOf(value), ...doc } },
});
const raw = (text: string): FuzzRequest => ({
  ...seed,
  body: { kind: 'bytes', bytes: Buffer.from(text, 'latin1') },
});

describe('splitByRule', () => {
  it('splits a status change where one side accepts what the other rejects, or fails', () => {
    expect(splitByRule(status)).toBe(true);
    expect(splitByRule({ ...status, group: 'server-error', candidate: 500 })).toBe(true);
    expect(splitByRule({ ...status, type: 'transport', group: 'server-error' })).toBe(true);
  });

  it('keeps one divergence per root cause where both sides agree to reject (or accept)', () => {
    expect(splitByRule({ ...status, group: 'status-mapping', candidate: 422 })).toBe(false);
    expect(splitByRule({ ...status, type: 'body-kind', group: 'error-envelope' })).toBe(false);
    expect(splitByRule({ ...status, type: 'nil-slice', group: 'response-body' })).toBe(false);
    expect(splitByRule({ ...status, type: 'header', group: 'headers' })).toBe(false);
    // A 5xx brings body causes along: they are the crash's, not each rule's.
    expect(splitByRule({ ...status, type: 'body-kind', group: 'server-error' })).toBe(false);
  });

  it('keys a divergence on the rule only where it splits', () => {
    expect(divergenceKey(status, 'trailing-data')).not.toBe(divergenceKey(status, 'invalid-utf8'));
    const mapping = { ...status, group: 'status-mapping' as const };
    expect(divergenceKey(mapping, 'trailing-data')).toBe(divergenceKey(mapping, 'invalid-utf8'));
  });
});

describe('carries', () => {
  it('bytes after the document, before it, and comments', () => {
    expect(carries('trailing-data', seed, withDoc({ trail: Buffer.from('x') }))).toBe(true);
    expect(carries('trailing-data', seed, withDoc({}))).toBe(false);
    expect(carries('leading-bytes', seed, withDoc({ lead: Buffer.from([0xef]) }))).toBe(true);
    expect(carries('leading-bytes', seed, withDoc({}))).toBe(false);
    expect(carries('comment', seed, withDoc({ lead: Buffer.from('/**/') }))).toBe(true);
    expect(carries('comment', seed, withDoc({}))).toBe(false);
  });

  it('a repeated key, a surrogate escape, bytes that are not UTF-8', () => {
    const repeated = withDoc({
      root: {
        kind: 'object',
        members: [
          ['record', { kind: 'value', value: 1 }],
          ['record', { kind: 'value', value: 2 }],
        ],
      },
    });
    expect(carries('duplicate-key', seed, repeated)).toBe(true);
    expect(carries('duplicate-key', seed, withDoc({}))).toBe(false);
    expect(carries('lone-surrogate', seed, raw('{"name":"\\ud800"}'))).toBe(true);
    expect(carries('lone-surrogate', seed, raw('{"name":"\\u00e9"}'))).toBe(false);
    expect(carries('invalid-utf8', seed, raw('{"name":"\xff"}'))).toBe(true);
    // `é` in Latin-1: one byte 0xe9, which UTF-8 does not read.
    expect(carries('invalid-utf8', seed, raw('{"name":"é"}'))).toBe(true);
    expect(carries('invalid-utf8', seed, withDoc({}, { name: 'é' }))).toBe(false);
  });

  it('a key or an enum value in another letter case, a key of another name', () => {
    expect(carries('key-case', seed, withDoc({}, { RECORD: {} }))).toBe(true);
    expect(carries('key-case', seed, withDoc({}, { record: {} }))).toBe(false);
    expect(carries('key-case', seed, withDoc({}, { other: {} }))).toBe(false);
    expect(carries('enum-case', seed, withDoc({}, { record: { name: 'ADA' } }))).toBe(true);
    expect(carries('enum-case', seed, withDoc({}, { record: { name: 'AD' } }))).toBe(false);
    expect(carries('renamed-field', seed, withDoc({}, { Record: {} }))).toBe(true);
    expect(carries('renamed-field', seed, withDoc({}, { record: {} }))).toBe(false);
  });

  it('query edits: a new non-empty value, an empty one, a repeated, missing or extra key', () => {
    const q = (...query: [string, string][]): FuzzRequest => ({ ...seed, query });
    expect(carries('query-value', seed, q(['limit', '-1']))).toBe(true);
    // Shortening `-1` to nothing would make it an empty value: that is another rule.
    expect(carries('query-value', seed, q(['limit', '']))).toBe(false);
    expect(carries('query-value', seed, q(['limit', '10']))).toBe(false);
    expect(carries('query-empty', seed, q(['limit', '']))).toBe(true);
    expect(carries('query-repeated', seed, q(['limit', '10'], ['limit', '-1']))).toBe(true);
    expect(carries('query-repeated', seed, q(['limit', '-1']))).toBe(false);
    expect(carries('query-missing', seed, q())).toBe(true);
    expect(carries('query-extra', seed, q(['limit', '10'], ['page', '']))).toBe(true);
    expect(carries('query-extra', seed, q(['limit', '10']))).toBe(false);
  });

  it('another path, another content type', () => {
    expect(carries('path-segment', seed, { ...seed, path: '/v1/records/+1' })).toBe(true);
    expect(carries('path-segment', seed, seed)).toBe(false);
    expect(carries('content-type', seed, { ...seed, headers: [] })).toBe(true);
    expect(carries('content-type', seed, seed)).toBe(false);
  });
});
