/**
 * Tracker rule 54 on the run's answers alone (`missing-routes.ts`), and the
 * tally of endpoints each side served (`served-endpoints.ts`).
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import {
  elidedNotFound,
  missingRoutes,
  type RouteAnswer,
} from '../../../../src/core/compare/missing-routes.js';
import { causeKey } from '../../../../src/core/compare/root-cause.js';
import { causeSummary } from '../../../../src/core/compare/root-cause-words.js';
import { servedEndpointsOf } from '../../../../src/judge/results/served-endpoints.js';

const page = (method: string, path: string) => `<pre>Cannot ${method} ${path}</pre>`;

function answer(
  caseId: string,
  method: string,
  path: string,
  {
    baseline = 200,
    candidate = 404,
    body = page(method, path),
    endpoint = `${method} ${path}`,
  } = {},
): RouteAnswer {
  const cause: RootCause = { type: 'status', endpoint, baseline, candidate };
  return {
    caseId,
    endpoint,
    baseline: { status: baseline },
    candidate: { status: candidate },
    bodies: { baseline: { ok: true }, candidate: body },
    request: { method, path },
    findings: [{ cause }],
  };
}

const families = (out: ReturnType<typeof missingRoutes>) =>
  new Set([...out.statuses.values()].map((cause) => causeKey(cause)));

describe('elidedNotFound', () => {
  it("elides the request's path, its segments and its method, never a longer word", () => {
    expect(
      elidedNotFound('Cannot POST /a/b%20c/offer', { method: 'POST', path: '/a/b%20c/offer' }),
    ).toBe('Cannot {method} {path}');
    expect(elidedNotFound('no offering for offer', { method: 'GET', path: '/x/offer' })).toBe(
      'no offering for {segment}',
    );
  });
});

describe('missingRoutes', () => {
  it('joins one not-found answer on three endpoints of one method and file, a both-refused one too', () => {
    const out = missingRoutes([
      answer('s/a', 'POST', '/m/k/offer'),
      answer('s/b', 'POST', '/m/k/answer'),
      answer('s/c', 'POST', '/m/j/leave', { baseline: 401 }),
    ]);
    expect(out.statuses.size).toBe(3);
    expect(families(out).size).toBe(1);
    const [cause] = out.statuses.values();
    expect(cause).toMatchObject({ baseline: 0, candidate: 404, missingRoute: 'POST s /m' });
    expect(causeSummary(cause as RootCause)).toBe(
      'candidate has no route for POST …/leave, …/answer, …/offer: 404 (`Cannot {method} {path}`)',
    );
  });

  it('keeps apart: another body, a served endpoint, another method or file, a router 405, one endpoint', () => {
    const other = missingRoutes([
      answer('s/a', 'POST', '/m/offer'),
      answer('s/b', 'POST', '/m/answer', { body: 'gone' }),
    ]);
    expect(other.statuses.size).toBe(0);
    const served = servedEndpointsOf([
      {
        endpoint: 'GET /r/:id',
        verdict: 'equal',
        baseline: { status: 200, durationMs: 1 },
        candidate: { status: 200, durationMs: 1 },
      },
    ]);
    const record = missingRoutes(
      [
        answer('s/a', 'GET', '/r/2', { body: 'not found', endpoint: 'GET /r/:id' }),
        answer('s/b', 'GET', '/q/offer', { body: 'not found' }),
      ],
      served,
    );
    expect(record.statuses.size).toBe(0);
    const bounds = missingRoutes([
      answer('s/a', 'POST', '/m/offer'),
      answer('s/b', 'DELETE', '/m/answer'),
      answer('t/c', 'POST', '/m/leave'),
      answer('s/d', 'POST', '/m/close', { baseline: 405 }),
    ]);
    expect(bounds.statuses.size).toBe(0);
  });

  it('joins only within the part of the path tree where that side serves no request of the method', () => {
    const side = (status: number) => ({ status, durationMs: 1 });
    const servedOn = (...endpoints: string[]) =>
      servedEndpointsOf(
        endpoints.map((endpoint) => ({
          endpoint,
          verdict: 'equal' as const,
          baseline: side(200),
          candidate: side(200),
        })),
      );
    // Two routes the candidate lacks beside a sibling it serves: two features, two rows.
    const leases = [
      answer('lease/ttl', 'POST', '/v3/lease/timetolive', { body: '404 page not found' }),
      answer('lease/list', 'POST', '/v3/lease/leases', { body: '404 page not found' }),
    ];
    expect(families(missingRoutes(leases)).size).toBe(1);
    expect(missingRoutes(leases, servedOn('POST /v3/lease/grant')).statuses.size).toBe(0);
    // A served route of another method, or under another branch, splits nothing.
    expect(
      families(missingRoutes(leases, servedOn('GET /v3/lease/grant', 'POST /v3/kv/range'))).size,
    ).toBe(1);
    // Under one branch the side serves nothing of the method: one row; beside it, its own.
    const files = [
      answer('repo/head', 'GET', '/r.git/HEAD', { body: 'not found' }),
      answer('repo/packs', 'GET', '/r.git/objects/info/packs', { body: 'not found' }),
      answer('repo/loose', 'GET', '/r.git/objects/ab/cdef', { body: 'not found' }),
    ];
    const split = missingRoutes(files, servedOn('GET /r.git/info/refs'));
    expect(families(split).size).toBe(1);
    expect(split.statuses.size).toBe(2);
    expect([...split.statuses.values()][0]).toMatchObject({
      missingRoute: 'GET repo /r.git/objects',
    });
  });

  it('keeps apart records not migrated: a record route of a served resource, a 404 answered alike', () => {
    const records = (prefix: string, second: string) => [
      answer('s/a', 'GET', `/${prefix}/1`, { body: 'not found', endpoint: `GET /${prefix}/:id` }),
      answer('s/b', 'GET', `/${second}/7`, { body: 'not found', endpoint: `GET /${second}/:id` }),
    ];
    // Without evidence of the routes, under one branch: one family (the limit).
    expect(families(missingRoutes(records('shop/users', 'shop/orders'))).size).toBe(1);
    // Under two branches of the path tree: two features, never one row.
    expect(missingRoutes(records('users', 'orders')).statuses.size).toBe(0);
    const side = (status: number) => ({ status, durationMs: 1 });
    // The candidate listed both collections (`GET /users`, a create `POST /orders`).
    const listed = servedEndpointsOf([
      {
        endpoint: 'GET /shop/users',
        verdict: 'divergent',
        baseline: side(200),
        candidate: side(200),
      },
      {
        endpoint: 'POST /shop/orders',
        verdict: 'equal',
        baseline: side(201),
        candidate: side(201),
      },
    ]);
    expect(missingRoutes(records('shop/users', 'shop/orders'), listed).statuses.size).toBe(0);
    // A served resource keeps only its own records apart: another's route still joins.
    const child = servedEndpointsOf([
      { endpoint: 'GET /books', verdict: 'equal', baseline: side(200), candidate: side(200) },
    ]);
    expect(missingRoutes(records('shop/users', 'shop/orders'), child).statuses.size).toBe(2);
    // Both sides refused a missing id alike on each endpoint (an equal answer).
    const alike = servedEndpointsOf(
      ['GET /wiki/pages/:id', 'GET /wiki/files/:id'].map((endpoint) => ({
        endpoint,
        verdict: 'equal' as const,
        baseline: side(404),
        candidate: side(404),
      })),
    );
    expect(alike.refusedAlike).toEqual(new Set(['GET /wiki/pages/:id', 'GET /wiki/files/:id']));
    expect(missingRoutes(records('wiki/pages', 'wiki/files'), alike).statuses.size).toBe(0);
    // A divergent pair of 404s (bodies that differ) is no such evidence.
    const differing = servedEndpointsOf([
      {
        endpoint: 'GET /pages/:id',
        verdict: 'divergent',
        baseline: side(404),
        candidate: side(404),
      },
    ]);
    expect(differing.refusedAlike?.size).toBe(0);
  });

  it('keeps apart a 404 that names a segment alone (a handler), joins a path without its slash', () => {
    const echoed = missingRoutes([
      answer('s/a', 'GET', '/users/alice', { body: '{"error":"not found: alice"}' }),
      answer('s/b', 'GET', '/orders/ord-77', { body: '{"error":"not found: ord-77"}' }),
    ]);
    expect(echoed.statuses.size).toBe(0);
    const named = missingRoutes([
      answer('s/a', 'GET', '/wiki/Home', { body: 'no page Home here' }),
      answer('s/b', 'GET', '/media/logo.png', { body: 'no page logo.png here' }),
    ]);
    expect(named.statuses.size).toBe(0);
    // A router that names the path without its leading slash names no segment alone.
    const slashless = missingRoutes([
      answer('s/a', 'GET', '/reports/daily', { body: 'path reports/daily did not match' }),
      answer('s/b', 'GET', '/reports/weekly', { body: 'path reports/weekly did not match' }),
    ]);
    expect(families(slashless).size).toBe(1);
  });

  it("keeps a status another rule joined, and supersedes rule 4's method recurrence", () => {
    const a = answer('s/a', 'POST', '/m/offer');
    const b = answer('s/b', 'POST', '/m/answer');
    const key = (one: RouteAnswer) => causeKey(one.findings[0]?.cause as RootCause);
    const sibling: RootCause = {
      type: 'status',
      endpoint: 'POST /m/*',
      baseline: 200,
      candidate: 404,
      reason: 'Cannot POST /m/{name}',
    };
    expect(missingRoutes([a, b], undefined, new Map([[key(a), sibling]])).statuses.size).toBe(0);
    const byMethod: RootCause = {
      type: 'status',
      endpoint: 'POST *',
      baseline: 200,
      candidate: 404,
    };
    const joined = new Map([
      [key(a), byMethod],
      [key(b), byMethod],
    ]);
    expect(missingRoutes([a, b], undefined, joined).statuses.size).toBe(2);
  });
});
