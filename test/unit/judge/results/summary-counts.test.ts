import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import {
  countedSummary,
  createSummaryTally,
  createVerdictTally,
} from '../../../../src/judge/results/summary.js';
import { sampleResults } from './report-fixtures.js';

// The summary counts the per-instance lists as the run finally judged them: a
// create proven per-instance by the run's later writes (`sequenced`) or by a
// later echo (`echoed`) is judged again when the run ends, after the tally
// counted it as observed.
describe('countedSummary: per-instance counts as assessed', () => {
  const all = sampleResults();
  const divergent = all.filter((r) => r.verdict === 'divergent' || r.verdict === 'accepted');
  const [first, second] = divergent;
  if (first === undefined || second === undefined) throw new Error('two divergent samples');
  const rest = all.filter((r) => r !== first && r !== second);
  const observed: AssessedObservation[] = [{ ...first, sequenced: ['/id'] }, second];
  const assessed: AssessedObservation[] = [
    { ...first, sequenced: ['/id'] },
    { ...second, sequenced: ['/id'], echoed: ['/items/0/id'] },
  ];

  it('replaces the notable cases as observed by the same cases as assessed', () => {
    const tally = createSummaryTally();
    for (const r of [...observed, ...rest]) tally.add(r);
    const plain = createVerdictTally();
    for (const r of rest) plain.add(r);
    const summary = countedSummary(tally.summary(), plain, { observed, assessed });
    expect(tally.summary().sequenced).toBe(1);
    expect(summary.sequenced).toBe(2);
    expect(summary.echoed).toBe(1);
    expect(summary.cases).toBe(observed.length + rest.length);
  });

  it('writes no sequenced count where no case holds a sequence', () => {
    const tally = createSummaryTally();
    for (const r of [second, ...rest]) tally.add(r);
    const summary = countedSummary(tally.summary(), createVerdictTally(), {
      observed: [second],
      assessed: [second],
    });
    expect(summary).not.toHaveProperty('sequenced');
    expect(summary.echoed).toBe(0);
  });
});
