import { describe, expect, it } from 'vitest';
import { judge } from '../../../../src/core/compare/judge.js';
import { divergenceOf } from '../../../helpers/judgement.js';
import { exchange, failure, GO, json, response, rules, SERDE, testCase } from './fixtures.js';

describe('judge', () => {
  it('finds equal exchanges equal, after normalisation', () => {
    const c = testCase({ rules: rules({ ignore: ['/request_id'] }) });
    const result = judge(
      exchange(
        response(200, json({ ok: true, request_id: 'a' })),
        response(200, json({ request_id: 'b', ok: true })),
        c,
      ),
    );
    expect(result.verdict).toBe('equal');
    expect(divergenceOf(result)).toBeUndefined();
    expect(result.comparison?.body).toEqual([]);
  });

  it('reports the seed finding as a shape divergence with equal status', () => {
    const result = judge(exchange(response(400, json(SERDE)), response(400, json(GO))));
    expect(result.verdict).toBe('divergent');
    expect(result.comparison?.status.equal).toBe(true);
    expect(divergenceOf(result)?.kinds).toEqual(['shape']);
    expect(divergenceOf(result)?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(divergenceOf(result)?.explanation).toContain('externally tagged enum');
    expect(divergenceOf(result)?.changes).toHaveLength(4);
    expect(divergenceOf(result)?.headerChanges).toEqual([]);
  });

  it('makes one failing side a run error (never a decision), with a transport explanation', () => {
    const result = judge(
      exchange(response(200, json({})), failure('ECONNRESET', 'socket hang up')),
    );
    expect(result.verdict).toBe('error');
    expect(result.comparison).toBeUndefined();
    expect(divergenceOf(result)?.kinds).toEqual(['transport']);
    expect(divergenceOf(result)?.explanation).toBe(
      'Candidate failed: ECONNRESET (socket hang up); baseline answered 200.',
    );
  });

  it('makes two failing sides an error that can still be explained', () => {
    const result = judge(exchange(failure('ECONNREFUSED', 'a'), failure('ECONNREFUSED', 'b')));
    expect(result.verdict).toBe('error');
    expect(divergenceOf(result)?.kinds).toEqual(['transport']);
    expect(divergenceOf(result)?.explanation).toMatch(/^Both sides failed/);
  });

  it('reports header-only differences', () => {
    const result = judge(
      exchange(
        response(200, json({}), { 'content-type': 'application/json' }),
        response(200, json({}), { 'content-type': 'text/html' }),
      ),
    );
    expect(divergenceOf(result)?.kinds).toEqual(['header']);
    expect(divergenceOf(result)?.headerChanges).toEqual([
      { name: 'content-type', baseline: 'application/json', candidate: 'text/html' },
    ]);
  });
});
