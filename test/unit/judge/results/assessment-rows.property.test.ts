/**
 * A divergence judged after the decisions copies a finding with no row yet
 * without an object rest (V8 builds a rest that leaves a member out in its
 * runtime): held to the general path it replaced (copied below), members and
 * their order included, for findings with and without an earlier row and
 * causes with and without a row now.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import type { DivergentObservation } from '../../../../src/contract/observation.js';
import type {
  AssessedFinding,
  DecisionRow,
  RootCause,
} from '../../../../src/contract/root-cause.js';
import { WAIVED_STATUSES } from '../../../../src/contract/vocabulary.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { judgedAfterDecisions } from '../../../../src/judge/results/assessment.js';
import { rowFingerprintOf } from '../../../../src/judge/results/consequences.js';
import { hasFindings } from '../../../../src/judge/results/types.js';
import { divergentObservation } from '../../../helpers/divergent.js';

function judgedGeneral(
  result: AssessedObservation,
  rowOf: (fingerprint: string) => DecisionRow | undefined,
): AssessedObservation {
  if (!hasFindings(result)) return result;
  const findings = result.findings.map((finding): AssessedFinding => {
    const row = rowOf(rowFingerprintOf(finding));
    const { tracker: _old, ...rest } = finding;
    return row === undefined ? rest : { ...rest, tracker: { id: row.id, status: row.status } };
  });
  const decided =
    findings.length > 0 &&
    findings.every((f) => f.tracker !== undefined && WAIVED_STATUSES.has(f.tracker.status));
  return { ...result, findings, verdict: decided ? 'accepted' : 'divergent' };
}

const cause = (field: string): RootCause => ({
  type: 'structure',
  endpoint: '/r',
  change: { op: 'value', path: `/${field}`, baseline: 'number', candidate: 'number' },
});

const status = fc.constantFrom('open', 'accepted', 'wontfix', 'resolved', 'superseded' as const);

const finding = fc
  .record({
    field: fc.constantFrom('a', 'b', 'c'),
    earlier: fc.option(fc.record({ id: fc.constantFrom('PAR-001', 'PAR-009'), status })),
    consequenceOf: fc.option(fc.constant('structure-0000')),
  })
  .map(({ field, earlier, consequenceOf }): AssessedFinding => {
    const found = findingOf(cause(field), [`/${field}`]);
    const withEarlier = earlier === null ? found : { ...found, tracker: earlier };
    return consequenceOf === null ? withEarlier : { ...withEarlier, consequenceOf };
  });

function result(findings: readonly AssessedFinding[]): DivergentObservation {
  return divergentObservation({ findings });
}

describe('a divergence judged after the decisions', () => {
  it('is what the general path made, members in order', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 3 }),
        fc.array(status, { minLength: 3, maxLength: 3 }),
        (findings, statuses) => {
          const rows = new Map<string, DecisionRow>();
          // Each cause's row (some have none), and the cause a consequence follows from.
          ['a', 'b', 'structure-0000'].forEach((key, i) => {
            const chosen = statuses[i];
            if (chosen === undefined || chosen === 'resolved') return;
            const fp = key.startsWith('structure-') ? key : findingOf(cause(key), []).fingerprint;
            rows.set(fp, { id: `PAR-00${i + 1}`, status: chosen, decision: '' });
          });
          const rowOf = (fp: string) => rows.get(fp);
          const observed = result(findings);
          const fast = judgedAfterDecisions(observed, rowOf);
          const general = judgedGeneral(observed, rowOf);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
          expect(fast).toEqual(general);
        },
      ),
    );
  });
});
