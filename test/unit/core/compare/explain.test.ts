import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import { compare } from '../../../../src/core/compare/comparison.js';
import { explain } from '../../../../src/core/compare/explain.js';
import { conventionOf } from '../../../../src/core/compare/patterns/util.js';
import { exchange, failure, GO, json, response, SERDE } from './fixtures.js';

function explainBodies(baseline: unknown, candidate: unknown, status = [200, 200]) {
  const comparison = compare(
    exchange(
      response(status[0] ?? 200, json(baseline)),
      response(status[1] ?? 200, json(candidate)),
    ),
  );
  if (comparison === undefined) throw new Error('expected a comparison');
  return explain({ kind: 'comparison', caseId: 'c', comparison, kinds: [] });
}

function sentences(text: string): number {
  return text.split(/(?<=\.)\s+(?=[A-Z])/).length;
}

describe('explain: cross-runtime patterns', () => {
  it('names the serde externally tagged enum vs Go discriminator field', () => {
    const { explanation, summary } = explainBodies(SERDE, GO);
    expect(explanation).toBe(
      'Baseline wraps the variant in a key `Schema` (an externally tagged enum); ' +
        'candidate uses a discriminator field `Kind` = "schema" with PascalCase fields (`field`→`Field` and `reason`→`Reason`).',
    );
    expect(summary).toBe('externally tagged enum vs `Kind` discriminator');
  });

  it('recognises the pattern below the top level and mentions leftovers', () => {
    const { explanation, summary } = explainBodies(
      { error: { Schema: { field: 'x' }, trace: 't' } },
      { error: { kind: 'schema', field: 'x' } },
    );
    expect(explanation).toContain('Baseline wraps the variant in a key `Schema`');
    expect(explanation).toContain(
      'discriminator field `kind` = "schema" with the same fields inline',
    );
    expect(explanation).toContain(
      'Shape differs at `/error`: baseline has key `trace` (string) that candidate lacks',
    );
    expect(summary).toBe(
      'externally tagged enum vs `kind` discriminator at `/error`; shape differs at `/error` (1 removed, 0 added)',
    );
  });

  it('names a key-case convention change', () => {
    const { explanation, summary } = explainBodies(
      { user: { first_name: 'a', last_name: 'b' } },
      { user: { FirstName: 'a', LastName: 'b' } },
    );
    expect(explanation).toBe(
      'Keys are snake_case in baseline and PascalCase in candidate at `/user`: ' +
        '`first_name`→`FirstName` and `last_name`→`LastName`.',
    );
    expect(summary).toBe('keys snake_case vs PascalCase at `/user`');
  });

  it('detects naming conventions', () => {
    expect(conventionOf(['field', 'reason_code'])).toBe('snake_case');
    expect(conventionOf(['userId', 'name'])).toBe('camelCase');
    expect(conventionOf(['UserId', 'Name'])).toBe('PascalCase');
    expect(conventionOf(['user-id', 'x-y'])).toBe('kebab-case');
    expect(conventionOf(['USER_ID'])).toBe('SCREAMING_SNAKE_CASE');
    expect(conventionOf(['userId', 'user_id'])).toBeUndefined();
  });
});

