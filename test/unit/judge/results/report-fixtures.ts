/** A small RunReport with one of each outcome, for the renderer tests. */

import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import type { RunReport } from '../../../../src/contract/report.js';
import { summariseLatency } from '../../../../src/judge/results/latency.js';
import { groupFindings, rootCauseEntries } from '../../../../src/judge/results/root-causes.js';
import { summarise } from '../../../../src/judge/results/summary.js';
import { hasFindings } from '../../../../src/judge/results/types.js';
import { findingsFor } from '../../../helpers/findings.js';

export const HOSTILE_NAME = '<script>window.__pwned=1</script>';
export const HOSTILE_X = '"><img src=x onerror=window.__pwned=2>';

/** The fields every result has, for the case `demo/<id>`. */
function base(id: string) {
  return {
    caseId: `demo/${id}`,
    suite: 'demo',
    endpoint: `GET /${id}`,
    request: { method: 'GET' as const, path: `/${id}` },
    baseline: { status: 200, durationMs: 2 },
    candidate: { status: 200, durationMs: 3 },
    kinds: [],
  };
}

const repro = (id: string) => ({
  baseline: `curl -sS -i 'http://b/${id}'`,
  candidate: `curl -sS -i 'http://c/${id}'`,
});

const ACCEPTED_CHANGES = [{ path: '/n', op: 'value', baseline: 1, candidate: 2 }] as const;
const DRIFT_CHANGES = [
  { path: '/Schema', op: 'removed', baseline: { field: 'x' } },
  { path: '/name', op: 'value', baseline: 'x', candidate: HOSTILE_NAME },
] as const;
const DRIFT_HEADERS = [{ name: 'x-kind', baseline: 'a&b', candidate: undefined }] as const;

export function sampleResults(): AssessedObservation[] {
  return [
    {
      ...base('accepted'),
      verdict: 'accepted',
      kinds: ['value'],
      fingerprint: 'ffff000011112222',
      findings: findingsFor(
        { endpoint: 'GET /accepted', status: [200, 200], changes: ACCEPTED_CHANGES },
        { id: 'PAR-002', status: 'accepted' },
      ),
      summary: 'value differs at /n',
      explanation: 'baseline 1, candidate 2',
      changes: ACCEPTED_CHANGES,
      headerChanges: [],
      repro: repro('accepted'),
      bodies: { baseline: { n: 1 }, candidate: { n: 2 } },
    },
    {
      ...base('down'),
      verdict: 'error',
      kinds: ['transport'],
      baseline: {
        status: undefined,
        durationMs: 1,
        error: { code: 'ECONNREFUSED', message: 'refused' },
      },
      candidate: {
        status: undefined,
        durationMs: 1,
        error: { code: 'ECONNREFUSED', message: 'refused' },
      },
      fingerprint: 'aaaa000011112222',
      summary: 'both sides failed',
      explanation: 'both sides failed in transport',
      repro: repro('down'),
    },
    {
      ...base('drift'),
      endpoint: 'POST /v1/validate',
      request: { method: 'POST', path: '/v1/validate' },
      verdict: 'divergent',
      kinds: ['shape'],
      baseline: { status: 400, durationMs: 1.5 },
      candidate: { status: 400, durationMs: 0.5 },
      fingerprint: '0123456789abcdef',
      findings: findingsFor(
        {
          endpoint: 'POST /v1/validate',
          status: [400, 400],
          changes: DRIFT_CHANGES,
          headerChanges: DRIFT_HEADERS,
        },
        { id: 'PAR-001', status: 'open' },
      ),
      summary: `shape: ${HOSTILE_NAME}`,
      explanation: `baseline wraps the variant in a key; value ${HOSTILE_X} \u0001 ]]>`,
      changes: DRIFT_CHANGES,
      headerChanges: DRIFT_HEADERS,
      repro: {
        baseline: "curl -sS -i 'http://b/v1/validate'",
        candidate: "curl -sS -i 'http://c/v1/validate'",
      },
      bodies: {
        baseline: { Schema: { field: 'x' }, name: 'x' },
        candidate: { name: HOSTILE_NAME, x: HOSTILE_X },
      },
      regression: 'new',
    },
    { ...base('same'), verdict: 'equal' },
  ];
}

/** The decisions of `results`, each root cause with the row its findings name. */
function rootCausesOf(results: readonly AssessedObservation[]) {
  const rows = new Map(
    results.flatMap((r) =>
      hasFindings(r)
        ? r.findings.flatMap((f) =>
            f.tracker === undefined
              ? []
              : [[f.fingerprint, { ...f.tracker, decision: '' }] as const],
          )
        : [],
    ),
  );
  return rootCauseEntries(groupFindings(results), (fp) => rows.get(fp));
}

export function sampleReport(results: AssessedObservation[] = sampleResults()): RunReport {
  const rootCauses = rootCausesOf(results);
  return {
    schemaVersion: 3,
    runId: '2026-11-20T10-00-00Z-abcdef',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:01.000Z',
    baseline: { name: 'rust', url: 'http://127.0.0.1:3100' },
    candidate: { name: 'go', url: 'http://127.0.0.1:4110' },
    summary: { ...summarise(results), latency: summariseLatency(results) },
    results,
    ...(rootCauses.length === 0 ? {} : { rootCauses }),
  };
}
