/**
 * A URL is two values (docs/tracker.md rule 25), with real servers: the
 * baseline writes every link under a fixed base URL (its default address,
 * not the one it answers on), the candidate under its own address; on one
 * endpoint the candidate also links to another path. Two rows: the base on
 * every answer, the path on that endpoint; never one row hiding the second.
 * Two fixtures with other members and paths.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly member: string;
  readonly base: string;
  /** The base's path, which the candidate writes after its own address too. */
  readonly prefix: string;
  readonly routes: readonly [string, string, string];
  /** What the candidate links to on the third route (the baseline links to the route itself). */
  readonly moved: string;
}

const FIRST: Fixture = {
  name: 'metadata links',
  member: 'odata.metadata',
  base: 'http://127.0.0.1:10002/acct',
  prefix: '/acct',
  routes: ['/Tables', '/customers/1', '/customers'],
  moved: '/Tables/@Element',
};
const SECOND: Fixture = {
  name: 'self links',
  member: 'self',
  base: 'https://api.example.com/v2',
  prefix: '/v2',
  routes: ['/orders', '/orders/7', '/orders/7/items'],
  moved: '/items?order=7',
};

const own = (req: IncomingMessage, f: Fixture) => `http://${req.headers.host}${f.prefix}`;

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = req.url ?? '/';
    const target = candidate && path === f.routes[2] ? f.moved : path;
    const link = candidate ? `${own(req, f)}${target}` : `${f.base}${path}`;
    return json(res, 200, { [f.member]: link, ok: true });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.routes.map((path, i) => `  - id: c${i}\n    request: { method: GET, path: ${path} }`).join('\n')}
`;

describe('a URL with another origin and, once, another path', () => {
  it.each([FIRST, SECOND])('$name: two rows', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    const base = causes.find((c) => c.summary.includes('{{origin}}/…'));
    expect(base?.caseIds).toEqual(['s/c0', 's/c1', 's/c2']);
    const path = causes.find((c) => c !== base);
    expect(path?.caseIds).toEqual(['s/c2']);
  });
});
