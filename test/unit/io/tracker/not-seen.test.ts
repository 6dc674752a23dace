/**
 * `_resolved_` means fixed: a row resolves only when its cases compared where
 * it was. A case that answers otherwise now (a root cause it did not show
 * before: a state that moved on, an id that changed) or a flow with such a
 * step leaves the row open, "not seen" since that day.
 */
import { describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import type { TrackerRun } from '../../../../src/io/tracker/types.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';
import { obs } from './fixtures.js';

const FILE = 'docs/T.md';

function apply(text: string, r: TrackerRun) {
  const merged = mergeTracker(parseTracker(text, FILE), r);
  const out = renderTracker(merged.doc);
  return { text: out, changes: merged.changes, rows: trackerRows(parseTracker(out, FILE)) };
}

/** A run that selected `selected` (all compared unless listed in `failed`). */
function ran(
  date: string,
  observations: ReturnType<typeof obs>[],
  selected: readonly string[],
  more: Partial<TrackerRun> = {},
): TrackerRun {
  return {
    date,
    observations,
    ranCaseIds: new Set(selected),
    selected: new Set(selected),
    ...more,
  };
}

function rowOf(rows: ReturnType<typeof apply>['rows'], fingerprint: string) {
  const row = rows.find((r) => r.fingerprint === fingerprint);
  if (row === undefined) throw new Error(`no row ${fingerprint}`);
  return row;
}

describe('rows resolve only on evidence', () => {
  const cases = [
    { place: 'rev', other: 'status-409', caseId: 'docs/put-doc' },
    { place: 'uuid', other: 'status-404', caseId: 'books/replace' },
  ];
  for (const { place, other, caseId } of cases) {
    it(`leaves ${place} open, not seen, when its case answers otherwise (${caseId})`, () => {
      const first = apply(newTrackerText(), ran('2024-03-01', [obs(place, [caseId])], [caseId]));
      // The state moved on: the case now shows a root cause it never showed.
      const moved = apply(first.text, ran('2024-03-02', [obs(other, [caseId])], [caseId]));
      expect(moved.changes.resolved).toEqual([]);
      expect(moved.changes.notSeen).toEqual([
        { rowId: 'PAR-001', reason: 'diverges-otherwise', caseIds: [caseId] },
      ]);
      expect(rowOf(moved.rows, place)).toMatchObject({
        status: 'open',
        lastSeen: '2024-03-01',
        notSeen: '2024-03-02',
      });
      expect(moved.text).toContain('| 2024-03-01 | 2024-03-01 · not seen 2024-03-02 |');
      // Still moved on a run later: the other cause has a row listing the case now, but it
      // appeared since the row was last seen; the row stays open and keeps its first note.
      const still = apply(moved.text, ran('2024-03-03', [obs(other, [caseId])], [caseId]));
      expect(still.changes.resolved).toEqual([]);
      expect(still.changes.notSeen?.map((n) => n.reason)).toEqual(['diverges-otherwise']);
      expect(still.text).toContain('2024-03-01 · not seen 2024-03-02 |');
      // Back in its state and fixed: the case compares equal where the row was.
      const fixed = apply(still.text, ran('2024-03-04', [], [caseId]));
      expect(fixed.changes.resolved).toEqual(['PAR-001', 'PAR-002']);
      expect(rowOf(fixed.rows, place)).toMatchObject({
        status: 'resolved',
        lastSeen: '2024-03-01',
      });
      expect(rowOf(fixed.rows, place).notSeen).toBeUndefined();
    });

    it(`resolves ${place} when the candidate changed to match and a known cause stays`, () => {
      const both = [obs(place, [caseId]), obs(other, [caseId])];
      const first = apply(newTrackerText(), ran('2024-03-01', both, [caseId]));
      const fixed = apply(first.text, ran('2024-03-02', [obs(other, [caseId])], [caseId]));
      expect(fixed.changes.resolved).toEqual(['PAR-001']);
      expect(fixed.changes.notSeen).toBeUndefined();
    });
  }

  it('clears the note when the row shows again', () => {
    const first = apply(newTrackerText(), ran('2024-03-01', [obs('fp-a', ['s/a'])], ['s/a']));
    const moved = apply(first.text, ran('2024-03-02', [obs('fp-b', ['s/a'])], ['s/a']));
    const back = apply(moved.text, ran('2024-03-02', [obs('fp-a', ['s/a'])], ['s/a']));
    expect(rowOf(back.rows, 'fp-a')).toMatchObject({ status: 'open', lastSeen: '2024-03-02' });
    expect(rowOf(back.rows, 'fp-a').notSeen).toBeUndefined();
    expect(back.text).not.toContain('not seen');
  });

  it('leaves every step of a flow open when another step of it answers otherwise', () => {
    const ids = ['s/orders/create', 's/orders/read'];
    const first = apply(
      newTrackerText(),
      ran('2024-03-01', [obs('fp-total', ['s/orders/read'])], ids),
    );
    // The create step now meets an order that exists (409 on one side): the read is equal,
    // but in another state than the flow sets up.
    const flows = new Map([['s/orders', ['s/orders/create']]]);
    const moved = apply(
      first.text,
      ran('2024-03-02', [obs('fp-conflict', ['s/orders/create'])], ids, { flows }),
    );
    expect(moved.changes.resolved).toEqual([]);
    expect(moved.changes.notSeen).toEqual([
      { rowId: 'PAR-001', reason: 'diverges-otherwise', caseIds: ['s/orders/read'] },
    ]);
  });

  it('says why when a case did not compare or did not run', () => {
    const first = apply(
      newTrackerText(),
      ran('2024-03-01', [obs('fp-a', ['s/a', 's/b'])], ['s/a', 's/b']),
    );
    const failed = apply(first.text, {
      ...ran('2024-03-02', [], ['s/a', 's/b']),
      ranCaseIds: new Set(['s/a']),
    });
    expect(failed.changes.notSeen).toEqual([
      { rowId: 'PAR-001', reason: 'not-compared', caseIds: ['s/b'] },
    ]);
    const partial = apply(first.text, ran('2024-03-02', [], ['s/a']));
    expect(partial.changes.notSeen).toEqual([
      { rowId: 'PAR-001', reason: 'not-selected', caseIds: ['s/b'] },
    ]);
    // A run that selected none of its cases says nothing about it.
    const other = apply(first.text, ran('2024-03-02', [], ['s/z']));
    expect(other.changes.notSeen).toBeUndefined();
    expect(other.text).toBe(first.text);
  });
});

describe('a row awaiting evidence for a list sorted by drawn keys', () => {
  // Two fixtures: a flow's query of records, a serial file's listing of names.
  const FIXTURES = [
    { fingerprint: 'value-n', caseId: 'flows/bulk/find' },
    { fingerprint: 'value-title', caseId: 'library/list-books' },
  ];
  for (const { fingerprint, caseId } of FIXTURES) {
    it(`stays awaiting, not seen (drawn-order), when its list compares equal: two draws agree by chance (${caseId})`, () => {
      const first = apply(
        newTrackerText(),
        ran(
          '2024-03-01',
          [obs(fingerprint, [caseId], { unsettled: true, reordered: true })],
          [caseId],
        ),
      );
      expect(rowOf(first.rows, fingerprint).decision).toMatch(/^unsettled: the same elements/);
      const again = apply(first.text, ran('2024-03-02', [], [caseId]));
      expect(again.changes.resolved).toEqual([]);
      expect(again.changes.notSeen).toEqual([
        { rowId: 'PAR-001', reason: 'drawn-order', caseIds: [caseId] },
      ]);
      expect(rowOf(again.rows, fingerprint).status).toBe('awaiting');
      // The note as an earlier release wrote it is recognised too.
      const earlier = first.text.replace(
        /unsettled: the same elements in another order[^|]*/,
        "unsettled: the same elements in another order, sorted by keys each side drew that the answer does not show (its flow's writes drew ids); run with --noise --baseline-replica NAME=URL (a second instance of the baseline, whose own keys reorder its list too) to settle it ",
      );
      expect(earlier).not.toBe(first.text);
      expect(apply(earlier, ran('2024-03-02', [], [caseId])).changes.notSeen?.[0]?.reason).toBe(
        'drawn-order',
      );
      // A row awaiting evidence for id-like values (no order) resolves as any row does.
      const ids = apply(
        newTrackerText(),
        ran('2024-03-01', [obs(fingerprint, [caseId], { unsettled: true })], [caseId]),
      );
      expect(apply(ids.text, ran('2024-03-02', [], [caseId])).changes.resolved).toEqual([
        'PAR-001',
      ]);
    });
  }
});
