/**
 * Tracker rule 60 on the run's answers alone (`write-statuses.ts`): one
 * side's one success status to every write both sides accepted, where the
 * other answers several by method, and the tally of those statuses it reads
 * (`accepted-writes.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { causeKey } from '../../../../src/core/compare/root-cause.js';
import { causeSummary } from '../../../../src/core/compare/root-cause-words.js';
import {
  type WriteAnswer,
  type WriteStatuses,
  writeStatuses,
} from '../../../../src/core/compare/write-statuses.js';
import { acceptedWritesOf } from '../../../../src/judge/results/accepted-writes.js';

function answer(
  method: string,
  endpoint: string,
  baseline: number,
  candidate: number,
): WriteAnswer {
  const cause: RootCause = { type: 'status', endpoint, baseline, candidate };
  return {
    endpoint,
    baseline: { status: baseline },
    candidate: { status: candidate },
    request: { method },
    findings: baseline === candidate ? [] : [{ cause }],
  };
}

const written = (answers: readonly WriteAnswer[]): WriteStatuses[] =>
  answers.flatMap((one) =>
    one.request === undefined
      ? []
      : [
          {
            method: one.request.method,
            baseline: one.baseline?.status ?? 0,
            candidate: one.candidate?.status ?? 0,
          },
        ],
  );

/** The one cause each answer's status joined, or none. */
function joinedCauses(answers: readonly WriteAnswer[], extra: readonly WriteAnswer[] = []) {
  const out = writeStatuses(answers, written([...answers, ...extra]));
  return new Set([...out.values()].map(causeKey));
}

