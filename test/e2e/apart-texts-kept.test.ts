/**
 * Tracker rule 9 as amended (two whole-text differences on one endpoint),
 * read adversarially on real servers with APIs other than the one it was
 * built for:
 *
 * - **kept apart**: one answer of an endpoint whose only difference is a
 *   name written in camel or capitalised words (an exception's class, a
 *   header's name), beside the difference most answers show: that name is
 *   no drawn id, so the answer is a row of its own (it was blanked as one
 *   and hidden on the endpoint's row);
 * - **one row, not one per answer**: answers that each echo the word their
 *   request sent (a query's value), written otherwise by each side, beside
 *   another difference two answers show: the echoes are one difference
 *   (they were a row each; a JSON body's string echoed was one already);
 * - **one row, not one per answer**: answers each with a hex id of their
 *   own (a span id of sixteen digits, an object id of twenty-four): read
 *   as drawn ids (the sixteen were not, once their digits were elided);
 * - **kept apart** (as it was): a difference that carries a UUID and a
 *   stamp of each answer's own, beside one other answer's difference.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** An answer's text on each side, from what the request asked and sent. */
type Texts = (asked: string, body: string) => readonly [string, string];

interface Fixture {
  /** The endpoint's path. */
  readonly path: string;
  readonly method: 'GET' | 'POST';
  /** The query parameter naming the case's answer. */
  readonly ask: string;
  /** Case id → what it asks (the query value) and, for a POST, its JSON body. */
  readonly cases: readonly (readonly [string, string, string?])[];
  readonly texts: Texts;
}

