/**
 * Issue 43 item 2, tracker rule 58 (`error-objects.ts`), with real servers:
 * one error object's changes (its code, its message, members added or
 * removed) in exactly the same answers, two or more, both sides refused,
 * and nowhere else, are one row, whatever the operations. Planted on two
 * JSON-RPC-like APIs of other method and member names (`data`, `details`):
 * a member added with the message reworded; one side's one code and one
 * message against the other's own per operation, a member lacked; the same
 * code transition on two operations. Kept apart: a message also reworded in
 * another answer, a member added in some of the answers only, two code
 * transitions with neither side constant, an object that also changes
 * another way in those answers (a member lacked in a third answer too),
 * success bodies.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText, postCase } from '../helpers/rpc-cases.js';

type Body = Readonly<Record<string, unknown>>;

/** One call: its method, and each side's `error` (or `result`, with `ok`). */
interface Call {
  readonly method: string;
  readonly ok?: true;
  readonly baseline: Body;
  readonly candidate: Body;
}

interface Fixture {
  readonly name: string;
  /** The member one side adds to (or lacks of) its error objects. */
  readonly extra: string;
  readonly methods: readonly [string, string, string];
}

const LEDGER: Fixture = {
  name: 'a ledger’s JSON-RPC service, `data`',
  extra: 'data',
  methods: ['ledger.post', 'ledger.void', 'ledger.close'],
};

const DEPOT: Fixture = {
  name: 'a depot’s JSON-RPC service, `details`',
  extra: 'details',
  methods: ['Depot.Reserve', 'Depot.Release', 'Depot.Audit'],
};

/** The calls of a fixture by number (the case's `n`). */
function callsOf(f: Fixture): Readonly<Record<number, Call>> {
  const [one, two, three] = f.methods;
  const extra = (field: string) => ({ [f.extra]: { field, hint: `check ${field}` } });
  return {
    // The candidate adds the extra member and rewords the message, on two methods.
    1: {
      method: one,
      baseline: { code: -32000, message: 'amount must be positive' },
      candidate: { code: -32000, message: 'invalid amount', ...extra('amount') },
    },
    2: {
      method: two,
      baseline: { code: -32000, message: 'entry is already void' },
      candidate: { code: -32000, message: 'invalid entry state', ...extra('entry') },
    },
    // One code and one message on the baseline, with the extra member; the candidate's own.
    3: {
      method: one,
      baseline: { code: -32602, message: 'Invalid params', ...extra('account') },
      candidate: { code: -32011, message: 'account is required' },
    },
    4: {
      method: two,
      baseline: { code: -32602, message: 'Invalid params', ...extra('reason') },
      candidate: { code: -32013, message: 'reason is required' },
    },
    // The same code transition on two methods, with the extra member.
    5: {
      method: one,
      baseline: { code: -32001, message: 'period closed' },
      candidate: { code: 4001, message: 'period closed', ...extra('period') },
    },
    6: {
      method: two,
      baseline: { code: -32001, message: 'period closed' },
      candidate: { code: 4001, message: 'period closed', ...extra('period') },
    },
    // A message reworded on a third method, no member added.
    7: {
      method: three,
      baseline: { code: -32000, message: 'books are not balanced' },
      candidate: { code: -32000, message: 'invalid balance' },
    },
    // The message reworded alone (no member added) on the second method.
    8: {
      method: two,
      baseline: { code: -32000, message: 'entry is already void' },
      candidate: { code: -32000, message: 'invalid entry state' },
    },
    // Two code transitions, neither side constant, with the extra member.
    9: {
      method: one,
      baseline: { code: -32602, message: 'rejected' },
      candidate: { code: -32000, message: 'rejected', ...extra('amount') },
    },
    10: {
      method: two,
      baseline: { code: 404, message: 'rejected' },
      candidate: { code: 10, message: 'rejected', ...extra('entry') },
    },
    // Success bodies: a note reworded and a member added in the same two results.
    11: {
      method: one,
      ok: true,
      baseline: { entry: 71, note: 'posted to the ledger' },
      candidate: { entry: 71, note: 'entry posted', ...extra('entry') },
    },
    12: {
      method: two,
      ok: true,
      baseline: { entry: 72, note: 'voided in the ledger' },
      candidate: { entry: 72, note: 'entry voided', ...extra('entry') },
    },
    // The message reworded and the member added in two answers, where another member of the
    // object is lacked in a third answer too: the object changed for two reasons there.
    13: {
      method: one,
      baseline: { code: -32000, message: 'amount must be positive', trace: 'a1' },
      candidate: { code: -32000, message: 'invalid amount', ...extra('amount') },
    },
    14: {
      method: two,
      baseline: { code: -32000, message: 'entry is already void', trace: 'b2' },
      candidate: { code: -32000, message: 'invalid entry state', ...extra('entry') },
    },
    15: {
      method: three,
      baseline: { code: -32000, message: 'books are not balanced', trace: 'c3' },
      candidate: { code: -32000, message: 'books are not balanced' },
    },
  };
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const calls = callsOf(f);
  return startServer((_req, res, text) => {
    const body = JSON.parse(text || '{}') as { id?: number; params?: { n?: number } };
    const call = calls[body.params?.n ?? 0];
    if (call === undefined) return json(res, 404, {});
    const member = candidate ? call.candidate : call.baseline;
    const answer = call.ok === true ? { result: member } : { error: member };
    return json(res, 200, { jsonrpc: '2.0', id: body.id ?? null, ...answer });
  });
}

