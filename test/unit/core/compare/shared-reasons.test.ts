/**
 * Issue 43, tracker rule 30: one side refuses what the other accepts on two
 * endpoints or more with the same specific reason (etcd's `key is not
 * provided` to a put and a range): one row keyed by the statuses and the
 * reason (`shared-reasons.ts`). Planted twice with other endpoints, sides,
 * statuses and wordings; kept apart: another reason, a reason phrase or one
 * word, and a reason the refusing side also gives where both sides refused
 * for other causes.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { refusalEvidence, saysWhy } from '../../../../src/core/compare/shared-reasons.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

interface Fixture {
  readonly name: string;
  readonly endpoints: readonly [string, string, string];
  readonly statuses: readonly [number, number];
  readonly reason: string;
  readonly other: string;
  /** The refusing side's body for a reason, with its own member names. */
  readonly body: (reason: string) => unknown;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a key-value store that requires a key',
    endpoints: ['POST /v3/kv/put', 'POST /v3/kv/range', 'POST /v3/kv/deleterange'],
    statuses: [400, 200],
    reason: 'etcdserver: key is not provided',
    other: 'etcdserver: value is too large',
    body: (reason) => ({ error: reason, code: 3 }),
  },
  {
    name: 'a gateway that wants a JSON content type',
    endpoints: ['GET /health', 'PUT /settings/:id', 'GET /version'],
    statuses: [201, 415],
    reason: 'content-type should be application/json',
    other: 'settings are read-only during a backup',
    body: (reason) => ({ fault: { detail: reason } }),
  },
];

function refusal(f: Fixture, caseId: string, endpoint: string, reason: string) {
  const [baseline, candidate] = f.statuses;
  const cause: RootCause = { type: 'status', endpoint, baseline, candidate, reason };
  return { caseId, endpoint, findings: [findingOf(cause, [])] } satisfies ClusterAnswer;
}

/** An answer both sides refused: the refusing side with `reason`, the other with its own words. */
function bothRefused(f: Fixture, caseId: string, endpoint: string, reason: string) {
  const baselineRefuses = f.statuses[0] >= 400;
  const own = f.body(reason);
  const others = { message: 'the request names no such thing' };
  const cause: RootCause = { type: 'status', endpoint, baseline: 409, candidate: 422 };
  return {
    caseId,
    endpoint,
    baseline: { status: 409 },
    candidate: { status: 422 },
    bodies: baselineRefuses
      ? { baseline: own, candidate: others }
      : { baseline: others, candidate: own },
    findings: [findingOf(cause, [])],
  } satisfies ClusterAnswer;
}

describe.each(FIXTURES)('$name', (f) => {
  const [a, b, c] = f.endpoints;

  it('is one row across the endpoints refused for the same reason', () => {
    const found = clusteredSummaries([
      refusal(f, 'x/1', a, f.reason),
      refusal(f, 'x/2', b, f.reason),
    ]);
    expect(found).toEqual([
      `status ${f.statuses[0]} → ${f.statuses[1]} on several endpoints (${f.statuses[0] >= 400 ? 'baseline' : 'candidate'}: \`${f.reason}\`)`,
    ]);
  });

  it('keeps an endpoint refused for another reason as a row of its own', () => {
    const found = clusteredSummaries([
      refusal(f, 'x/1', a, f.reason),
      refusal(f, 'x/2', b, f.reason),
      refusal(f, 'x/3', c, f.other),
    ]);
    expect(found).toHaveLength(2);
    expect(found.some((s) => s.includes(`on ${c} (`))).toBe(true);
  });

  it('keeps apart a reason phrase and a one-word reason', () => {
    for (const generic of ['Bad Request', 'UNSUPPORTED_MEDIA_TYPE', 'invalid_request']) {
      const found = clusteredSummaries([
        refusal(f, 'x/1', a, generic),
        refusal(f, 'x/2', b, generic),
      ]);
      expect(found, generic).toHaveLength(2);
    }
  });

  it('keeps apart a reason the refusing side also gives where both refused for other causes', () => {
    const found = clusteredSummaries([
      refusal(f, 'x/1', a, f.reason),
      refusal(f, 'x/2', b, f.reason),
      bothRefused(f, 'x/3', c, f.reason),
    ]);
    expect(found.filter((s) => s.includes(f.reason))).toHaveLength(2);
    expect(found.some((s) => s.includes('several endpoints'))).toBe(false);
  });

  it('reads the reason from the refusing body where the status holds none', () => {
    // A body of another kind than the accepting side's: its change holds no text.
    const [baseline, candidate] = f.statuses;
    const cause: RootCause = { type: 'status', endpoint: b, baseline, candidate };
    const baselineRefuses = baseline >= 400;
    const unread = {
      caseId: 'x/2',
      endpoint: b,
      baseline: { status: baseline },
      candidate: { status: candidate },
      bodies: baselineRefuses
        ? { baseline: `${f.reason}\n`, candidate: { ok: true } }
        : { baseline: { ok: true }, candidate: `${f.reason}\n` },
      findings: [findingOf(cause, [])],
    } satisfies ClusterAnswer;
    const found = clusteredSummaries([refusal(f, 'x/1', a, f.reason), unread]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`on several endpoints (`);
    expect(found[0]).toContain(f.reason);
  });

  it('keeps apart a route, method or feature the refusing side lacks (404, 405, 410, 501)', () => {
    const accepted = Math.min(...f.statuses);
    const refused = f.statuses[0] >= 400 ? 0 : 1;
    for (const status of [404, 405, 410, 501]) {
      const statuses = refused === 0 ? [status, accepted] : [accepted, status];
      const g = { ...f, statuses: statuses as [number, number] };
      const found = clusteredSummaries([
        refusal(g, 'x/1', a, f.reason),
        refusal(g, 'x/2', b, f.reason),
      ]);
      expect(found, String(status)).toHaveLength(2);
    }
  });

  it('supersedes the row each endpoint had on its own', () => {
    const [baseline, candidate] = f.statuses;
    const own = { type: 'status', endpoint: a, baseline, candidate, reason: f.reason } as const;
    const shared = findingOf({ ...own, endpoint: '* *' }, []);
    const earlier = earlierKeys({
      endpoint: a,
      findings: [shared],
      changes: [],
      headerChanges: [],
      notMembers: new Set(),
    });
    const { reason: _read, ...unread } = own;
    // With its reason, or none where the reason was read from a body of another kind.
    expect(earlier.get(shared.fingerprint)).toEqual([
      causeFingerprint(own),
      causeFingerprint(unread),
    ]);
  });
});