describe('writeStatuses', () => {
  it('joins one side answering every write one status against several by method (notes: 204)', () => {
    const answers = [
      answer('PUT', 'PUT /notes/:id', 200, 204),
      answer('PATCH', 'PATCH /notes/:id', 200, 204),
      answer('DELETE', 'DELETE /notes/:id', 202, 204),
    ];
    const out = writeStatuses(answers, written(answers));
    expect(out.size).toBe(3);
    const [cause] = new Set(out.values());
    expect(cause).toMatchObject({ baseline: 0, candidate: 204, everyWrite: true });
    expect(causeSummary(cause as RootCause)).toBe(
      'candidate answers every write 204 (baseline: DELETE 202, PATCH 200, PUT 200), on several endpoints',
    );
  });

  it('joins the baseline as the one side, a creation answered with its one status too (settings: 200)', () => {
    const answers = [
      answer('POST', 'POST /settings', 200, 201),
      answer('PUT', 'PUT /settings/:id', 200, 204),
      answer('DELETE', 'DELETE /settings/:id', 200, 204),
    ];
    const out = writeStatuses(answers, written(answers));
    const [cause] = new Set(out.values());
    expect(out.size).toBe(3);
    expect(cause).toMatchObject({ baseline: 200, candidate: 0, everyWrite: true });
  });

  it('leaves out a 201 both sides answered: a creation both report alike', () => {
    const answers = [
      answer('PUT', 'PUT /pods/:id', 204, 205),
      answer('PATCH', 'PATCH /pods/:id', 200, 205),
      answer('DELETE', 'DELETE /pods/:id', 200, 205),
    ];
    const created = [
      answer('POST', 'POST /pods', 201, 201),
      answer('PUT', 'PUT /boxes/:id', 201, 201),
    ];
    expect(joinedCauses(answers, created).size).toBe(1);
  });

  it('keeps apart a 201 against the one status of a side that answers creations 201 itself', () => {
    // The candidate answers a creation 201 and a replacing PUT 204 where the baseline says
    // 201 again: whether the write created something, not the candidate's one default.
    const answers = [
      answer('PUT', 'PUT /events/:id', 201, 204),
      answer('DELETE', 'DELETE /events/:id', 200, 204),
      answer('DELETE', 'DELETE /agendas/:id', 200, 204),
    ];
    const created = [answer('PUT', 'PUT /events/:id', 201, 201)];
    expect(joinedCauses(answers, created).size).toBe(0);
    // With no creation answered 201 by the candidate, its 204 is its answer to every write.
    expect(joinedCauses(answers).size).toBe(1);
  });

  it('keeps apart a 201 → 200 on creation alone, where PUT and DELETE agree', () => {
    const answers = [
      answer('POST', 'POST /tags', 201, 200),
      answer('POST', 'POST /labels', 201, 200),
    ];
    const equal = [
      answer('PUT', 'PUT /tags/:id', 200, 200),
      answer('DELETE', 'DELETE /tags/:id', 204, 204),
    ];
    expect(joinedCauses(answers, equal).size).toBe(0);
  });

  it('keeps apart refusals, reads, and statuses that vary on both sides', () => {
    const refusals = [
      answer('PUT', 'PUT /a/:id', 200, 409),
      answer('DELETE', 'DELETE /a/:id', 204, 409),
      answer('PATCH', 'PATCH /a/:id', 200, 204),
    ];
    expect(joinedCauses(refusals).size).toBe(0);
    const reads = [
      answer('GET', 'GET /a/:id', 200, 203),
      answer('HEAD', 'HEAD /a/:id', 204, 203),
      answer('PUT', 'PUT /a/:id', 200, 203),
    ];
    expect(joinedCauses(reads).size).toBe(0);
    const varying = [
      answer('PUT', 'PUT /a/:id', 200, 204),
      answer('PATCH', 'PATCH /a/:id', 202, 200),
      answer('DELETE', 'DELETE /a/:id', 204, 202),
    ];
    expect(joinedCauses(varying).size).toBe(0);
  });

  it('keeps apart both sides single (200 → 204 on PUT and DELETE): rule 4 keeps a row per method', () => {
    const answers = [
      answer('PUT', 'PUT /a/:id', 200, 204),
      answer('DELETE', 'DELETE /a/:id', 200, 204),
    ];
    expect(joinedCauses(answers).size).toBe(0);
  });

  it('keeps apart a side whose one status is not its answer to another write both accepted', () => {
    const answers = [
      answer('POST', 'POST /items', 201, 200),
      answer('PUT', 'PUT /items/:id', 204, 200),
    ];
    // The candidate answered a DELETE 204 alike: it has no one answer for writes.
    const equal = [answer('DELETE', 'DELETE /items/:id', 204, 204)];
    expect(joinedCauses(answers, equal).size).toBe(0);
    // Without that DELETE, the candidate's 200 is its answer to every write.
    expect(joinedCauses(answers).size).toBe(1);
  });

  it('leaves a status another rule joined for its own reason, superseding only rule 4', () => {
    const answers = [
      answer('PUT', 'PUT /notes/:id', 200, 204),
      answer('PATCH', 'PATCH /notes/:id', 200, 204),
      answer('DELETE', 'DELETE /notes/:id', 202, 204),
    ];
    const [put] = answers;
    const own = put?.findings[0]?.cause as RootCause;
    const other: RootCause = {
      type: 'status',
      endpoint: '* *',
      baseline: 200,
      candidate: 0,
      header: 'x',
    };
    const byMethod: RootCause = { ...own, endpoint: 'PUT *' } as RootCause;
    expect(
      writeStatuses(answers, undefined, new Map([[causeKey(own), other]])).has(causeKey(own)),
    ).toBe(false);
    expect(
      writeStatuses(answers, undefined, new Map([[causeKey(own), byMethod]])).has(causeKey(own)),
    ).toBe(true);
  });

  it('tallies the success statuses of writes both sides accepted, equal answers included', () => {
    const tally = acceptedWritesOf([
      {
        request: { method: 'PUT', path: '/a' },
        baseline: { status: 200, durationMs: 1 },
        candidate: { status: 204, durationMs: 1 },
      },
      {
        request: { method: 'PUT', path: '/b' },
        baseline: { status: 200, durationMs: 1 },
        candidate: { status: 204, durationMs: 1 },
      },
      {
        request: { method: 'DELETE', path: '/a' },
        baseline: { status: 204, durationMs: 1 },
        candidate: { status: 204, durationMs: 1 },
      },
      {
        request: { method: 'POST', path: '/a' },
        baseline: { status: 201, durationMs: 1 },
        candidate: { status: 409, durationMs: 1 },
      },
      {
        request: { method: 'GET', path: '/a' },
        baseline: { status: 200, durationMs: 1 },
        candidate: { status: 203, durationMs: 1 },
      },
    ]);
    expect(tally.bothSucceeded).toEqual([
      { method: 'PUT', baseline: 200, candidate: 204 },
      { method: 'DELETE', baseline: 204, candidate: 204 },
    ]);
  });
});
