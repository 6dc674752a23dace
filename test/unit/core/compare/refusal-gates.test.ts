/**
 * Issue 43: a route one side refuses whole (`refusal-gates.ts`). One side
 * answers every request of a route with one refusal (a feature not
 * configured) where the other refuses each for its own reason: one row, not
 * a status row per request and a body-kind row. Planted twice, with the
 * sides, routes and statuses changed; a request the other side accepted,
 * the same refusal on another route, and a route where the other side
 * answers one status stay rows of their own.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

type Side = readonly [status: number, body: unknown];

/** One answer, its findings as a case makes them: the status, else the body's kind. */
function answer(caseId: string, endpoint: string, baseline: Side, candidate: Side) {
  const [b, bBody] = baseline;
  const [c, cBody] = candidate;
  const kind = (body: unknown) => (typeof body === 'string' ? 'text' : 'json');
  const cause: RootCause =
    b !== c
      ? { type: 'status', endpoint, baseline: b, candidate: c }
      : {
          type: 'body-kind',
          statusClass: `${Math.floor(b / 100)}xx`,
          baseline: kind(bBody),
          candidate: kind(cBody),
        };
  return {
    caseId,
    endpoint,
    baseline: { status: b },
    candidate: { status: c },
    bodies: { baseline: bBody, candidate: cBody },
    findings: [findingOf(cause, [])],
  } satisfies ClusterAnswer;
}

const rows = (answers: readonly ReturnType<typeof answer>[]) => clusteredSummaries(answers).sort();

describe.each([
  {
    name: 'a relay the candidate refuses before it reads the request',
    gate: 'candidate' as const,
    method: 'POST',
    route: ['mail', 'send'],
    refusal: [500, { error: 'Outgoing mail not configured' }] as Side,
    reasons: [
      [500, '<html><pre>TypeError: done is not a function</pre></html>'],
      [400, { error: 'Incorrect email address provided :bob' }],
      [404, { error: 'Email was not found' }],
    ] as Side[],
    words:
      'candidate answers every POST /mail/:id/send request both sides refused with 500 (`Outgoing mail not configured`)',
  },
  {
    name: 'an export the baseline refuses while exports are off',
    gate: 'baseline' as const,
    method: 'PUT',
    route: ['reports', 'export'],
    refusal: [503, { message: 'exports are disabled' }] as Side,
    reasons: [
      [404, { message: 'no such report' }],
      [422, { message: 'format must be csv or xlsx' }],
      [503, 'Service Unavailable'],
    ] as Side[],
    words:
      'baseline answers every PUT /reports/:id/export request both sides refused with 503 (`exports are disabled`)',
  },
])('$name', ({ gate, method, route, refusal, reasons, words }) => {
  const [parent = '', action = ''] = route;
  const endpoints = [
    `${method} /${parent}/:id/${action}`,
    `${method} /${parent}/:id/${action}/bob`,
    `${method} /${parent}/no-such-id/${action}`,
  ];
  const sides = (reason: Side): [Side, Side] =>
    gate === 'candidate' ? [reason, refusal] : [refusal, reason];
  const gated = reasons.map((reason, n) => answer(`s/${n}`, endpoints[n] ?? '', ...sides(reason)));

  it('is one row for every request of the route, whatever the other side answers', () => {
    expect(rows(gated)).toEqual([words]);
  });

  it('keeps a request the other side accepted, and the same refusal on another route, rows of their own', () => {
    const accepted = answer(
      's/ok',
      `${method} /${parent}/:id/${action}/alice`,
      ...sides([200, { ok: true }]),
    );
    const elsewhere = answer(
      's/else',
      `${method} /archive/:id`,
      ...sides([409, { error: 'archived' }]),
    );
    const found = rows([...gated, accepted, elsewhere]);
    expect(found).toHaveLength(3);
    expect(found).toContain(words);
  });

  it('keeps another refusal on the same route a row of its own', () => {
    const [status] = refusal;
    const [other] = sides([409, { error: 'locked' }]);
    const locked = gate === 'candidate' ? other : ([status, 'Locked'] as Side);
    const against = gate === 'candidate' ? ([status, 'Locked'] as Side) : other;
    const found = rows([...gated, answer('s/locked', endpoints[0] ?? '', locked, against)]);
    expect(found).toHaveLength(2);
    expect(found).toContain(words);
  });

  it('supersedes the rows each answer had: its status transition, or its bodies’ kinds', () => {
    const clusters = clusterCauses(gated);
    for (const one of gated) {
      const [own] = one.findings;
      const findings = clusteredFindings(one.endpoint, one.findings, clusters, one.caseId);
      const [row] = findings;
      expect(findings).toHaveLength(1);
      const kind = (body: unknown) => ({ kind: typeof body === 'string' ? 'text' : 'json' });
      const { baseline, candidate } = one.bodies;
      const changes = [
        { path: '', op: 'type' as const, baseline: kind(baseline), candidate: kind(candidate) },
      ];
      const input = { ...one, findings, changes, headerChanges: [], notMembers: new Set<string>() };
      expect(earlierKeys(input).get(row?.fingerprint ?? '')).toContain(own?.fingerprint);
    }
  });

  it('is no gate where the one refusal names the target missing (404, 410)', () => {
    for (const status of [404, 410]) {
      const notFound: Side = [status, { error: 'Not Found' }];
      const pair = (reason: Side): [Side, Side] =>
        gate === 'candidate' ? [reason, notFound] : [notFound, reason];
      const missing = reasons.map((reason, n) =>
        answer(`s/${n}`, endpoints[n] ?? '', ...pair(reason)),
      );
      expect(rows(missing).some((row) => row.includes('answers every'))).toBe(false);
    }
  });

  it('is no gate where the other side answers one status on the route', () => {
    const [first] = reasons;
    const same = [0, 1].map((n) =>
      answer(`s/${n}`, endpoints[n] ?? '', ...sides(first ?? [500, ''])),
    );
    expect(rows(same).some((row) => row.includes('answers every'))).toBe(false);
  });
});
