/**
 * Issue 43, rules 12 and 39: an RPC API answers its refusals with a success
 * status (`200`) and a refusal member in the body (JSON-RPC's `error`, a
 * `fault`). An answer both sides refused so is an error answer (rule 12
 * amended): the members one side's error envelope gains or loses there, in
 * overlapping, unequal sets of answers, are one row (the handler), not one
 * per member. And the messages that side rewords in those same answers, two
 * wordings or more at one member of that envelope, are one row of their own
 * (rule 39: the rewritten handler's words), never the envelope's row.
 * **Kept apart**: a message reworded on a refusal whose envelope did not
 * change (another handler wrote it, on both sides: its own row, though it
 * sits at the same member and on an operation the others share).
 *
 * Two fixtures with other envelopes, members, operations and words:
 * JSON-RPC 2.0 (`error: {code, message, data}`; the candidate moves its
 * trace out of `data`) and an API that names its operation in
 * `X-Amz-Target` and refuses with `{"fault": {faultCode, faultString,
 * detail}}` (the candidate drops `detail` and adds `origin`).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText, postCase } from '../helpers/rpc-cases.js';

type Body = Record<string, unknown>;

/** What one call asks: its refusal (by the rewritten handler or another one) or an answer. */
type Kind = 'answer' | 'limit' | 'window' | 'closed' | 'unknown' | 'taken';

interface Fixture {
  readonly name: string;
  /** Each kind's operation. */
  readonly operation: Readonly<Record<Kind, string>>;
  readonly call: (operation: string, n: number) => { headers: string; json: string };
  readonly operationOf: (headers: Body, body: Body) => string;
  readonly answer: (body: Body) => Body;
  /** A refusal: each side's message; `own` for the other handler (an envelope alike on both). */
  readonly refusal: (body: Body, candidate: boolean, message: string, own: boolean) => Body;
  /** The member each envelope holds its message in, and the envelope's changes. */
  readonly message: string;
  readonly envelope: readonly string[];
  /** Per refusal kind: the baseline's and the candidate's message. */
  readonly words: Readonly<Record<Exclude<Kind, 'answer'>, readonly [string, string]>>;
}

const JSON_RPC: Fixture = {
  name: 'JSON-RPC 2.0, error {code, message, data}',
  operation: {
    answer: 'ledger_balance',
    limit: 'ledger_credit',
    window: 'ledger_audit',
    closed: 'ledger_close',
    unknown: 'ledger_teleport',
    taken: 'ledger_credit',
  },
  call: (operation, n) => ({
    headers: '{ content-type: application/json }',
    json: `{ jsonrpc: "2.0", id: ${n}, method: ${operation}, params: [${n}] }`,
  }),
  operationOf: (_headers, body) => String(body.method),
  answer: (body) => ({ jsonrpc: '2.0', id: body.id, result: '0x10' }),
  refusal: (body, candidate, message, own) => {
    // The other handler: the same envelope on both sides.
    if (own) return { jsonrpc: '2.0', id: body.id, error: { code: -32602, message } };
    const error = candidate
      ? { code: -32000, message, trace: 'LedgerError: at ledger.ts:9' }
      : {
          code: -32000,
          message,
          // An unknown method carries no data on the baseline: nothing to lose there.
          ...(body.method === 'ledger_teleport' ? {} : { data: { trace: 'at ledger.js:1' } }),
        };
    return { jsonrpc: '2.0', id: body.id, error };
  },
  message: '/error/message',
  envelope: ['/error/data', '/error/trace'],
  words: {
    limit: ['amount over limit', 'credit exceeds the ledger limit'],
    window: ['audit window closed', 'audit window closed'],
    closed: ['ledger already closed', 'ledger already closed'],
    unknown: ['Method ledger_teleport not supported.', 'The method ledger_teleport does not exist'],
    taken: ['account name taken', 'that account name is in use'],
  },
};

