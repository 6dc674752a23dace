/**
 * Issue 43: an answer one side refuses with its error envelope where the
 * other answers a result, both with one status (a JSON-RPC API answers
 * `200` either way), is that operation's behaviour: two operations whose
 * calls one side refuses and the other accepts are two decisions, two rows,
 * each on its own operation, though the change is the same (``candidate
 * lacks `/error` ``). A change of the envelope itself, seen on every
 * operation's refusals, stays one row across them. Two fixtures with other
 * envelopes and operations: JSON-RPC 2.0 (`result` / `error`, the method in
 * the body; the baseline refuses) and an API that names its operation in
 * `X-Amz-Target` and answers `{"ok": …}` / `{"fault": …}` (the candidate
 * refuses). On a REST API the same holds per resource: two paths that one
 * side answers `200 {"error": …}` where the other answers a record are two
 * rows.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfPair, rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText, rpcSuite } from '../helpers/rpc-cases.js';

type Body = Record<string, unknown>;

interface Fixture {
  readonly name: string;
  readonly operations: readonly [string, string];
  /** The endpoint a call of `operation` is grouped by. */
  readonly endpoint: (operation: string) => string;
  /** A call: its headers and JSON body (YAML flow), `kind` what the call asks. */
  readonly call: (operation: string, kind: Kind, n: number) => { headers: string; json: string };
  readonly operationOf: (headers: Body, body: Body) => string;
  readonly kindOf: (body: Body) => Kind;
  /** The side that refuses what the other accepts. */
  readonly refuser: 'baseline' | 'candidate';
  /** An answer with `value`, and an error (the candidate's envelope lacks one member). */
  readonly answer: (body: Body, value: unknown) => Body;
  readonly error: (body: Body, candidate: boolean, message: string) => Body;
  /** What the accepting side answers, per operation: each operation's own result. */
  readonly accepted: readonly [unknown, unknown];
}

/** `plain`: both accept alike; `disputed`: one side refuses; `bad`: both refuse. */
type Kind = 'plain' | 'disputed' | 'bad';

const JSON_RPC: Fixture = {
  name: 'JSON-RPC 2.0, result and error, the baseline refusing',
  operations: ['vault_deposit', 'vault_lookup'],
  endpoint: (operation) => `POST / ${operation}`,
  call: (operation, kind, n) => ({
    headers: '{ content-type: application/json }',
    json: `{ jsonrpc: "2.0", id: ${n}, method: ${operation}, params: [${kind}] }`,
  }),
  operationOf: (_headers, body) => String(body.method),
  kindOf: (body) => (Array.isArray(body.params) ? (body.params[0] as Kind) : 'bad'),
  refuser: 'baseline',
  answer: (body, value) => ({ jsonrpc: '2.0', id: body.id, result: value }),
  error: (body, candidate, message) => ({
    jsonrpc: '2.0',
    id: body.id,
    error: { code: -32000, message, ...(candidate ? {} : { data: { where: 'vault' } }) },
  }),
  // A deposit accepted answers its receipt id; a lookup of nothing, null.
  accepted: ['0x5f2a9c01', null],
};

