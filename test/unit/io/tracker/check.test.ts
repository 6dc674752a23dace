import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/contract/report.js';
import { trackerEvidence } from '../../../../src/engine/run/tracker-evidence.js';
import { checkTracker as checkRows } from '../../../../src/io/tracker/check.js';
import type { TrackerRow } from '../../../../src/io/tracker/types.js';
import { divergent, equal, report, unreachable } from '../../judge/results/fixtures.js';

function row(overrides: Partial<TrackerRow> & Pick<TrackerRow, 'id' | 'fingerprint'>): TrackerRow {
  return {
    status: 'open',
    kind: 'shape',
    endpoints: ['GET /x'],
    hiddenEndpoints: 0,
    caseIds: [],
    hiddenCases: 0,
    summary: 's',
    firstSeen: '2026-11-19',
    lastSeen: '2026-11-20',
    resolved: '',
    decision: '',
    ...overrides,
  };
}

// The report finished on 2026-11-20.
const checkTracker = (rows: readonly TrackerRow[], report: RunReport) =>
  checkRows(rows, trackerEvidence(report));

describe('checkTracker', () => {
  it('is up to date when every divergence has a current row and no open row was fixed', () => {
    const rows = [
      row({ id: 'PAR-001', fingerprint: 'fp1', caseIds: ['a'] }),
      row({ id: 'PAR-002', fingerprint: 'fp2', caseIds: ['zz'], status: 'accepted' }),
      row({
        id: 'PAR-003',
        fingerprint: 'fp3',
        caseIds: ['c'],
        status: 'resolved',
        resolved: '2026-11-20',
      }),
    ];
    expect(checkTracker(rows, report([divergent('a', 'fp1'), equal('b'), equal('c')]))).toEqual([]);
  });

  it('finds a divergence without a row', () => {
    expect(checkTracker([], report([divergent('a', 'fp1'), divergent('b', 'fp1')]))).toEqual([
      { reason: 'missing-row', fingerprint: 'fp1', rowId: undefined, caseIds: ['a', 'b'] },
    ]);
  });

  it('finds a resolved row the report shows reproducing, and a Last seen older than the report', () => {
    const rows = [
      row({ id: 'PAR-001', fingerprint: 'fp1', status: 'resolved', resolved: '2026-11-19' }),
      row({ id: 'PAR-002', fingerprint: 'fp2', status: 'wontfix', lastSeen: '2026-11-18' }),
    ];
    const found = checkTracker(rows, report([divergent('a', 'fp1'), divergent('b', 'fp2')]));
    expect(found.map((f) => [f.rowId, f.reason])).toEqual([
      ['PAR-001', 'not-reopened'],
      ['PAR-002', 'not-seen'],
    ]);
  });

  it('finds an awaiting row the report shows at real evidence, and leaves one it shows thin alone', () => {
    const rows = [
      row({ id: 'PAR-001', fingerprint: 'fp1', status: 'awaiting', lastSeen: '2026-11-20' }),
      row({ id: 'PAR-002', fingerprint: 'tokens', status: 'awaiting', lastSeen: '2026-11-20' }),
    ];
    // `/tokens` holds id-like values with nothing saying they are per-instance: still thin.
    const thin = { ...divergent('b', 'tokens'), unsettled: ['/tokens'] };
    const found = checkTracker(rows, report([divergent('a', 'fp1'), thin]));
    expect(found.map((f) => [f.rowId, f.reason])).toEqual([['PAR-001', 'not-opened']]);
  });

  it('finds an open row whose cases all compared without reproducing it', () => {
    const rows = [
      row({ id: 'PAR-001', fingerprint: 'fp1', caseIds: ['a', 'b'], lastSeen: '2026-11-19' }),
      // b/c did not all run, or failed in transport: nothing is proven.
      row({ id: 'PAR-002', fingerprint: 'fp2', caseIds: ['a', 'missing'] }),
      row({ id: 'PAR-003', fingerprint: 'fp3', caseIds: ['down'] }),
      // Seen after the report's day: the tracker is newer than the report.
      row({ id: 'PAR-004', fingerprint: 'fp4', caseIds: ['a'], lastSeen: '2026-11-21' }),
      // Accepted rows are never resolved by parity.
      row({ id: 'PAR-005', fingerprint: 'fp5', caseIds: ['a'], status: 'accepted' }),
    ];
    const found = checkTracker(
      rows,
      report([equal('a'), divergent('b', 'fpX'), unreachable('down', 'fpY')]),
    );
    // b shows fpX, a root cause it never showed: it answers otherwise now (a state that moved
    // on), so PAR-001 is not seen there, not fixed. A one-sided transport failure is a run
    // error: never a row, and it proves nothing.
    expect(found.map((f) => [f.rowId ?? f.fingerprint, f.reason])).toEqual([
      ['fpX', 'missing-row'],
    ]);
    // With fpX a cause b already showed (its row lists b), b compared where PAR-001 was.
    const known = [...rows, row({ id: 'PAR-006', fingerprint: 'fpX', caseIds: ['b'] })];
    const again = checkTracker(
      known,
      report([equal('a'), divergent('b', 'fpX'), unreachable('down', 'fpY')]),
    );
    expect(again.map((f) => [f.rowId ?? f.fingerprint, f.reason])).toEqual([
      ['PAR-001', 'not-resolved'],
    ]);
  });

  it('finds a case-level row (before root causes) whose cases now show root causes', () => {
    const rows = [
      row({ id: 'PAR-001', fingerprint: '0123456789abcdef', caseIds: ['b'] }),
      row({ id: 'PAR-002', fingerprint: 'fp1', caseIds: ['b'] }),
      row({ id: 'PAR-003', fingerprint: 'fedcba9876543210', caseIds: ['b'], status: 'superseded' }),
    ];
    const found = checkTracker(rows, report([divergent('b', 'fp1')]));
    expect(found.map((f) => [f.rowId, f.reason])).toEqual([['PAR-001', 'not-superseded']]);
  });
});
