/**
 * Issue 43: the same constant under other parents is one cause
 * (`constant-values.ts`): a value that differs the same way in every answer,
 * at a member of one name in an object of one name under two parents. Planted
 * twice with other names; per-answer data, another pair and another object
 * stay apart.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

const differs = (path: string): SkeletonChange => ({
  op: 'value',
  path,
  baseline: 'string',
  candidate: 'string',
});

/** One answer: each place with its concrete values. */
function answer(
  caseId: string,
  endpoint: string,
  places: readonly [string, string, unknown, unknown][],
) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = places.map(([skeleton, concrete]) =>
    findingOf({ type: 'structure', endpoint: resource, change: differs(skeleton) }, [concrete]),
  );
  const changes = places.map(([, path, baseline, candidate]) => ({
    op: 'value',
    path,
    baseline,
    candidate,
  }));
  return { caseId, endpoint, findings, changes } satisfies ClusterAnswer;
}

const rows = clusteredSummaries;

describe.each([
  {
    top: '/ListAllMyBucketsResult/Owner/ID',
    nested: '/ListBucketResult/Contents/Owner/ID',
    from: '123',
    to: '123456789000',
  },
  { top: '/account/tenant/code', nested: '/invoice/lines/tenant/code', from: 'x9', to: 'x9-eu' },
])('a constant at `$top` and `$nested`', ({ top, nested, from, to }) => {
  const nestedAt = (n: number) => nested.replace(/\/([^/]+)\/([^/]+)\/([^/]+)$/, `/$1/${n}/$2/$3`);

  it('is one row wherever its object sits', () => {
    const found = rows([
      answer('c/1', 'GET /', [[top, top, from, to]]),
      answer('c/2', 'GET /', [[top, top, from, to]]),
      answer('c/3', 'GET /things', [
        [nested, nestedAt(0), from, to],
        [nested, nestedAt(1), from, to],
      ]),
    ]);
    expect(found).toHaveLength(1);
  });

  it('stays two rows where the pairs differ, or the values are each answer’s own', () => {
    expect(
      rows([
        answer('c/1', 'GET /', [[top, top, from, to]]),
        answer('c/3', 'GET /things', [[nested, nestedAt(0), from, `${to}0`]]),
      ]),
    ).toHaveLength(2);
    expect(
      rows([
        answer('c/1', 'GET /', [[top, top, from, to]]),
        answer('c/2', 'GET /', [[top, top, `${from}1`, `${to}1`]]),
        answer('c/3', 'GET /things', [[nested, nestedAt(0), from, to]]),
      ]),
    ).toHaveLength(2);
  });

  it('stays two rows for a member of the same name in an object of another name', () => {
    const other = top.replace(/\/[^/]+\/([^/]+)$/, '/Grantee/$1');
    expect(
      rows([
        answer('c/1', 'GET /', [[top, top, from, to]]),
        answer('c/3', 'GET /things', [[other, other, from, to]]),
      ]),
    ).toHaveLength(2);
  });
});
