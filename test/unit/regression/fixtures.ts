/** Small builders of `CaseResult`s and `RunReport`s for the regression, merge and check tests. */

import type { DivergenceKind } from '../../../src/model/comparison.js';
import type { CaseResult, EqualResult } from '../../../src/results/types.js';
import { reportOf } from '../../helpers/report.js';

export function equal(caseId: string): EqualResult {
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

export function divergent(caseId: string, fingerprint: string, kind: DivergenceKind = 'shape') {
  const { regression: _none, ...base } = equal(caseId);
  const result: CaseResult = {
    ...base,
    verdict: 'divergent',
    kinds: [kind],
    fingerprint,
    summary: `${kind} divergence ${fingerprint}`,
    explanation: `explained ${fingerprint}`,
    changes: [],
    headerChanges: [],
    repro: { baseline: `curl b/${caseId}`, candidate: `curl c/${caseId}` },
    bodies: { baseline: null, candidate: null },
  };
  return result;
}

/** A result whose candidate could not be reached. */
export function unreachable(caseId: string, fingerprint: string): CaseResult {
  return {
    ...divergent(caseId, fingerprint, 'transport'),
    candidate: {
      status: undefined,
      durationMs: 0,
      error: { code: 'UND_ERR_CONNECT_TIMEOUT', message: 'connect timeout' },
    },
  };
}

/** A report around `results` (see `test/helpers/report.ts`). */
export const report = reportOf;
