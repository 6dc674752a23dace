/**
 * Issue 43 / 47: entity tags are opaque validators (RFC 9110 8.8.3). A member
 * named for one (WebDAV's `getetag` in an XML multistatus, a JSON record's
 * `eTag`) whose two values are entity tags of one kind (both strong, or both
 * weak) is each server's own, compared as `{{generated}}` with that evidence.
 * Strong against weak, an unquoted tag, and the digest of content the
 * exchange holds stay differences. Two fixtures of other names and shapes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { GENERATED_TOKEN, maskGeneratedValues } from '../../../../src/core/normalise/generated.js';
import { makeCase } from '../../../helpers/case.js';

const side = (kind: 'json' | 'xml', value: unknown): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 207,
    headers: {},
    body: kind === 'json' ? { kind, value } : { kind, value },
    wireBytes: 1,
    durationMs: 1,
  } as never,
});
const exchange = (kind: 'json' | 'xml', a: unknown, b: unknown, body?: string): Exchange => ({
  case: makeCase('c', {
    path: '/docs/',
    method: 'PROPFIND',
    ...(body === undefined ? {} : { body: { kind: 'text', text: body } }),
  }),
  baseline: side(kind, a),
  candidate: side(kind, b),
});

const multistatus = (tag: string, length: string) => ({
  multistatus: {
    response: [{ href: '/docs/', propstat: { prop: { getetag: tag, getcontentlength: length } } }],
  },
});
const record = (tag: string, size: number) => ({ items: [{ key: 'a.txt', eTag: tag, size }] });

describe('entity tags of one kind', () => {
  it.each([
    {
      name: 'WebDAV getetag, strong, digits against hex',
      kind: 'xml' as const,
      a: multistatus('"2312253065"', '11'),
      b: multistatus('"8a7413b446050079fd9c145f157473c4"', '12'),
      at: '/multistatus/response/0/propstat/prop/getetag',
      evidence: 'strong',
    },
    {
      name: 'a JSON record’s eTag, weak, two shapes',
      kind: 'json' as const,
      a: record('W/"5-1a2b3c"', 5),
      b: record('W/"f00dcafe42"', 6),
      at: '/items/0/eTag',
      evidence: 'weak',
    },
  ])('$name: per-instance, the member beside it still differs', ({ kind, a, b, at, evidence }) => {
    const out = maskGeneratedValues(exchange(kind, a, b));
    expect(out.generated).toEqual([
      `${at} (entity tags, ${evidence} on both sides: opaque validators, each server's own)`,
    ]);
    const value = (s: SideOutcome) =>
      s.outcome === 'response' && 'value' in s.response.body ? s.response.body.value : undefined;
    const text = JSON.stringify(value(out.candidate));
    expect(text).toContain(GENERATED_TOKEN);
    // The size beside it is data and still differs.
    expect(JSON.stringify(value(out.baseline))).not.toEqual(text);
  });
});

describe('stays a difference', () => {
  it.each([
    ['strong against weak', '"abc123"', 'W/"abc123"'],
    ['an unquoted tag', 'abc123', '"abc124"'],
    ['a member not named for a tag', '"abc123"', '"abd124"'],
  ])('%s', (name, x, y) => {
    const doc = (tag: string) =>
      name.startsWith('a member') ? { label: tag } : { items: [{ eTag: tag }] };
    expect(maskGeneratedValues(exchange('json', doc(x), doc(y))).generated).toBeUndefined();
  });

  it('the digest of content the exchange holds (an MD5 ETag of the body sent)', () => {
    const sent = 'hello tags';
    const md5 = createHash('md5').update(sent).digest('hex');
    const out = maskGeneratedValues(
      exchange('json', { ETag: `"${md5}"` }, { ETag: '"0cc175b9c0f1b6a831c399e269772661"' }, sent),
    );
    expect(out.generated).toBeUndefined();
  });
});
