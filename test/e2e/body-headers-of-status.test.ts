/**
 * Issue 43, tracker rule 41, with real servers: a header that describes the
 * body (`content-type`, `content-length`) whose difference shows only on
 * answers whose statuses differ, their bodies the status's (rules 6, 10) or
 * absent (a `HEAD`), is part of the status row, never a header row of its
 * own. A router's `405` with no body and no `content-type` against another's
 * `404` page (rule 36), and a `400` against a `422` on one endpoint (rule 4),
 * each one row. Kept apart: the same header difference also on a `200`
 * answer both sides give: then it is its own row, beside the status rows
 * that share its answers, and a tracker's header row is superseded, not
 * resolved, once the `200` answer is gone. Two fixtures with other routes,
 * frameworks, media types and sides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** One side's answer: its status, headers and body. */
interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

type Id = 'wrong1' | 'wrong2' | 'wrong3' | 'head' | 'refused' | 'labelled';

interface Fixture {
  readonly name: string;
  /** Path → methods each side routes. */
  readonly routes: Readonly<Record<string, readonly string[]>>;
  /** Each side's router: what it answers a method a route lacks. */
  readonly routers: Readonly<Record<'baseline' | 'candidate', (m: string, p: string) => Answer>>;
  /** Each side's own refusal of the `refused` case (a handler's check). */
  readonly refusals: Readonly<Record<'baseline' | 'candidate', Answer>>;
  /** Each side's `200` on the `labelled` case: the same header difference on equal statuses. */
  readonly labelled: Readonly<Record<'baseline' | 'candidate', Answer>>;
  /** The header allow-list of the case file. */
  readonly headers: readonly string[];
  readonly cases: Readonly<Record<Id, readonly [string, string]>>;
  /** The header row's summary where it stays a row of its own. */
  readonly headerRow: string;
}

const html = 'text/html; charset=utf-8';

/** Werkzeug (Flask) with an empty 405 vs Express's `Cannot METHOD /path` page. */
const FIRST: Fixture = {
  name: 'a 405 without body or content-type vs an Express 404 page',
  routes: { '/rooms': ['GET'], '/bookings': ['POST'], '/rooms/export': ['GET'] },
  routers: {
    baseline: () => ({ status: 405, headers: { allow: 'GET, OPTIONS' }, body: '' }),
    candidate: (m, p) => ({
      status: 404,
      headers: { 'content-type': html },
      body: `<!DOCTYPE html>\n<html lang="en">\n<body>\n<pre>Cannot ${m} ${p}</pre>\n</body>\n</html>\n`,
    }),
  },
  refusals: {
    baseline: { status: 400, headers: { 'content-type': 'text/plain' }, body: 'bad dates\n' },
    candidate: { status: 422, headers: { 'content-type': html }, body: '<p>dates overlap</p>\n' },
  },
  labelled: {
    baseline: { status: 200, headers: {}, body: 'atlas,4\n' },
    candidate: { status: 200, headers: { 'content-type': html }, body: 'atlas,4\n' },
  },
  headers: ['content-type'],
  cases: {
    wrong1: ['DELETE', '/rooms'],
    wrong2: ['PUT', '/bookings'],
    wrong3: ['PATCH', '/rooms'],
    head: ['HEAD', '/bookings'],
    refused: ['POST', '/bookings'],
    labelled: ['GET', '/rooms/export'],
  },
  headerRow: 'header `content-type` missing in baseline where the candidate sends `text/html`',
};

/** Go's ServeMux (`405` in text/plain) vs a JSON 404 error, lengths compared too. */
const SECOND: Fixture = {
  name: 'a ServeMux 405 in text/plain vs a JSON 404 error',
  routes: { '/v1/orders': ['POST'], '/v1/items': ['GET'], '/v1/items/count': ['GET'] },
  routers: {
    baseline: (m, p) => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'not_found', detail: `no route for ${m} ${p}` }),
    }),
    candidate: () => ({
      status: 405,
      headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' },
      body: 'Method Not Allowed\n',
    }),
  },
  refusals: {
    baseline: {
      status: 409,
      headers: { 'content-type': 'application/json' },
      body: '{"error":"order exists"}',
    },
    candidate: {
      status: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: '["order exists"]',
    },
  },
  labelled: {
    baseline: { status: 200, headers: { 'content-type': 'application/json' }, body: '7' },
    candidate: { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '7' },
  },
  headers: ['content-type', 'content-length', 'allow'],
  cases: {
    wrong1: ['PUT', '/v1/items'],
    wrong2: ['PATCH', '/v1/items'],
    wrong3: ['DELETE', '/v1/orders'],
    head: ['HEAD', '/v1/orders'],
    refused: ['POST', '/v1/orders'],
    labelled: ['GET', '/v1/items/count'],
  },
  headerRow: 'header `content-type` differs: `application/json` vs `text/plain`',
};

