/**
 * Issue 43: records each side names by ids it drew, whatever characters they
 * hold. Two APIs list records under ids drawn at random without a digit
 * (lowercase base-26 of 10 letters under `id`; mixed-case base-52 of 12
 * letters under `code`): each side's ids are its own, so the lists pair no
 * record by id. The records are compared by position, a later answer that
 * echoes each side's own ids proves them per-instance (where they first
 * appeared too), and the same pairs are found again in a flow's list. So
 * no row is about an id, and no row says a list lacks and adds elements; the
 * planted real change (after a reload the baseline's records carry an empty
 * envelope) stays its own row.
 */
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Api {
  readonly list: string;
  readonly key: string;
  readonly title: string;
  readonly alphabet: string;
  readonly length: number;
}

const MAIL: Api = {
  list: 'messages',
  key: 'id',
  title: 'subject',
  alphabet: 'abcdefghijklmnopqrstuvwxyz',
  length: 10,
};
const TICKETS: Api = {
  list: 'tickets',
  key: 'code',
  title: 'name',
  alphabet: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  length: 12,
};

const drawn = (api: Api) =>
  Array.from({ length: api.length }, () => api.alphabet[randomInt(api.alphabet.length)]).join('');

function server(api: Api, baseline: boolean, seeded = true): Promise<TestServer> {
  const record = (title: string): Record<string, unknown> => ({
    [api.key]: drawn(api),
    [api.title]: title,
    envelope: { from: `${title.toLowerCase()}@example.com` },
  });
  const records = seeded ? ['Lunch', 'Invoice', 'Receipt'].map(record) : [];
  let reloaded = false;
  // The planted real change: after a reload, the baseline's records carry an empty envelope.
  const shown = () =>
    records.map((r) => (reloaded && baseline ? { ...r, envelope: { from: '' } } : r));
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === `/${api.list}`) {
      const title = String((JSON.parse(body || '{}') as Record<string, unknown>)[api.title]);
      // The planted real change: the candidate files a new record as read.
      const made = { ...record(title), read: !baseline };
      records.push(made);
      return json(res, 201, made);
    }
    if (req.method === 'POST' && url.pathname === '/reload') {
      reloaded = true;
      return json(res, 200, true);
    }
    if (url.pathname === `/${api.list}`) {
      const title = url.searchParams.get(api.title);
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const all = shown().filter((r) => title === null || r[api.title] === title);
      return json(res, 200, all.slice(skip));
    }
    const one = shown().find((r) => url.pathname === `/${api.list}/${r[api.key]}`);
    return one === undefined ? json(res, 404, { error: 'not found' }) : json(res, 200, one);
  });
}

const cases = (api: Api) => `suite: ${api.list}
serial: true
sideEffects: true
cases:
  - id: list
    request: { method: GET, path: /${api.list} }
  - id: list-skip
    request: { method: GET, path: /${api.list}, query: { skip: '1' } }
  - id: list-lunch
    request: { method: GET, path: /${api.list}, query: { ${api.title}: Lunch } }
  - id: life
    steps:
      - id: find
        request: { method: GET, path: /${api.list}, query: { ${api.title}: Invoice } }
        capture:
          key: { json: /0/${api.key} }
      - id: read
        request: { method: GET, path: "/${api.list}/{{key}}" }
      - id: reload
        request: { method: POST, path: /reload }
      - id: list-after
        request: { method: GET, path: /${api.list} }
`;

const created = (api: Api) => `suite: ${api.list}
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create-lunch
    request: { method: POST, path: /${api.list}, json: { ${api.title}: Lunch } }
  - id: create-invoice
    request: { method: POST, path: /${api.list}, json: { ${api.title}: Invoice } }
  - id: list
    request: { method: GET, path: /${api.list} }
`;

describe('ids drawn without a digit', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['lowercase ids under `id`', MAIL],
    ['mixed-case ids under `code`', TICKETS],
  ])('%s: no row for the ids, the real change its own row', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api, true), server(api, false)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(api), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(causes[0]?.caseIds).toEqual([`${api.list}/life/list-after`]);
    expect(JSON.stringify(causes[0]?.cause)).toContain('/envelope/from');
  });

  it.each([
    ['lowercase ids under `id`', MAIL],
    ['mixed-case ids under `code`', TICKETS],
  ])('%s, made by a create: proven by the list that shows them drawn', async (_, api) => {
    const [baseline, candidate] = await Promise.all([
      server(api, true, false),
      server(api, false, false),
    ]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(created(api), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    // The planted change only: its row lists the creates and the list.
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(rows[0]).toMatch(/value of `\/read` differs/);
    expect(causes[0]?.caseIds).toEqual([
      `${api.list}/create-lunch`,
      `${api.list}/create-invoice`,
      `${api.list}/list`,
    ]);
  });
});
