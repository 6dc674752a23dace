import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { changeLines } from '../../../../src/reporters/report/change-lines.js';

const value = (path: string, baseline: unknown, candidate: unknown): Change =>
  ({ op: 'value', path, baseline, candidate }) as Change;

describe('changeLines', () => {
  it('writes a changed value as a -/+ pair', () => {
    expect(changeLines([value('/n', 1, 2)])).toEqual(['- /n: 1', '+ /n: 2']);
  });

  it('shows two long values around where they first differ, not two identical cut previews (the position counted in the strings, as explanations count it)', () => {
    const common = 'x'.repeat(300);
    const lines = changeLines([value('/s', `${common}A tail`, `${common}B tail`)], 40);
    expect(lines).toHaveLength(3);
    const [minus = '', plus = '', why = ''] = lines;
    expect(minus).not.toBe(plus.replace('+', '-'));
    expect(minus).toContain('A tail');
    expect(plus).toContain('B tail');
    expect(minus.length).toBeLessThanOrEqual('- /s: '.length + 40);
    expect(why).toBe('  (they first differ at character 301)');
  });

  it('says why when both sides display alike: a secret each, hidden as its placeholder', () => {
    expect(changeLines([value('/apiKey', '{{key}}', '{{key}}')])).toEqual([
      '- /apiKey: "{{key}}"',
      '+ /apiKey: "{{key}}"',
      '  (the values differ, but each side holds a secret, hidden alike)',
    ]);
  });
});
