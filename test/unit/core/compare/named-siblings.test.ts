/**
 * Issue 43: one side accepts what the other refuses on sibling endpoints
 * whose last segment is a name the refusal echoes (`DELETE /v1/items/zebra`
 * refused with `item zebra not found`, and `…/ink` with `item ink not
 * found`): one route, one question, one row (`recurring-causes.ts`,
 * `namedSibling`). Planted twice with other names and methods; a sibling
 * refused for another reason, a refusal that does not echo the name (a
 * feature one side lacks on two endpoints) and another parent stay apart.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

interface Fixture {
  readonly name: string;
  readonly method: string;
  readonly parent: string;
  readonly names: readonly [string, string, string];
  readonly statuses: readonly [number, number];
  readonly reason: (name: string) => string;
  readonly other: (name: string) => string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'deleting items that are not there',
    method: 'DELETE',
    parent: '/v1/items',
    names: ['zebra', 'ink', 'kiwi'],
    statuses: [200, 404],
    reason: (name) => `Not Found item ${name} not found`,
    other: (name) => `Locked item ${name} is locked`,
  },
  {
    name: 'writing to buckets the baseline guards',
    method: 'PUT',
    parent: '/store/buckets',
    names: ['alpha.logs', 'beta', 'gamma-2'],
    statuses: [403, 201],
    reason: (name) => `AccessDenied bucket ${name} is read-only here`,
    other: (name) => `QuotaExceeded for ${name}`,
  },
];

function answer(f: Fixture, caseId: string, endpoint: string, reason: string) {
  const [baseline, candidate] = f.statuses;
  const cause: RootCause = { type: 'status', endpoint, baseline, candidate, reason };
  return { caseId, endpoint, findings: [findingOf(cause, [])] } satisfies ClusterAnswer;
}

describe.each(FIXTURES)('$name', (f) => {
  const [a, b, c] = f.names;
  const at = (name: string) => `${f.method} ${f.parent}/${name}`;

  it('is one row across the siblings, the name elided', () => {
    const found = clusteredSummaries([
      answer(f, 'x/1', at(a), f.reason(a)),
      answer(f, 'x/2', at(b), f.reason(b)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`on ${f.method} ${f.parent}/* (`);
    expect(found[0]).not.toContain(a);
    expect(found[0]).toContain('{name}');
  });

  it('keeps a sibling refused for another reason as a row of its own', () => {
    const found = clusteredSummaries([
      answer(f, 'x/1', at(a), f.reason(a)),
      answer(f, 'x/2', at(b), f.reason(b)),
      answer(f, 'x/3', at(c), f.other(c)),
    ]);
    expect(found).toHaveLength(2);
    expect(found.some((s) => s.includes(at(c)))).toBe(true);
  });

  it('keeps apart refusals that do not echo the name, and another parent', () => {
    expect(
      clusteredSummaries([
        answer(f, 'x/1', at(a), 'Forbidden'),
        answer(f, 'x/2', at(b), 'Forbidden'),
      ]),
    ).toHaveLength(2);
    expect(
      clusteredSummaries([
        answer(f, 'x/1', at(a), f.reason(a)),
        answer(f, 'x/2', `${f.method} /other/${b}`, f.reason(b)),
      ]),
    ).toHaveLength(2);
  });
});
