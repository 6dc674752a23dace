/** The end of a run or a merge: one verdict, one exit code per kind. */
import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_FOR_VERDICT } from '../../../../src/cli/exit-codes.js';
import { verdictOf } from '../../../../src/engine/run/verdict.js';
import { divergent, equal, report } from '../../judge/results/fixtures.js';

const written = { dir: '/r/1', files: [] };
const failed = {
  ...written,
  failures: [{ format: 'html' as const, error: new Error('disk full') }],
};
const policy = { failOn: 'open', failOnEncoding: false } as const;

describe('verdictOf', () => {
  const diverging = report([equal('a'), divergent('b', 'fp')]);

  it('puts unreachable targets first, then report files, then the fail policy', () => {
    const input = { report: diverging, written: failed, policy };
    expect(verdictOf({ ...input, unreachable: ['go'] })).toEqual({
      kind: 'unreachable',
      targets: ['go'],
    });
    expect(verdictOf({ ...input, unreachable: [] }).kind).toBe('reports-failed');
    const ok = { ...input, written: { ...written, failures: [] }, unreachable: [] };
    expect(verdictOf(ok)).toMatchObject({ kind: 'failing', results: [{ caseId: 'b' }] });
    expect(verdictOf({ ...ok, policy: { ...policy, failOn: 'none' } })).toEqual({
      kind: 'passed',
    });
  });

  it('maps each kind to the exit code of the contract', () => {
    expect(EXIT_FOR_VERDICT).toEqual({
      unreachable: EXIT.unreachable,
      'reports-failed': EXIT.internal,
      failing: EXIT.divergent,
      passed: EXIT.ok,
    });
  });
});