function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  return startServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const routed = f.routes[path]?.includes(method) === true;
    const answer =
      routed && path === f.cases.refused[1] && method === f.cases.refused[0]
        ? f.refusals[side]
        : routed && path === f.cases.labelled[1]
          ? f.labelled[side]
          : routed
            ? { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' }
            : f.routers[side](method, path);
    res.writeHead(answer.status, {
      ...answer.headers,
      'content-length': String(Buffer.byteLength(answer.body)),
    });
    res.end(method === 'HEAD' ? undefined : answer.body);
  });
}

const ALL: readonly Id[] = ['wrong1', 'wrong2', 'wrong3', 'head', 'refused', 'labelled'];

function cases(f: Fixture, ids: readonly Id[]): string {
  const each = ids.map((id) => {
    const [method, path] = f.cases[id];
    return `  - id: ${id}\n    request: { method: ${method}, path: ${path} }`;
  });
  const headers = f.headers.join(', ');
  return `suite: s\ndefaults:\n  rules: { headers: [${headers}] }\ncases:\n${each.join('\n')}\n`;
}

describe('a header that describes the body follows the status', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function pair(f: Fixture) {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    return sidesOf(baseline, candidate);
  }

  it.each([FIRST, SECOND])('$name: the status rows alone', async (f) => {
    const sides = await pair(f);
    const ids = ALL.filter((id) => id !== 'labelled');
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, ids) });
    const run = await runCli(cwd, ['run', ...sides]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const all = JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
    // The router's answer on four endpoints, a HEAD among them: one row, no header row beside it.
    expect(causes.map((c) => c.kind).sort(), all).toEqual(['status', 'status']);
    const router = causes.find((c) => c.summary.includes('for a method the route does not have'));
    expect([...(router?.caseIds ?? [])].sort(), all).toEqual([
      's/head',
      's/wrong1',
      's/wrong2',
      's/wrong3',
    ]);
    // One endpoint's two refusals, each side's text labelled its own way: the status's row.
    const refused = causes.find((c) => c !== router);
    expect(refused?.caseIds, all).toEqual(['s/refused']);
  });

  it.each([FIRST, SECOND])('$name: the same difference on a 200 stays a row', async (f) => {
    const sides = await pair(f);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, ALL) });
    const first = await runCli(cwd, ['run', ...sides]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const before = (await latestReport(cwd)).rootCauses ?? [];
    const all = JSON.stringify(before.map((c) => [c.summary, c.caseIds]));
    // The header row lists every answer that shows it, the status rows' too: two decisions.
    const header = before.find((c) => c.kind === 'header');
    expect(header?.summary, all).toBe(f.headerRow);
    expect(header?.caseIds, all).toContain('s/labelled');
    expect(header?.caseIds.length, all).toBeGreaterThan(1);
    const router = before.find((c) => c.summary.includes('for a method the route does not have'));
    expect(router?.caseIds.length, all).toBe(4);
    // The 200 answer gone, the header row is the status rows': superseded, its Decision carried.
    const { line, causes } = await decidedRerun(cwd, ['run', ...sides], {
      row: /^\| (PAR-\d+) \| _open_ \| header \| .*\| \|$/m,
      decision: 'label refusals',
      library: {
        'cases/s.yaml': cases(
          f,
          ALL.filter((id) => id !== 'labelled'),
        ),
      },
    });
    expect(
      causes.map((c) => c.kind),
      JSON.stringify(causes),
    ).not.toContain('header');
    expect(line).toMatch(/\| _superseded_ \| header \|.*\| label refusals \|$/);
  });
});
