/** A divergent observation for the tests of what the end of a run reads from one. */

import type { DivergentObservation } from '../../src/contract/observation.js';

/** A `GET /r` answered `200` on both sides, differing in value, with `fields` laid over. */
export function divergentObservation(fields: Partial<DivergentObservation>): DivergentObservation {
  return {
    verdict: 'divergent',
    caseId: 's/c',
    suite: 's',
    endpoint: 'GET /r',
    request: { method: 'GET', path: '/r' },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 1 },
    kinds: ['value'],
    fingerprint: 'c',
    findings: [],
    explanation: 'e',
    summary: 's',
    changes: [],
    headerChanges: [],
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
    ...fields,
  };
}