const HEADER_NAMED: Fixture = {
  name: 'X-Amz-Target, fault {faultCode, faultString, detail}',
  operation: {
    answer: 'Depot_2025.Inspect',
    limit: 'Depot_2025.Reserve',
    window: 'Depot_2025.Release',
    closed: 'Depot_2025.Seal',
    unknown: 'Depot_2025.Juggle',
    taken: 'Depot_2025.Seal',
  },
  call: (operation, n) => ({
    headers: `{ content-type: application/x-amz-json-1.1, x-amz-target: ${operation} }`,
    json: `{ Seq: ${n} }`,
  }),
  operationOf: (headers) => String(headers['x-amz-target']),
  answer: () => ({ ok: { Shelf: 'north', Count: 2 } }),
  refusal: (body, candidate, message, own) => {
    if (own) return { fault: { faultCode: 7, faultString: message } };
    // An unknown operation carries no detail on the baseline: nothing to lose there.
    const detail = body.Seq === 5 ? {} : { detail: { seq: body.Seq, node: 'depot-1' } };
    const fault = candidate
      ? { faultCode: 4, faultString: message, origin: 'depot-core' }
      : { faultCode: 4, faultString: message, ...detail };
    return { fault };
  },
  message: '/fault/faultString',
  envelope: ['/fault/detail', '/fault/origin'],
  words: {
    limit: ['slot is full', 'no free slot left on the shelf'],
    window: ['nothing reserved', 'nothing reserved'],
    closed: ['depot sealed already', 'depot sealed already'],
    unknown: ['unknown operation Juggle', 'operation Juggle is not implemented'],
    taken: ['seal code reused', 'that seal code was used before'],
  },
};

const KINDS: readonly Kind[] = ['answer', 'limit', 'window', 'closed', 'unknown', 'taken'];

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const body = JSON.parse(text || '{}') as Body;
    if (req.method !== 'POST' || req.url !== '/') return json(res, 404, {});
    const operation = f.operationOf(req.headers, body);
    // The call's number says what it asks (one operation is asked two things).
    const n = Number(body.id ?? body.Seq);
    const kind = KINDS[n - 1];
    if (kind === undefined || f.operation[kind] !== operation) return json(res, 404, {});
    if (kind === 'answer') return json(res, 200, f.answer(body));
    const message = f.words[kind][candidate ? 1 : 0];
    return json(res, 200, f.refusal(body, candidate, message, kind === 'taken'));
  });
}

const cases = (f: Fixture) =>
  `suite: rpc\ncases:\n${KINDS.map((kind, i) => postCase(kind, f.call(f.operation[kind], i + 1))).join('\n')}\n`;

describe('refusals both sides answer in the body, with one status', () => {
  it.each([JSON_RPC, HEADER_NAMED])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number]) => [...c.caseIds].sort();
    const rowsOf = (id: string) => causes.filter((c) => c.caseIds.includes(`rpc/${id}`));
    // The envelope: members lost and gained in overlapping, unequal sets of refusals, one row.
    const envelope = causes.filter((c) => f.envelope.some((m) => c.summary.includes(`\`${m}\``)));
    expect(envelope, all).toHaveLength(1);
    expect(ids(envelope[0] ?? causes[0]!), all).toEqual([
      'rpc/closed',
      'rpc/limit',
      'rpc/unknown',
      'rpc/window',
    ]);
    // The rewritten handler's two rewordings: one row of their own, not the envelope's.
    const reworded = rowsOf('limit').filter((c) => c !== envelope[0]);
    expect(reworded, all).toHaveLength(1);
    expect(ids(reworded[0] ?? causes[0]!), all).toEqual(['rpc/limit', 'rpc/unknown']);
    expect(reworded[0]?.summary, all).toContain(`\`${f.message}\``);
    // Another handler's rewording, at the same member and on an operation the others share: its own row.
    const other = rowsOf('taken');
    expect(other, all).toHaveLength(1);
    expect(ids(other[0] ?? causes[0]!), all).toEqual(['rpc/taken']);
    expect(rowsOf('answer'), all).toEqual([]);
    expect(causes, all).toHaveLength(3);
  });
});
