/**
 * The console's noise line names what it masked and which baselines were
 * flaky (the first few of each), so a reader knows where to look without
 * opening report.md.
 */
import { describe, expect, it } from 'vitest';
import type { NoiseEntry, NoiseSection } from '../../../../src/contract/report.js';
import { noiseSummaryLine } from '../../../../src/reporters/report/noise-text.js';

const entry = (endpoint: string, path: string, over: Partial<NoiseEntry> = {}): NoiseEntry => ({
  endpoint,
  kind: 'value',
  path,
  noisyCases: 2,
  divergentCases: 2,
  cases: 2,
  decision: 'noise',
  samples: [],
  ...over,
});

const section = (entries: NoiseEntry[], flakyBaselines: string[]): NoiseSection => ({
  source: 'baseline old',
  thresholds: { relative: 0.2, absolute: 0.0003 },
  entries,
  flakyBaselines,
});

describe('noiseSummaryLine', () => {
  it('counts and names the masked paths and the flaky baselines', () => {
    const line = noiseSummaryLine(
      section(
        [
          entry('GET /posts', '/*/updatedAt'),
          entry('GET /posts', 'etag', { kind: 'header' }),
          entry('GET /users/:id', '/seen', { decision: 'divergence' }),
        ],
        ['reads/profile'],
      ),
    );
    expect(line).toBe(
      '  noise: 2 path(s) masked on 1 endpoint(s) (GET /posts /*/updatedAt, GET /posts header etag) · flaky baselines 1 (reads/profile)',
    );
  });

  it('names the first three and counts the rest', () => {
    const entries = ['/a', '/b', '/c', '/d', '/e'].map((p) => entry('GET /x', p));
    const line = noiseSummaryLine(section(entries, ['s/a', 's/b', 's/c', 's/d']));
    expect(line).toContain('(GET /x /a, GET /x /b, GET /x /c and 2 more)');
    expect(line).toContain('flaky baselines 4 (s/a, s/b, s/c and 1 more)');
  });

  it('says nothing more when nothing was masked', () => {
    expect(noiseSummaryLine(section([], []))).toBe(
      '  noise: 0 path(s) masked on 0 endpoint(s) · flaky baselines 0',
    );
  });
});
