import { describe, expect, it } from 'vitest';
import {
  findingsByCase,
  inheritance,
  isCaseLevelRow,
  supersessions,
} from '../../../../src/io/tracker/supersede.js';
import type { TrackerRow } from '../../../../src/io/tracker/types.js';
import { obs } from './fixtures.js';

function row(overrides: Partial<TrackerRow> & Pick<TrackerRow, 'id'>): TrackerRow {
  return {
    status: 'open',
    kind: 'shape',
    endpoints: [],
    hiddenEndpoints: 0,
    caseIds: [],
    hiddenCases: 0,
    summary: 's',
    firstSeen: '2026-01-01',
    lastSeen: '2026-01-01',
    resolved: '',
    fingerprint: '0123456789abcdef',
    decision: '',
    ...overrides,
  };
}

describe('superseding case-level rows', () => {
  it('knows a case-level row by its 16-hex fingerprint, until it is superseded', () => {
    expect(isCaseLevelRow(row({ id: 'PAR-1' }))).toBe(true);
    expect(isCaseLevelRow(row({ id: 'PAR-1', status: 'superseded' }))).toBe(false);
    expect(isCaseLevelRow(row({ id: 'PAR-1', fingerprint: 'nil-slice-0123456789ab' }))).toBe(false);
  });

  it('supersedes a row as soon as one of its cases shows root causes', () => {
    const byCase = findingsByCase([obs('rc-a', ['s/1', 's/2']), obs('rc-b', ['s/2'])]);
    const rows = [
      row({ id: 'PAR-1', caseIds: ['s/2', 's/9'] }),
      row({ id: 'PAR-2', caseIds: ['s/9'], fingerprint: 'fedcba9876543210' }),
    ];
    expect([...supersessions(rows, byCase)]).toEqual([['0123456789abcdef', ['rc-a', 'rc-b']]]);
  });

  it('carries decisions with their row ids, and a status only when the rows agree', () => {
    const accepted = row({ id: 'PAR-1', status: 'accepted', decision: 'fine' });
    const alsoAccepted = row({ id: 'PAR-2', status: 'accepted' });
    expect(inheritance([accepted, alsoAccepted])).toEqual({
      status: 'accepted',
      decision: 'PAR-1 _accepted_: fine · PAR-2 _accepted_',
    });
    const open = row({ id: 'PAR-3', decision: 'ask' });
    expect(inheritance([accepted, open])).toEqual({
      status: 'open',
      decision: 'PAR-1 _accepted_: fine · PAR-3 _open_: ask',
    });
    // A resolved row is history: it neither blocks nor gives a status.
    const gone = row({ id: 'PAR-4', status: 'resolved' });
    expect(inheritance([accepted, gone]).status).toBe('accepted');
    expect(inheritance([row({ id: 'PAR-5' })])).toEqual({ status: 'open', decision: '' });
  });
});
