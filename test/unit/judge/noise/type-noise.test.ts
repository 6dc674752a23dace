/**
 * A type difference is never masked as noise: where the baseline's own
 * answers differ (the noise) and the candidate's answer is of another type
 * than the baseline's, the difference stays, for a body value and for the
 * media type a header names alike.
 */
import { describe, expect, it } from 'vitest';
import type { Response, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { createNoiseStep } from '../../../../src/judge/noise/step.js';
import { makeCase } from '../../../helpers/case.js';

function side(value: unknown, headers: Record<string, string> = {}): SideOutcome {
  const response: Response = {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
    body: { kind: 'json', value },
    wireBytes: 0,
    durationMs: 1,
  };
  return { outcome: 'response', response };
}

const settings = {
  enabled: true,
  endpoints: new Map(),
  thresholds: { minCases: 3, relative: 0.5, absolute: 0.1 },
} as never;

function judged(baseline: SideOutcome, replica: SideOutcome, candidate: SideOutcome) {
  const step = createNoiseStep(settings);
  const testCase = makeCase('c1', { path: '/x' });
  const out = step.judgeWithReplica({ case: testCase, baseline, candidate }, replica);
  return out?.judgement.comparison;
}

describe('learned noise and type differences', () => {
  it('keeps a body value of another type where the baseline changes and the candidate stays', () => {
    const body = judged(
      side({ n: 1, s: 'a' }),
      side({ n: 2, s: 'b' }),
      side({ n: '1', s: 7 }),
    )?.body;
    expect(body?.map((c) => [c.path, c.op])).toEqual([
      ['/n', 'type'],
      ['/s', 'type'],
    ]);
  });

  it('keeps list elements of another type where the baseline changes the list values and the candidate stays', () => {
    const body = judged(
      side({ counts: [1, 2], tags: { a: 'x' } }),
      side({ counts: [3, 4], tags: { a: 'y' } }),
      side({ counts: ['1', '2'], tags: { a: 1 } }),
    )?.body;
    expect(body?.map((c) => [c.path, c.op])).toEqual([
      ['/counts/0', 'type'],
      ['/counts/1', 'type'],
      ['/tags/a', 'type'],
    ]);
  });

  it('keeps a media type of another type where the baseline changes its parameters', () => {
    const headers = (ct: string) => ({ 'content-type': ct });
    const comparison = judged(
      side({ n: 1 }, headers('application/json')),
      side({ n: 1 }, headers('application/json; charset=utf-8')),
      side({ n: 1 }, headers('application/problem+json')),
    );
    expect(comparison?.headers.map((h) => h.name)).toEqual(['content-type']);
  });

  it('still masks the media type parameters the baseline changes itself', () => {
    const headers = (ct: string) => ({ 'content-type': ct });
    const comparison = judged(
      side({ n: 1 }, headers('application/json')),
      side({ n: 1 }, headers('application/json; charset=utf-8')),
      side({ n: 1 }, headers('application/json; charset=UTF-8')),
    );
    expect(comparison?.headers).toEqual([]);
  });
});
