/**
 * A header that answers what the request asked for (docs/grouping-rules.md,
 * "A header family is one cause" and below), with real servers: the
 * candidate labels each answer with what the request's header asked for,
 * the baseline labels every answer alike. Requests ask for two things: one
 * row, not one per value asked. Two fixtures with other headers.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly header: string;
  readonly asked: string;
  readonly fixed: string;
  /** How the row names the fixed value. */
  readonly shown: string;
  readonly asks: readonly [string, string];
}

const FIRST: Fixture = {
  name: 'a media type answering accept',
  header: 'content-type',
  asked: 'accept',
  fixed: 'application/json; charset=utf-8',
  shown: 'application/json',
  asks: ['application/json;odata=nometadata', 'application/json;odata=minimalmetadata'],
};
const SECOND: Fixture = {
  name: 'a language answering accept-language',
  header: 'content-language',
  asked: 'accept-language',
  fixed: 'en',
  shown: 'en',
  asks: ['fr-CA,fr;q=0.8', 'de-AT,de;q=0.9'],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const ask = String(req.headers[f.asked] ?? '');
    const label = candidate ? ask : f.fixed;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      [f.header]: label,
    });
    res.end(JSON.stringify({ ok: true }));
  });
}

const cases = (f: Fixture) => `suite: s
defaults:
  rules: { headers: [${f.header}] }
cases:
  - id: one
    request: { method: GET, path: /a, headers: { ${f.asked}: '${f.asks[0]}' } }
  - id: two
    request: { method: GET, path: /b, headers: { ${f.asked}: '${f.asks[1]}' } }
  - id: three
    request: { method: GET, path: /c, headers: { ${f.asked}: '${f.asks[0]}' } }
`;

/**
 * Each side draws the id a create answers and a later step sends back, so
 * the id's difference is found per-instance at the end of the run and the
 * create's answer is judged again without it: its header still echoes.
 */
function drawingServer(f: Fixture, candidate: boolean): Promise<TestServer> {
  const made: { id: string }[] = [];
  return startServer((req, res) => {
    const ask = String(req.headers[f.asked] ?? '');
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      [f.header]: candidate ? ask : f.fixed,
    });
    if (req.method !== 'POST') {
      res.end(JSON.stringify(req.url === '/records' ? made : { ok: true }));
      return;
    }
    // Letters and digits, digits always among them (a word of letters alone is no id).
    const id = `${candidate ? 'c' : 'b'}${Math.random().toString(36).slice(2, 10)}${10 + Math.floor(Math.random() * 90)}`;
    made.push({ id });
    res.end(JSON.stringify({ id }));
  });
}

const flow = (f: Fixture) => `suite: s
sideEffects: true
defaults:
  rules: { headers: [${f.header}] }
  headers: { ${f.asked}: '${f.asks[0]}' }
cases:
  - id: made
    steps:
      - id: make
        request: { method: POST, path: /records, json: { title: first } }
      - id: read
        request: { method: GET, path: /records }
  - id: other
    request: { method: GET, path: /b, headers: { ${f.asked}: '${f.asks[1]}' } }
`;

describe('a header that answers what the request asked for', () => {
  it.each([FIRST, SECOND])(
    '$name: one row when a drawn id is masked at the end of the run',
    async (f) => {
      const causes = await rootCausesOfServers(flow(f), (side) => drawingServer(f, side));
      const summaries = causes.map((c) => c.summary);
      expect(summaries, JSON.stringify(summaries, null, 1)).toEqual([
        `header \`${f.header}\` differs: \`${f.shown}\` vs \`{{request ${f.asked}}}\``,
      ]);
      expect(causes[0]?.caseIds).toEqual(['s/made/make', 's/made/read', 's/other']);
    },
  );

  it.each([FIRST, SECOND])('$name: one row', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toEqual([
      `header \`${f.header}\` differs: \`${f.shown}\` vs \`{{request ${f.asked}}}\``,
    ]);
    expect(causes[0]?.caseIds).toEqual(['s/one', 's/two', 's/three']);
  });
});
