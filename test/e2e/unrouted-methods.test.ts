/**
 * Issue 43 rule 1, tracker rule 36, with real servers: how each router
 * answers a method a route does not have is one decision. One side answers
 * `405 Method Not Allowed` (with `Allow`) where the other's router answers
 * `404` on several methods and paths: one row listing each, the `Allow` only
 * the `405` side sends part of it. A framework's `404` page that names the
 * request's method beside its path (Express's `Cannot DELETE /x`, Rails'
 * `No route matches [DELETE] "/x"`) is one page whatever the method: one
 * row. Kept apart: a success against a `404` on two methods of one path (two
 * handlers one side lacks) and a `405` against a handler's own refusal
 * (`422`) on a path the row lists. Two fixtures with other frameworks,
 * sides, routes and members; a tracker written before keeps no open row per
 * method beside the joined one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** What a framework answers where the app has no handler: a path it routes for other methods (`allowed`), or none. */
type Router = (
  method: string,
  path: string,
  allowed: readonly string[] | undefined,
) => { status: number; type: string; body: string; allow?: string };

const html = 'text/html; charset=utf-8';

/** Werkzeug (Flask): a `405` page with `Allow` on a routed path, its `404` page elsewhere. */
const werkzeug: Router = (_method, _path, allowed) =>
  allowed === undefined
    ? {
        status: 404,
        type: html,
        body: '<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n',
      }
    : {
        status: 405,
        type: html,
        body: '<!doctype html>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n',
        allow: [...allowed, 'HEAD', 'OPTIONS'].join(', '),
      };

