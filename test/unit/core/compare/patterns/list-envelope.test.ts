/**
 * A list on one side and an object holding it under one key on the other (a
 * page: `data` beside `first`, `next`) is one root cause across every list
 * endpoint, not a row per endpoint (`GET /posts: body array vs object`, then
 * `GET /tags: …`). An error object holding a list is not an envelope.
 */
import { describe, expect, it } from 'vitest';
import { earlierKeys } from '../../../../../src/core/compare/earlier-keys.js';
import { judgedBodies } from '../fixtures.js';

const judged = (baseline: unknown, candidate: unknown, path = '/v1/posts') =>
  judgedBodies(baseline, candidate, { path });

const causes = (j: ReturnType<typeof judged>) => j.findings.map((f) => f.fingerprint);
const names = (j: ReturnType<typeof judged>) =>
  j.findings.map((f) => (f.cause.type === 'pattern' ? f.cause.pattern : f.cause.type));
const page = (data: unknown[]) => ({ first: 1, next: 2, pages: 3, data });

describe('a list against an object holding it', () => {
  const posts = [
    { id: 1, title: 'a', views: 3 },
    { id: 2, title: 'b', views: 5 },
  ];

  it('is one root cause for every list endpoint', () => {
    const j = judged(posts, page(posts.slice(0, 1)));
    expect(names(j)).toEqual(['list-envelope']);
    expect(j.findings[0]?.summary).toBe('candidate wraps lists in an object under `data`');
    expect(j.verdict === 'divergent' && j.divergence.explanation).toBe(
      'Candidate answers the list in an object, under `data`, beside `first`, `next`, `pages`, where baseline answers the list itself.',
    );
    const tags = judged([{ id: 'x', name: 'n' }], page([{ id: 'x', name: 'n' }]), '/v1/tags');
    expect(causes(tags)).toEqual(causes(j));
    // Ids written as strings inside the page are the same elements' kind.
    const stringIds = judged(posts, page([{ id: '1', title: 'a', views: 3 }]), '/v1/other');
    expect(causes(stringIds)).toEqual(causes(j));
    expect(causes(judged([], page([])))).toEqual(causes(j));
  });

  it('is another root cause in the other direction, or under another key', () => {
    const j = judged(posts, page(posts));
    expect(causes(judged(page(posts), posts))).not.toEqual(causes(j));
    expect(causes(judged(posts, { items: posts, total: 2 }))).not.toEqual(causes(j));
  });

  it('is no envelope for an error object, another kind of element, or an empty list against items', () => {
    expect(names(judged([], { error: 'bad', details: ['x'] }))).toEqual(['structure']);
    expect(names(judged([{ id: 1, title: 'a' }], { data: [{ code: 7, reason: 'r' }] }))).toEqual([
      'structure',
    ]);
    expect(names(judged([], page([{ id: 1 }])))).toEqual(['structure']);
    expect(names(judged([1, 2], { a: [1], b: [2] }))).toEqual(['structure']);
  });

  it('supersedes the row per endpoint an older tracker holds of it', () => {
    const j = judged(posts, page(posts));
    const structural = judged([1], { error: 'e' });
    expect(names(structural)).toEqual(['structure']);
    if (j.verdict !== 'divergent') throw new Error('expected a divergence');
    const earlier = earlierKeys({
      endpoint: 'GET /v1/posts',
      findings: j.findings,
      changes: j.comparison.body,
      headerChanges: [],
      notMembers: new Set(),
    });
    expect(earlier.get(causes(j)[0] ?? '')).toHaveLength(1);
  });
});
