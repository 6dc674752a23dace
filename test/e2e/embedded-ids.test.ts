/**
 * Issue 43: a UUID a side draws inside a text (an authorization code in the
 * redirect's body, `Found. Redirecting to …?code=<uuid>`; a ticket id in a
 * message) makes the whole text differ. Where the two texts are the same
 * but for UUIDs in neither request, each is compared as `{{generated}}`: no
 * row; so in a compared header (a redirect's `Location`). A text that
 * differs otherwise beside the UUID (a parameter the candidate adds, another
 * word) keeps its row, and a UUID the request sent is data. Two fixtures:
 * text bodies and `Location` of a redirect, and a JSON member, a
 * `Content-Location` and a plain-text receipt, with other words and places.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { reportOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Api {
  readonly cases: string;
  readonly handle: (
    url: string,
    candidate: boolean,
  ) => { status: number; type: string; body: string; location?: string } | undefined;
  /** The header the answers name a drawn id in, compared by the library's rules. */
  readonly header: string;
  readonly rows: readonly string[];
  /** The cases whose drawn ids were set aside (listed under `generated`), with where. */
  readonly aside: readonly string[];
}

const text = (status: number, body: string, location?: string) => ({
  status,
  type: 'text/plain; charset=utf-8',
  body,
  ...(location === undefined ? {} : { location }),
});

const REDIRECT: Api = {
  header: 'location',
  cases: `suite: authorize
defaults:
  rules: { headers: [location] }
cases:
  - id: code
    request: { method: GET, path: /authorize, query: { redirect_uri: "http://app.example.test/cb" } }
  - id: code-state
    request: { method: GET, path: /authorize, query: { redirect_uri: "http://app.example.test/cb", state: s-1 } }
`,
  handle: (url, candidate) => {
    const query = new URL(url, 'http://x').searchParams;
    if (!url.startsWith('/authorize')) return undefined;
    // Planted: the candidate passes the state on.
    const state = candidate && query.get('state') !== null ? `&state=${query.get('state')}` : '';
    const to = `${query.get('redirect_uri')}?code=${randomUUID()}${state}`;
    return text(302, `Found. Redirecting to ${to}`, to);
  },
  // The planted state shows in the compared `Location` and in the body (a header and a
  // text body are two rows: no rule joins them), each with the code set aside.
  rows: [
    'header header `location` differs: `…={{generated}}` vs `…={{generated}}&state=s-0`',
    'value GET /authorize: body differs',
  ],
  // The planted case too: its rows are what differs beside the code, the same on every run.
  aside: [
    'authorize/code body',
    'authorize/code header location',
    'authorize/code-state body',
    'authorize/code-state header location',
  ],
};

const TICKETS: Api = {
  header: 'content-location',
  cases: `suite: tickets
defaults:
  rules: { headers: [content-location] }
cases:
  - id: open
    request: { method: POST, path: /tickets/open, json: { subject: printer } }
  - id: receipt
    request: { method: GET, path: /receipt }
  - id: named
    request: { method: GET, path: /tickets/1b4e28ba-2fa1-41d2-883f-0016d3cca427/summary }
`,
  handle: (url, candidate) => {
    if (url === '/tickets/open') {
      const id = randomUUID();
      const body = JSON.stringify({ message: `ticket ${id} opened for printer`, ok: 1 });
      return { status: 200, type: 'application/json', body, location: `/tickets/${id}` };
    }
    // Planted: the candidate words its receipt otherwise beside the id.
    if (url === '/receipt') {
      return text(200, `receipt ${randomUUID()} ${candidate ? 'filed' : 'stored'}\n`);
    }
    // The id the request named, answered back in another case: data, the same on both.
    const named = /^\/tickets\/([0-9a-f-]{36})\/summary$/.exec(url);
    if (named !== null) {
      const id = candidate ? named[1]?.toUpperCase() : named[1];
      return text(200, `summary of ${id}`);
    }
    return undefined;
  },
  // The id answered back in capitals: the texts differ in letter case alone (rule 9's words).
  rows: [
    'value GET /receipt: body differs',
    'value GET /tickets/:id/summary: body text differs in letter case only',
  ],
  aside: ['tickets/open /message', 'tickets/open header content-location', 'tickets/receipt body'],
};

function server(api: Api, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const answer = api.handle(req.url ?? '', candidate);
    if (answer === undefined) return json(res, 404, { error: 'no route' });
    const where = answer.location;
    res.writeHead(answer.status, {
      'content-type': answer.type,
      ...(where === undefined ? {} : { [api.header]: where }),
    });
    res.end(answer.body);
  });
}

describe('UUIDs each side draws inside a text', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a redirect body with a drawn code', REDIRECT],
    ['a JSON message and a text receipt', TICKETS],
  ])('%s: no row for the drawn ids; the planted change keeps its row', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api, false), server(api, true)]);
    started.push(baseline, candidate);
    const report = await reportOfPair(api.cases, baseline, candidate);
    const causes = report.rootCauses ?? [];
    expect(causes.map((c) => `${c.kind} ${c.summary}`).sort()).toEqual(api.rows);
    const aside = report.results.flatMap((r) =>
      (r.generated ?? []).map((entry) => `${r.caseId} ${entry.slice(0, entry.indexOf(' ('))}`),
    );
    expect(aside).toEqual(api.aside);
  });
});
