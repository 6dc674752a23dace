/**
 * A side's whole set of validation messages reworded one way, on error
 * answers both sides refused (rule 8, `core/compare/message-edits.ts`): one
 * row for the rewording, listing every case it shows in. Beside it at the
 * same place, two unrelated messages stay a row each, and a request the
 * candidate refused for another reason than the baseline stays its own row.
 * The field counts, not the place: a validator's messages under another
 * parent are the same set. Two fixtures with other members, routes,
 * statuses and message styles: an
 * Ajv-6-like validator against an Ajv-8-like one (`should` → `must`, a
 * prefix naming the part of the request), and a Joi-like one against a
 * Zod-like one (`"sku" is required` → `sku: Required`).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { rowsOfCase, shownCauses, whyCases, whyServer } from '../helpers/why-cases.js';

type Wording = readonly [query: string, baseline: string, candidate: string];

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly status: number;
  /** The error body with its message, for the request's `why`. */
  readonly body: (message: string, query: string) => unknown;
  /** The messages one edit rewords. */
  readonly reworded: readonly Wording[];
  /** Two messages worded each its own way at the same place. */
  readonly unrelated: readonly Wording[];
  /** A request the candidate refuses for another reason than the baseline. */
  readonly otherReason: Wording;
  /** Words the rewording's row names. */
  readonly edit: string;
}

const AJV: Fixture = {
  name: 'an Ajv-6-like validator against an Ajv-8-like one',
  route: '/catalogue',
  status: 400,
  // A body's problems sit one level deeper: the same field at another place.
  body: (message, query) =>
    query === 'isbn' || query === 'extra'
      ? { error: 'invalid', body: { problems: [{ where: 'body', message }] } }
      : { error: 'invalid', problems: [{ where: 'request', message }] },
  reworded: [
    ['size', 'should be <= 100', 'Request query parameter size must be <= 100'],
    ['title', 'should be string', 'Request body property title must be string'],
    [
      'isbn',
      "should have required property 'isbn'",
      "Request body must have required property 'isbn'",
    ],
    [
      'extra',
      'should NOT have additional properties',
      "Request body must NOT have additional properties; found 'shelf'",
    ],
  ],
  unrelated: [
    ['closed', 'catalogue closed for stocktaking', 'Service temporarily unavailable'],
    ['locked', 'record locked by another editor', 'Conflict with a concurrent change'],
  ],
  otherReason: ['page', 'should be integer', 'Request query parameter page must be >= 1'],
  edit: '`should` → `must`',
};

const JOI: Fixture = {
  name: 'a Joi-like validator against a Zod-like one',
  route: '/orders',
  status: 422,
  body: (message) => ({ detail: message }),
  reworded: [
    ['no-sku', '"sku" is required', 'sku: Required'],
    ['no-qty', '"qty" is required', 'qty: Required'],
    ['no-price', '"price" is required', 'price: Required'],
  ],
  unrelated: [
    ['coupon', '"coupon" is not allowed', "Unrecognized key(s) in object: 'coupon'"],
    ['currency', '"currency" must be one of [EUR, USD]', 'Invalid enum value. Expected EUR | USD'],
  ],
  otherReason: ['bad-qty', '"qty" is required', 'qty: Expected number, received string'],
  edit: '`is` dropped',
};

const all = (f: Fixture) => [...f.reworded, ...f.unrelated, f.otherReason];

function start(f: Fixture) {
  return (candidate: boolean) =>
    whyServer((why) => {
      const found = all(f).find(([query]) => query === why);
      return found === undefined
        ? undefined
        : [f.status, f.body(found[candidate ? 2 : 1], found[0])];
    });
}

const cases = (f: Fixture) =>
  whyCases(
    f.route,
    all(f).map(([query]) => query),
  );

describe('a set of messages reworded one way', () => {
  it.each([AJV, JOI])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const rowsOf = (query: string) => rowsOfCase(causes, query);
    // The rewording: one row, every case it shows in, the edit in its words.
    const [first] = f.reworded;
    const reworded = rowsOf(first?.[0] ?? '');
    expect(reworded, shown).toHaveLength(1);
    expect(reworded[0]?.caseIds).toEqual(f.reworded.map(([query]) => `s/${query}`));
    expect(reworded[0]?.summary).toContain('rewords its messages');
    expect(reworded[0]?.summary).toContain(f.edit);
    // Unrelated messages and another reason for refusing: a row each, of its case alone.
    for (const [query] of [...f.unrelated, f.otherReason]) {
      const rows = rowsOf(query);
      expect(rows, `${query}: ${shown}`).toHaveLength(1);
      expect(rows[0]?.caseIds).toEqual([`s/${query}`]);
    }
    expect(causes, shown).toHaveLength(1 + f.unrelated.length + 1);
  });
});
