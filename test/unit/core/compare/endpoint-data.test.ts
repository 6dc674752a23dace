/**
 * Issue 43 rule 1 (`endpoint-data.ts`): a value keyed by its place alone on
 * two resources is each resource's own row unless its values show one
 * change across them: one pair on both, one side's one value, one
 * transformation, one edit, one amount. Planted twice with other members
 * and endpoints; digits that differ alike (each record its own number) are
 * no edit.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { resourceOfEndpoint } from '../../../../src/core/compare/endpoint.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

type Pair = readonly [unknown, unknown];

/** One answer at `path`: a value change keyed by its place (no templates), with its values. */
function answer(caseId: string, endpoint: string, path: string, [baseline, candidate]: Pair) {
  const change: SkeletonChange = {
    op: 'value',
    path,
    baseline: typeof baseline,
    candidate: typeof candidate,
  };
  const findings = [
    findingOf({ type: 'structure', endpoint: resourceOfEndpoint(endpoint), change }, [path]),
  ];
  const changes = [{ op: 'value', path, baseline, candidate }];
  return { caseId, endpoint, findings, changes } satisfies ClusterAnswer;
}

describe.each([
  { name: 'a count', member: '/count', endpoints: ['GET /shelves/:id', 'GET /carts/:id'] },
  {
    name: 'a nested label',
    member: '/meta/label',
    endpoints: ['GET /authors/:id', 'POST /venues'],
  },
])('$name on two resources', ({ member, endpoints }) => {
  const [first = '', second = ''] = endpoints;
  /** Two answers on each resource, with these pairs in order. */
  const rows = (pairs: readonly [Pair, Pair, Pair, Pair]) =>
    clusteredSummaries(
      pairs.map((pair, i) => answer(`c/${i}`, i < 2 ? first : second, member, pair)),
    );

  it("is each resource's row where the values relate in no way", () => {
    expect(
      rows([
        [4, 6],
        [9, 15],
        [2, 1],
        [5, 3],
      ]),
    ).toHaveLength(2);
    expect(
      rows([
        ['Ada Lovelace', 'A. Lovelace'],
        ['Grace Hopper', 'G. Hopper'],
        ['Main Hall', 'Great Hall'],
        ['Reading Room', 'Side Room'],
      ]),
    ).toHaveLength(2);
  });

  it('keeps digits that differ alike apart: each record its own number', () => {
    expect(
      rows([
        ['item-14', 'item-16'],
        ['item-31', 'item-35'],
        ['user-24', 'user-26'],
        ['user-8', 'user-9'],
      ]),
    ).toHaveLength(2);
  });

  it('is one row for one pair on both resources, or one side writing one value', () => {
    expect(
      rows([
        ['v1', 'v2'],
        ['v3', 'v9'],
        ['v1', 'v2'],
        ['v4', 'v7'],
      ]),
    ).toHaveLength(1);
    expect(
      rows([
        ['shelf 1', 'hidden'],
        ['shelf 2', 'hidden'],
        ['cart 7', 'hidden'],
        ['cart 9', 'hidden'],
      ]),
    ).toHaveLength(1);
  });

  it('is one row for one transformation, one edit, or one amount on both resources', () => {
    expect(
      rows([
        ['41', 'usr_41'],
        ['42', 'usr_42'],
        ['7', 'usr_7'],
        ['8', 'usr_8'],
      ]),
    ).toHaveLength(1);
    expect(
      rows([
        ['/v1/shelves/1', '/v2/shelves/1'],
        ['/v1/shelves/2', '/v2/shelves/2'],
        ['/v1/carts/1', '/v2/carts/1'],
        ['/v1/carts/2', '/v2/carts/2'],
      ]),
    ).toHaveLength(1);
    expect(
      rows([
        [3, 4],
        [10, 11],
        [2, 3],
        [6, 7],
      ]),
    ).toHaveLength(1);
  });
});
