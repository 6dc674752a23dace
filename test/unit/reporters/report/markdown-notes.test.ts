import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import { encodingNotesSection } from '../../../../src/reporters/report/markdown-notes.js';
import { sampleResults } from '../../judge/results/report-fixtures.js';

describe('report.md: encoding notes', () => {
  it('never claims the bodies agree for a case whose bodies differ', () => {
    const [divergent, , , equal] = sampleResults();
    if (divergent === undefined || equal === undefined) throw new Error('sample changed');
    const charset = {
      kind: 'encoding',
      code: 'charset',
      message: 'baseline `application/json`, candidate `application/json; charset=utf-8`',
    } as const;
    const newline = {
      kind: 'encoding',
      code: 'trailing-newline',
      message: 'candidate ends the body with a newline, baseline does not',
    } as const;
    const results: AssessedObservation[] = [
      { ...divergent, notes: [charset] },
      { ...equal, notes: [newline] },
    ];
    const text = encodingNotesSection(results).join('\n');
    expect(text).toContain(
      'demo/accepted [charset] (also accepted, see above) baseline `application/json`',
    );
    expect(text).toContain('demo/same [trailing-newline] candidate ends the body');
    expect(text).not.toMatch(/the parsed bodies agree, the bytes do not/);
    expect(text).toContain('only given when both JSON bodies parse to equal values');
  });

  it('writes a note many cases carry word for word once, naming the cases', () => {
    const [, , , equal] = sampleResults();
    if (equal === undefined) throw new Error('sample changed');
    const newline = {
      kind: 'encoding',
      code: 'trailing-newline',
      message: 'candidate ends the body with a newline, baseline does not',
    } as const;
    const results: AssessedObservation[] = Array.from({ length: 12 }, (_, n) => ({
      ...equal,
      caseId: `demo/c${n}`,
      notes: [newline],
    }));
    const lines = encodingNotesSection(results);
    expect(lines[1]).toBe('## Encoding notes (12)');
    const block = lines.at(-1) ?? '';
    expect(block.split('\n').filter((line) => line.includes('[trailing-newline]'))).toEqual([
      '[trailing-newline] candidate ends the body with a newline, baseline does not — 12 cases: demo/c0, demo/c1, demo/c2, demo/c3, demo/c4, demo/c5, demo/c6, demo/c7, demo/c8, demo/c9, … 2 more',
    ]);
  });
});
