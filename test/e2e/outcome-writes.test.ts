/**
 * Issue 43 rule 2, with real servers: a conditional write both sides answer
 * `200` whose answer says its outcome differs (`{"succeeded": true}` against
 * `false`) is one cause: the other differences of that answer (the branch
 * that ran) and the later steps of its flow that differ because the two
 * stores now hold different values are under its row. Two fixtures with
 * other field names, methods and flows (a compare-and-swap store with
 * `succeeded`, a conditional update with `applied` then a guarded removal
 * with `ok`); then what keeps its row: a change also shown where no outcome
 * differed, a boolean a safe method answers, a flag of a listed record.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Causes = Awaited<ReturnType<typeof rootCausesOfPair>>;

/** The cases a cause lists: its own and its consequences. */
function casesOf(causes: Causes, words: string): readonly string[] | undefined {
  return causes.find((c) => c.summary.includes(words))?.caseIds;
}

/**
 * A stock store: `PUT /stock/:name` sets a count, `POST /stock/:name/swap`
 * sets it only when it still holds `expect`. The candidate compares `expect`
 * as text, so its swap never succeeds. `unit` adds a member to the
 * candidate's `GET` (a decision of its own).
 */
function stockStore(candidate: boolean, unit: boolean): Promise<TestServer> {
  const counts = new Map<string, number>();
  return startServer((req, res, body) => {
    const [, , name = '', action] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const read = () => ({ count: counts.get(name) ?? 0 });
    if (req.method === 'GET')
      return json(res, 200, { ...read(), ...(candidate && unit ? { unit: 'pcs' } : {}) });
    const sent = JSON.parse(body) as { count: number; expect?: number };
    if (req.method === 'PUT') {
      counts.set(name, sent.count);
      return json(res, 200, read());
    }
    if (action !== 'swap') return json(res, 404, { message: 'no such action' });
    const held = counts.get(name);
    const expected: unknown = candidate ? String(sent.expect) : sent.expect;
    if (held !== expected)
      return json(res, 200, { succeeded: false, responses: [{ range: read() }] });
    counts.set(name, sent.count);
    return json(res, 200, { succeeded: true, responses: [{ put: { name } }, { range: read() }] });
  });
}

const stockFlow = `suite: stock
sideEffects: true
cases:
  - id: apples
    steps:
      - id: set
        request: { method: PUT, path: /stock/apples, json: { count: 12 } }
      - id: take-one
        request: { method: POST, path: /stock/apples/swap, json: { expect: 12, count: 11 } }
      - id: take-one-stale
        request: { method: POST, path: /stock/apples/swap, json: { expect: 12, count: 11 } }
      - id: read
        request: { method: GET, path: /stock/apples }
`;

/**
 * Accounts under versions: `PATCH /accounts/:id` applies a balance only at
 * `ifVersion`, `DELETE /accounts/:id?ifVersion=` removes only at that version.
 * The candidate reads `ifVersion` as text: nothing it guards is ever applied.
 */
function accounts(candidate: boolean): Promise<TestServer> {
  const held = new Map<string, { balance: number; version: number }>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const id = url.pathname.split('/')[2] ?? '';
    const account = held.get(id);
    const at = (version: number) =>
      account !== undefined && (candidate ? String(version) : version) === account.version;
    if (req.method === 'POST') {
      const sent = JSON.parse(body) as { id: string; balance: number };
      held.set(sent.id, { balance: sent.balance, version: 1 });
      return json(res, 201, { id: sent.id, balance: sent.balance, version: 1 });
    }
    if (account === undefined) return json(res, 404, { message: 'unknown account' });
    if (req.method === 'GET') return json(res, 200, { id, ...account });
    if (req.method === 'PATCH') {
      const sent = JSON.parse(body) as { balance: number; ifVersion: number };
      if (!at(sent.ifVersion))
        return json(res, 200, { applied: false, current: { id, ...account } });
      held.set(id, { balance: sent.balance, version: account.version + 1 });
      return json(res, 200, { applied: true, account: { id, ...held.get(id) } });
    }
    if (!at(Number(url.searchParams.get('ifVersion')))) {
      return json(res, 200, { ok: false, version: account.version });
    }
    held.delete(id);
    return json(res, 200, { ok: true, version: account.version });
  });
}

