/**
 * Tracker rule 51 on the run's answers alone (`missing-headers.ts`), and the
 * tally of accepted writes it reads (`accepted-writes.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { type HeaderAnswer, missingHeaders } from '../../../../src/core/compare/missing-headers.js';
import { causeKey } from '../../../../src/core/compare/root-cause.js';
import { acceptedWritesOf } from '../../../../src/judge/results/accepted-writes.js';

function refused(
  method: string,
  endpoint: string,
  headers: readonly string[],
  status = 403,
  body: unknown = null,
): HeaderAnswer {
  const cause: RootCause = { type: 'status', endpoint, baseline: 200, candidate: status };
  return {
    endpoint,
    baseline: { status: 200 },
    candidate: { status },
    bodies: { baseline: { ok: true }, candidate: body },
    request: { method, headers },
    findings: [{ cause }],
  };
}

function write(method: string, headers: readonly string[] | undefined, candidate = 201) {
  return {
    request: { method, path: '/x', ...(headers === undefined ? {} : { headers }) },
    baseline: { status: 201, durationMs: 1 },
    candidate: { status: candidate, durationMs: 1 },
  };
}

describe('missingHeaders', () => {
  const accepted = acceptedWritesOf([
    write('PUT', ['content-type', 'x-guard', 'x-trace']),
    write('DELETE', ['x-guard', 'x-trace']),
    write('GET', []),
  ]);

  it('tallies the header names every accepted write sent, reads left out', () => {
    expect([...accepted.candidate.sent].sort()).toEqual(['x-guard', 'x-trace']);
    expect(accepted.candidate.accepted).toBe(2);
  });

  it('joins refused writes on two endpoints that lack a header every accepted write sent', () => {
    const out = missingHeaders(
      [refused('PUT', 'PUT /a/:id', ['x-trace']), refused('DELETE', 'DELETE /b/:id', [])],
      accepted,
    );
    expect(new Set([...out.values()].map((cause) => causeKey(cause))).size).toBe(1);
    expect([...out.values()][0]).toMatchObject({ candidate: 403, baseline: 0, header: 'x-guard' });
  });

  it('keeps apart: a refused write that sent every such header, safe methods, two bodies, one endpoint', () => {
    const sentAll = missingHeaders(
      [
        refused('PUT', 'PUT /a/:id', ['x-guard', 'x-trace']),
        refused('DELETE', 'DELETE /b/:id', []),
      ],
      accepted,
    );
    expect(sentAll.size).toBe(0);
    const reads = missingHeaders(
      [refused('GET', 'GET /a', []), refused('GET', 'GET /b', [])],
      accepted,
    );
    expect(reads.size).toBe(0);
    const bodies = missingHeaders(
      [
        refused('PUT', 'PUT /a/:id', [], 403, 'one'),
        refused('DELETE', 'DELETE /b/:id', [], 403, 'two'),
      ],
      accepted,
    );
    expect(bodies.size).toBe(0);
    const statuses = missingHeaders(
      [refused('PUT', 'PUT /a/:id', [], 403), refused('DELETE', 'DELETE /b/:id', [], 401)],
      accepted,
    );
    expect(statuses.size).toBe(0);
    const one = missingHeaders(
      [refused('PUT', 'PUT /a/:id', []), refused('PUT', 'PUT /a/:id', [])],
      accepted,
    );
    expect(one.size).toBe(0);
  });

  it('keeps apart: no accepted write, and a header that only describes the body', () => {
    const none = acceptedWritesOf([write('PUT', ['x-guard'], 403)]);
    expect(
      missingHeaders(
        [refused('PUT', 'PUT /a/:id', []), refused('DELETE', 'DELETE /b/:id', [])],
        none,
      ).size,
    ).toBe(0);
    const typed = acceptedWritesOf([write('POST', ['content-type'])]);
    expect(
      missingHeaders(
        [refused('DELETE', 'DELETE /a/:id', []), refused('DELETE', 'DELETE /b/:id', [])],
        typed,
      ).size,
    ).toBe(0);
  });

  it('keeps apart: writes of a method the refusing side accepted none of', () => {
    const posts = acceptedWritesOf([
      write('POST', ['idempotency-key']),
      write('POST', ['idempotency-key', 'x-trace']),
    ]);
    expect([...posts.candidate.methods]).toEqual(['POST']);
    const deletes = missingHeaders(
      [refused('DELETE', 'DELETE /carts/:id', []), refused('DELETE', 'DELETE /lists/:id', [])],
      posts,
    );
    expect(deletes.size).toBe(0);
    const mixed = missingHeaders(
      [refused('POST', 'POST /carts', []), refused('DELETE', 'DELETE /lists/:id', [])],
      posts,
    );
    expect(mixed.size).toBe(0);
    const same = missingHeaders(
      [refused('POST', 'POST /carts', []), refused('POST', 'POST /lists', [])],
      posts,
    );
    expect(new Set([...same.values()].map((cause) => causeKey(cause))).size).toBe(1);
  });
});
