import { describe, expect, it } from 'vitest';
import { rowEvidence } from '../../../../src/io/tracker/evidence.js';

const ids = (...list: string[]) => new Set(list);
const row = (caseIds: string[], hiddenCases = 0) => ({ caseIds, hiddenCases });

describe('when a run resolves a row it did not see', () => {
  it('a partial run resolves a row only when it lists every case, and all compared', () => {
    expect(rowEvidence(row(['a', 'b']), ids('a', 'b'), undefined).resolvable).toBe(true);
    expect(rowEvidence(row(['a', 'b']), ids('a'), undefined).resolvable).toBe(false);
    expect(rowEvidence(row(['a', 'b'], 2), ids('a', 'b', 'c', 'd'), undefined).resolvable).toBe(
      false,
    );
    expect(rowEvidence(row([]), ids('a'), undefined).missing).toEqual([]);
  });

  it('a cut list needs a whole-library run in which every case compared', () => {
    const library = (allCompared: boolean) => ({ has: (id: string) => id < 'z', allCompared });
    expect(rowEvidence(row(['a', 'b'], 2), ids('a', 'b'), library(true)).resolvable).toBe(true);
    expect(rowEvidence(row(['a', 'b'], 2), ids('a', 'b'), library(false)).resolvable).toBe(false);
  });

  it('judges the cases the library still holds, and names the others', () => {
    const library = { has: (id: string) => id !== 'gone', allCompared: false };
    expect(rowEvidence(row(['a', 'gone']), ids('a'), library)).toEqual({
      resolvable: true,
      missing: ['gone'],
    });
    expect(rowEvidence(row(['gone']), ids('a'), library)).toEqual({
      resolvable: false,
      missing: ['gone'],
    });
    expect(rowEvidence(row(['a', 'b']), ids('a'), library).resolvable).toBe(false);
  });
});
