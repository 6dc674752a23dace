/**
 * Issue 43: a list's elements one side adds or lacks are keyed by the names of
 * the query parameters the read set, never their values. Two list reads of one
 * endpoint with other parameters (`?limit=0`, `?tag=a&tag=b`) that both answer
 * more elements on one side are two questions, and stay two rows.
 */

import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { findingsOf, listPlace } from '../../../../src/core/compare/findings.js';

function findings(endpoint: string, queryNames: readonly string[], body: readonly Change[]) {
  return findingsOf({
    endpoint,
    queryNames,
    comparison: { status: { equal: true, baseline: 200, candidate: 200 }, headers: [], body },
  });
}

describe('list elements keyed by the query parameters of the read', () => {
  it.each([
    ['GET /v1/records', 'records', ['limit'], ['tag', 'tag'], ['tag']],
    ['GET /api/users', 'users', ['page', 'per_page'], ['role'], ['role']],
  ])('%s: other parameter names are two causes, other values one', (endpoint, list, a, b, c) => {
    const added: Change[] = [{ path: `/${list}/1`, op: 'added', candidate: { id: 2 } }];
    const first = findings(endpoint, a, added);
    const second = findings(endpoint, b, added);
    const third = findings(endpoint, c, [
      { path: `/${list}/4`, op: 'added', candidate: { id: 7 } },
    ]);
    expect(first).toHaveLength(1);
    expect(first[0]?.fingerprint).not.toBe(second[0]?.fingerprint);
    // The same parameter with other values (a repeated `tag`, once or twice): one cause.
    expect(third[0]?.fingerprint).toBe(second[0]?.fingerprint);
    expect(first[0]?.summary).toContain(`candidate adds elements to the list \`/${list}\``);
  });

  it('keeps every other change keyed by the resource (a member one side lacks)', () => {
    const lacks: Change[] = [{ path: '/meta/build', op: 'removed', baseline: 'abc' }];
    expect(findings('GET /v1/things', ['limit'], lacks)[0]?.fingerprint).toBe(
      findings('GET /v1/things', ['tag'], lacks)[0]?.fingerprint,
    );
  });

  it('names the parameters once, sorted, without values', () => {
    expect(listPlace('/v1/records', ['tag', 'limit', 'tag'])).toBe('/v1/records?limit&tag');
    expect(listPlace('/v1/records', [])).toBe('/v1/records');
    expect(listPlace('/v1/records', undefined)).toBe('/v1/records');
  });

  it('keeps a planted second cause of one list two rows, not hidden in the first', () => {
    // One list read ignores `limit=0`, another ignores the second `tag`: both add elements.
    const limit = findings(
      'GET /v1/records',
      ['limit'],
      [{ path: '/records/0', op: 'added', candidate: { id: 1 } }],
    );
    const tags = findings(
      'GET /v1/records',
      ['tag', 'tag'],
      [{ path: '/records/1', op: 'added', candidate: { id: 2 } }],
    );
    const rows = new Set([...limit, ...tags].map((f) => f.fingerprint));
    expect(rows.size).toBe(2);
  });
});
