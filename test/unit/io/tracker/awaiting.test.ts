/**
 * A row awaiting evidence has a status of its own, `_awaiting_`: a root cause
 * seen only at thin evidence is added so; it opens where a run shows it with
 * evidence that it is real, and resolves only as any row does; a person may
 * open or decide it. A tracker an earlier release wrote (`_open_` with the
 * note a run wrote) still reads so, and the first command that writes it
 * gives those rows their status and the marker, changing nothing else. Two
 * fixtures each, with other causes and cases.
 */
import { describe, expect, it } from 'vitest';
import { AWAITING_MARKER } from '../../../../src/io/tracker/awaiting.js';
import { decideRows } from '../../../../src/io/tracker/decide.js';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { newTrackerText, renderTracker } from '../../../../src/io/tracker/render.js';
import { type TrackerRun, UNSETTLED_NOTE } from '../../../../src/io/tracker/types.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';
import { obs } from './fixtures.js';

const FILE = 'docs/T.md';

function apply(text: string, r: TrackerRun) {
  const merged = mergeTracker(parseTracker(text, FILE), r);
  const out = renderTracker(merged.doc);
  return { text: out, changes: merged.changes, rows: trackerRows(parseTracker(out, FILE)) };
}

function ran(date: string, observations: ReturnType<typeof obs>[], selected: string[]) {
  return { date, observations, ranCaseIds: new Set(selected), selected: new Set(selected) };
}

const FIXTURES = [
  { fingerprint: 'structure-5c4c86a93307', caseId: 'shop/read-item', real: 'header-0d1e2f3a4b5c' },
  {
    fingerprint: 'int-as-string-ab6723227b42',
    caseId: 'users/profile',
    real: 'status-9f8e7d6c5b4a',
  },
];

describe('a row awaiting evidence', () => {
  for (const { fingerprint, caseId } of FIXTURES) {
    const thin = () => obs(fingerprint, [caseId], { unsettled: true });
    const first = () => apply(newTrackerText(), ran('2024-03-01', [thin()], [caseId]));

    it(`is added _awaiting_, with the note that names its evidence (${caseId})`, () => {
      const { text, rows, changes } = first();
      expect(changes.added).toEqual(['PAR-001']);
      expect(rows[0]).toMatchObject({ status: 'awaiting', decision: UNSETTLED_NOTE });
      expect(text).toContain('| _awaiting_ |');
      expect(text).toContain(AWAITING_MARKER);
    });

    it(`stays awaiting seen at thin evidence again, and opens shown with evidence (${caseId})`, () => {
      const again = apply(first().text, ran('2024-03-02', [thin()], [caseId]));
      expect(again.changes.seen).toEqual(['PAR-001']);
      expect(again.rows[0]?.status).toBe('awaiting');
      const real = apply(again.text, ran('2024-03-03', [obs(fingerprint, [caseId])], [caseId]));
      expect(real.changes.opened).toEqual(['PAR-001']);
      expect(real.changes.seen).toEqual([]);
      expect(real.rows[0]).toMatchObject({ status: 'open', decision: UNSETTLED_NOTE });
      // Open once evidence said it is real: a later run without that evidence leaves it open.
      const later = apply(real.text, ran('2024-03-04', [thin()], [caseId]));
      expect(later.rows[0]?.status).toBe('open');
      expect(later.changes.opened).toEqual([]);
    });

    it(`resolves as any row does, and comes back awaiting at thin evidence (${caseId})`, () => {
      const fixed = apply(first().text, ran('2024-03-02', [], [caseId]));
      expect(fixed.changes.resolved).toEqual(['PAR-001']);
      expect(fixed.rows[0]?.status).toBe('resolved');
      const back = apply(fixed.text, ran('2024-03-03', [thin()], [caseId]));
      expect(back.changes.reopened).toEqual(['PAR-001']);
      expect(back.rows[0]).toMatchObject({ status: 'awaiting', resolved: '' });
    });

    it(`is decided, or opened, by a person (${caseId})`, () => {
      const doc = parseTracker(first().text, FILE);
      const accepted = decideRows(doc, { ids: ['PAR-001'], status: 'accepted', note: 'fine' });
      expect(accepted.decided).toEqual([
        expect.objectContaining({ id: 'PAR-001', from: 'awaiting', to: 'accepted' }),
      ]);
      const opened = decideRows(doc, { ids: ['PAR-001'], status: 'open' });
      const text = renderTracker(opened.doc);
      expect(trackerRows(parseTracker(text, FILE))[0]?.status).toBe('open');
      // A bulk selection finds it too.
      const family = fingerprint.slice(0, fingerprint.lastIndexOf('-'));
      const bulk = decideRows(doc, { ids: [], family, status: 'wontfix' });
      expect(bulk.decided.map((d) => d.id)).toEqual(['PAR-001']);
    });
  }
});