describe('explain: generic differences', () => {
  it('describes missing and extra keys', () => {
    const { explanation } = explainBodies({ Schema: { a: 1 } }, { Other: 1, Kind: 'x' });
    expect(explanation).toBe(
      'Shape differs at the top level: baseline has key `Schema` (object) that candidate lacks; ' +
        'candidate adds `Kind` (string) and `Other` (number).',
    );
  });

  it('names the list envelope one side answers where the other answers the list', () => {
    // json-server 0.17 answers a page as the list, 1.0 in an object with `data` and links.
    const page = { first: 1, prev: null, next: 2, last: 2, pages: 2, items: 3, data: [{ id: 1 }] };
    expect(explainBodies([{ id: 1 }], page).explanation).toBe(
      'Candidate answers the list in an object, under `data`, beside `first`, `prev`, `next`, `last`, … 2 more, where baseline answers the list itself.',
    );
    // Two lists in the object: no single envelope to name.
    expect(explainBodies({ a: [1], b: [2] }, [1]).explanation).toBe(
      'Type changed for the whole body: object in baseline, array in candidate.',
    );
  });

  it('takes an empty object against a filled one for a JSON change, not for two body kinds', () => {
    const { explanation } = explainBodies({}, { kind: 'x', id: 7 });
    expect(explanation).toBe(
      'Baseline answers an empty object where candidate answers 2 members (`kind`, `id`).',
    );
  });

  it('calls an array index an element, never a key', () => {
    expect(explainBodies([1, 2, 3], [1, 2, 3, 3]).explanation).toBe(
      'Shape differs at the top level: candidate adds element 3 (number).',
    );
    expect(explainBodies({ a: [1, 2, 3, 4] }, { a: [1, 2] }).explanation).toBe(
      'Shape differs at `/a`: baseline has element 2 (number) and element 3 (number) that candidate lacks.',
    );
  });

  it('describes status, type, values, order and headers in short sentences', () => {
    const comparison: Comparison = {
      status: { equal: false, baseline: 400, candidate: 422 },
      headers: [{ name: 'etag', baseline: 'a', candidate: undefined }],
      body: [
        { path: '/count', op: 'type', baseline: 3, candidate: 'three' },
        { path: '/total', op: 'value', baseline: 3, candidate: 4 },
        { path: '/name', op: 'value', baseline: 'a', candidate: 'b' },
        { path: '/list/2', op: 'moved', baseline: 2, candidate: 0 },
      ],
    };
    const { explanation, summary } = explain({
      kind: 'comparison',
      caseId: 'c',
      comparison,
      kinds: [],
    });
    expect(explanation).toContain('Status differs: baseline 400, candidate 422.');
    expect(explanation).toContain(
      'Type changed at `/count`: number in baseline, string in candidate.',
    );
    expect(explanation).toContain(
      'Values differ at 2 paths: `/total` (3 → 4) and `/name` ("a" → "b").',
    );
    expect(explanation).toContain('The array `/list` has its elements in another order (1 moved).');
    expect(explanation).toContain('Header `etag` differs: baseline `a`, candidate absent.');
    expect(sentences(explanation)).toBeLessThanOrEqual(5);
    expect(summary).not.toContain('\n');
    expect(summary.length).toBeLessThanOrEqual(120);
    expect(summary.startsWith('status 400 → 422')).toBe(true);
  });

  it('keeps many changes short', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const other = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, -i - 1]));
    const { explanation, summary } = explainBodies(many, other);
    expect(explanation).toMatch(
      /^Values differ at 50 paths: `\/k0` \(0 → -1\), `\/k1` \(1 → -2\), `\/k10` \(10 → -11\) and 47 more\.$/,
    );
    expect(summary).toBe('values differ at 50 paths');
  });

  it('describes a single value change and a body kind change', () => {
    expect(explainBodies({ total: 3 }, { total: 4 }).explanation).toBe(
      'Value differs at `/total`: 3 → 4.',
    );
    const comparison = compare(
      exchange(response(200, json({ a: 1 })), response(200, { kind: 'text', text: 'oops' })),
    );
    if (comparison === undefined) throw new Error('expected a comparison');
    expect(explain({ kind: 'comparison', caseId: 'c', comparison, kinds: [] }).explanation).toBe(
      'Body kind differs: baseline sent JSON (object), candidate sent a text body.',
    );
    const xml = compare(
      exchange(
        response(200, { kind: 'xml', value: { r: 1 } }),
        response(200, { kind: 'invalid-xml', text: '<r>&nope;</r>', error: 'entity' }),
      ),
    );
    if (xml === undefined) throw new Error('expected a comparison');
    expect(explain({ kind: 'comparison', caseId: 'c', comparison: xml, kinds: [] })).toMatchObject({
      explanation: 'Body kind differs: baseline sent XML, candidate sent invalid XML.',
      summary: 'body kind XML vs invalid XML',
    });
  });
});

describe('explain: whole bodies', () => {
  it('describes differing binary bodies by size, hash and first bytes, never as JSON', () => {
    const a = 'a1'.repeat(32);
    const b = 'b2'.repeat(32);
    const comparison = compare(
      exchange(
        response(200, { kind: 'binary', sha256: a, size: 3, head: '89504e' }),
        response(200, { kind: 'binary', sha256: b, size: 1234, head: 'ff00'.repeat(8) }),
      ),
    );
    if (comparison === undefined) throw new Error('expected a comparison');
    const { explanation, summary } = explain({
      kind: 'comparison',
      caseId: 'c',
      comparison,
      kinds: [],
    });
    expect(explanation).toBe(
      'Body bytes differ: baseline 3 bytes (sha256 a1a1a1a1a1a1…, starts 89 50 4e), ' +
        'candidate 1,234 bytes (sha256 b2b2b2b2b2b2…, starts ff 00 ff 00 ff 00 ff 00 ff 00 ff 00 ff 00 ff 00 …).',
    );
    expect(explanation).not.toContain('{');
    expect(summary).toBe('body differs');
  });
});

describe('explain: transport', () => {
  it('says which side failed and what the other answered', () => {
    const result = explain({
      kind: 'transport',
      caseId: 'c',
      baseline: response(200, json({})),
      candidate: failure('ECONNRESET', 'socket hang up'),
    });
    expect(result.explanation).toBe(
      'Candidate failed: ECONNRESET (socket hang up); baseline answered 200.',
    );
    expect(result.summary).toBe('candidate transport error ECONNRESET');
  });

  it('reports both failures', () => {
    const result = explain({
      kind: 'transport',
      caseId: 'c',
      baseline: failure('ECONNREFUSED', 'refused'),
      candidate: failure('UND_ERR_CONNECT_TIMEOUT', 'timeout'),
    });
    expect(result.explanation).toBe(
      'Both sides failed: baseline ECONNREFUSED (refused), candidate UND_ERR_CONNECT_TIMEOUT (timeout).',
    );
  });
});

describe('explain: text bodies', () => {
  it('says where two text bodies first differ', () => {
    const text = (t: string) => ({ kind: 'text' as const, text: t });
    const comparison = compare(
      exchange(
        response(400, text('Failed to parse the request body as JSON: expected value at line 1')),
        response(400, text('Failed to parse the request body as JSON: invalid character')),
      ),
    );
    if (comparison === undefined) throw new Error('expected a comparison');
    const { explanation, summary } = explain({
      kind: 'comparison',
      caseId: 'c',
      comparison,
      kinds: ['value'],
    });
    expect(explanation).toMatch(/^Body text differs from character 43 \(line 1\): baseline …/);
    expect(explanation).toContain('expected value');
    expect(explanation).toContain('invalid character');
    expect(summary).toBe('body differs');
  });
});
