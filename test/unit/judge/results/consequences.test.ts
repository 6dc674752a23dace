import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import type { DivergentObservation } from '../../../../src/contract/observation.js';
import type { AssessedFinding, RootCause } from '../../../../src/contract/root-cause.js';
import { kindOfCause } from '../../../../src/core/compare/finding-of.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { consequencesOf, withConsequence } from '../../../../src/judge/results/consequences.js';

function finding(cause: RootCause): AssessedFinding {
  return {
    fingerprint: causeFingerprint(cause),
    kind: kindOfCause(cause),
    cause,
    summary: causeFingerprint(cause),
    paths: [],
  };
}

function divergent(
  id: string,
  method: string,
  path: string,
  endpoint: string,
  statuses: readonly [number, number],
  causes: readonly RootCause[],
): DivergentObservation {
  return {
    verdict: 'divergent',
    caseId: `records/${id}`,
    suite: 'records',
    endpoint,
    request: { method, path },
    baseline: { status: statuses[0], durationMs: 1 },
    candidate: { status: statuses[1], durationMs: 1 },
    kinds: ['shape'],
    serial: 'cases/records.yaml',
    fingerprint: id,
    findings: causes.map(finding),
    explanation: id,
    summary: id,
    changes: [],
    headerChanges: [],
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
  };
}

const accepted: RootCause = {
  type: 'status',
  endpoint: 'POST /records',
  baseline: 400,
  candidate: 201,
};
const errorBodies: RootCause = {
  type: 'body-kind',
  statusClass: '4xx',
  baseline: 'json',
  candidate: 'text',
};
const missingField: RootCause = {
  type: 'status',
  endpoint: 'POST /records',
  baseline: 400,
  candidate: 422,
};
const goneOnOneSide: RootCause = {
  type: 'status',
  endpoint: 'DELETE /records/:id',
  baseline: 404,
  candidate: 204,
};
const extraItem: RootCause = {
  type: 'structure',
  endpoint: '/records',
  change: { op: 'added', path: '/items/*', baseline: '-', candidate: 'object' },
};

/** The results with their consequences marked, as the assessment reads them. */
function withConsequences(results: readonly AssessedObservation[]): AssessedObservation[] {
  const consequences = consequencesOf(results);
  return results.map((result) => withConsequence(result, consequences.get(result.caseId)));
}

/** The `consequenceOf` of each finding of each result, in order. */
function marks(results: readonly AssessedObservation[]): (string | undefined)[][] {
  return results.map((r) =>
    r.verdict === 'divergent' ? r.findings.map((f) => f.consequenceOf) : [],
  );
}

describe('withConsequences', () => {
  const write = divergent(
    'create-extra',
    'POST',
    '/records',
    'POST /records',
    [400, 201],
    [accepted],
  );
  const cause = causeFingerprint(accepted);

  it('attaches what a later answer shows of the extra state to the write one side accepted', () => {
    const results = [
      write,
      divergent('list', 'GET', '/records', 'GET /records', [200, 200], [extraItem]),
      divergent(
        'delete',
        'DELETE',
        '/records/9',
        'DELETE /records/:id',
        [404, 204],
        [goneOnOneSide],
      ),
    ];
    expect(marks(withConsequences(results))).toEqual([[undefined], [cause], [cause]]);
  });

  it('leaves the rows of later answers where both sides refused alike, or refused the input', () => {
    const results = [
      write,
      // Both sides say "not found": the error body's kind is a design choice, not state.
      divergent(
        'get-missing',
        'GET',
        '/records/999',
        'GET /records/:id',
        [404, 404],
        [errorBodies],
      ),
      // Both sides refuse the input (a missing field), each with its own status.
      divergent(
        'missing-name',
        'POST',
        '/records',
        'POST /records',
        [400, 422],
        [missingField, errorBodies],
      ),
    ];
    expect(marks(withConsequences(results))).toEqual([
      [undefined],
      [undefined],
      [undefined, undefined],
    ]);
  });

  it('still attaches a refusal that speaks of state (404 on one side, 409 on the other)', () => {
    const conflict: RootCause = {
      type: 'status',
      endpoint: 'PUT /records/:id',
      baseline: 404,
      candidate: 409,
    };
    const results = [
      write,
      divergent('put', 'PUT', '/records/9', 'PUT /records/:id', [404, 409], [conflict]),
    ];
    expect(marks(withConsequences(results))).toEqual([[undefined], [cause]]);
  });

  it('leaves a later write one side accepted and the other refused as input: a decision of its own', () => {
    const unknownField: RootCause = { ...accepted, reason: 'unknown field …' };
    const results = [
      write,
      divergent('create-unknown', 'POST', '/records', 'POST /records', [400, 201], [unknownField]),
      divergent('list', 'GET', '/records', 'GET /records', [200, 200], [extraItem]),
    ];
    expect(marks(withConsequences(results))).toEqual([[undefined], [undefined], [cause]]);
  });
});

/**
 * Issue 43: a decision hidden in a status row. After a write one side
 * accepted and the other refused, a later write that both sides accepted
 * with two success statuses, neither `201`, is each server's choice of
 * status: its own row. Created against replaced (`201 → 200`) and a read's
 * statuses stay consequences. Two fixtures with other methods and paths.
 */
describe.each([
  {
    name: 'a PUT refused for a lock, then sent with its token',
    method: 'PUT',
    path: '/files/report.txt',
    endpoint: 'PUT /files/report.txt',
    refused: [423, 200] as const,
    again: [204, 200] as const,
  },
  {
    name: 'a PATCH refused as a conflict, then sent with a version',
    method: 'PATCH',
    path: '/accounts/3',
    endpoint: 'PATCH /accounts/:id',
    refused: [409, 200] as const,
    again: [200, 202] as const,
  },
])('$name', ({ method, path, endpoint, refused, again }) => {
  const status = (pair: readonly [number, number]): RootCause => ({
    type: 'status',
    endpoint,
    baseline: pair[0],
    candidate: pair[1],
  });
  const first = divergent('first', method, path, endpoint, refused, [status(refused)]);
  const cause = causeFingerprint(status(refused));

  it('keeps the later success statuses as a row of their own, its body still a consequence', () => {
    const results = [
      first,
      divergent('again', method, path, endpoint, again, [status(again), extraItem]),
    ];
    expect(marks(withConsequences(results))).toEqual([[undefined], [undefined, cause]]);
  });

  it('still attaches created against replaced, and a read’s success statuses', () => {
    const created = [201, 200] as const;
    const read: RootCause = {
      type: 'status',
      endpoint: `GET ${path}`,
      baseline: 200,
      candidate: 204,
    };
    const results = [
      first,
      divergent('create', method, path, endpoint, created, [status(created)]),
      divergent('read', 'GET', path, `GET ${path}`, [200, 204], [read]),
    ];
    expect(marks(withConsequences(results))).toEqual([[undefined], [cause], [cause]]);
  });
});
