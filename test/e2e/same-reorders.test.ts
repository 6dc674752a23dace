/**
 * One record list under two names, reordered one way (grouping rule 37b,
 * docs/tracker.md): a create answers a record's list under one name, a read
 * under another whose last word is the same (`attributes`,
 * `accountAttributes`), and one side lists its elements in another order in
 * both. Where every answer shows the same elements (by their identity
 * member, three or more) in the same two orders, the two fields are one
 * row. Kept apart in the same run: two lists of one word whose orders
 * differ another way at each name (two rows), and a list of another word
 * reordered the same way (its own row). Two fixtures with other routes,
 * names, identities and moves.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

interface Fixture {
  readonly name: string;
  readonly create: string;
  readonly read: string;
  /** The record's member on a create; the read's list names start with it. */
  readonly record: string;
  /** The identity member of each listed element. */
  readonly id: string;
  /** One list under two names: `list` on the create, `record + List` on the read. */
  readonly list: string;
  readonly elements: readonly string[];
  /** The candidate's order, as indices of `elements`. */
  readonly order: readonly number[];
  /** Kept apart: a list of one word whose two names show two other orders. */
  readonly mixed: string;
  readonly mixedOrders: readonly [readonly number[], readonly number[]];
  /** Kept apart: a list of another word reordered as `list` is. */
  readonly lone: string;
}

const capital = (s: string) => `${s.slice(0, 1).toUpperCase()}${s.slice(1)}`;

const ACCOUNTS: Fixture = {
  name: 'accounts: attributes and accountAttributes, the first moved last',
  create: '/accounts',
  read: '/accounts/current',
  record: 'account',
  id: 'name',
  list: 'attributes',
  elements: ['sub', 'email', 'team'],
  order: [1, 2, 0],
  mixed: 'flags',
  mixedOrders: [
    [2, 1, 0],
    [1, 0, 2],
  ],
  lone: 'scopes',
};

const ITEMS: Fixture = {
  name: 'items: Properties and ItemProperties, two swapped',
  create: '/v1/items',
  read: '/v1/items/latest',
  record: 'Item',
  id: 'Key',
  list: 'Properties',
  elements: ['colour', 'size', 'weight', 'origin'],
  order: [0, 2, 1, 3],
  mixed: 'Options',
  mixedOrders: [
    [3, 2, 1, 0],
    [1, 0, 2, 3],
  ],
  lone: 'Badges',
};

const listOf = (f: Fixture, order: readonly number[]) =>
  order.map((i) => ({ [f.id]: f.elements[i], Value: `v${i}` }));

function start(f: Fixture) {
  return (candidate: boolean) => {
    const natural = f.elements.map((_, i) => i);
    const order = candidate ? f.order : natural;
    const mixed = (n: 0 | 1) => listOf(f, candidate ? f.mixedOrders[n] : natural);
    const named = (list: string) =>
      f.record === f.record.toLowerCase() ? `${f.record}${capital(list)}` : `${f.record}${list}`;
    return startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === f.create) {
        const record = { [f.list]: listOf(f, order), [f.mixed]: mixed(0), state: 'on' };
        return json(res, 200, { [f.record]: record });
      }
      if (req.method === 'GET' && url.pathname === f.read) {
        return json(res, 200, {
          [named(f.list)]: listOf(f, order),
          [named(f.mixed)]: mixed(1),
          [f.lone]: listOf(f, order),
        });
      }
      return json(res, 404, { error: 'not found' });
    });
  };
}

const cases = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: create
    request: { method: POST, path: ${f.create}, json: { state: on } }
  - id: read
    request: { method: GET, path: ${f.read} }
  - id: read-again
    request: { method: GET, path: ${f.read}, query: { again: "1" } }
`;

describe('one list under two names, reordered one way', () => {
  it.each([ACCOUNTS, ITEMS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const orders = causes.filter((c) => c.summary.startsWith('array order'));
    // One row for the list under both names, listing every answer.
    const joined = orders.filter((c) => c.summary.includes('the same elements moved the same way'));
    expect(joined, shown).toHaveLength(1);
    expect(joined[0]?.summary, shown).toContain(`\`${f.list}\``);
    expect(joined[0]?.caseIds, shown).toEqual(['s/create', 's/read', 's/read-again']);
    // Kept apart: one word, two other orders (two rows); another word (its own row).
    expect(orders, shown).toHaveLength(4);
    const lone = orders.filter((c) => c.summary === `array order at \`${f.lone}\``);
    expect(lone, shown).toHaveLength(1);
    expect(causes, shown).toHaveLength(4);
  });
});
