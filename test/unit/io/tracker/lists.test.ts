import { describe, expect, it } from 'vitest';
import { growList, hiddenCount, LIST_LIMIT, listCell } from '../../../../src/io/tracker/lists.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';
import { obs, run } from './fixtures.js';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `s/c${from + i}`);

describe('list cells', () => {
  it('list every item up to the limit, then the first ones and a count', () => {
    expect(listCell(['a', 'b'])).toBe('`a`, `b`');
    const long = listCell(ids(LIST_LIMIT + 25));
    expect(long.split('`, `')).toHaveLength(LIST_LIMIT);
    expect(long.endsWith(', … (+25 more)')).toBe(true);
    expect(hiddenCount(long)).toBe(25);
    expect(hiddenCount('`a`, `b`')).toBe(0);
    // A count inside a code span is an item, not the count.
    expect(hiddenCount('`(+3 more)`')).toBe(0);
  });

  it('append while short, then shorten; a count is at least what either side knew', () => {
    expect(growList(' `a` ', { listed: ['a'], hidden: 0 }, ['a', 'b'])).toEqual({
      cell: '`a`, `b`',
      listed: ['a', 'b'],
      hidden: 0,
    });
    expect(growList('`a`', { listed: ['a'], hidden: 0 }, ['a']).cell).toBeUndefined();
    const grown = growList('', { listed: ids(LIST_LIMIT), hidden: 5 }, ids(3, 100));
    expect(grown.listed).toEqual(ids(LIST_LIMIT));
    // 10 listed + 5 hidden known, 3 more seen (maybe among the hidden): at least 15.
    expect(grown.hidden).toBe(5);
    expect(grown.cell?.endsWith('(+5 more)')).toBe(true);
  });

  it('keeps a row of many cases short in the tracker; only the whole library resolves it', () => {
    const many = ids(40);
    const first = mergeTracker(
      parseTracker(newTrackerText(), 'T.md'),
      run('2026-01-01', [obs('fp-many', many)]),
    );
    const text = renderTracker(first.doc);
    const [row] = trackerRows(parseTracker(text, 'T.md'));
    expect(row?.caseIds).toEqual(many.slice(0, LIST_LIMIT));
    expect(row?.hiddenCases).toBe(30);
    expect(text).toContain('… (+30 more)');
    // Its listed cases (and every other) ran in a partial run: the cut list proves nothing.
    const partial = mergeTracker(parseTracker(text, 'T.md'), run('2026-01-02', [], many));
    expect(partial.changes.resolved).toEqual([]);
    const library = { has: (id: string) => many.includes(id), allCompared: true };
    const whole = { ...run('2026-01-02', [], many), library };
    expect(mergeTracker(parseTracker(text, 'T.md'), whole).changes.resolved).toEqual(['PAR-001']);
    const failed = { ...whole, library: { ...library, allCompared: false } };
    expect(mergeTracker(parseTracker(text, 'T.md'), failed).changes.resolved).toEqual([]);
  });
});
