/**
 * Issue 43, with real servers: `absent vs null` at several fields is one
 * encoder's convention only where the side that leaves the members out
 * writes them elsewhere (docs/tracker.md rule 5). (a) A serialiser that
 * leaves out members with no value, on two object kinds, writing them where
 * they have a value: one row. (b) The same beside two object kinds that each
 * gain one member, `null`, that the baseline writes nowhere though it writes
 * `null` elsewhere: each is a row of its own, not hidden in the
 * convention's. Two fixtures with other names.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Place {
  readonly path: string;
  /** The members of each object the baseline leaves out with no value, written elsewhere. */
  readonly optional: readonly string[];
}

interface Fixture {
  readonly name: string;
  /** Two object kinds, each a list whose first element has its optional members' values. */
  readonly convention: readonly [Place, Place];
  /** Two object kinds, each a list whose elements the candidate gives one new member, `null`. */
  readonly fresh: readonly [Place, Place];
  /** A member both sides write as `null` on those kinds: the baseline's encoder keeps nulls. */
  readonly kept: string;
}

const FIRST: Fixture = {
  name: 'people and teams; regions gain quota, plans gain retiredAt',
  convention: [
    { path: '/people', optional: ['nickname', 'avatar'] },
    { path: '/teams', optional: ['lead'] },
  ],
  fresh: [
    { path: '/regions', optional: ['quota'] },
    { path: '/plans', optional: ['retiredAt'] },
  ],
  kept: 'description',
};
const SECOND: Fixture = {
  name: 'orders and shipments; stores gain manager, coupons gain redeemedBy',
  convention: [
    { path: '/orders', optional: ['note', 'giftWrap'] },
    { path: '/shipments', optional: ['trackingCode'] },
  ],
  fresh: [
    { path: '/stores', optional: ['manager'] },
    { path: '/coupons', optional: ['redeemedBy'] },
  ],
  kept: 'comment',
};

/** A list of two objects: the first with a value at each optional member, the second without. */
function conventionList(place: Place, candidate: boolean): unknown[] {
  const valued = Object.fromEntries(place.optional.map((m) => [m, `${m}-1`]));
  const empty = candidate ? Object.fromEntries(place.optional.map((m) => [m, null])) : {};
  return [
    { id: 1, ...valued },
    { id: 2, ...empty },
  ];
}

/** A list of two objects the candidate gives one new member, `null` in each. */
function freshList(place: Place, kept: string, candidate: boolean): unknown[] {
  const gained = candidate ? Object.fromEntries(place.optional.map((m) => [m, null])) : {};
  return [
    { id: 1, name: 'one', [kept]: null, ...gained },
    { id: 2, name: 'two', [kept]: null, ...gained },
  ];
}

function server(f: Fixture, withFresh: boolean, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const conventional = f.convention.find((p) => p.path === req.url);
    if (conventional !== undefined) return json(res, 200, conventionList(conventional, candidate));
    const fresh = f.fresh.find((p) => p.path === req.url);
    if (withFresh && fresh !== undefined)
      return json(res, 200, freshList(fresh, f.kept, candidate));
    return json(res, 404, { error: 'not found' });
  });
}

const cases = (places: readonly Place[]) => `suite: s
cases:
${places.map((p, i) => `  - id: read-${i}\n    request: { method: GET, path: ${p.path} }\n`).join('')}`;

describe('absent vs null: a convention, and new members that are null', () => {
  it.each([FIRST, SECOND])('(a) a serialiser convention is one row: $name', async (f) => {
    const causes = await rootCausesOfServers(cases(f.convention), (side) => server(f, false, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(1);
    expect(summaries[0]).toMatch(/^absent vs null at /);
    for (const member of f.convention.flatMap((p) => p.optional)) {
      expect(summaries[0]).toContain(`\`${member}\``);
    }
  });

  it.each([FIRST, SECOND])('(b) new null members are not hidden in it: $name', async (f) => {
    const causes = await rootCausesOfServers(cases([...f.convention, ...f.fresh]), (side) =>
      server(f, true, side),
    );
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(3);
    const [convention] = summaries.filter((s) => s.includes(`\`${f.convention[0].optional[0]}\``));
    for (const member of f.convention.flatMap((p) => p.optional)) {
      expect(convention).toContain(`\`${member}\``);
    }
    for (const place of f.fresh) {
      const [member] = place.optional;
      const rows = summaries.filter((s) => s.includes(`${member}\``));
      expect(rows, member).toHaveLength(1);
      expect(rows[0]).not.toBe(convention);
    }
  });
});