/** Express's finalhandler: `404 Cannot METHOD /path` whatever it routes. */
const express: Router = (method, path) => ({
  status: 404,
  type: html,
  body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`,
});

/** Rails: `404` and its routing-error page, naming the method, whatever it routes. */
const rails: Router = (method, path) => ({
  status: 404,
  type: html,
  body: `<html><body>\n<h1>Routing Error</h1>\n<p>No route matches [${method}] "${path}"</p>\n</body></html>\n`,
});

/** Go 1.22's ServeMux: `405` with `Allow` on a routed path, `404 page not found` elsewhere. */
const serveMux: Router = (_method, _path, allowed) =>
  allowed === undefined
    ? { status: 404, type: 'text/plain; charset=utf-8', body: '404 page not found\n' }
    : {
        status: 405,
        type: 'text/plain; charset=utf-8',
        body: 'Method Not Allowed\n',
        allow: allowed.join(', '),
      };

type Id = 'wrong1' | 'wrong2' | 'wrong3' | 'lost1' | 'lost2' | 'held1' | 'held2' | 'refused';

interface Fixture {
  readonly name: string;
  readonly routers: { readonly baseline: Router; readonly candidate: Router };
  /** Path → method → the app's own answer (both sides', but where `missing` says otherwise). */
  readonly app: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `side method path`: a handler one side does not have (its router answers instead). */
  readonly missing: ReadonlySet<string>;
  /** `side method path` → a handler's own refusal on that side (`422 {…}`). */
  readonly refuses: Readonly<Record<string, unknown>>;
  /** Each case's method and path. */
  readonly cases: Readonly<Record<Id, readonly [string, string]>>;
}

/** Flask vs its Express port: methods a route lacks on rooms and bookings; each framework's 404 page. */
const FIRST: Fixture = {
  name: 'Werkzeug answers 405, Express 404 (Cannot METHOD /path)',
  routers: { baseline: werkzeug, candidate: express },
  app: {
    '/rooms': { GET: [{ name: 'atlas' }] },
    '/bookings': { GET: [], POST: { id: 1 } },
    '/rooms/atlas/hold': { POST: { held: true }, DELETE: { held: false } },
    '/rooms/atlas': { GET: { name: 'atlas' } },
  },
  missing: new Set(['candidate POST /rooms/atlas/hold', 'candidate DELETE /rooms/atlas/hold']),
  refuses: { 'candidate PATCH /rooms/atlas': { error: 'rooms are read-only' } },
  cases: {
    wrong1: ['DELETE', '/rooms'],
    wrong2: ['PUT', '/bookings'],
    wrong3: ['PATCH', '/rooms'],
    lost1: ['GET', '/meetings'],
    lost2: ['DELETE', '/meetings'],
    held1: ['POST', '/rooms/atlas/hold'],
    held2: ['DELETE', '/rooms/atlas/hold'],
    refused: ['PATCH', '/rooms/atlas'],
  },
};

/** A Rails service vs its Go rewrite: the other way round, on parcels and depots. */
const SECOND: Fixture = {
  name: 'Rails answers 404 (No route matches [METHOD]), Go 405',
  routers: { baseline: rails, candidate: serveMux },
  app: {
    '/v2/parcels': { GET: { parcels: [] }, POST: { parcel: 'p-1' } },
    '/v2/depots/north': { GET: { depot: 'north' }, PUT: { depot: 'north' } },
    '/v2/depots/north/seal': { PUT: { sealed: true }, POST: { sealed: true } },
  },
  missing: new Set(['baseline PUT /v2/depots/north/seal', 'baseline POST /v2/depots/north/seal']),
  refuses: {
    'baseline DELETE /v2/depots/north': { code: 'Unprocessable', detail: 'depot in use' },
  },
  cases: {
    wrong1: ['DELETE', '/v2/parcels'],
    wrong2: ['PATCH', '/v2/depots/north'],
    wrong3: ['PUT', '/v2/parcels'],
    lost1: ['POST', '/v2/warehouses'],
    lost2: ['GET', '/v2/warehouses'],
    held1: ['PUT', '/v2/depots/north/seal'],
    held2: ['POST', '/v2/depots/north/seal'],
    refused: ['DELETE', '/v2/depots/north'],
  },
};

function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  return startServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const own = `${side} ${method} ${path}`;
    const refusal = f.refuses[own];
    if (refusal !== undefined) {
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify(refusal));
      return;
    }
    const routes = f.app[path];
    const answer = routes?.[method];
    if (answer !== undefined && !f.missing.has(own)) {
      res.writeHead(method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    const handled = Object.keys(routes ?? {}).filter((m) => !f.missing.has(`${side} ${m} ${path}`));
    const page = f.routers[side](method, path, handled.length === 0 ? undefined : handled);
    res.writeHead(page.status, {
      'content-type': page.type,
      ...(page.allow === undefined ? {} : { allow: page.allow }),
    });
    res.end(page.body);
  });
}

const IDS: readonly Id[] = [
  'wrong1',
  'wrong2',
  'wrong3',
  'lost1',
  'lost2',
  'held1',
  'held2',
  'refused',
];

function cases(f: Fixture, ids: readonly Id[] = IDS): string {
  const each = ids.map((id) => {
    const [method, path] = f.cases[id];
    return `  - id: ${id}\n    request: { method: ${method}, path: ${path} }`;
  });
  return `suite: s\ndefaults:\n  rules: { headers: [allow] }\ncases:\n${each.join('\n')}\n`;
}

describe("a router's answer to a method a route does not have is one row", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, ['wrong1']) });
    // A first run of one method on one path: its endpoint's row, as before rule 36.
    const first = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const [method, path] = f.cases.wrong1;
    const { causes, all, after, id } = await decidedRerun(
      cwd,
      ['run', ...sidesOf(baseline, candidate)],
      {
        row: /^\| (PAR-\d+) \| _open_ \| status \| .*\| \|$/m,
        decision: 'our router answers 405',
        library: { 'cases/s.yaml': cases(f) },
      },
    );
    // Rails' HTML pages against Go's plain text are a `content-type` row of their own.
    const holding = (one: Id) =>
      causes.filter((c) => c.caseIds.includes(`s/${one}`) && !c.summary.includes('`content-type`'));
    // The three methods on two paths: one row, and no header row of the `Allow` only one side sends.
    const [router] = holding('wrong1');
    expect([...(router?.caseIds ?? [])].sort(), all).toEqual(['s/wrong1', 's/wrong2', 's/wrong3']);
    expect(router?.summary, all).toContain('for a method the route does not have');
    expect(holding('wrong2'), all).toHaveLength(1);
    expect(
      causes.some((c) => c.summary.includes('`allow`')),
      all,
    ).toBe(false);
    // Each framework's not-found page, for two methods: one row.
    const [pages] = holding('lost1');
    expect([...(pages?.caseIds ?? [])].sort(), all).toEqual(['s/lost1', 's/lost2']);
    // Kept apart: two handlers one side lacks (a success against a 404), and a handler's own refusal.
    expect(
      holding('held1').map((c) => c.caseIds),
      all,
    ).toEqual([['s/held1']]);
    expect(
      holding('held2').map((c) => c.caseIds),
      all,
    ).toEqual([['s/held2']]);
    expect(
      holding('refused').map((c) => c.caseIds),
      all,
    ).toEqual([['s/refused']]);
    // The first run's rows (one per method) are superseded, their Decision carried.
    const first405 = after.split('\n').find((l) => l.startsWith(`| ${id} |`));
    expect(first405, after).toMatch(
      /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| our router answers 405 \|$/,
    );
    // No open row of the first run's key (the transition on its endpoint alone).
    const own = `${method} ${path} |`;
    expect(
      after.split('\n').filter((l) => l.includes('| _open_ | status |') && l.includes(own)),
      after,
    ).toEqual([]);
  });
});
