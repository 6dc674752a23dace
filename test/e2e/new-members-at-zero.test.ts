/**
 * Members a new major adds, each at its initial value: a settings document
 * that gains `telemetryEnabled: false`, a module's description that gains
 * `plugins: []`. Two features, on two endpoints: two rows (each object's
 * zero-valued members, each field's `[] vs absent`), never one row that
 * says "baseline leaves members at their zero value out", which claims one
 * encoder's habit: the run identifies no encoder that leaves defaults out
 * here (`core/compare/omitted-defaults.ts`; that row needs the protobuf JSON
 * mapping, `counter-offsets-defaults.test.ts`). But one member of one
 * kind of object, lacking at its zero value wherever that object sits (an
 * address's `args: false` under `from` and under each element of `to`, on
 * every endpoint that lists it), is one row. Two fixtures with other names
 * and shapes, each.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** One endpoint and the zero-valued member the candidate adds there. */
  readonly settings: string;
  readonly flag: string;
  readonly flagValue: unknown;
  /** Another endpoint and the empty list the candidate adds there. */
  readonly module: string;
  readonly list: string;
}

const NODES: Fixture = {
  name: 'settings gain a flag, a module gains its plugins',
  settings: '/settings',
  flag: 'telemetryEnabled',
  flagValue: false,
  module: '/nodes/core',
  list: 'plugins',
};
const SHOP: Fixture = {
  name: 'a shop gains a counter, a product gains its bundles',
  settings: '/shop',
  flag: 'pendingOrders',
  flagValue: 0,
  module: '/products/lamp',
  list: 'bundles',
};

function start(f: Fixture) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const added = (name: string, value: unknown) => (candidate ? { [name]: value } : {});
      if (path === f.settings) {
        return json(res, 200, { title: 'main', open: true, ...added(f.flag, f.flagValue) });
      }
      if (path === f.module) {
        return json(res, 200, {
          name: 'core',
          parts: [{ id: 'a' }, { id: 'b' }],
          ...added(f.list, []),
        });
      }
      return json(res, 404, { error: 'not found' });
    });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: settings
    request: { method: GET, path: ${f.settings} }
  - id: module
    request: { method: GET, path: ${f.module} }
`;

describe('members a new major adds at their initial value, on two endpoints', () => {
  it.each([NODES, SHOP])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const all = JSON.stringify(causes.map((c) => c.summary));
    expect(causes, all).toHaveLength(2);
    expect(all).not.toContain('leaves members at their zero value out');
    const of = (id: string) => causes.filter((c) => c.caseIds?.includes(id));
    expect(of('s/settings'), all).toHaveLength(1);
    expect(of('s/module'), all).toHaveLength(1);
    expect(of('s/module')[0]?.summary).toContain(`\`${f.list}\``);
  });
});

interface Nested {
  readonly name: string;
  readonly route: string;
  readonly one: string;
  readonly many: string;
  readonly member: string;
  readonly zero: unknown;
}

const ADDRESSES: Nested = {
  name: "an address's args, under from and each to",
  route: '/messages',
  one: 'from',
  many: 'to',
  member: 'args',
  zero: false,
};
const PARTIES: Nested = {
  name: "a party's rating, under buyer and each seller",
  route: '/orders',
  one: 'buyer',
  many: 'sellers',
  member: 'rating',
  zero: 0,
};

function nested(f: Nested) {
  return (candidate: boolean) =>
    startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const party = (name: string) => ({ name, ...(candidate ? {} : { [f.member]: f.zero }) });
      const record = (n: number) => ({
        id: n,
        envelope: { [f.one]: party(`a${n}`), [f.many]: [party(`b${n}`), party(`c${n}`)] },
      });
      if (url.pathname === f.route) return json(res, 200, [record(1), record(2)]);
      if (url.pathname.startsWith(`${f.route}/`)) return json(res, 200, record(1));
      return json(res, 404, { error: 'not found' });
    });
}

const nestedCases = (f: Nested) => `suite: s
cases:
  - id: list
    request: { method: GET, path: ${f.route} }
  - id: list-page
    request: { method: GET, path: ${f.route}, query: { skip: "1" } }
  - id: one
    request: { method: GET, path: ${f.route}/1 }
`;

describe('one member of one kind of object, lacking at its zero value wherever the object sits', () => {
  it.each([ADDRESSES, PARTIES])('$name', async (f) => {
    const causes = await rootCausesOfServers(nestedCases(f), nested(f));
    const all = JSON.stringify(causes.map((c) => c.summary));
    expect(causes, all).toHaveLength(1);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(['s/list', 's/list-page', 's/one']);
  });
});
