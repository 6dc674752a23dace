/**
 * Issue 43: a type family with offset values. One counter copied into
 * several members (a store revision in a header and in each record) and
 * offset on one side differs at every member, by an amount that may change
 * from answer to answer but is the same at every member of one answer
 * (`counter-offsets.ts`): one row wherever it shows. Planted twice with
 * other names and shapes (digit strings against numbers, and numbers on
 * both sides in the other direction); a second real cause in the same
 * answers and objects (a member off by another amount) stays its own row.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { offsetsOf, withOffset } from '../../../../src/core/compare/counter-offsets.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

const differs = (path: string): SkeletonChange => ({
  op: 'value',
  path,
  baseline: 'number',
  candidate: 'number',
});

/**
 * One answer: each place with its two values. A digit string against a
 * number is the type family's change (`type`), as a run records it; the
 * value question it leaves is the finding.
 */
function answer(caseId: string, endpoint: string, places: readonly [string, unknown, unknown][]) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/(?:[^/]*\d[^/]*|:id)$/, '');
  const findings = places.map(([path]) =>
    findingOf({ type: 'structure', endpoint: resource, change: differs(path) }, [path]),
  );
  const changes = places.map(([path, baseline, candidate]) => ({
    op: typeof baseline === typeof candidate ? 'value' : 'type',
    path,
    baseline,
    candidate,
  }));
  return { caseId, endpoint, findings, changes } satisfies ClusterAnswer;
}

interface Fixture {
  readonly name: string;
  /** The members that copy the counter, in the envelope and in the record. */
  readonly head: string;
  readonly made: string;
  readonly changed: string;
  /** A member of the same record whose values differ for a reason of its own. */
  readonly other: string;
  /** The two sides' values of a counter at `n`, the offset `by`. */
  readonly pair: (n: number, by: number) => [unknown, unknown];
  readonly words: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a store revision, int64 strings against numbers, the candidate lower',
    head: '/header/revision',
    made: '/item/createRevision',
    changed: '/item/modRevision',
    other: '/item/quantity',
    pair: (n, by) => [String(n), n - by],
    words: "candidate's values are lower by one offset per answer",
  },
  {
    name: 'an event sequence, numbers on both sides, the baseline lower',
    head: '/meta/seq',
    made: '/order/openedSeq',
    changed: '/order/lastSeq',
    other: '/order/total',
    pair: (n, by) => [n, n + by],
    words: "baseline's values are lower by one offset per answer",
  },
];

describe.each(FIXTURES)('$name', (f) => {
  const read = (id: string, endpoint: string, n: number, by: number) =>
    answer(id, endpoint, [
      [f.head, ...f.pair(n + 1, by)],
      [f.made, ...f.pair(n - 1, by)],
      [f.changed, ...f.pair(n, by)],
    ]);

  it('is one row across members, objects and endpoints, the offset changing between answers', () => {
    const found = clusteredSummaries([
      answer('c/status', 'GET /v1/status', [[f.head, ...f.pair(3, 1)]]),
      read('c/get', 'GET /v1/things/1', 3, 1),
      read('c/put', 'PUT /v1/things/2', 4, 1),
      // After a write one side refused, the gap is wider: the same counter still.
      read('c/later', 'GET /v1/things/3', 9, 2),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(f.words);
  });

  // One resource's endpoints, as a run names them (`/v1/things/:id`): the other member is its data.
  it('keeps a member off by another amount in the same answers as a row of its own', () => {
    const found = clusteredSummaries([
      answer('c/get', 'GET /v1/things/:id', [
        [f.head, ...f.pair(4, 1)],
        [f.made, ...f.pair(2, 1)],
        [f.other, ...f.pair(7, 3)],
      ]),
      answer('c/put', 'PUT /v1/things/:id', [
        [f.head, ...f.pair(5, 1)],
        [f.made, ...f.pair(5, 1)],
        [f.other, ...f.pair(9, 4)],
      ]),
    ]);
    expect(found).toHaveLength(2);
    expect(found.filter((s) => s.includes(f.words))).toHaveLength(1);
    expect(found.some((s) => s.includes(`value of \`${f.other}\` differs`))).toBe(true);
  });

  it('keeps apart a member that agrees in one answer and not in another', () => {
    const found = clusteredSummaries([
      answer('c/get', 'GET /v1/things/:id', [
        [f.head, ...f.pair(4, 1)],
        [f.made, ...f.pair(2, 1)],
        [f.other, ...f.pair(8, 1)],
      ]),
      answer('c/put', 'PUT /v1/things/:id', [
        [f.head, ...f.pair(5, 1)],
        [f.made, ...f.pair(5, 1)],
        [f.other, ...f.pair(9, 2)],
      ]),
    ]);
    expect(found).toHaveLength(2);
  });

  it('joins nothing seen in one answer alone, or in two directions', () => {
    expect(
      clusteredSummaries([
        answer('c/get', 'GET /v1/things/1', [
          [f.head, ...f.pair(4, 1)],
          [f.made, ...f.pair(2, 1)],
        ]),
      ]),
    ).toHaveLength(2);
    expect(
      clusteredSummaries([
        answer('c/get', 'GET /v1/things/1', [
          [f.head, ...f.pair(4, 1)],
          [f.made, ...f.pair(2, -1)],
        ]),
        answer('c/put', 'PUT /v1/things/2', [
          [f.head, ...f.pair(5, 1)],
          [f.made, ...f.pair(3, -1)],
        ]),
      ]),
    ).toHaveLength(2);
  });
});

describe('offsetsOf and withOffset', () => {
  /** A place as the clustering collects it: each answer's pairs, one at a time. */
  const place = (pairs: Record<string, [unknown, unknown][]>) => {
    let offsets: Map<string, number> | undefined = new Map();
    for (const [answer, list] of Object.entries(pairs)) {
      for (const [b, c] of list) offsets = withOffset(offsets, answer, b, c);
    }
    return { offsets };
  };

  it('reads one amount per answer from integers and digit strings', () => {
    expect(offsetsOf(place({ a: [['3', 2]], b: [[9, '7']] }))).toEqual(
      new Map([
        ['a', -1],
        ['b', -2],
      ]),
    );
  });

  it('has none for equal values, text, two amounts in one answer, or both directions', () => {
    expect(offsetsOf(place({ a: [['2', 2]] }))).toBeUndefined();
    expect(offsetsOf(place({ a: [['2.5', 2]] }))).toBeUndefined();
    expect(offsetsOf(place({ a: [['ada', 'grace']] }))).toBeUndefined();
    expect(
      offsetsOf(
        place({
          a: [
            [3, 2],
            [5, 3],
          ],
        }),
      ),
    ).toBeUndefined();
    expect(offsetsOf(place({ a: [[3, 2]], b: [[3, 4]] }))).toBeUndefined();
  });
});
