/**
 * `{}` on one side and an object with members on the other is one change at
 * the object and one root cause (json-server 0.17's DELETE answers `{}` where
 * 1.0 answers the deleted record: five "candidate adds" rows for one
 * decision); an id written as a number on one side and generated as a string
 * on the other is the same root cause as ids copied as strings.
 */
import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../../../../src/contract/model/case.js';
import { diffJson } from '../../../../../src/core/compare/delta.js';
import { judgedBodies } from '../fixtures.js';

const judged = (
  baseline: unknown,
  candidate: unknown,
  method: HttpMethod = 'GET',
  path = '/v1/x',
) => judgedBodies(baseline, candidate, { method, path });

const causes = (j: ReturnType<typeof judged>) => j.findings.map((f) => f.fingerprint);
const names = (j: ReturnType<typeof judged>) =>
  j.findings.map((f) => (f.cause.type === 'pattern' ? f.cause.pattern : f.cause.type));

describe('an empty object against a filled one', () => {
  const record = { id: 7, title: 'draft', author: 'me' };

  it('is one type change at the object, holding both objects', () => {
    const options = { arrayKeys: ['id'], tolerance: [] };
    expect(diffJson({}, record, options)).toEqual([
      { path: '', op: 'type', baseline: {}, candidate: record },
    ]);
    expect(diffJson({ meta: { page: 1, next: 'x' } }, { meta: {} }, options)).toEqual([
      { path: '/meta', op: 'type', baseline: { page: 1, next: 'x' }, candidate: {} },
    ]);
  });

  it('is one root cause per method at the body, whatever the resource', () => {
    const posts = judged({}, record, 'DELETE', '/posts/7');
    const comments = judged({}, { id: 3, body: 'hi', postId: 1 }, 'DELETE', '/comments/3');
    expect(names(posts)).toEqual(['empty-object']);
    expect(causes(comments)).toEqual(causes(posts));
    expect(posts.findings[0]?.summary).toBe('DELETE bodies: `{}` vs an object');
    expect(posts.findings[0]?.kind).toBe('shape');
    // A login answering `{}` is another decision than a DELETE doing so.
    expect(causes(judged({}, { token: 'abc' }, 'POST', '/login'))).not.toEqual(causes(posts));
    // The other direction is another cause.
    expect(causes(judged(record, {}, 'DELETE', '/posts/7'))).not.toEqual(causes(posts));
  });

  it('explains the members the filled side holds', () => {
    const j = judged({}, record, 'DELETE', '/posts/7');
    expect(j.verdict === 'divergent' && j.divergence.explanation).toBe(
      'Baseline answers an empty object where candidate answers 3 members (`id`, `title`, `author`).',
    );
  });

  it('leaves an object whose members are all zero values or null to their own causes', () => {
    expect(names(judged({ a: 1, s: {} }, { a: 1, s: { Min: 0, Note: '' } }))).toEqual([
      'structure',
    ]);
    expect(names(judged({ a: 1 }, { a: 1, deleted_at: null }))).toEqual(['null-vs-absent']);
    expect(diffJson({}, { x: null, y: 0 }, { arrayKeys: [], tolerance: [] })).toEqual([
      { path: '/x', op: 'added', candidate: null },
      { path: '/y', op: 'added', candidate: 0 },
    ]);
  });

  it('keeps members added beside members both sides share, and objects inside lists, member by member', () => {
    const options = { arrayKeys: [], tolerance: [] };
    expect(diffJson({ id: 1 }, { id: 1, title: 't', body: 'b' }, options)).toEqual([
      { path: '/body', op: 'added', candidate: 'b' },
      { path: '/title', op: 'added', candidate: 't' },
    ]);
    expect(diffJson([{}], [{ title: 't' }], options).map((c) => c.op)).toEqual(['added']);
  });
});

describe('an id written as a number on one side and a generated string on the other', () => {
  it('is the root cause of ids copied as strings', () => {
    const copied = judged({ id: 1, title: 'a' }, { id: '1', title: 'a' }, 'GET', '/posts/1');
    const generated = judged({ id: 4, title: 'b' }, { id: '44bd', title: 'b' }, 'POST', '/posts');
    const uuid = judged(
      { id: 12 },
      { id: '550e8400-e29b-41d4-a716-446655440000' },
      'POST',
      '/comments',
    );
    expect(names(generated)).toEqual(['int-as-string']);
    expect(causes(generated)).toEqual(causes(copied));
    // Four hex digits that happen to be letters alone are an identifier too.
    const letters = judged({ id: 6, title: 'c' }, { id: 'ccfc', title: 'c' }, 'POST', '/posts');
    expect(causes(letters)).toEqual(causes(copied));
    expect(causes(uuid)).toEqual(causes(copied));
    expect(generated.verdict === 'divergent' && generated.divergence.explanation).toContain(
      'writes the identifier at `/id` as a string ("44bd"), baseline as a JSON integer (4)',
    );
  });

  it('is no identifier when the string is a word, a sentence or the number is not an integer', () => {
    expect(names(judged({ status: 1 }, { status: 'active' }))).toEqual(['structure']);
    expect(names(judged({ code: 7 }, { code: 'not found' }))).toEqual(['structure']);
    expect(names(judged({ price: 9.5 }, { price: 'ab12' }))).toEqual(['structure']);
  });
});