describe('what makes a reason specific', () => {
  it('says why in two words or more once the status phrases are left out', () => {
    expect(saysWhy('etcdserver: key is not provided')).toBe(true);
    expect(saysWhy('Not Found item … not found')).toBe(true);
    expect(saysWhy('Bad Request')).toBe(false);
    expect(saysWhy('0 Not Found')).toBe(false);
    expect(saysWhy('Unsupported Media Type …')).toBe(false);
    expect(saysWhy('invalid_request')).toBe(false);
  });

  it('counts no refusal of a router that read nothing (404, 405, 410, 501) as another reason', () => {
    const refused = (b: number, c: number) => ({
      baseline: { status: b },
      candidate: { status: c },
      bodies: {
        baseline: 'Method Not Allowed',
        candidate: 'content-type should be application/json',
      },
      findings: [],
    });
    for (const status of [404, 405, 410, 501]) {
      expect([...refusalEvidence([refused(status, 400)]).catchAll], String(status)).toEqual([
        '["baseline","Method Not Allowed"]',
      ]);
    }
    expect([...refusalEvidence([refused(409, 400)]).catchAll]).toContain(
      '["candidate","content-type should be application/json"]',
    );
  });

  it('counts a refusal the other side answered with a success status and its own reason in the body', () => {
    const answered = (refusing: unknown, other: unknown, statuses: readonly [number, number]) => ({
      baseline: { status: statuses[0] },
      candidate: { status: statuses[1] },
      bodies:
        statuses[0] >= 400
          ? { baseline: refusing, candidate: other }
          : { baseline: other, candidate: refusing },
      findings: [],
    });
    const found = refusalEvidence([
      // A tracker's one HTML page against a bencoded `failure reason` (BEP 3).
      answered(
        '<title>Invalid Request</title>',
        { 'failure reason': 'invalid info_hash' },
        [400, 200],
      ),
      // A gateway's generic text against a JSON-RPC error, the sides the other way round.
      answered(
        'request could not be handled',
        { jsonrpc: '2.0', error: { message: 'unknown method' } },
        [200, 422],
      ),
      // Kept apart: the other side succeeded (no refusal in its body), or refused in the same words.
      answered('the quota is spent', { result: 'ok' }, [429, 200]),
      answered('the name is taken', { error: 'the name is taken' }, [409, 200]),
    ]).catchAll;
    expect([...found].sort()).toEqual(
      [
        '["baseline","<title>Invalid Request</title>"]',
        '["candidate","request could not be handled"]',
      ].sort(),
    );
  });

  it('is never a reason a side gives where the other refused with another, or none', () => {
    const refused = (baseline: unknown, candidate: unknown) => ({
      baseline: { status: 400 },
      candidate: { status: 400 },
      bodies: { baseline, candidate },
      findings: [],
    });
    const found = refusalEvidence([
      refused({ error: 'invalid request body' }, { message: 'the name is too long' }),
      refused({ error: 'quota spent' }, { error: 'quota spent' }),
      refused('request was malformed', null),
      {
        baseline: { status: 200 },
        candidate: { status: 400 },
        bodies: { candidate: 'x y' },
        findings: [],
      },
    ]).catchAll;
    expect([...found].sort()).toEqual(
      [
        '["baseline","invalid request body"]',
        '["candidate","the name is too long"]',
        '["baseline","request was malformed"]',
      ].sort(),
    );
  });
});
