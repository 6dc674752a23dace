import { describe, expect, it } from 'vitest';
import type { TrackerStatus } from '../../../src/contract/vocabulary.js';
import { awaitsEvidence, type TrackerRow, unsettledNote } from '../../../src/io/tracker/types.js';
import {
  AWAITING_HEADING,
  renderRows,
  statusCounts,
} from '../../../src/reporters/tracker-lines.js';

function row(id: string, status: TrackerStatus, decision: string, summary: string): TrackerRow {
  return {
    id,
    status,
    kind: 'value',
    endpoints: ['GET /x'],
    hiddenEndpoints: 0,
    caseIds: ['s/x'],
    hiddenCases: 0,
    summary,
    firstSeen: '2026-11-27',
    lastSeen: '2026-11-27',
    resolved: '',
    fingerprint: `fp-${id}`,
    decision,
  };
}

describe('rows awaiting evidence in the listing', () => {
  const real = row('PAR-001', 'open', '', 'value of `/mode` differs');
  const thin = row('PAR-002', 'awaiting', unsettledNote(), 'value of `/sku` differs');
  const large = row('PAR-003', 'awaiting', unsettledNote(2048), 'value of `/token` differs');
  const decided = row('PAR-004', 'accepted', unsettledNote(), 'value of `/code` differs');
  const opened = row('PAR-005', 'open', unsettledNote(), 'value of `/ref` differs');

  it('a row awaits evidence while its status says so; opened or decided, it does not', () => {
    expect([real, thin, large, decided, opened].map(awaitsEvidence)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(large.decision).toContain(
      'the second look was not sent (an answer over 2048 bytes, secondLookBytes)',
    );
  });

  it('counts them apart from the open decisions, and only when there are some', () => {
    expect(statusCounts([real, thin, large, decided])).toBe(
      '1 open, 2 awaiting evidence, 1 accepted, 0 wontfix, 0 resolved, 0 covered, 0 superseded',
    );
    expect(statusCounts([real])).toBe(
      '1 open, 0 accepted, 0 wontfix, 0 resolved, 0 covered, 0 superseded',
    );
  });

  it('lists them after the open decisions, under a heading of their own', () => {
    const text = renderRows([thin, real, large], 'T.md', [thin, real, large]);
    const lines = text.split('\n');
    const heading = lines.indexOf(AWAITING_HEADING);
    expect(heading).toBeGreaterThan(0);
    const at = (id: string) => lines.findIndex((line) => line.startsWith(id));
    expect(at('PAR-001')).toBeLessThan(heading);
    expect(at('PAR-002')).toBeGreaterThan(heading);
    expect(at('PAR-003')).toBeGreaterThan(heading);
    // Only rows awaiting evidence: the heading, no empty table of decisions above it.
    const only = renderRows([thin], 'T.md', [thin]).split('\n');
    expect(only[2]).toBe(AWAITING_HEADING);
    // No such row: no heading.
    expect(renderRows([real], 'T.md', [real])).not.toContain(AWAITING_HEADING);
  });
});
