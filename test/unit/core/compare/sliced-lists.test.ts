/**
 * Rule 48b: a list with no identity whose shorter side is a run of the
 * longer (a window that starts one sample later, a page that ends one
 * record sooner) is that run, the other elements added or lacking, one
 * change; compared by index it read as every later element's values
 * changed (`align.ts` `alignSlice`). Planted twice, with other members and
 * element kinds (pairs of a time and a value; records with no identity);
 * kept apart: lists whose elements differ in value beyond the cut stay
 * values changed by index.
 */
import { describe, expect, it } from 'vitest';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';

const OPTIONS = { arrayKeys: [], tolerance: [] } as const;

function summaries(baseline: unknown, candidate: unknown): string[] {
  const endpoint = 'GET /v1/window';
  const changes = diffJson(baseline, candidate, OPTIONS);
  const findings = structureFindings(endpoint, changes);
  const clusters = clusterCauses([{ caseId: 'w/1', endpoint, changes, findings }]);
  return clusteredFindings(endpoint, findings, clusters).map((f) => f.summary);
}

interface Fixture {
  readonly name: string;
  readonly body: (elements: unknown[]) => unknown;
  readonly elements: readonly unknown[];
  readonly list: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'samples as [time, value] pairs under `series/*/points`',
    body: (points) => ({ series: [{ tags: { host: 'a' }, points }] }),
    elements: [
      [100, '1'],
      [115, '2'],
      [130, '2'],
      [145, '5'],
    ],
    list: '/series/0/points',
  },
  {
    name: 'log lines as records with no identity under `lines`',
    body: (lines) => ({ from: 3, lines }),
    elements: [
      { level: 'info', text: 'boot' },
      { level: 'warn', text: 'disk' },
      { level: 'info', text: 'ready' },
    ],
    list: '/lines',
  },
];

describe.each(FIXTURES)('a list cut at one end: $name', (f) => {
  const all = [...f.elements];

  it('lacks the first element, one change, where index order read every value changed', () => {
    const changes = diffJson(f.body(all), f.body(all.slice(1)), OPTIONS);
    expect(changes).toEqual([
      expect.objectContaining({ path: `${f.list}/0`, op: 'removed', baseline: all[0] }),
    ]);
    expect(summaries(f.body(all), f.body(all.slice(1)))).toHaveLength(1);
  });

  it('adds the last element on the other side, one change', () => {
    const changes = diffJson(f.body(all.slice(0, -1)), f.body(all), OPTIONS);
    expect(changes).toEqual([
      expect.objectContaining({ path: `${f.list}/${all.length - 1}`, op: 'added' }),
    ]);
  });

  it('lacks an element at each end, the middle paired in place', () => {
    const changes = diffJson(f.body(all), f.body(all.slice(1, -1)), OPTIONS);
    expect(changes.map((c) => [c.path, c.op])).toEqual([
      [`${f.list}/0`, 'removed'],
      [`${f.list}/${all.length - 1}`, 'removed'],
    ]);
  });

  it('kept apart: a shorter list that is no run of the longer is compared by index', () => {
    const changed = all.slice(1).map((e, n) => (n === 0 ? f.elements[all.length - 1] : e));
    const changes = diffJson(f.body(all), f.body(changed), OPTIONS);
    expect(changes.some((c) => c.op === 'value' || c.op === 'type')).toBe(true);
  });
});

describe('lists that keep their alignment', () => {
  it('plain values stay aligned by value, as before', () => {
    const changes = diffJson({ v: [1, 2, 3] }, { v: [2, 3] }, OPTIONS);
    expect(changes).toEqual([expect.objectContaining({ path: '/v/0', op: 'removed' })]);
  });

  it('records with an identity are aligned by it, not as a run', () => {
    const b = {
      items: [
        { id: 1, n: 'a' },
        { id: 2, n: 'b' },
        { id: 3, n: 'c' },
      ],
    };
    const c = {
      items: [
        { id: 2, n: 'b' },
        { id: 3, n: 'x' },
      ],
    };
    const changes = diffJson(b, c, OPTIONS);
    expect(changes.map((one) => one.op).sort()).toEqual(['removed', 'value']);
  });
});
