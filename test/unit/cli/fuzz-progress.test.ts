/** The fuzz progress line counts inputs, their rate, new root causes and the input rules that show them. */
import { describe, expect, it } from 'vitest';
import { progressText } from '../../../src/reporters/fuzz-summary.js';

describe('progressText', () => {
  it('says how many root causes and how many input rules were found so far', () => {
    expect(progressText({ inputs: 12_345, elapsedMs: 10_000, rootCauses: 3, distinct: 5 })).toBe(
      '12,345 inputs · 1,235/s · 3 new root causes · 5 input rules',
    );
    expect(progressText({ inputs: 1, elapsedMs: 0, rootCauses: 1, distinct: 1 })).toBe(
      '1 input · 0/s · 1 new root cause · 1 input rule',
    );
  });
});