describe('a tracker an earlier release wrote', () => {
  for (const { fingerprint, caseId, real } of FIXTURES) {
    /** The text an earlier release wrote: `_open_`, the run's note, no marker; a second row beside it. */
    const earlier = () => {
      const made = apply(
        newTrackerText(),
        ran(
          '2024-03-01',
          [obs(fingerprint, [caseId], { unsettled: true }), obs(real, ['other/case'])],
          [caseId, 'other/case'],
        ),
      );
      return made.text
        .replace(`${AWAITING_MARKER}\n`, '')
        .replace('| _awaiting_ |', '| _open_ |')
        .replace('| Decision |', '| Decision  |');
    };

    it(`reads its rows awaiting evidence as such (${caseId})`, () => {
      const rows = trackerRows(parseTracker(earlier(), FILE));
      expect(rows.map((r) => [r.fingerprint, r.status])).toEqual([
        [fingerprint, 'awaiting'],
        [real, 'open'],
      ]);
    });

    it(`is written with their status and the marker by the next run, nothing else changed (${caseId})`, () => {
      const text = earlier();
      const next = apply(text, ran('2024-03-02', [], ['nothing/else']));
      expect(next.text).toContain(AWAITING_MARKER);
      expect(
        next.text.replace(`${AWAITING_MARKER}\n`, '').replace('| _awaiting_ |', '| _open_ |'),
      ).toBe(text);
      // A row it opens reads as open from then on.
      const opened = apply(next.text, ran('2024-03-03', [obs(fingerprint, [caseId])], [caseId]));
      expect(opened.changes.opened).toEqual(['PAR-001']);
      expect(opened.rows.map((r) => r.status)).toEqual(['open', 'open']);
    });

    it(`keeps a row a person opened with parity decide open (${caseId})`, () => {
      const decided = decideRows(parseTracker(earlier(), FILE), {
        ids: ['PAR-001'],
        status: 'open',
      });
      expect(decided.decided[0]).toMatchObject({ from: 'awaiting', to: 'open' });
      const text = renderTracker(decided.doc);
      expect(text).toContain(AWAITING_MARKER);
      expect(trackerRows(parseTracker(text, FILE)).map((r) => r.status)).toEqual(['open', 'open']);
    });
  }

  it('gets no marker when no row awaits evidence', () => {
    const made = apply(newTrackerText(), ran('2024-03-01', [obs('structure-x', ['a/b'])], ['a/b']));
    expect(made.text).not.toContain(AWAITING_MARKER);
  });
});

describe('rows of a list’s members, awaiting its drawn order, taken over by the list’s row', () => {
  for (const [list, members] of [
    ['docs', ['item', 'qty']],
    ['rows', ['id', 'key', 'rev']],
  ] as const) {
    it(`supersedes them, and the list's row writes its own note (${list})`, () => {
      const caseId = `shop/${list}`;
      const drawn = { unsettled: true, reordered: true } as const;
      const olds = members.map((_member, i) => `structure-${String(i).repeat(12)}`);
      const first = apply(
        newTrackerText(),
        ran(
          '2024-03-01',
          olds.map((fp) => obs(fp, [caseId], drawn)),
          [caseId],
        ),
      );
      const heir = 'array-order-0123456789ab';
      const next = apply(
        first.text,
        ran('2024-03-02', [obs(heir, [caseId], { ...drawn, supersedes: olds })], [caseId]),
      );
      expect(next.changes.superseded).toEqual(olds.map((_, i) => `PAR-00${i + 1}`));
      const row = next.rows.find((r) => r.fingerprint === heir);
      // No one decided anything: the heir awaits evidence with the note a run writes, no copy of theirs.
      expect(row?.status).toBe('awaiting');
      expect(row?.decision).toMatch(/^unsettled: the same elements in another order/);
      expect(row?.decision).not.toContain('PAR-001');
    });
  }
});
