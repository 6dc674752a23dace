/**
 * Issue 43: on an RPC API every call is `POST /`, and the endpoint is the
 * operation the request names (a JSON-RPC `method`, an `X-Amz-Target`).
 * Two operations whose answers differ at one member, each in its own way,
 * are two decisions: two rows, each on its own operation, though each
 * call's values are its own (data). The same change on every operation is
 * still one row across them: an error envelope lacking one member, and an
 * error code that differs the same way on every refusal (answered 200 in a
 * JSON-RPC envelope). Two fixtures: a JSON-RPC 2.0 API and one that names
 * its operation in a header, with other operations and members.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText, rpcSuite } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  /** The two operations, each answering one member that differs its own way. */
  readonly operations: readonly [string, string];
  /** The endpoint a call of `operation` is grouped by. */
  readonly endpoint: (operation: string) => string;
  /** How a call names its operation: the request's headers and JSON body. */
  readonly call: (operation: string, bad: boolean, n: number) => { headers: string; json: string };
  /** The operation a request names, as the server reads it. */
  readonly operationOf: (headers: Record<string, unknown>, body: Record<string, unknown>) => string;
  readonly isBad: (body: Record<string, unknown>) => boolean;
  /** An answer holding `value`, and the error the server answers a bad call with. */
  readonly answer: (body: Record<string, unknown>, value: unknown) => unknown;
  readonly error: (body: Record<string, unknown>, candidate: boolean) => unknown;
  /** The status of an error answer. */
  readonly errorStatus: number;
  /** Per operation, the baseline's and the candidate's value for the `n`th call (data: no two alike). */
  readonly values: Readonly<Record<string, (n: number) => readonly [unknown, unknown]>>;
  /** The call's number, as the request sends it. */
  readonly callNumber: (body: Record<string, unknown>) => number;
  /**
   * The rows of the error answers' changes: one where they sit in one error
   * object (rule 58: its code and the member it lacks change in exactly the
   * same answers), two in a flat envelope (rule 58 reads no body's top).
   */
  readonly envelopeRows: number;
}

const JSON_RPC: Fixture = {
  name: 'a JSON-RPC 2.0 API',
  operations: ['inventory.count', 'inventory.label'],
  endpoint: (operation) => `POST / ${operation}`,
  call: (operation, bad, n) => ({
    headers: '{ content-type: application/json }',
    json: `{ jsonrpc: "2.0", id: ${n}, method: ${operation}, params: ${bad ? '[1, 2, 3]' : `[${n}]`} }`,
  }),
  operationOf: (_headers, body) => String(body.method),
  isBad: (body) => Array.isArray(body.params) && body.params.length > 1,
  callNumber: (body) => Number(body.id),
  answer: (body, value) => ({ jsonrpc: '2.0', id: body.id, result: value }),
  error: (body, candidate) => ({
    jsonrpc: '2.0',
    id: body.id,
    error: {
      code: candidate ? -32000 : -32602,
      message: 'invalid params',
      ...(candidate ? {} : { data: { expected: 0 } }),
    },
  }),
  errorStatus: 200,
  envelopeRows: 1,
  // Each call's own count and label: data, keyed by the place and never alike twice.
  values: {
    'inventory.count': (n) => [`0x${(n * 1000).toString(16)}`, `0x${(n * 1000 + 7).toString(16)}`],
    'inventory.label': (n) => [`0x${(n * 31).toString(16)}`, `0x${(n * 97).toString(16)}`],
  },
};

const HEADER_NAMED: Fixture = {
  name: 'an API that names its operation in X-Amz-Target',
  operations: ['DescribeQuota', 'DescribeBurst'],
  // The header's whole value names the operation, its API version included.
  endpoint: (operation) => `POST / Ledger_20240101.${operation}`,
  call: (operation, bad, n) => ({
    headers: `{ content-type: application/x-amz-json-1.1, x-amz-target: Ledger_20240101.${operation} }`,
    json: bad ? `{ Unknown: true, Call: ${n} }` : `{ Ledger: main, Call: ${n} }`,
  }),
  operationOf: (headers) => String(headers['x-amz-target']).split('.').pop() ?? '',
  isBad: (body) => 'Unknown' in body,
  callNumber: (body) => Number(body.Call),
  answer: (_body, value) => ({ Outcome: value }),
  error: (_body, candidate) => ({
    __type: 'ValidationException',
    Severity: candidate ? 3 : 2,
    ...(candidate ? {} : { Reason: 'unknown member' }),
  }),
  errorStatus: 400,
  envelopeRows: 2,
  values: {
    DescribeQuota: (n) => [{ Limit: n * 5 }, { Limit: n * 50 }],
    DescribeBurst: (n) => [{ Limit: n * 3 }, { Limit: n * 3 + 1 }],
  },
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const body = JSON.parse(text || '{}') as Record<string, unknown>;
    if (req.method !== 'POST' || req.url !== '/') return json(res, 404, {});
    if (f.isBad(body)) return json(res, f.errorStatus, f.error(body, candidate));
    const values = f.values[f.operationOf(req.headers, body)];
    if (values === undefined) return json(res, 404, {});
    return json(res, 200, f.answer(body, values(f.callNumber(body))[candidate ? 1 : 0]));
  });
}

const cases = (f: Fixture) =>
  rpcSuite(
    f.operations,
    [
      ['read', false],
      ['again', false],
      ['bad', true],
    ] as const,
    (operation, bad, n) => f.call(operation, bad, n),
  );

describe('the endpoint of an RPC call is the operation it names', () => {
  it.each([JSON_RPC, HEADER_NAMED])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number]) => [...c.caseIds].sort();
    // Each operation's value change: a row of its own, on its own endpoint.
    for (const [i, operation] of f.operations.entries()) {
      const own = causes.filter((c) => c.caseIds.some((id) => id.startsWith('rpc/read-')));
      const row = own.find((c) => c.endpoints.includes(f.endpoint(operation)));
      expect(row, all).toBeDefined();
      expect(row?.endpoints, all).toEqual([f.endpoint(operation)]);
      expect(ids(row ?? causes[0]!), all).toEqual([`rpc/again-${i}`, `rpc/read-${i}`]);
    }
    // The error envelope lacks one member, and its code differs one way, on every
    // operation: across both, one row (an error object, rule 58) or one row each.
    const envelope = causes.filter((c) => c.caseIds.some((id) => id.startsWith('rpc/bad-')));
    expect(envelope, all).toHaveLength(f.envelopeRows);
    for (const row of envelope) expect(ids(row), all).toEqual(['rpc/bad-0', 'rpc/bad-1']);
    expect(causes, all).toHaveLength(2 + f.envelopeRows);
  });
});