const accountFlow = `suite: accounts
sideEffects: true
cases:
  - id: pay
    steps:
      - id: open
        request: { method: POST, path: /accounts, json: { id: a7, balance: 100 } }
      - id: debit
        request: { method: PATCH, path: /accounts/a7, json: { balance: 90, ifVersion: 1 } }
      - id: close-if-debited
        request: { method: DELETE, path: "/accounts/a7?ifVersion=2" }
      - id: read
        request: { method: GET, path: /accounts/a7 }
`;

/**
 * Lights: `GET /lights/:id` answers its flag `on` and its `brightness`;
 * `POST /lights/:id/toggle` answers the light's new `on`, the lights it
 * toggled, each with its flag, and the `level` it set. The candidate's
 * lights start on. No answer is a write's outcome (a safe method; a flag
 * that is the light's state, not the toggle's outcome; a flag in a list of
 * records), so the values beside the flags keep their own rows.
 */
function lights(candidate: boolean): Promise<TestServer> {
  const on = new Map<string, boolean>();
  return startServer((req, res) => {
    const [, , id = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const state = on.get(id) ?? candidate;
    if (req.method === 'GET') return json(res, 200, { on: state, brightness: state ? 80 : 0 });
    on.set(id, !state);
    return json(res, 200, { on: !state, toggled: [{ id, on: !state }], level: state ? 0 : 80 });
  });
}

describe('a write whose outcome differs carries the differences it implies', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const pair = async (start: (candidate: boolean) => Promise<TestServer>) => {
    const servers = [await start(false), await start(true)] as const;
    started.push(...servers);
    return servers;
  };

  it.each([
    {
      name: 'a compare-and-swap that succeeds on one side only (`succeeded`)',
      start: (c: boolean) => stockStore(c, false),
      flow: stockFlow,
      outcome: '`/succeeded`',
      // The branch that ran, the stale swap's read and the read after it follow from it.
      cases: ['stock/apples/take-one', 'stock/apples/take-one-stale', 'stock/apples/read'],
    },
    {
      name: 'a conditional update applied on one side only (`applied`, then `ok`)',
      start: accounts,
      flow: accountFlow,
      outcome: '`/applied`',
      cases: ['accounts/pay/debit', 'accounts/pay/close-if-debited', 'accounts/pay/read'],
    },
  ])('$name: one row', async ({ start, flow, outcome, cases }) => {
    const [baseline, candidate] = await pair(start);
    const causes = await rootCausesOfPair(flow, baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    expect(summaries, summaries.join('\n')).toHaveLength(1);
    expect(summaries[0]).toContain(outcome);
    expect(causes[0]?.caseIds).toEqual(cases);
    // The write shows the cause itself; what follows from it is listed as its consequences.
    expect(causes[0]?.consequences).toEqual(cases.slice(1));
  });

  it('keeps apart a change the later step shares with an answer where no outcome differed', async () => {
    const [baseline, candidate] = await pair((c) => stockStore(c, true));
    const before = `  - id: pears
    steps:
      - id: set
        request: { method: PUT, path: /stock/pears, json: { count: 3 } }
      - id: read
        request: { method: GET, path: /stock/pears }
`;
    const causes = await rootCausesOfPair(`${stockFlow}${before}`, baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    expect(summaries, summaries.join('\n')).toHaveLength(2);
    // `unit` shows on the read after the swap and on another key's read: its own row, with both.
    expect(casesOf(causes, '`/unit`')).toEqual(['stock/apples/read', 'stock/pears/read']);
    expect(casesOf(causes, '`/succeeded`')).toContain('stock/apples/read');
  });

  it("a flag a GET answers, a record's flag, or a flag of a listed record, takes nothing with it", async () => {
    const [baseline, candidate] = await pair(lights);
    const flow = `suite: lights
sideEffects: true
cases:
  - id: hall
    steps:
      - id: look
        request: { method: GET, path: /lights/hall }
      - id: toggle
        request: { method: POST, path: /lights/hall/toggle }
      - id: look-again
        request: { method: GET, path: /lights/hall }
`;
    const causes = await rootCausesOfPair(flow, baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    expect(
      causes.every((c) => c.consequences === undefined),
      summaries.join('\n'),
    ).toBe(true);
    expect(casesOf(causes, '`/brightness`')).toEqual([
      'lights/hall/look',
      'lights/hall/look-again',
    ]);
    expect(casesOf(causes, '`/level`')).toEqual(['lights/hall/toggle']);
  });
});
