import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, describeBudget, parseBudget } from '../../../../src/judge/fuzz/budget.js';

describe('--budget', () => {
  it('reads a number of inputs or a duration', () => {
    expect(parseBudget('5000')).toEqual({ kind: 'inputs', count: 5000 });
    expect(parseBudget('60s')).toEqual({ kind: 'time', ms: 60_000 });
    expect(parseBudget('1.5m')).toEqual({ kind: 'time', ms: 90_000 });
    expect(parseBudget('500ms')).toEqual({ kind: 'time', ms: 500 });
    expect(parseBudget('1h')).toEqual({ kind: 'time', ms: 3_600_000 });
  });

  it('refuses anything else with a message naming both forms', () => {
    for (const bad of ['0', '-5', '1.5', 'ten', '60 s', '0s', '']) {
      expect(parseBudget(bad)).toEqual({
        problem: `--budget must be a number of inputs (e.g. 5000) or a duration (e.g. 60s, 2m, 500ms) (got "${bad}")`,
      });
    }
  });

  it('is described for people; the default is a count (exactly deterministic)', () => {
    expect(describeBudget({ kind: 'inputs', count: 5000 })).toBe('5,000 inputs');
    expect(describeBudget({ kind: 'time', ms: 60_000 })).toBe('60 s');
    expect(describeBudget({ kind: 'time', ms: 250 })).toBe('250 ms');
    expect(DEFAULT_BUDGET.kind).toBe('inputs');
  });
});
