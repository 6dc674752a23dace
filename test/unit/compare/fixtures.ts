/** Builders for rules, cases and exchanges used by the compare tests. */
import type { Case } from '../../../src/model/case.js';
import type { Exchange, Response, ResponseBody, SideOutcome } from '../../../src/model/exchange.js';
import type { Rules } from '../../../src/rules/types.js';

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
