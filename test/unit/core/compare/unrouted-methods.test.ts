/**
 * Tracker rule 36 on findings alone: a router's answer to a method a route
 * does not have (`405`/`501` against `404`/`405`/`501`) recurs whatever the
 * method and path; an `Allow` only the `405` side sends follows its status;
 * any other transition keeps rule 4's key.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderChange } from '../../../../src/contract/observation.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { ownKey, recurringCauses } from '../../../../src/core/compare/recurring-causes.js';
import { answersUnroutedMethod } from '../../../../src/core/compare/root-cause.js';
import { causeSummary } from '../../../../src/core/compare/root-cause-words.js';

function findings(
  endpoint: string,
  baseline: number,
  candidate: number,
  headers: HeaderChange[] = [],
) {
  return findingsOf({
    endpoint,
    comparison: {
      status: { equal: baseline === candidate, baseline, candidate },
      headers,
      body: [],
    },
  });
}

/** The summaries of the rows the endpoints' transitions make: the cause each recurs as, or its own. */
function rows(answers: readonly (readonly [string, number, number])[]): string[] {
  const found = answers.flatMap(([endpoint, b, c]) => findings(endpoint, b, c));
  const recurring = recurringCauses(found);
  return [...new Set(found.map((f) => causeSummary(recurring.get(ownKey(f.cause)) ?? f.cause)))];
}

describe('a router answer to a method a route does not have', () => {
  it.each([
    [405, 404, true],
    [404, 405, true],
    [501, 404, true],
    [405, 501, true],
    [405, 400, false],
    [405, 200, false],
    [404, 410, false],
    [405, 405, false],
  ])('%i → %i: %s', (baseline, candidate, router) => {
    expect(answersUnroutedMethod(baseline, candidate)).toBe(router);
  });

  it.each([
    [['DELETE /rooms', 'PUT /bookings', 'PATCH /rooms'], 405, 404],
    [['POST /v2/parcels', 'DELETE /v2/depots/:id'], 404, 501],
  ])('recurs on %j whatever the method and path', (endpoints, b, c) => {
    const answers = endpoints.map((endpoint) => [endpoint, b, c] as const);
    expect(rows(answers)).toEqual([
      `status ${b} → ${c} for a method the route does not have, on several endpoints`,
    ]);
  });

  it('keeps rule 4 for a handler on the other side: 405 → 400 on two methods are two rows', () => {
    expect(
      rows([
        ['DELETE /rooms', 405, 400],
        ['PUT /bookings', 405, 400],
      ]),
    ).toEqual(['status 405 → 400 on DELETE /rooms', 'status 405 → 400 on PUT /bookings']);
    // Two handlers one side lacks on one path: two rows.
    expect(
      rows([
        ['POST /rooms/:id/hold', 200, 404],
        ['DELETE /rooms/:id/hold', 200, 404],
      ]),
    ).toHaveLength(2);
  });

  it('leaves an Allow only the 405 side sends to the status; Allow lists on one path are one row whatever the method', () => {
    const allow = (baseline?: string, candidate?: string): HeaderChange => ({
      name: 'allow',
      baseline,
      candidate,
    });
    for (const [b, c, header] of [
      [405, 404, allow('GET, HEAD', undefined)],
      [404, 405, allow(undefined, 'GET, PUT')],
      [405, 422, allow('GET', undefined)],
    ] as const) {
      const kinds = findings('DELETE /rooms', b, c, [header]).map((f) => f.cause.type);
      expect(kinds).toEqual(['status']);
    }
    // Sent by the side that answered 404: a header of its own.
    expect(
      findings('DELETE /rooms', 405, 404, [allow(undefined, 'GET')]).map((f) => f.cause.type),
    ).toEqual(['status', 'header']);
    // Both 405, other lists: one header cause for each method of the path.
    const lists = allow('GET, HEAD, OPTIONS', 'GET, HEAD');
    const [del, put] = ['DELETE /rooms', 'PUT /rooms'].map((endpoint) =>
      findingsOf({
        endpoint,
        comparison: {
          status: { equal: true, baseline: 405, candidate: 405 },
          headers: [lists],
          body: [],
        },
      }),
    );
    expect(del?.map((f) => f.fingerprint)).toEqual(put?.map((f) => f.fingerprint));
  });
});
