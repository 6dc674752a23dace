/**
 * Issue 43, rule 1, with real servers: one object kind is one place at any
 * depth. The same object (the same member names on the side that writes it
 * whole, or its name with members among the other's) sits at the body's top
 * of some answers, one level down in others and in a list's records; the
 * member one side lacks (or adds) there is one row listing every endpoint.
 * Two fixtures with other names, other sides and the two kinds of evidence;
 * and the kept-apart case: two objects of one name that share a member and
 * nothing else stay two rows.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** Per path, the answer each side writes. */
  readonly answer: (path: string, candidate: boolean) => Record<string, unknown>;
  readonly paths: readonly string[];
  /** The summary's start of the one row, and the member names it lists. */
  readonly row: string;
  readonly members: readonly string[];
}

const CLUSTER = { cluster: '71', member: '9', term: '2' };

/** A response header every answer carries: at the top, under `result`, in a list's records. */
const HEADER: Fixture = {
  name: 'a response header at the top, under another member and in records (same name and members)',
  answer: (path, candidate) => {
    const header = (revision: string) => (candidate ? { revision } : { ...CLUSTER, revision });
    if (path === '/v/keep') return { result: { header: header('4'), ttl: '30' } };
    if (path === '/v/batch')
      return {
        items: [
          { header: header('5'), ok: true },
          { header: header('6'), ok: true },
        ],
      };
    return { header: header('3'), count: path.length };
  },
  paths: ['/v/a', '/v/b', '/v/keep', '/v/batch'],
  row: 'candidate lacks `/header/cluster`',
  members: ['cluster', 'member', 'term'],
};

/** A customer, written at two places under two names, that the candidate gives one more member. */
const CUSTOMER: Fixture = {
  name: 'a customer under other names and depths (same member names)',
  answer: (path, candidate) => {
    const customer = (id: number) => ({
      id,
      label: `c${id}`,
      email: `c${id}@x`,
      ...(candidate ? { loyaltyTier: 'gold' } : {}),
    });
    if (path === '/shop/orders/7') return { id: 7, buyer: customer(1), total: 3 };
    if (path === '/shop/invoices/9') return { id: 9, billing: { party: customer(2), due: 'now' } };
    return { placed: [{ id: 8, buyer: customer(3) }] };
  },
  paths: ['/shop/orders/7', '/shop/invoices/9', '/shop/history'],
  row: 'candidate adds `/',
  members: ['loyaltyTier'],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    json(res, 200, f.answer(path, candidate));
  });
}

function casesOf(paths: readonly string[]): string {
  const cases = paths.map(
    (path, i) => `  - id: c${i}\n    request: { method: GET, path: ${path} }`,
  );
  return `suite: s\ncases:\n${cases.join('\n')}\n`;
}

describe('one object kind is one row at any depth', () => {
  it.each([HEADER, CUSTOMER])('$name', async (f) => {
    const causes = await rootCausesOfServers(casesOf(f.paths), (candidate) => server(f, candidate));
    const summaries = causes.map((c) => c.summary);
    const rows = causes.filter((c) => f.members.some((m) => c.summary.includes(`/${m}\``)));
    expect(rows, summaries.join('\n')).toHaveLength(1);
    const [row] = rows;
    expect(row?.summary.startsWith(f.row), row?.summary).toBe(true);
    for (const member of f.members) expect(row?.summary).toContain(`/${member}\``);
    // Every case, whatever the depth of the object in it.
    expect(row?.caseIds).toEqual(f.paths.map((_, i) => `s/c${i}`));
  });
});

/**
 * Two objects named `header` (and two named `owner`) that share one member
 * and nothing else: the member each lacks is two rows, as two objects that
 * happen to share a name are two questions.
 */
describe.each([
  {
    name: 'two headers that share one member',
    shared: 'cluster',
    first: { cluster: '71', member: '9', revision: '3' },
    second: { cluster: '71', shard: 'eu', zone: 'b' },
    object: 'header',
  },
  {
    name: 'two owners that share one member',
    shared: 'handle',
    first: { handle: 'ada', givenName: 'Ada', familyName: 'L' },
    second: { handle: 'ops', teamSize: 4, channel: '#ops' },
    object: 'owner',
  },
])('kept apart: $name', ({ shared, first, second, object }) => {
  it('is two rows', async () => {
    const slim = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => k !== shared));
    const causes = await rootCausesOfServers(
      casesOf(['/k/one', '/k/two', '/k/three', '/k/four']),
      (candidate) =>
        startServer((req, res) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          const a = candidate ? slim(first) : first;
          const b = candidate ? slim(second) : second;
          // The first kind at the top's member, the second one level down, each on two endpoints.
          if (path === '/k/one' || path === '/k/two') return json(res, 200, { [object]: a });
          return json(res, 200, { result: { [object]: b, n: 1 } });
        }),
    );
    const rows = causes.filter((c) => c.summary.includes(`/${shared}\``));
    expect(rows.map((c) => c.summary)).toHaveLength(2);
    expect(rows.map((c) => c.caseIds)).toEqual(
      expect.arrayContaining([
        ['s/c0', 's/c1'],
        ['s/c2', 's/c3'],
      ]),
    );
  });
});

/**
 * The same name with members among the other's: one side leaves a member
 * out at one place (an encoder that omits a zero), so the two objects' member
 * names are not the same set, yet the object is one kind.
 */
describe.each([
  {
    name: 'a status that omits a member one level down',
    object: 'status',
    whole: { code: 'ok', region: 'eu', zone: 'b', build: '7' },
    lacking: ['region', 'zone'],
    omitted: 'build',
  },
  {
    name: 'a quota that omits a member one level down',
    object: 'quota',
    whole: { used: 3, limit: 10, window: 'day', burst: 2 },
    lacking: ['limit', 'window'],
    omitted: 'burst',
  },
])('one kind by name and members: $name', ({ object, whole, lacking, omitted }) => {
  it('is one row at both depths', async () => {
    const kept = Object.keys(whole).filter((k) => !lacking.includes(k) && k !== omitted);
    const pick = (names: readonly string[]) =>
      Object.fromEntries(Object.entries(whole).filter(([k]) => names.includes(k)));
    const causes = await rootCausesOfServers(
      casesOf(['/q/one', '/q/two', '/q/three', '/q/four']),
      (candidate) =>
        startServer((req, res) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          if (candidate) {
            const slim = pick(kept);
            if (path === '/q/one' || path === '/q/two') return json(res, 200, { [object]: slim });
            return json(res, 200, { result: { [object]: slim, n: 1 } });
          }
          if (path === '/q/one' || path === '/q/two') return json(res, 200, { [object]: whole });
          const down = pick(Object.keys(whole).filter((k) => k !== omitted));
          return json(res, 200, { result: { [object]: down, n: 1 } });
        }),
    );
    const summaries = causes.map((c) => c.summary);
    const rows = causes.filter((c) => lacking.some((m) => c.summary.includes(`/${m}\``)));
    expect(rows, summaries.join('\n')).toHaveLength(1);
    expect(rows[0]?.caseIds).toEqual(['s/c0', 's/c1', 's/c2', 's/c3']);
  });
});
