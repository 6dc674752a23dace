/**
 * A route one side answers whole with one page (`core/compare/refusal-gates.ts`):
 * every read of it answered `200` with the same body (an in-browser IDE, an
 * app's shell), whatever the request asks, where the other side answers each
 * request for itself (the query's data, a refusal: two statuses or more). One
 * row (``candidate answers every GET / request with 200 (`…`)``), not a
 * body-kind row and a status row. Kept apart: a request where the other side
 * serves a page too (a page against a page: how they differ is its own row),
 * and writes a side answers alike (`200` to every `PUT` is a write's outcome,
 * not a page). Two fixtures with other routes, pages and sides.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly route: string;
  /** The side that answers every read of the route with its page, and the page's title. */
  readonly paging: 'baseline' | 'candidate';
  readonly title: string;
  /** Requests of the route (query strings) and what the other side answers to each. */
  readonly reads: readonly {
    readonly id: string;
    readonly query: Record<string, string>;
    readonly status: number;
    readonly body: unknown;
  }[];
}

const IDE: Fixture = {
  name: 'a GraphQL IDE page for every GET',
  route: '/',
  paging: 'candidate',
  title: 'GraphiQL',
  reads: [
    {
      id: 'query',
      query: { query: '{ users { id } }' },
      status: 200,
      body: { data: { users: [] } },
    },
    {
      id: 'mutation',
      query: { query: 'mutation { drop }' },
      status: 405,
      body: { errors: [{ message: 'Can only perform a mutation operation from a POST request.' }] },
    },
  ],
};
const SHELL: Fixture = {
  name: "a shop's app shell for every search",
  route: '/search',
  paging: 'baseline',
  title: 'Lamp Shop',
  reads: [
    { id: 'found', query: { q: 'lamp' }, status: 200, body: [{ sku: 'L-1', name: 'desk lamp' }] },
    { id: 'empty', query: { q: '' }, status: 400, body: { detail: 'q must not be empty' } },
    {
      id: 'page',
      query: { q: 'lamp', page: '-1' },
      status: 422,
      body: { detail: 'page must be 1 or more' },
    },
  ],
};

/** The page the paging side serves, and another the other side serves to a browser. */
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><div id="app"></div></body></html>`;

function start(f: Fixture) {
  return (candidate: boolean) => {
    const paging = (f.paging === 'candidate') === candidate;
    return startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'PUT') {
        // Writes: one side answers 200 to each, the other 204 or 423.
        if (candidate) return json(res, 200, { ok: true });
        res.writeHead(url.searchParams.has('locked') ? 423 : 204);
        res.end();
        return;
      }
      const html = (req.headers.accept ?? '').includes('text/html');
      if (paging || html) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page(paging ? f.title : `${f.title} (classic)`));
        return;
      }
      const read = f.reads.find(
        (one) =>
          Object.entries(one.query).every(([k, v]) => url.searchParams.get(k) === v) &&
          [...url.searchParams.keys()].length === Object.keys(one.query).length,
      );
      if (read === undefined) return json(res, 404, { error: 'no such read' });
      return json(res, read.status, read.body);
    });
  };
}

const cases = (f: Fixture) => `suite: s
cases:
${f.reads.map((one) => `  - id: ${one.id}\n    request: { method: GET, path: ${f.route}, query: ${JSON.stringify(one.query)} }`).join('\n')}
  - id: browser
    request: { method: GET, path: ${f.route}, headers: { accept: text/html } }
  - id: write
    request: { method: PUT, path: /doc.txt, text: hello }
  - id: write-locked
    request: { method: PUT, path: /doc.txt, query: { locked: "1" }, text: hello }
`;

describe('a route one side answers whole with one page', () => {
  it.each([IDE, SHELL])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const all = JSON.stringify(causes.map((c) => c.summary));
    const gate = causes.filter((c) =>
      c.summary.startsWith(`${f.paging} answers every GET ${f.route} request with 200`),
    );
    expect(gate, all).toHaveLength(1);
    expect(gate[0]?.summary).toContain(`(\`${f.title}\`)`);
    expect([...(gate[0]?.caseIds ?? [])].sort()).toEqual(
      f.reads.map((one) => `s/${one.id}`).sort(),
    );
    // A page against a page is its own row; each write's transition too.
    const browser = causes.filter((c) => c.caseIds?.includes('s/browser'));
    expect(browser, all).toHaveLength(1);
    expect(browser[0]).not.toBe(gate[0]);
    expect(
      causes.filter((c) => c.caseIds?.includes('s/write')),
      all,
    ).toHaveLength(1);
    expect(
      causes.filter((c) => c.caseIds?.includes('s/write-locked')),
      all,
    ).toHaveLength(1);
    expect(
      causes.some((c) => c.summary.includes('answers every PUT')),
      all,
    ).toBe(false);
  });
});
