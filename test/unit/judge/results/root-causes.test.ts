import { describe, expect, it } from 'vitest';
import type { DivergentObservation } from '../../../../src/contract/observation.js';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { groupFindings } from '../../../../src/judge/results/root-causes.js';

const nullSlice = (field: string): RootCause => ({
  type: 'pattern',
  pattern: 'nil-slice',
  field,
  params: ['baseline-empty', 'null'],
  detail: '[] vs null',
});

function result(caseId: string, endpoint: string, paths: readonly string[]): DivergentObservation {
  return {
    verdict: 'divergent',
    caseId,
    suite: 's',
    endpoint,
    request: { method: 'GET', path: '/r' },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 1 },
    kinds: ['shape'],
    fingerprint: caseId,
    findings: [findingOf(nullSlice('*'), paths)],
    explanation: caseId,
    summary: caseId,
    changes: [],
    headerChanges: [],
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
  };
}

describe('a root cause of any field', () => {
  it('is one group across fields and endpoints, its summary listing the fields', () => {
    const groups = groupFindings([
      result('s/list', 'GET /r', ['/items/0/tags', '/items/3/tags']),
      result('s/empty', 'GET /r', ['/items']),
      result('s/read', 'GET /r/:id', ['/tags']),
    ]);
    expect(groups.size).toBe(1);
    const [group] = [...groups.values()];
    expect(group?.summary).toBe('[] vs null at `items`, `tags`');
    expect(group?.caseIds).toEqual(['s/list', 's/empty', 's/read']);
    // The per-field rows it takes over, by the fingerprints they had.
    expect(group?.supersedes).toEqual([
      causeFingerprint(nullSlice('items')),
      causeFingerprint(nullSlice('tags')),
    ]);
  });
});

describe('a consequence listed before its cause', () => {
  it("joins the cause's group once the cause is read, never a group of its own", () => {
    const body: RootCause = {
      type: 'structure',
      endpoint: 'GET /f',
      change: { op: 'value', path: '', baseline: 'binary', candidate: 'binary' },
    };
    const cause = findingOf(body, ['']);
    const doc = result('s/doc', 'GET /doc', ['/items']);
    const early: DivergentObservation = {
      ...doc,
      findings: doc.findings.map((f) => ({ ...f, consequenceOf: cause.fingerprint })),
    };
    const file: DivergentObservation = { ...result('s/file', 'GET /f', []), findings: [cause] };
    const groups = groupFindings([early, file]);
    expect([...groups.keys()]).toEqual([cause.fingerprint]);
    expect(groups.get(cause.fingerprint)).toMatchObject({
      caseIds: ['s/file', 's/doc'],
      consequences: ['s/doc'],
      endpoints: ['GET /doc', 'GET /f'],
      // The row the consequence had as a cause of its own is superseded by this one.
      supersedes: [early.findings[0]?.fingerprint],
    });
    // Unless the run shows it as a cause of its own elsewhere.
    const own = result('s/own', 'GET /own', ['/items']);
    expect(groupFindings([early, file, own]).get(cause.fingerprint)?.supersedes).toBeUndefined();
  });
});
