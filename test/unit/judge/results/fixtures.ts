/** Small builders of `AssessedObservation`s and `RunReport`s for the regression, merge and check tests. */

import type { AssessedObservation } from '../../../../src/contract/assessment.js';

type EqualObservation = Extract<AssessedObservation, { readonly verdict: 'equal' }>;
type DivergentObservation = Extract<AssessedObservation, { readonly verdict: 'divergent' }>;

import type { AssessedFinding } from '../../../../src/contract/root-cause.js';
import type { FindingKind } from '../../../../src/contract/vocabulary.js';
import { reportOf } from '../../../helpers/report.js';

export function equal(caseId: string): EqualObservation {
  return {
    caseId,
    suite: caseId.split('/')[0] ?? '',
    endpoint: `GET /${caseId}`,
    request: { method: 'GET', path: `/${caseId}` },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 2 },
    verdict: 'equal',
    kinds: [],
  };
}

/**
 * One root cause with the case's `fingerprint` (a residual change at
 * `/<fingerprint>`): these fixtures give each divergence one root cause.
 */
export function findingOf(fingerprint: string, kind: FindingKind = 'shape'): AssessedFinding {
  return {
    fingerprint,
    kind,
    cause: {
      type: 'structure',
      endpoint: 'GET /x',
      change: { op: 'added', path: `/${fingerprint}`, baseline: '-', candidate: 'number' },
    },
    summary: `cause ${fingerprint}`,
    paths: [`/${fingerprint}`],
  };
}

export function divergent(caseId: string, fingerprint: string, kind: FindingKind = 'shape') {
  const { regression: _none, ...base } = equal(caseId);
  const result: DivergentObservation = {
    ...base,
    verdict: 'divergent',
    kinds: [kind],
    fingerprint,
    findings: [findingOf(fingerprint, kind)],
    summary: `${kind} divergence ${fingerprint}`,
    explanation: `explained ${fingerprint}`,
    changes: [],
    headerChanges: [],
    repro: { baseline: `curl b/${caseId}`, candidate: `curl c/${caseId}` },
    bodies: { baseline: null, candidate: null },
  };
  return result;
}

/** A result whose candidate could not be reached: a run error. */
export function unreachable(caseId: string, fingerprint: string): AssessedObservation {
  const { regression: _none, ...base } = equal(caseId);
  return {
    ...base,
    verdict: 'error',
    kinds: ['transport'],
    fingerprint,
    summary: 'candidate transport error UND_ERR_CONNECT_TIMEOUT',
    explanation:
      'Candidate failed: UND_ERR_CONNECT_TIMEOUT (connect timeout); baseline answered 200.',
    repro: { baseline: `curl b/${caseId}`, candidate: `curl c/${caseId}` },
    candidate: {
      status: undefined,
      durationMs: 0,
      error: { code: 'UND_ERR_CONNECT_TIMEOUT', message: 'connect timeout' },
    },
  };
}

/** A report around `results` (see `test/helpers/report.ts`). */
export const report = reportOf;