const HEADER_NAMED: Fixture = {
  name: 'X-Amz-Target, ok and fault, the candidate refusing',
  operations: ['Depot_2025.Reserve', 'Depot_2025.Inspect'],
  endpoint: (operation) => `POST / ${operation}`,
  call: (operation, kind, n) => ({
    headers: `{ content-type: application/x-amz-json-1.1, x-amz-target: ${operation} }`,
    json: `{ Ask: ${kind}, Seq: ${n} }`,
  }),
  operationOf: (headers) => String(headers['x-amz-target']),
  kindOf: (body) => body.Ask as Kind,
  refuser: 'candidate',
  answer: (_body, value) => ({ ok: value }),
  error: (_body, candidate, message) => ({
    fault: { faultCode: 4, faultString: message, ...(candidate ? {} : { trace: 'depot' }) },
  }),
  accepted: [
    { Slot: 'A-7', Hold: 30 },
    { Shelf: 'north', Count: 2 },
  ],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res, text) => {
    const body = JSON.parse(text || '{}') as Body;
    if (req.method !== 'POST' || req.url !== '/') return json(res, 404, {});
    const i = f.operations.indexOf(f.operationOf(req.headers, body));
    if (i < 0) return json(res, 404, {});
    const kind = f.kindOf(body);
    const refuses =
      kind === 'bad' || (kind === 'disputed' && candidate === (f.refuser === 'candidate'));
    if (refuses) {
      const message = kind === 'bad' ? 'invalid arguments' : `not allowed by operation ${i}`;
      return json(res, 200, f.error(body, candidate, message));
    }
    return json(res, 200, f.answer(body, kind === 'plain' ? 'same' : f.accepted[i]));
  });
}

const cases = (f: Fixture) =>
  rpcSuite(
    f.operations,
    [
      ['plain', 'plain'],
      ['disputed', 'disputed'],
      ['bad', 'bad'],
    ] as const,
    (operation, kind, n) => f.call(operation, kind, n),
  );

describe('a refusal against a result, with one status, is the operation’s', () => {
  it.each([JSON_RPC, HEADER_NAMED])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number]) => [...c.caseIds].sort();
    // Each operation's refusal: one row of its own, on its own operation, and nothing else.
    for (const [i, operation] of f.operations.entries()) {
      const rows = causes.filter((c) => c.caseIds.includes(`rpc/disputed-${i}`));
      expect(rows, all).toHaveLength(1);
      expect(rows[0]?.endpoints, all).toEqual([f.endpoint(operation)]);
      expect(ids(rows[0] ?? causes[0]!), all).toEqual([`rpc/disputed-${i}`]);
    }
    // The envelope lacks one member on every operation's errors: one row across both.
    const envelope = causes.filter((c) => c.caseIds.some((id) => id.startsWith('rpc/bad-')));
    expect(envelope, all).toHaveLength(1);
    expect(ids(envelope[0] ?? causes[0]!), all).toEqual(['rpc/bad-0', 'rpc/bad-1']);
    expect(
      causes.filter((c) => c.caseIds.some((id) => id.startsWith('rpc/plain-'))),
      all,
    ).toEqual([]);
    expect(causes, all).toHaveLength(3);
  });
});

describe('a REST API answering 200 with an error where the other side answers a record', () => {
  it('is one row per resource, the error member and the record members in it', async () => {
    // The candidate answers its refusals 200 with an `error` member; the baseline serves the record.
    const start = (candidate: boolean) =>
      startServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const record = /^\/(parcels|lockers)\/(\w+)$/.exec(url.pathname);
        if (record === null) return json(res, 404, {});
        const [, kind, id] = record;
        if (id === 'ok') return json(res, 200, { id, kind });
        if (candidate) return json(res, 200, { error: { reason: `${kind} sealed` } });
        return json(res, 200, kind === 'parcels' ? { id, weight: 3 } : { id, door: 'B2' });
      });
    const baseline = await start(false);
    const candidate = await start(true);
    try {
      const causes = await rootCausesOfPair(
        `suite: rest
cases:
  - { id: parcel-ok, request: { method: GET, path: /parcels/ok } }
  - { id: parcel-sealed, request: { method: GET, path: /parcels/p9 } }
  - { id: locker-ok, request: { method: GET, path: /lockers/ok } }
  - { id: locker-sealed, request: { method: GET, path: /lockers/l4 } }
`,
        baseline,
        candidate,
      );
      const all = JSON.stringify(causes.map((c) => [c.summary, c.endpoints, c.caseIds]));
      expect(causes.map((c) => [...c.caseIds].sort()).sort(), all).toEqual([
        ['rest/locker-sealed'],
        ['rest/parcel-sealed'],
      ]);
    } finally {
      await Promise.all([baseline.close(), candidate.close()]);
    }
  });
});
