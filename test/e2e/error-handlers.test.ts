/**
 * Issue 43, with real servers: one side's error handler is one row whatever
 * the method (docs/tracker.md rule 28). One side answers every request it
 * refuses with one error document; the other lets each error through to its
 * framework's text page, with the error's own status (a crash, a body it
 * could not parse). Planted beside it: a route the page side lacks (its
 * `404`/`405` beside the crashes elsewhere) and a request one side accepts,
 * each a row of its own, on endpoints the handler's row also lists. Two
 * fixtures with the sides, field names, document kinds (JSON, XML), pages
 * (HTML with a title, plain text) and statuses changed.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** What a request is, as both fixtures' servers tell: refused (and why), missing, or accepted. */
type Outcome = 'crash' | 'malformed' | 'missing-route' | 'accepted' | 'ok';

interface Fixture {
  readonly name: string;
  /** The side that writes error documents. */
  readonly documents: 'baseline' | 'candidate';
  /** The document side's answer to a refusal: its status and body. */
  readonly document: (message: string, malformed: boolean) => readonly [number, string, string];
  /** The page side's page: status, content type, text. */
  readonly page: (message: string, malformed: boolean) => readonly [number, string, string];
  /** The page side's answer to a route it lacks. */
  readonly lacking: readonly [number, string, string];
  /** The request each case sends, and what it is. */
  readonly cases: readonly (readonly [
    id: string,
    method: string,
    path: string,
    outcome: Outcome,
    body?: string,
  ])[];
  readonly accepted: number;
  readonly title: string;
  readonly members: string;
}

const HTML = 'text/html; charset=utf-8';
const htmlPage = (text: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`;

const OAUTH: Fixture = {
  name: 'an authorization server whose new major answers its own error JSON',
  documents: 'candidate',
  document: (message) => [
    400,
    'application/json',
    JSON.stringify({ error: 'invalid_request', error_description: message }),
  ],
  page: (message, malformed) => [
    malformed ? 400 : 500,
    HTML,
    htmlPage(`${malformed ? 'SyntaxError' : 'AssertionError'}: ${message}<br> &nbsp;at handler`),
  ],
  lacking: [404, HTML, htmlPage('Cannot POST /introspect')],
  cases: [
    ['token-without-grant', 'POST', '/token', 'crash', 'scope=openid'],
    ['token-malformed', 'POST', '/token', 'malformed', '{"grant_type": '],
    ['authorize-without-redirect', 'GET', '/authorize?client_id=web', 'crash'],
    ['logout-without-redirect', 'GET', '/logout', 'crash'],
    ['introspect', 'POST', '/introspect', 'missing-route', 'token=abc'],
    ['authorize-unknown-method', 'GET', '/authorize?client_id=web&method=S512', 'accepted'],
    ['authorize', 'GET', '/authorize?client_id=web&redirect=1', 'ok'],
  ],
  accepted: 302,
  title: ' (`Error`)',
  members: '{`error`, `error_description`}',
};

const STORE: Fixture = {
  name: 'a store whose old version writes XML faults and whose rewrite crashes into text',
  documents: 'baseline',
  document: (message, malformed) => [
    malformed ? 400 : 422,
    'application/xml',
    `<Fault><Reason>${message}</Reason><Field>${malformed ? 'body' : 'name'}</Field></Fault>`,
  ],
  page: (message, malformed) => [
    malformed ? 400 : 500,
    'text/plain',
    malformed ? `Bad Request: ${message}` : `Internal Server Error\nTypeError: ${message}`,
  ],
  lacking: [405, 'text/plain', 'Method Not Allowed'],
  cases: [
    ['item-without-name', 'PUT', '/items/7', 'crash', '{}'],
    ['item-malformed', 'PUT', '/items/7', 'malformed', '{"name"'],
    ['order-without-lines', 'POST', '/orders', 'crash', '{}'],
    ['order-delete-bad-flag', 'DELETE', '/orders/9?force=maybe', 'crash'],
    ['order-patch', 'PATCH', '/orders/9', 'missing-route', '{"lines": 2}'],
    ['item-delete-in-use', 'DELETE', '/items/7', 'accepted'],
    ['items', 'GET', '/items', 'ok'],
  ],
  accepted: 204,
  title: '',
  members: '{`Fault`}',
};

/** What one side answers a request: a status, its headers and its text. */
function answerOf(
  f: Fixture,
  documents: boolean,
  outcome: Outcome | undefined,
  message: string,
): readonly [number, Record<string, string>, string] {
  const typed = ([status, type, text]: readonly [number, string, string]) =>
    [status, { 'content-type': type }, text] as const;
  if (outcome === undefined || outcome === 'ok') return typed([200, 'application/json', '{}']);
  if (outcome === 'accepted' && !documents) {
    return [f.accepted, f.accepted === 302 ? { location: 'http://app.test/' } : {}, ''];
  }
  if (outcome === 'missing-route' && !documents) return typed(f.lacking);
  const malformed = outcome === 'malformed';
  return typed(documents ? f.document(message, malformed) : f.page(message, malformed));
}

function server(f: Fixture, documents: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const found = f.cases.find(
      ([, method, path]) => method === req.method && path === `${url.pathname}${url.search}`,
    );
    const [status, headers, text] = answerOf(f, documents, found?.[3], `${found?.[0]} refused`);
    res.writeHead(status, headers);
    res.end(text);
  });
}

const cases = (f: Fixture) => `suite: s
cases:
${f.cases
  .map(([id, method, path, , body]) => {
    const sent = body === undefined ? '' : `, text: ${JSON.stringify(body)}`;
    return `  - id: ${id}\n    request: { method: ${method}, path: ${JSON.stringify(path)}${sent} }`;
  })
  .join('\n')}
`;

describe("one side's error handler is one row whatever the method", () => {
  it.each([OAUTH, STORE])('$name', async (f) => {
    const start = (candidate: boolean) => server(f, candidate === (f.documents === 'candidate'));
    const causes = await rootCausesOfServers(cases(f), start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const page = f.documents === 'candidate' ? 'baseline' : 'candidate';
    const kind = f.documents === 'candidate' ? 'JSON' : 'XML';
    const handler = causes.filter((c) => c.summary.startsWith('error answers: '));
    expect(handler, summaries).toHaveLength(1);
    expect(handler[0]?.summary).toBe(
      `error answers: ${page} text pages${f.title} vs ${f.documents} ${kind} error documents ${f.members}`,
    );
    const refused = f.cases
      .filter(([, , , outcome]) => outcome === 'crash' || outcome === 'malformed')
      .map(([id]) => `s/${id}`);
    expect([...(handler[0]?.caseIds ?? [])].sort()).toEqual(refused.sort());
    // Two methods or more, with two status pairs (a crash, a body that did not parse).
    expect(new Set(handler[0]?.endpoints.map((e) => e.split(' ')[0])).size).toBeGreaterThan(1);
    // The route the page side lacks, and the request one side accepted: rows of their own,
    // though the handler's row lists their endpoints too.
    const [, , , , lacking, accepted] = f.cases.map(([id]) => `s/${id}`);
    const rowOf = (id: string | undefined) => causes.filter((c) => c.caseIds.includes(id ?? ''));
    expect(rowOf(lacking), summaries).toHaveLength(1);
    expect(rowOf(lacking)[0]?.summary).toMatch(/^status /);
    expect(rowOf(accepted), summaries).toHaveLength(1);
    expect(rowOf(accepted)[0]?.summary).toMatch(/^status /);
    expect(causes, summaries).toHaveLength(3);
  });
});
