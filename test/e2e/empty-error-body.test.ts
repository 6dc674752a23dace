/**
 * One side's error bodies, one of them empty (docs/tracker.md rule 11): the
 * baseline explains every error in one format; the candidate writes its
 * error document (JSON, or XML) on every error but one, which it answers
 * with no body. Two decisions: the error format, and the error the
 * candidate leaves unexplained; never one `… vs other kinds` row. Two
 * fixtures with other routes and formats.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly routes: readonly [string, string, string];
  readonly baseline: (message: string) => readonly [string, string];
  readonly candidate: (message: string) => readonly [string, string];
  readonly rows: readonly string[];
}

const FIRST: Fixture = {
  name: 'XML errors against JSON documents',
  routes: ['/tables/missing', '/rows/missing', '/rows/no-header'],
  baseline: (m) => ['application/xml', `<Error><Message>${m}</Message></Error>`],
  candidate: (m) => ['application/json', JSON.stringify({ error: { message: m } })],
  rows: ['4xx bodies: XML vs JSON', '4xx bodies: XML vs empty'],
};
const SECOND: Fixture = {
  name: 'text errors against XML documents',
  routes: ['/files/gone', '/folders/gone', '/files/locked'],
  baseline: (m) => ['text/plain', m],
  candidate: (m) => ['application/xml', `<problem><detail>${m}</detail></problem>`],
  rows: ['4xx bodies: text vs XML', '4xx bodies: text vs empty'],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = req.url ?? '/';
    const status = path === f.routes[2] ? 400 : 404;
    // The candidate answers its third route's refusal before its error handler: no body.
    if (candidate && path === f.routes[2]) {
      res.writeHead(status);
      res.end();
      return;
    }
    const [type, body] = (candidate ? f.candidate : f.baseline)(`no ${path}`);
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.routes.map((path, i) => `  - id: c${i}\n    request: { method: GET, path: ${path} }`).join('\n')}
`;

describe('an empty error body where one side writes error documents', () => {
  it.each([FIRST, SECOND])('$name: two rows', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary).sort();
    expect(summaries).toEqual([...f.rows].sort());
    const empty = causes.find((c) => c.summary.endsWith('vs empty'));
    expect(empty?.caseIds).toEqual(['s/c2']);
  });
});
