import { describe, expect, it } from 'vitest';
import { encodingNotesSection } from '../../../src/report/markdown-notes.js';
import type { CaseResult } from '../../../src/results/types.js';
import { sampleResults } from './fixtures.js';

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
    const results: CaseResult[] = [
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
});
