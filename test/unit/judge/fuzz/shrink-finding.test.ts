/**
 * Findings of one root cause that shrank to the very same request are one
 * input rule found by two families: merged, in finding order, the later
 * family listed "also by" and its hits added; other findings are kept.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import type { MutationName } from '../../../../src/judge/fuzz/mutations.js';
import type { FuzzCause } from '../../../../src/judge/fuzz/root-cause.js';
import { seedsOf } from '../../../../src/judge/fuzz/seeds.js';
import { sameInputOnce, type TalliedDiscovery } from '../../../../src/judge/fuzz/shrink-finding.js';
import { makeCase } from '../../../helpers/case.js';

const [seed] = seedsOf([makeCase('list', { method: 'GET', path: '/v1/records' })]);

const cause = (key: string): FuzzCause => ({
  key,
  type: 'status',
  group: 'input-acceptance',
  endpoint: 'GET /v1/records',
  baseline: 400,
  candidate: 200,
  title: 'status 400 → 200',
});

function finding(
  order: number,
  rule: MutationName,
  query: [string, string][],
  key = 'status-0123456789ab',
): TalliedDiscovery {
  if (seed === undefined) throw new Error('no seed');
  return {
    order,
    rootCause: cause(key),
    rule,
    seed,
    found: { index: order * 10, mutation: { name: rule, detail: rule } },
    request: { ...seed.request, query },
    result: {} as Observation,
    shrink: { attempts: 1, steps: 1, capped: false },
    hits: order + 1,
    alsoBy: [],
  };
}

describe('sameInputOnce', () => {
  it('merges the findings of one root cause that shrank to one request', () => {
    const merged = sameInputOnce([
      finding(0, 'query-empty', [['limit', '']]),
      finding(1, 'query-value', [['limit', '-1']]),
      finding(2, 'query-extra', [['limit', '']]),
    ]);
    expect(merged.map((f) => [f.order, f.rule, f.alsoBy, f.hits])).toEqual([
      [0, 'query-empty', ['query-extra'], 4],
      [1, 'query-value', [], 2],
    ]);
  });

  it('keeps findings of other root causes on the same request', () => {
    const kept = sameInputOnce([
      finding(0, 'query-empty', [['limit', '']]),
      finding(1, 'query-empty', [['limit', '']], 'body-kind-0123456789ab'),
    ]);
    expect(kept).toHaveLength(2);
  });
});