async function bodyOf(req: import('node:http').IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function server(fixture: Fixture, side: 0 | 1): Promise<TestServer> {
  return startServer(async (req, res) => {
    const body = await bodyOf(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const asked = url.searchParams.get(fixture.ask) ?? '';
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(fixture.texts(asked, body)[side]);
  });
}

function library({ path, method, ask, cases }: Fixture): string {
  const lines = cases.map(([id, asked, json]) => {
    const body = json === undefined ? '' : `, json: ${json}`;
    return `  - id: ${id}\n    request: { method: ${method}, path: "${path}?${ask}=${asked}"${body} }\n`;
  });
  return `suite: api\ncases:\n${lines.join('')}`;
}

/** The rows of a run of `fixture` on two servers: each row's summary and case ids. */
async function rowsOf(fixture: Fixture, started: TestServer[]) {
  const baseline = await server(fixture, 0);
  const candidate = await server(fixture, 1);
  started.push(baseline, candidate);
  const cwd = await tempProject({ 'cases/api.yaml': library(fixture) });
  const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
  const run = await runCli(cwd, argv);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const causes = (await latestReport(cwd)).rootCauses ?? [];
  return causes.map((cause) => [cause.summary, cause.caseIds] as const);
}

/** A text in which one answer's difference is a name alone (`failure`), the others one setting. */
const named =
  (failure: readonly [string, string], setting: string): Texts =>
  (asked) => {
    if (asked === 'broken') {
      return [`Error: ${failure[0]}: bad input`, `Error: ${failure[1]}: bad input`];
    }
    const text = `converted ${asked}\nunits=metric`;
    return [text, `${text} ${setting}`];
  };

const NAMED: readonly Fixture[] = [
  {
    path: '/api/convert',
    method: 'GET',
    ask: 'value',
    cases: [
      ['ten', 'ten'],
      ['twenty', 'twenty'],
      ['thirty', 'thirty'],
      ['broken', 'broken'],
    ],
    texts: named(['IllegalArgumentException', 'NumberFormatException'], 'rounding=half-even'),
  },
  {
    path: '/v3/preflight',
    method: 'GET',
    ask: 'origin',
    cases: [
      ['north', 'north'],
      ['south', 'south'],
      ['broken', 'broken'],
    ],
    texts: named(['Access-Control-Allow-Origin', 'Access-Control-Allow-Headers'], 'max-age=600'),
  },
];

/** Each answer echoes what it was sent, each side its own way; two refusals worded otherwise. */
const echoes =
  (refusal: readonly [string, string], echo: (said: string) => readonly [string, string]): Texts =>
  (asked, body) => {
    if (asked === '') return refusal;
    const said = body === '' ? asked : (JSON.parse(body) as { text: string }).text;
    return echo(said);
  };

const ECHOES: readonly Fixture[] = [
  {
    path: '/greet',
    method: 'GET',
    ask: 'name',
    cases: [
      ['alice', 'alice'],
      ['bobby', 'bobby'],
      ['carol', 'carol'],
      ['nobody', ''],
      ['nobody-again', '&x=1'],
    ],
    texts: echoes(['missing name', 'name is required'], (name) => [
      `Hello, ${name}!`,
      `Hi ${name}`,
    ]),
  },
  {
    path: '/v1/spell',
    method: 'GET',
    ask: 'word',
    cases: [
      ['receive', 'receive'],
      ['separate', 'separate'],
      ['necessary', 'necessary'],
      ['empty', ''],
      ['empty-again', '&lang=en'],
    ],
    texts: echoes(['no word', 'word missing'], (word) => [`${word}: correct`, `OK ${word}`]),
  },
  // A JSON body's string echoed: one row on main already (three answers alike).
  {
    path: '/v1/notes',
    method: 'POST',
    ask: 'kind',
    cases: [
      ['shopping', 'memo', '{ text: "buy bread and milk" }'],
      ['meeting', 'memo', '{ text: "standup moved to noon" }'],
      ['reminder', 'memo', '{ text: "renew the passport" }'],
      ['untitled', '', '{ text: "" }'],
      ['untitled-again', '&y=2', '{ text: "" }'],
    ],
    texts: echoes(['no kind given', 'error: kind missing'], (text) => [
      `saved note: ${text}`,
      `OK (${text})`,
    ]),
  },
];

/** One difference with a UUID and a stamp of each answer's own; another in one answer. */
const stamped =
  (other: readonly [string, string]): Texts =>
  (asked) => {
    if (asked === 'odd') return other;
    const at = `request ${randomUUID()} at ${new Date().toISOString()}`;
    return [`${at}\nstate: ready`, `${at}\nstate: READY (degraded)`];
  };

const STAMPED: readonly Fixture[] = [
  {
    path: '/status',
    method: 'GET',
    ask: 'probe',
    cases: [
      ['first', 'one'],
      ['second', 'two'],
      ['odd', 'odd'],
    ],
    texts: stamped(['maintenance window: none', 'maintenance: not scheduled']),
  },
  {
    path: '/v2/jobs/queue',
    method: 'GET',
    ask: 'look',
    cases: [
      ['peek', 'peek'],
      ['peek-again', 'again'],
      ['peek-third', 'third'],
      ['odd', 'odd'],
    ],
    texts: stamped(['queue paused by operator', 'paused']),
  },
];

/** Answers each with a hex id of their own (`bytes` long), worded otherwise; two refusals alike. */
const traced =
  (bytes: number, words: readonly [string, string], refusal: readonly [string, string]): Texts =>
  (asked) => {
    if (asked === 'bad') return refusal;
    // Each side draws its own id, with a digit and a letter as hex ids nearly always have.
    const id = () => `${randomBytes(bytes).toString('hex').slice(2)}a1`;
    return [`${words[0]} ${id()}`, `${words[1]} ${id()}`];
  };

const TRACED: readonly Fixture[] = [
  {
    path: '/ping',
    method: 'GET',
    ask: 'from',
    cases: [
      ['east', 'east'],
      ['west', 'west'],
      ['north', 'north'],
      ['bad', 'bad'],
      ['bad-again', 'bad&z=1'],
    ],
    // A span id of sixteen hex digits.
    texts: traced(8, ['pong trace=', 'PONG span:'], ['unknown origin', 'origin not allowed']),
  },
  {
    path: '/v2/orders/lookup',
    method: 'GET',
    ask: 'ref',
    cases: [
      ['recent', 'recent'],
      ['oldest', 'oldest'],
      ['largest', 'largest'],
      ['bad', 'bad'],
      ['bad-again', 'bad&w=2'],
    ],
    // An object id of twenty-four hex digits.
    texts: traced(12, ['found order', 'order:'], ['bad reference', 'invalid ref']),
  },
];

describe('two text differences on one endpoint, other APIs (rule 9, kept apart)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(NAMED.map((f) => [f.path, f] as const))(
    '%s: an answer that differs only in a name written in words is a row of its own',
    async (_, fixture) => {
      const rows = await rowsOf(fixture, started);
      const ids = fixture.cases.map(([id]) => `api/${id}`);
      expect(rows).toEqual([
        [`GET ${fixture.path}: body differs`, ids.filter((id) => id !== 'api/broken')],
        [expect.stringContaining('body differs another way'), ['api/broken']],
      ]);
    },
  );

  it.each(ECHOES.map((f) => [f.path, f] as const))(
    '%s: answers that each echo what they were sent are one row beside the refusals',
    async (_, fixture) => {
      const rows = await rowsOf(fixture, started);
      const ids = fixture.cases.map(([id]) => `api/${id}`);
      const refused = ids.filter((id) => /untitled|nobody|empty/.test(id));
      expect(rows).toEqual([
        [
          `${fixture.method} ${fixture.path}: body differs`,
          ids.filter((id) => !refused.includes(id)),
        ],
        [expect.stringContaining('body differs another way'), refused],
      ]);
    },
  );

  it.each(TRACED.map((f) => [f.path, f] as const))(
    '%s: answers with a hex id each of their own are one row beside the refusals',
    async (_, fixture) => {
      const rows = await rowsOf(fixture, started);
      const ids = fixture.cases.map(([id]) => `api/${id}`);
      const refused = ids.filter((id) => id.startsWith('api/bad'));
      expect(rows).toEqual([
        [`GET ${fixture.path}: body differs`, ids.filter((id) => !refused.includes(id))],
        [expect.stringContaining('body differs another way'), refused],
      ]);
    },
  );

  it.each(STAMPED.map((f) => [f.path, f] as const))(
    '%s: a difference with ids and stamps of its own stays one row, another apart',
    async (_, fixture) => {
      const rows = await rowsOf(fixture, started);
      const ids = fixture.cases.map(([id]) => `api/${id}`);
      expect(rows).toEqual([
        [`GET ${fixture.path}: body differs`, ids.filter((id) => id !== 'api/odd')],
        [expect.stringContaining('body differs another way'), ['api/odd']],
      ]);
    },
  );
});
