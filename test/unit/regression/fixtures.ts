/** Small builders of `CaseResult`s and `RunReport`s for the regression, merge and check tests. */
import type { CaseResult, DivergenceKind } from '../../../src/model.js';
import { REPORT_SCHEMA_VERSION, type RunReport, summarise } from '../../../src/report/model.js';

export function equal(caseId: string): CaseResult {
  return {
    caseId,
    suite: caseId.split('/')[0] ?? '',
    endpoint: `GET /${caseId}`,
    request: { method: 'GET', path: `/${caseId}` },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 2 },
    verdict: 'equal',
    kinds: [],
    changes: [],
    headerChanges: [],
  };
}

export function divergent(caseId: string, fingerprint: string, kind: DivergenceKind = 'shape') {
  const result: CaseResult = {
    ...equal(caseId),
    verdict: 'divergent',
    kinds: [kind],
    fingerprint,
    summary: `${kind} divergence ${fingerprint}`,
    explanation: `explained ${fingerprint}`,
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

export function report(results: readonly CaseResult[], overrides: Partial<RunReport> = {}) {
  const built: RunReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: 'run-1',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:05.000Z',
    baseline: { name: 'rust', url: 'http://127.0.0.1:3100' },
    candidate: { name: 'go', url: 'http://127.0.0.1:4110' },
    summary: summarise(results),
    results,
    ...overrides,
  };
  return built;
}
