/**
 * Issue 43, item 1 (rule 45d): a name each side writes alike in the answers
 * of two cases is its constant, no evidence awaited (`side-constants.ts`).
 * Two shapes (a spec's draft in a link's `type`, a release in a build's
 * `tag`); kept awaiting: one case alone, a pair that differs per answer, a
 * value with a drawn piece, and another member's pair.
 */
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import {
  readsAsName,
  settledConstants,
  withConstantsSettled,
} from '../../../../src/engine/run/side-constants.js';
import { unsettledCauses } from '../../../../src/engine/run/tracker-update.js';

const result = (
  caseId: string,
  endpoint: string,
  path: string,
  [baseline, candidate]: readonly [string, string],
): AssessedObservation =>
  ({
    verdict: 'divergent',
    caseId,
    endpoint,
    changes: [{ op: 'value', path, baseline, candidate }],
    findings: [{ fingerprint: `${endpoint} ${path}`, paths: [path] }],
    unsettled: [path],
  }) as unknown as AssessedObservation;

describe('names a side writes, not draws', () => {
  it.each([
    'draft-dejong-remotestorage-01',
    'vault-protocol-v4',
    'release-2025-11',
    '2.1.0',
    'v3.0.0-rc1',
    'api:remoteStorage:v2',
  ])('%s reads as a name', (value) => expect(readsAsName(value)).toBe(true));

  it.each(['node-a7f3b9c1', 'srv-aB3xYz9Kq1', 'x-12345678', 'ab-12', 'qWeRtYkLmN-01', '7f3a9c1e'])(
    '%s does not',
    (value) => expect(readsAsName(value)).toBe(false),
  );
});

describe.each([
  {
    name: "a link's spec draft",
    endpoint: 'GET /.well-known/vault',
    path: '/entries/0/spec',
    pair: ['vault-protocol-v1', 'vault-protocol-v4'] as const,
    other: ['vault-protocol-v1', 'vault-protocol-v5'] as const,
  },
  {
    name: "a build's release tag",
    endpoint: 'GET /tenants/{id}/build',
    path: '/tag',
    pair: ['release-2024-03', 'release-2025-11'] as const,
    other: ['release-2024-03', 'release-2025-12'] as const,
  },
])('$name', ({ endpoint, path, pair, other }) => {
  it('the same pair in two cases is settled: a real row, no place left unsettled', () => {
    const results = [result('s/a', endpoint, path, pair), result('s/b', endpoint, path, pair)];
    expect([...(settledConstants(results).get('s/a') ?? [])]).toEqual([path]);
    expect(unsettledCauses(results).size).toBe(0);
    expect(withConstantsSettled(results).map((r) => r.unsettled)).toEqual([undefined, undefined]);
  });

  it('kept awaiting: one case alone, or a pair per answer', () => {
    expect(unsettledCauses([result('s/a', endpoint, path, pair)]).size).toBe(1);
    const perAnswer = [result('s/a', endpoint, path, pair), result('s/b', endpoint, path, other)];
    expect(unsettledCauses(perAnswer).size).toBe(1);
  });

  it('kept awaiting: the same pair at another member or endpoint', () => {
    const elsewhere = [
      result('s/a', endpoint, path, pair),
      result('s/b', endpoint, `${path}-level`, pair),
      result('s/c', 'GET /other', path, pair),
    ];
    expect(unsettledCauses(elsewhere).size).toBe(3);
  });

  it('kept awaiting: a drawn piece repeated in every answer', () => {
    const node = ['node-a7f3b9c1', 'node-d2e8f4a6'] as const;
    const results = [result('s/a', endpoint, path, node), result('s/b', endpoint, path, node)];
    expect(unsettledCauses(results).size).toBe(1);
  });
});
