/**
 * Issue 43 rule 1, with real servers: a root cause is keyed by what changed,
 * not by where. Two REST resources whose records differ at one member of the
 * same name, each for a reason of its own (each resource's data), are two
 * rows, one per resource: a shared member path is no evidence of one change.
 * A transition that recurs at one field on both (a number written as a digit
 * string, a timestamp written with milliseconds) is one row across them. Two
 * fixtures with other resources, members and transitions.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Pair = readonly [baseline: unknown, candidate: unknown];

interface Fixture {
  readonly name: string;
  /** The two resources, each read at two ids (`/shelves/1`, `/shelves/2`). */
  readonly resources: readonly [string, string];
  /** The member both resources' records hold, whose data differ on each. */
  readonly member: string;
  /** Per resource, per id (1, 2): the data at `member`, no pair alike, no one amount or affix between them. */
  readonly data: Readonly<Record<string, readonly [Pair, Pair]>>;
  /** The member whose value both sides write the same way on every record but for one transition. */
  readonly written: string;
  /** Record `n`'s value at `written` as each side writes it. */
  readonly transition: (n: number) => Pair;
}

const COUNTS: Fixture = {
  name: 'counts of shelves and carts, quantities as digit strings',
  resources: ['shelves', 'carts'],
  member: 'count',
  data: {
    shelves: [
      [4, 6],
      [9, 15],
    ],
    carts: [
      [2, 1],
      [5, 3],
    ],
  },
  written: 'quantity',
  transition: (n) => [n * 10, String(n * 10)],
};

const NAMES: Fixture = {
  name: 'names of authors and venues, times with milliseconds',
  resources: ['authors', 'venues'],
  member: 'name',
  data: {
    authors: [
      ['Ada Lovelace', 'A. Lovelace'],
      ['Grace Hopper', 'G. Hopper'],
    ],
    venues: [
      ['Main Hall', 'Great Hall'],
      ['Reading Room', 'Side Room'],
    ],
  },
  written: 'updated',
  transition: (n) => [`2024-03-0${n}T10:00:00Z`, `2024-03-0${n}T10:00:00.000Z`],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const side = candidate ? 1 : 0;
  return startServer((req, res) => {
    const [, resource = '', id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const n = Number(id);
    const pair = f.data[resource]?.[n - 1];
    if (pair === undefined) return json(res, 404, { missing: true });
    return json(res, 200, {
      id: n,
      [f.member]: pair[side],
      [f.written]: f.transition(n)[side],
    });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.resources
  .flatMap((resource) =>
    [1, 2].map(
      (n) => `  - id: ${resource}-${n}\n    request: { method: GET, path: /${resource}/${n} }`,
    ),
  )
  .join('\n')}
`;

describe("each resource's data at one member is its own row; one transition is one row", () => {
  it.each([COUNTS, NAMES])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = JSON.stringify(causes.map((c) => [c.summary, c.endpoints, c.caseIds]));
    const ids = (c: (typeof causes)[number]) => [...c.caseIds].sort();
    const [first, second] = f.resources;
    const own = (resource: string) => [`s/${resource}-1`, `s/${resource}-2`];
    // The data at the shared member: one row per resource, on its own endpoint.
    const data = causes.filter((c) => c.summary.includes(`/${f.member}`));
    expect(data.map(ids).sort(), all).toEqual([own(second), own(first)].sort());
    for (const row of data) expect(row.endpoints, all).toHaveLength(1);
    // The transition at `written`: one row across both resources.
    const transition = causes.filter((c) => c.summary.includes(f.written));
    expect(transition, all).toHaveLength(1);
    expect(ids(transition[0] ?? causes[0]!), all).toEqual([...own(first), ...own(second)].sort());
    expect(causes, all).toHaveLength(3);
  });
});