const cases = (f: Fixture, numbers: readonly number[]) => {
  const calls = callsOf(f);
  const lines = numbers.map((n) =>
    postCase(`call-${n}`, {
      headers: '{ content-type: application/json }',
      json: `{ jsonrpc: "2.0", method: "${calls[n]?.method}", params: { n: ${n} }, id: ${n} }`,
    }),
  );
  return `suite: rpc\ncases:\n${lines.join('\n')}\n`;
};

const ids = (numbers: readonly number[]) => numbers.map((n) => `rpc/call-${n}`).sort();
const OBJECT = /^error object `\/error` changed at once/;

type Causes = Awaited<ReturnType<typeof rootCausesOfServers>>;
const rowsOf = (causes: Causes, n: number) =>
  causes.filter((c) => c.caseIds.includes(`rpc/call-${n}`));

describe.each([LEDGER, DEPOT])('one error object’s changes: $name', (f) => {
  const run = (numbers: readonly number[]) =>
    rootCausesOfServers(cases(f, numbers), (candidate) => server(f, candidate));

  it('a member added and the message reworded on two methods are one row', async () => {
    const causes = await run([1, 2]);
    const all = causesText(causes);
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary, all).toMatch(OBJECT);
    expect(causes[0]?.summary, all).toContain(`/error/${f.extra}`);
    expect([...(causes[0]?.caseIds ?? [])].sort(), all).toEqual(ids([1, 2]));
    expect(causes[0]?.endpoints, all).toHaveLength(2);
  });

  it('one side’s one code and message against the other’s own, a member lacked, are one row', async () => {
    const causes = await run([3, 4]);
    const all = causesText(causes);
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary, all).toMatch(OBJECT);
    expect(causes[0]?.cause, all).toMatchObject({ errorObject: '/error' });
    const places = [causes[0]?.cause, ...[]].flatMap((c) =>
      c?.type === 'structure' ? [c.change.path, ...(c.together ?? []).map((t) => t.path)] : [],
    );
    expect(places.sort(), all).toEqual(['/error/code', `/error/${f.extra}`, '/error/message']);
  });

  it('the same code transition on two methods, a member added, is one row', async () => {
    const causes = await run([5, 6]);
    const all = causesText(causes);
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary, all).toMatch(OBJECT);
    expect([...(causes[0]?.caseIds ?? [])].sort(), all).toEqual(ids([5, 6]));
  });

  it('keeps apart a message also reworded in another answer', async () => {
    // The third method's message is reworded with no member added: the message changes in three answers.
    const causes = await run([1, 2, 7]);
    const all = causesText(causes);
    expect(
      causes.filter((c) => OBJECT.test(c.summary)),
      all,
    ).toHaveLength(0);
    expect(rowsOf(causes, 1).length, all).toBeGreaterThan(1);
  });

  it('keeps apart a member added in some of the answers only', async () => {
    // The second method's message is reworded alone in one more answer: the member shows in fewer.
    const causes = await run([1, 2, 8]);
    const all = causesText(causes);
    expect(
      causes.filter((c) => OBJECT.test(c.summary)),
      all,
    ).toHaveLength(0);
  });

  it('keeps two code transitions apart, neither side constant', async () => {
    const causes = await run([9, 10]);
    const all = causesText(causes);
    expect(
      causes.filter((c) => OBJECT.test(c.summary)),
      all,
    ).toHaveLength(0);
    const codes = causes.filter((c) => c.summary.includes('/error/code'));
    expect(codes, all).toHaveLength(2);
  });

  it('keeps apart an object that also changes another way in those answers', async () => {
    const causes = await run([13, 14, 15]);
    const all = causesText(causes);
    expect(
      causes.filter((c) => OBJECT.test(c.summary)),
      all,
    ).toHaveLength(0);
  });

  it('keeps success bodies apart', async () => {
    const causes = await run([11, 12]);
    const all = causesText(causes);
    expect(
      causes.filter((c) => /^error object/.test(c.summary)),
      all,
    ).toHaveLength(0);
    expect(causes.length, all).toBeGreaterThan(1);
  });
});
