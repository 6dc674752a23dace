/** Builders for rules, cases, exchanges, judgements and stored results used by the compare tests. */

import type { Case, HttpMethod } from '../../../../src/contract/model/case.js';
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../../../src/contract/model/exchange.js';
import type {
  Change,
  DivergentObservation,
  HeaderChange,
} from '../../../../src/contract/observation.js';
import type { Rules } from '../../../../src/contract/rules/types.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { type Judgement, judge } from '../../../../src/core/compare/judge.js';

export function rules(overrides: Partial<Rules> = {}): Rules {
  return {
    ignore: [],
    mask: [],
    sortArrays: [],
    tolerance: [],
    keyCaseFold: false,
    nullEqualsAbsent: false,
    headers: ['content-type'],
    arrayKeys: ['id'],
    redactHeaders: [],
    ...overrides,
  };
}

export function testCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'validator/schema-missing-field',
    suite: 'validator',
    description: undefined,
    tags: [],
    request: {
      method: 'POST',
      path: '/v1/validate',
      query: [],
      headers: [],
      body: { kind: 'none' },
    },
    rules: rules(),
    expect: { status: undefined },
    source: { file: 'cases/validator.yaml', line: 1, column: 1 },
    ...overrides,
  };
}

export function json(value: unknown): ResponseBody {
  return { kind: 'json', value };
}

export function response(
  status: number,
  body: ResponseBody,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): SideOutcome {
  const r: Response = { status, headers, body, wireBytes: 10, durationMs: 1 };
  return { outcome: 'response', response: r };
}

export function failure(code: string, message: string): SideOutcome {
  return { outcome: 'transport-error', error: { code, message }, durationMs: 3 };
}

export function exchange(
  baseline: SideOutcome,
  candidate: SideOutcome,
  c: Case = testCase(),
): Exchange {
  return { case: c, baseline, candidate };
}

/** The seed finding: serde externally tagged enum vs Go discriminator field. */
export const SERDE = { Schema: { field: 'x', reason: 'y' } };
export const GO = { Kind: 'schema', Field: 'x', Reason: 'y' };

/** The judgement of two 200 JSON answers to `method path`, which must diverge. */
export function judgedBodies(
  baseline: unknown,
  candidate: unknown,
  { method = 'GET', path = '/v1/x' }: { method?: HttpMethod; path?: string } = {},
): Extract<Judgement, { verdict: 'divergent' }> {
  const c = testCase({
    id: `t/${method}${path}`,
    request: { method, path, query: [], headers: [], body: { kind: 'none' } },
  });
  const j = judge(exchange(response(200, json(baseline)), response(200, json(candidate)), c));
  if (j.verdict !== 'divergent') throw new Error('expected a divergence');
  return j;
}

/** A value change at `path`. */
export function valueChange(path: string, baseline: unknown, candidate: unknown): Change {
  return { op: 'value', path, baseline, candidate };
}

/** A stored divergent result of `changes` (200 on both sides), its findings as the run records them. */
export function divergentResult(
  caseId: string,
  endpoint: string,
  changes: readonly Change[],
  headerChanges: readonly HeaderChange[] = [],
): DivergentObservation {
  const status = { equal: true, baseline: 200, candidate: 200 };
  const findings = findingsOf({
    endpoint,
    comparison: { status, headers: headerChanges, body: changes },
  });
  return {
    verdict: 'divergent',
    caseId,
    suite: 's',
    endpoint,
    request: { method: endpoint.split(' ')[0] ?? 'GET', path: '/r' },
    baseline: { status: 200, durationMs: 1 },
    candidate: { status: 200, durationMs: 1 },
    kinds: ['shape'],
    fingerprint: caseId,
    findings,
    explanation: caseId,
    summary: caseId,
    changes,
    headerChanges,
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
  };
}

/**
 * One answer of `endpoint` as the clustering reads it: its findings as a run
 * makes them from the two bodies (statuses equal), and both bodies.
 */
export function answerOfBodies(
  caseId: string,
  endpoint: string,
  baseline: unknown,
  candidate: unknown,
) {
  const body = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] });
  const status = { equal: true, baseline: 200, candidate: 200 };
  const findings = findingsOf({ endpoint, comparison: { status, headers: [], body } });
  return { caseId, endpoint, findings, bodies: { baseline, candidate } };
}
