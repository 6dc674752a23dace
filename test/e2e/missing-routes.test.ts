/**
 * Issue 43, tracker rule 54, with real servers: a route family one side
 * does not have is one row. One side's router answers every request of
 * several endpoints with its one not-found answer (Fastify's JSON `Route
 * POST:/… not found`, a plain `not found`), where the other side serves them
 * (a success, or its own check: `401`, `403`): one row listing every
 * endpoint and case, the answers both sides refused included. Kept apart:
 * another not-found body, another status (`400 … parameter required`), a
 * route that answered a success for one id and `404` for another (in the
 * run's equal answers), another method, another case file. (The side's
 * `400` answers sit on another branch of the path tree: beside the family,
 * a route it serves of that method would split it, see the unit tests.) Two fixtures
 * with other routers, sides, routes and words; a tracker written before
 * keeps no open row of the endpoint's own key beside the joined one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import type { TestServer } from '../helpers/http.js';
import {
  type Answer,
  jsonOf,
  routeCaseFile,
  routeServer,
  type Side,
  textOf,
} from '../helpers/route-answers.js';

interface Fixture {
  readonly name: string;
  /** The side without the feature. */
  readonly lacking: Side;
  /** Its router's answer to a path it has no route for. */
  readonly notFound: (method: string, path: string) => Answer;
  /** `method path` → each side's answer; a side without one answers `notFound` (the other a 200). */
  readonly app: Readonly<Record<string, Partial<Record<Side, Answer>>>>;
  /** File → case id → `method path`. */
  readonly files: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The case ids of the family (suite/id), and of each row kept apart. */
  readonly family: readonly string[];
  readonly apart: readonly string[];
}

/** Fastify's default 404 (JSON, naming the method and path): the candidate lacks a courier's parcel actions. */
const FIRST: Fixture = {
  name: "Fastify's JSON route-not-found, candidate lacks the parcel actions (POST)",
  lacking: 'candidate',
  notFound: (method, path) =>
    jsonOf(404, {
      message: `Route ${method}:${path} not found`,
      error: 'Not Found',
      statusCode: 404,
    }),
  app: {
    'POST /api/parcels/p1/label': { baseline: jsonOf(201, { label: 'L-1' }) },
    'POST /api/parcels/p1/track': { baseline: jsonOf(200, { tracked: true }) },
    'POST /api/parcels/p2/cancel': { baseline: jsonOf(200, { cancelled: true }) },
    'POST /api/parcels/p3/label': { baseline: jsonOf(401, { error: 'token required' }) },
    'POST /api/parcels/p1/weigh': {
      baseline: jsonOf(200, { grams: 120 }),
      candidate: jsonOf(404, { message: 'parcel has no scale reading' }),
    },
    'POST /api/signatures/p1': {
      baseline: jsonOf(200, { signed: true }),
      candidate: jsonOf(400, { message: 'signature parameter required' }),
    },
    'GET /api/depots/1': {
      candidate: jsonOf(200, { depot: 1 }),
      baseline: jsonOf(200, { depot: 1 }),
    },
    'GET /api/depots/2': {
      baseline: jsonOf(200, { depot: 2 }),
      candidate: jsonOf(404, { message: 'not found' }),
    },
    'GET /api/vans/1': { candidate: jsonOf(200, { van: 1 }), baseline: jsonOf(200, { van: 1 }) },
    'GET /api/vans/2': {
      baseline: jsonOf(200, { van: 2 }),
      candidate: jsonOf(404, { message: 'not found' }),
    },
    'GET /api/reports/daily': { baseline: jsonOf(200, { parcels: 3 }) },
    'POST /api/users/u1/avatar': { baseline: jsonOf(200, { avatar: 'a.png' }) },
  },
  files: {
    courier: {
      label: 'POST /api/parcels/p1/label',
      track: 'POST /api/parcels/p1/track',
      cancel: 'POST /api/parcels/p2/cancel',
      unauthorised: 'POST /api/parcels/p3/label',
      weigh: 'POST /api/parcels/p1/weigh',
      sign: 'POST /api/signatures/p1',
      'depot-1': 'GET /api/depots/1',
      'depot-2': 'GET /api/depots/2',
      'van-1': 'GET /api/vans/1',
      'van-2': 'GET /api/vans/2',
      daily: 'GET /api/reports/daily',
    },
    accounts: { avatar: 'POST /api/users/u1/avatar' },
  },
  family: ['courier/label', 'courier/track', 'courier/cancel', 'courier/unauthorised'],
  apart: ['courier/weigh', 'courier/sign', 'courier/depot-2', 'courier/daily', 'accounts/avatar'],
};

