/**
 * Issue 43, tracker rules 9 and 52 kept apart, with real servers: what an
 * adversarial review planted against a whole text's letter-case key, its
 * words, and its label (`text-bodies.ts`, `body-labels.ts`).
 *
 * - Two texts that differ in letter case alone, each its own (a health
 *   check's `OK` against `ok`, a flag's `True` against `true`: Python's
 *   `str(True)` against JavaScript's `String(true)`), stay two rows: the key
 *   holds the texts' hash, never the casing alone.
 * - An endpoint whose texts differ in letter case in some answers and in
 *   their words in another (a job dropped where the other side queued it)
 *   never says `letter case only`: its row says the body differs, whichever
 *   answer came first.
 * - One label difference beside two text differences (each on its own
 *   endpoints) is neither body's: it stays a row of its own.
 *
 * Two fixtures each, with other routes, texts, methods and media types.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Answer = readonly [status: number, type: string, text: string];
type Table = readonly (readonly [id: string, method: string, path: string, Answer, Answer])[];

function server(table: Table, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const found = table.find(([, method, path]) => method === req.method && path === req.url);
    if (found === undefined) return json(res, 200, {});
    const [status, type, text] = candidate ? found[4] : found[3];
    res.writeHead(status, { 'content-type': type });
    res.end(text);
  });
}

const library = (table: Table) => `suite: s
cases:
${table.map(([id, method, path]) => `  - id: ${id}\n    request: { method: ${method}, path: ${path} }\n`).join('')}`;

const causesOf = (table: Table) =>
  rootCausesOfServers(library(table), (candidate) => server(table, candidate));

const text = (type: string, body: string): Answer => [200, type, body];
const P = 'text/plain';

describe('two texts that differ in letter case alone, each its own, stay two rows', () => {
  const HEALTH: Table = [
    ['health', 'GET', '/health', text(P, 'OK'), text(P, 'ok')],
    ['health-db', 'GET', '/health/db', text(P, 'OK'), text(P, 'ok')],
    ['flag-dark', 'GET', '/flags/dark', text(P, 'True'), text(P, 'true')],
    ['flag-beta', 'GET', '/flags/beta', text(P, 'True'), text(P, 'true')],
  ];
  const PING: Table = [
    ['ping', 'POST', '/ping', text('text/html', 'PONG'), text('text/html', 'pong')],
    ['ping-deep', 'POST', '/ping/deep', text('text/html', 'PONG'), text('text/html', 'pong')],
    ['enabled-a', 'GET', '/enabled/a', text('text/html', 'Yes'), text('text/html', 'yes')],
    ['enabled-b', 'GET', '/enabled/b', text('text/html', 'Yes'), text('text/html', 'yes')],
  ];
  it.each([
    ['a health text and a flag', HEALTH],
    ['a ping and a switch', PING],
  ] as const)('%s', async (_, table) => {
    const causes = await causesOf(table);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const [first, second] = [table.slice(0, 2), table.slice(2)].map((part) =>
      part.map(([id]) => `s/${id}`),
    );
    const rowOf = (id: string | undefined) => causes.filter((c) => c.caseIds.includes(id ?? ''));
    expect(rowOf(first?.[0]), summaries).toHaveLength(1);
    expect([...(rowOf(first?.[0])[0]?.caseIds ?? [])].sort()).toEqual([...(first ?? [])].sort());
    expect([...(rowOf(second?.[0])[0]?.caseIds ?? [])].sort()).toEqual([...(second ?? [])].sort());
    for (const cause of causes) expect(cause.summary).toContain('letter case only');
  });
});

describe('an endpoint whose texts also differ in words never says letter case only', () => {
  const QUEUE: Table = [
    ['push-1', 'POST', '/queue/1', text(P, 'OK'), text(P, 'ok')],
    ['push-2', 'POST', '/queue/2', text(P, 'OK'), text(P, 'ok')],
    ['push-3', 'POST', '/queue/3', text(P, 'queued for later'), text(P, 'dropped: queue full')],
  ];
  const FILES: Table = [
    ['put-a', 'PUT', '/files/a', text('text/html', 'Saved'), text('text/html', 'saved')],
    ['put-b', 'PUT', '/files/b', text('text/html', 'stored'), text('text/html', 'quota exceeded')],
    ['put-c', 'PUT', '/files/c', text('text/html', 'Saved'), text('text/html', 'saved')],
  ];
  it.each([
    ['a queue that drops a job', QUEUE],
    ['a file store over its quota', FILES],
  ] as const)('%s, in either order', async (_, table) => {
    for (const order of [table, [...table].reverse()]) {
      const causes = await causesOf(order);
      const summaries = JSON.stringify(
        causes.map((c) => [c.summary, c.caseIds]),
        null,
        1,
      );
      const worded = table.find(([, , , b, c]) => b[2].toLowerCase() !== c[2].toLowerCase());
      const rows = causes.filter((c) => c.caseIds.includes(`s/${worded?.[0]}`));
      expect(rows, summaries).toHaveLength(1);
      expect(rows[0]?.summary, summaries).not.toContain('letter case');
      expect(rows[0]?.summary, summaries).toMatch(/body differs/);
    }
  });
});

describe('one label beside two text differences is neither body’s', () => {
  const ACKS: Table = [
    ['ack-1', 'POST', '/ack/1', text(P, 'OK'), text('text/html', 'ok')],
    ['ack-2', 'POST', '/ack/2', text(P, 'OK'), text('text/html', 'ok')],
    ['version-a', 'GET', '/version/a', text(P, 'v1.2'), text('text/html', '1.2')],
    ['version-b', 'GET', '/version/b', text(P, 'v1.2'), text('text/html', '1.2')],
  ];
  const RECEIPTS: Table = [
    [
      'receipt-1',
      'PUT',
      '/receipts/1',
      text('text/csv', 'id,total'),
      text('text/markdown', 'id;total'),
    ],
    [
      'receipt-2',
      'PUT',
      '/receipts/2',
      text('text/csv', 'id,total'),
      text('text/markdown', 'id;total'),
    ],
    ['motd-x', 'GET', '/motd/x', text('text/csv', 'Welcome'), text('text/markdown', '# Welcome')],
    ['motd-y', 'GET', '/motd/y', text('text/csv', 'Welcome'), text('text/markdown', '# Welcome')],
  ];
  it.each([
    ['an acknowledgement and a version', ACKS],
    ['a receipt and a greeting', RECEIPTS],
  ] as const)('%s', async (_, table) => {
    const causes = await causesOf(table);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const label = causes.filter((c) => c.summary.includes('`content-type`'));
    expect(label, summaries).toHaveLength(1);
    expect(label[0]?.caseIds.length).toBe(4);
    // Each body's difference keeps its own row, on its own answers only.
    expect(causes, summaries).toHaveLength(3);
    for (const cause of causes.filter((c) => c !== label[0])) {
      expect(cause.caseIds, summaries).toHaveLength(2);
    }
  });
});
