/**
 * Issue 43, with real servers (docs/tracker.md rule 38): one side lacks a
 * whole API and answers every request under it with one refusal page, the
 * other serves it (successes, and refusals of its own as JSON). Where both
 * refuse with one status (a thing never made), the bodies differ in kind;
 * that is the route's row, not a body-kind row of its own. Planted beside
 * it: the same body kinds on a route both sides serve (its own row). Two
 * fixtures: a warehouse whose baseline lacks shipments (an HTML page), and a
 * calendar whose candidate lacks invites (a text page), with other methods.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The side that lacks the API. */
  readonly lacking: 'baseline' | 'candidate';
  /** The API's resource, and the route both sides serve. */
  readonly api: string;
  readonly served: string;
  /** The page the lacking side answers, and its content type. */
  readonly page: readonly [string, string];
  /** Status and body of the serving side's refusal of a thing never made. */
  readonly missing: readonly [number, Record<string, string>];
  /** The methods of the write and of the second read. */
  readonly write: 'POST' | 'PUT';
  readonly remove: 'DELETE' | 'POST';
}

const WAREHOUSE: Fixture = {
  name: 'a warehouse whose baseline lacks the shipments API',
  lacking: 'baseline',
  api: '/v1/shipments',
  served: '/v1/parcels',
  page: ['<html><body><h1>No such route</h1></body></html>', 'text/html'],
  missing: [404, { type: 'NotFoundException', message: 'shipment not found' }],
  write: 'POST',
  remove: 'DELETE',
};

const CALENDAR: Fixture = {
  name: 'a calendar whose candidate lacks the invites API',
  lacking: 'candidate',
  api: '/api/invites',
  served: '/api/rooms',
  page: ['unsupported API', 'text/plain'],
  missing: [404, { error: 'invite does not exist' }],
  write: 'PUT',
  remove: 'POST',
};

/** A `404` page of `type`. */
function page(res: ServerResponse, type: string, text: string): void {
  res.writeHead(404, { 'content-type': type });
  res.end(text);
}

function handler(f: Fixture, lacks: boolean) {
  const made = new Set<string>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith(f.api)) {
      if (lacks) {
        return page(res, f.page[1], f.page[0]);
      }
      const name = path.slice(f.api.length + 1);
      if (req.method === f.write) {
        made.add(name);
        return json(res, 201, { name, made: true });
      }
      if (req.method === f.remove) {
        made.delete(name);
        return json(res, 200, { name, removed: true });
      }
      if (name === '') return json(res, 200, { items: [...made] });
      if (!made.has(name)) return json(res, f.missing[0], f.missing[1]);
      return json(res, 200, { name });
    }
    // The route both serve: the refusal of a missing one differs in kind too.
    if (path === `${f.served}/present`) return json(res, 200, { name: 'present' });
    if (lacks) {
      return page(res, f.page[1], 'no such item here');
    }
    return json(res, 404, { error: 'no such item' });
  };
}

const cases = (f: Fixture) => `suite: s
serial: true
cases:
  - id: make
    request: { method: ${f.write}, path: ${f.api}/spring-batch }
  - id: read
    request: { method: GET, path: ${f.api}/spring-batch }
  - id: list
    request: { method: GET, path: ${f.api} }
  - id: remove
    request: { method: ${f.remove}, path: ${f.api}/spring-batch }
  - id: read-never-made
    request: { method: GET, path: ${f.api}/never-made }
  - id: served-present
    request: { method: GET, path: ${f.served}/present }
  - id: served-missing
    request: { method: GET, path: ${f.served}/gone-away }
`;

describe('a body of another kind on a route one side refuses whole is the route’s', () => {
  it.each([WAREHOUSE, CALENDAR])('$name', async (f) => {
    const start = (candidate: boolean): Promise<TestServer> =>
      startServer(handler(f, candidate === (f.lacking === 'candidate')));
    const causes = await rootCausesOfServers(cases(f), start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const rowsOf = (id: string) => causes.filter((c) => c.caseIds.includes(id));
    // The answer both refused shows under a status row of the route, not a body-kind row.
    const rows = rowsOf('s/read-never-made');
    expect(rows, summaries).toHaveLength(1);
    expect(rows[0]?.kind, summaries).toBe('status');
    expect(rows[0]?.caseIds, summaries).toContain('s/make');
    // Kept apart: the body kinds on the route both sides serve keep their own row.
    const served = rowsOf('s/served-missing');
    expect(served, summaries).toHaveLength(1);
    expect(served[0]?.kind, summaries).not.toBe('status');
    expect(served[0]?.caseIds, summaries).toEqual(['s/served-missing']);
  });
});
