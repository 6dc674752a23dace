/**
 * Issue 43, tracker rule 24 after its narrowing (a side that accepted a
 * request on the route refuses none whole), with real servers: an
 * authorisation one side checks before it reads the request, on a route
 * where a request that carries the credential is accepted alike on both
 * sides. The gate is one decision and keeps one row: the accepted request,
 * equal on both sides, shows no answer of the checking side that read it.
 * Two fixtures with the side, method, route, credential and statuses changed.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

type Answer = readonly [status: number, type: string, text: string];

interface Fixture {
  readonly name: string;
  readonly checking: 'baseline' | 'candidate';
  readonly method: string;
  /** The checking side's one refusal. */
  readonly refusal: Answer;
  /** The other side's answer to each request that lacks the credential. */
  readonly reads: readonly (readonly [id: string, path: string, Answer])[];
  /** A request with the credential: accepted alike. */
  readonly accepted: string;
  readonly gate: string;
}

const ORDERS: Fixture = {
  name: 'orders deleted only with a token',
  checking: 'candidate',
  method: 'DELETE',
  refusal: [401, 'application/json', '{"error":"missing token"}'],
  reads: [
    ['missing', '/orders/404', [404, 'text/plain', 'no such order']],
    ['shipped', '/orders/9', [409, 'text/plain', 'order already shipped']],
    ['bad-id', '/orders/bad!', [400, 'text/plain', 'bad order id']],
  ],
  accepted: '/orders/5?token=t',
  gate: 'candidate answers every DELETE /orders/:id request both sides refused with 401 (`missing token`)',
};

const NOTES: Fixture = {
  name: 'notes edited only with an API key',
  checking: 'baseline',
  method: 'PATCH',
  refusal: [403, 'application/json', '{"detail":"API key required"}'],
  reads: [
    ['gone', '/notes/77', [404, 'text/html', '<p>note 77 not found</p>']],
    ['locked', '/notes/3', [423, 'text/html', '<p>note is locked</p>']],
    ['empty', '/notes/4', [422, 'text/html', '<p>title must not be empty</p>']],
  ],
  accepted: '/notes/5?key=k',
  gate: 'baseline answers every PATCH /notes/:id request both sides refused with 403 (`API key required`)',
};

function server(f: Fixture, checking: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.url === f.accepted) {
      res.writeHead(204);
      res.end();
      return;
    }
    const found = f.reads.find(([, path]) => path === req.url);
    const [status, type, text] = checking || found === undefined ? f.refusal : found[2];
    res.writeHead(status, { 'content-type': type });
    res.end(text);
  });
}

const library = (f: Fixture) => `suite: s
cases:
${[...f.reads.map(([id, path]) => [id, path] as const), ['with-credential', f.accepted] as const]
  .map(
    ([id, path]) =>
      `  - id: ${id}\n    request: { method: ${f.method}, path: ${JSON.stringify(path)} }\n`,
  )
  .join('')}`;

describe('an authorisation checked first, beside a request accepted alike, is one gate row', () => {
  it.each([ORDERS, NOTES])('$name', async (f) => {
    const start = (candidate: boolean) => server(f, candidate === (f.checking === 'candidate'));
    const causes = await rootCausesOfServers(library(f), start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    expect(
      causes.map((c) => c.summary),
      summaries,
    ).toEqual([f.gate]);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(f.reads.map(([id]) => `s/${id}`).sort());
  });
});
