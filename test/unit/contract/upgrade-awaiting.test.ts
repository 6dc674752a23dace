/**
 * A report written before rows awaiting evidence had a status of their own
 * (an `open` row, `unsettled` on its root cause) reads with the status
 * `awaiting`, on the entry and on every finding that names the row; a
 * report that says `awaiting` already, and an open row a run no longer
 * marks `unsettled`, are left as they are. Two fixtures.
 */
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../src/contract/assessment.js';
import type { RunReport } from '../../../src/contract/report.js';
import { upgradeAwaiting } from '../../../src/contract/upgrade-awaiting.js';
import { decisionsOf } from '../../../src/reporters/report/decisions.js';
import { divergent, report } from '../judge/results/fixtures.js';

function tracked(caseId: string, fingerprint: string, id: string): AssessedObservation {
  const result = divergent(caseId, fingerprint);
  const [finding] = result.findings;
  if (finding === undefined) throw new Error('no finding');
  return { ...result, findings: [{ ...finding, tracker: { id, status: 'open' as const } }] };
}

describe('a report written before the awaiting status', () => {
  for (const [thin, real] of [
    ['structure-sku', 'structure-name'],
    ['int-as-string-handle', 'header-x-trace'],
  ] as const) {
    const earlier = (): RunReport => {
      const base = report([tracked('s/a', thin, 'PAR-001'), tracked('s/b', real, 'PAR-002')]);
      return {
        ...base,
        rootCauses: [
          {
            fingerprint: thin,
            kind: 'value',
            summary: 'thin',
            caseIds: ['s/a'],
            endpoints: ['GET /s/a'],
            unsettled: true,
            row: { id: 'PAR-001', status: 'open', decision: 'unsettled: …' },
          },
          {
            fingerprint: real,
            kind: 'shape',
            summary: 'real',
            caseIds: ['s/b'],
            endpoints: ['GET /s/b'],
            row: { id: 'PAR-002', status: 'open', decision: '' },
          },
        ],
      };
    };

    it(`reads its rows awaiting evidence as awaiting (${thin})`, () => {
      const upgraded = upgradeAwaiting(earlier());
      expect(upgraded.rootCauses?.map((c) => c.row?.status)).toEqual(['awaiting', 'open']);
      const trackerOf = (r: AssessedObservation) =>
        r.verdict === 'divergent' ? r.findings.map((f) => f.tracker?.status) : [];
      expect(upgraded.results.map(trackerOf)).toEqual([['awaiting'], ['open']]);
      expect(decisionsOf(upgraded).map((v) => v.status)).toEqual(['awaiting', 'open']);
      // Read again, nothing changes.
      expect(upgradeAwaiting(upgraded)).toBe(upgraded);
    });
  }
});