/** A plain-text `not found` with no echo: the baseline lacks a reader's feed formats (GET). */
const SECOND: Fixture = {
  name: 'plain-text not found without echo, baseline lacks the feed formats (GET)',
  lacking: 'baseline',
  notFound: () => textOf(404, 'not found'),
  app: {
    'GET /feeds/alpha/atom': { candidate: textOf(200, '<feed>alpha</feed>') },
    'GET /feeds/alpha/rss': { candidate: textOf(200, '<rss>alpha</rss>') },
    'GET /feeds/beta/opml': { candidate: textOf(200, '<opml>beta</opml>') },
    'GET /feeds/zeta/atom': { candidate: textOf(403, 'forbidden') },
    'GET /feeds/alpha/json': {
      baseline: textOf(404, 'no such feed format'),
      candidate: textOf(200, '{"feed":"alpha"}'),
    },
    'GET /formats/alpha/csv': {
      baseline: textOf(400, 'format parameter required'),
      candidate: textOf(200, 'alpha,1'),
    },
    'GET /items/1': { baseline: textOf(200, 'item one'), candidate: textOf(200, 'item one') },
    'GET /items/2': { baseline: textOf(404, 'not found'), candidate: textOf(200, 'item two') },
    'GET /tags/1': { baseline: textOf(200, 'tag one'), candidate: textOf(200, 'tag one') },
    'GET /tags/2': { baseline: textOf(404, 'not found'), candidate: textOf(200, 'tag two') },
    'DELETE /feeds/alpha/atom': { candidate: { status: 204, type: 'text/plain', body: '' } },
    'GET /archive/2020/atom': { candidate: textOf(200, '<feed>2020</feed>') },
  },
  files: {
    feeds: {
      atom: 'GET /feeds/alpha/atom',
      rss: 'GET /feeds/alpha/rss',
      opml: 'GET /feeds/beta/opml',
      locked: 'GET /feeds/zeta/atom',
      json: 'GET /feeds/alpha/json',
      csv: 'GET /formats/alpha/csv',
      'item-1': 'GET /items/1',
      'item-2': 'GET /items/2',
      'tag-1': 'GET /tags/1',
      'tag-2': 'GET /tags/2',
      unsubscribe: 'DELETE /feeds/alpha/atom',
    },
    archive: { atom: 'GET /archive/2020/atom' },
  },
  family: ['feeds/atom', 'feeds/rss', 'feeds/opml', 'feeds/locked'],
  apart: [
    'feeds/json',
    'feeds/csv',
    'feeds/item-2',
    'feeds/tag-2',
    'feeds/unsubscribe',
    'archive/atom',
  ],
};

function server(f: Fixture, side: Side): Promise<TestServer> {
  return routeServer((method, path) => {
    const own = f.app[`${method} ${path}`];
    return (
      own?.[side] ??
      (own === undefined || side === f.lacking ? f.notFound(method, path) : textOf(200, 'ok'))
    );
  });
}

function library(f: Fixture): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f.files).map(([suite, cases]) => [
      `cases/${suite}.yaml`,
      routeCaseFile(suite, cases),
    ]),
  );
}

describe('a route family one side does not have is one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const [suite = '', cases = {}] = Object.entries(f.files)[0] ?? [];
    const [firstId = '', firstEndpoint = ''] = Object.entries(cases)[0] ?? [];
    // A first run of one missing endpoint alone: its endpoint's status row, as before rule 54.
    const cwd = await tempProject({
      [`cases/${suite}.yaml`]: routeCaseFile(suite, { [firstId]: firstEndpoint }),
    });
    const first = await runCli(cwd, ['run', 'cases', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const { causes, all, after, id } = await decidedRerun(
      cwd,
      ['run', 'cases', ...sidesOf(baseline, candidate)],
      {
        row: /^\| (PAR-\d+) \| _open_ \| status \| .*\| \|$/m,
        decision: 'the feature is dropped on purpose',
        library: library(f),
      },
    );
    const holding = (one: string) =>
      causes.filter((c) => c.caseIds.includes(one) && !c.summary.includes('`content-type`'));
    // The family: one row listing every endpoint and case, the answers both sides refused too.
    const [family] = holding(f.family[0] ?? '');
    expect([...(family?.caseIds ?? [])].sort(), all).toEqual([...f.family].sort());
    expect(family?.summary, all).toMatch(new RegExp(`^${f.lacking} has no route for `));
    for (const one of f.family) expect(holding(one), all).toHaveLength(1);
    // Kept apart: each other not-found answer, status, served route, method and case file.
    for (const one of f.apart) {
      const rows = holding(one);
      expect(rows.length, `${one}\n${all}`).toBeGreaterThan(0);
      // Each its own row: neither the family's nor another kept-apart case's.
      for (const row of rows) expect(row.caseIds, `${one}\n${all}`).toEqual([one]);
    }
    // The first run's row is superseded by the family's, its Decision carried; no orphan.
    const line = after.split('\n').find((l) => l.startsWith(`| ${id} |`));
    expect(line, after).toMatch(
      /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| the feature is dropped on purpose \|$/,
    );
    const [method, path] = firstEndpoint.split(' ');
    expect(
      after
        .split('\n')
        .filter(
          (l) => l.includes('| _open_ | status |') && l.includes(`| \`${method} ${path}\` |`),
        ),
      after,
    ).toEqual([]);
  });
});
