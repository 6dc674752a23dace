/**
 * Issue 43, rule 43: one refusal's details, on several operations, are one
 * cause. Both sides refuse two calls of two operations for one reason,
 * worded alike on both (a JSON-RPC `error.message`, a fault's
 * `faultString`), and the candidate reports that error's details otherwise
 * on each (a string where an object was on one, members added to the object
 * on the other, one of them `null`): one row, not one per operation. **Kept apart**: another
 * reason, on two other operations, whose details change under the same
 * member: its own row, though both rows share the member, the class and the
 * envelope.
 *
 * Two fixtures with other envelopes, members, operations and words:
 * JSON-RPC 2.0 (`error: {code, message, data}`) and an API that names its
 * operation in `X-Amz-Target` and refuses with `{"fault": {faultCode,
 * faultString, detail}}`.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText, postCase } from '../helpers/rpc-cases.js';

type Body = Record<string, unknown>;

/** One call: its operation, the reason both sides give, and each side's details. */
interface Call {
  readonly id: string;
  readonly operation: string;
  readonly reason: string;
  readonly details: readonly [unknown, unknown];
}

interface Fixture {
  readonly name: string;
  readonly calls: readonly Call[];
  readonly call: (operation: string, n: number) => { headers: string; json: string };
  readonly numberOf: (headers: Body, body: Body) => [operation: string, n: number];
  readonly refusal: (body: Body, reason: string, details: unknown) => Body;
}

const JSON_RPC: Fixture = {
  name: 'JSON-RPC 2.0, error {code, message, data}',
  calls: [
    {
      id: 'halted-simulate',
      operation: 'vault_simulate',
      reason: 'execution halted by guard clause',
      details: [{ frames: { pc: 5 }, origin: 'guard' }, '0x'],
    },
    {
      id: 'halted-quote',
      operation: 'vault_quote',
      reason: 'execution halted by guard clause',
      details: [
        { frames: { pc: 5 }, origin: 'guard' },
        // A member the candidate writes as null, in this answer alone: part of its details.
        { frames: { pc: 5 }, origin: 'guard', counter: 5, output: '0x', note: null },
      ],
    },
    {
      id: 'locked-store',
      operation: 'vault_store',
      reason: 'storage slot is locked',
      details: [{ slot: 2 }, { slot: 2, holder: 'vault-7' }],
    },
    {
      id: 'locked-peek',
      operation: 'vault_peek',
      reason: 'storage slot is locked',
      details: [{ slot: 4 }, [4]],
    },
  ],
  call: (operation, n) => ({
    headers: '{ content-type: application/json }',
    json: `{ jsonrpc: "2.0", id: ${n}, method: ${operation}, params: [] }`,
  }),
  numberOf: (_headers, body) => [String(body.method), Number(body.id)],
  refusal: (body, reason, details) => ({
    jsonrpc: '2.0',
    id: body.id,
    error: { code: -32000, message: reason, data: details },
  }),
};

const HEADER_NAMED: Fixture = {
  name: 'X-Amz-Target, fault {faultCode, faultString, detail}',
  calls: [
    {
      id: 'quota-reserve',
      operation: 'Depot_2025.Reserve',
      reason: 'quota window exhausted for tenant',
      details: [{ tenant: 't1', window: '1h' }, 'limit=3'],
    },
    {
      id: 'quota-extend',
      operation: 'Depot_2025.Extend',
      reason: 'quota window exhausted for tenant',
      details: [
        { tenant: 't1', window: '1h' },
        { tenant: 't1', window: '1h', limit: 3, used: 3, hint: null },
      ],
    },
    {
      id: 'audit-release',
      operation: 'Depot_2025.Release',
      reason: 'shelf is being audited',
      details: [{ shelf: 'north' }, { shelf: 'north', auditor: 'kim' }],
    },
    {
      id: 'audit-seal',
      operation: 'Depot_2025.Seal',
      reason: 'shelf is being audited',
      details: [{ shelf: 'south' }, ['south']],
    },
  ],
  call: (operation, n) => ({
    headers: `{ content-type: application/x-amz-json-1.1, x-amz-target: ${operation} }`,
    json: `{ Seq: ${n} }`,
  }),
  numberOf: (headers, body) => [String(headers['x-amz-target']), Number(body.Seq)],
  refusal: (_body, reason, details) => ({
    fault: { faultCode: 9, faultString: reason, detail: details },
  }),
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const body = JSON.parse(text || '{}') as Body;
    if (req.method !== 'POST' || req.url !== '/') return json(res, 404, {});
    const [operation, n] = f.numberOf(req.headers, body);
    const call = f.calls[n - 1];
    if (call === undefined || call.operation !== operation) return json(res, 404, {});
    return json(res, 200, f.refusal(body, call.reason, call.details[candidate ? 1 : 0]));
  });
}

const cases = (f: Fixture) =>
  `suite: rpc\ncases:\n${f.calls.map((c, i) => postCase(c.id, f.call(c.operation, i + 1))).join('\n')}\n`;

describe('one refusal’s details, on several operations', () => {
  it.each([JSON_RPC, HEADER_NAMED])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number]) => [...c.caseIds].sort();
    // One row per reason, each listing the two operations that gave it.
    const [first, , third] = f.calls;
    for (const one of [first, third]) {
      const rows = causes.filter((c) => c.caseIds.includes(`rpc/${one?.id}`));
      expect(rows, all).toHaveLength(1);
      const same = f.calls.filter((c) => c.reason === one?.reason).map((c) => `rpc/${c.id}`);
      expect(ids(rows[0] ?? causes[0]!), all).toEqual(same.sort());
      expect(rows[0]?.endpoints, all).toHaveLength(2);
    }
    expect(causes, all).toHaveLength(2);
  });
});
