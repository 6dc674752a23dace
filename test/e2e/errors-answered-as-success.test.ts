/**
 * A side that answers a request it refused with a success status, writing
 * the same error document the other side answers with an error status (a
 * GraphQL server that answers a failed query `200` with its `errors`, where
 * the other answers `400`, or `500` for a missing variable; a JSON-RPC
 * server that answers `200` where the other answers `404` or `400`). It
 * accepted nothing (`core/compare/findings.ts`, `answeredAsSuccess`):
 *
 * - its status transitions are one row, keyed by that side and its status
 *   whatever the other side's error status;
 * - the bodies are compared as any two answers: each message worded
 *   otherwise is a row of its own (three errors, three wordings: no values
 *   read as data), and a message both word alike is no row;
 * - no later read is its consequence (no write was accepted).
 *
 * A write one side really accepted (a record against an error document)
 * keeps its status row with the refusing side's reason, and the later read
 * that shows it is its consequence; one document whose flag differs
 * (`healthy: true` against `false`) says two outcomes, a status row as ever. Two fixtures with other names, routes,
 * sides and statuses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** The side that answers its errors with a success status, and that status. */
  readonly lenient: 'baseline' | 'candidate';
  readonly success: number;
  /** The error document around a message (`errors: [{message}]`, `error: {message}`). */
  readonly document: (message: string) => Record<string, unknown>;
  /** Where the message sits, as the row names it. */
  readonly field: string;
  /**
   * The requests that fail: the strict side's status, and each side's message
   * (the same for one of them, reworded for the others).
   */
  readonly failures: readonly {
    readonly id: string;
    readonly op: string;
    readonly status: number;
    readonly strict: string;
    readonly lenient: string;
  }[];
  /** An operation the candidate accepts (a record) that the baseline refuses. */
  readonly create: string;
}

const GRAPHQL: Fixture = {
  name: 'a GraphQL server answering its errors 200',
  path: '/graphql',
  lenient: 'candidate',
  success: 200,
  document: (message) => ({ errors: [{ message, locations: [{ line: 1, column: 3 }] }] }),
  field: '/message',
  failures: [
    {
      id: 'unknown-field',
      op: 'unknownField',
      status: 400,
      strict: 'Cannot query field "x".',
      lenient: 'Cannot query field "x".',
    },
    {
      id: 'missing-variable',
      op: 'missingVariable',
      status: 500,
      strict: 'Variable "$id" was not provided.',
      lenient: 'Variable "$id" was not provided.',
    },
    {
      id: 'syntax',
      op: 'syntax',
      status: 400,
      strict: 'Syntax Error: Expected Name, found <EOF>',
      lenient: 'Syntax Error: Expected Name, found <EOF>.',
    },
    {
      id: 'wrong-type',
      op: 'wrongType',
      status: 400,
      strict: 'Expected type Int!, found "many".',
      lenient: 'Int cannot represent non-integer value: "many"',
    },
    {
      id: 'no-operation',
      op: 'none',
      status: 400,
      strict: 'Must provide query string.',
      lenient: 'Missing query',
    },
  ],
  create: 'createPost',
};
const RPC: Fixture = {
  name: 'a JSON-RPC server answering its errors 200',
  path: '/rpc',
  lenient: 'baseline',
  success: 200,
  document: (message) => ({ jsonrpc: '2.0', error: { code: -32600, message }, id: 7 }),
  field: '/error/message',
  failures: [
    {
      id: 'no-method',
      op: 'nope.call',
      status: 404,
      strict: 'Method not found',
      lenient: 'Method not found',
    },
    {
      id: 'bad-params',
      op: 'sum.bad',
      status: 400,
      strict: 'params must be an array',
      lenient: 'Invalid params',
    },
    {
      id: 'crash',
      op: 'sum.crash',
      status: 500,
      strict: 'internal failure in sum',
      lenient: 'Internal error',
    },
    {
      id: 'forbidden',
      op: 'admin.drop',
      status: 400,
      strict: 'not allowed here',
      lenient: 'Forbidden method',
    },
  ],
  create: 'notes.add',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const lenient = (f.lenient === 'candidate') === candidate;
  let made = 0;
  return startServer((req, res, body) => {
    // One document, two outcomes: a flag that differs is no message (a real status transition).
    if (req.url === '/health') return json(res, candidate ? 503 : 200, { healthy: !candidate });
    if (req.method === 'GET') return json(res, 200, { made });
    const { op } = JSON.parse(body || '{}') as { op?: string };
    if (op === f.create) {
      // Only the candidate accepts it, and answers the record.
      if (!candidate) return json(res, 400, f.document(`${f.create} is not supported`));
      made++;
      return json(res, 200, { id: made, title: 'hello' });
    }
    const failure = f.failures.find((one) => one.op === op) ?? f.failures[0];
    if (failure === undefined) return json(res, 500, {});
    const message = lenient ? failure.lenient : failure.strict;
    return json(res, lenient ? f.success : failure.status, f.document(message));
  });
}

const cases = (f: Fixture) => `suite: s
serial: true
sideEffects: true
cases:
${f.failures.map((one) => `  - id: ${one.id}\n    request: { method: POST, path: ${f.path}, json: { op: ${JSON.stringify(one.op)} } }`).join('\n')}
  - id: count-after-errors
    request: { method: GET, path: ${f.path} }
  - id: create
    request: { method: POST, path: ${f.path}, json: { op: ${JSON.stringify(f.create)} } }
  - id: count-after-create
    request: { method: GET, path: ${f.path} }
  - id: health
    request: { method: GET, path: /health }
`;

describe('an error answered with a success status, the same document on both sides', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([GRAPHQL, RPC])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const all = JSON.stringify(causes.map((c) => c.summary));
    const strict = f.lenient === 'candidate' ? 'baseline' : 'candidate';
    // One status row for every failure, whatever the strict side's status.
    const answered = causes.filter((c) =>
      c.summary.startsWith(
        `${f.lenient} answers ${f.success} with the error document ${strict} refuses with`,
      ),
    );
    expect(answered, all).toHaveLength(1);
    expect([...(answered[0]?.caseIds ?? [])].sort()).toEqual(
      f.failures.map((one) => `s/${one.id}`).sort(),
    );
    // Each reworded message is a row of its own, never one row of "data".
    const reworded = f.failures.filter((one) => one.strict !== one.lenient);
    for (const one of reworded) {
      const rows = causes.filter((c) => c.caseIds?.includes(`s/${one.id}`) && c !== answered[0]);
      expect(rows, `${one.id}: ${all}`).toHaveLength(1);
      expect(rows[0]?.summary).toContain(`value of \`${f.field}\` differs`);
      expect(rows[0]?.caseIds).toEqual([`s/${one.id}`]);
    }
    // The real write the candidate alone accepted keeps its reason, and the read after it follows.
    const created = causes.filter((c) => c.caseIds?.includes('s/create'));
    expect(created, all).toHaveLength(1);
    expect(created[0]?.summary).toContain('status 400 → 200');
    expect(created[0]?.summary).toContain(`is not supported`);
    expect(created[0]?.consequences).toEqual(['s/count-after-create']);
    // A flag that differs in one document is two outcomes: the status row as ever.
    const health = causes.filter((c) => c.caseIds?.includes('s/health'));
    expect(health.map((c) => c.summary)).toEqual(['status 200 → 503 on GET /health']);
    // The status row, the rewordings, the write, the health: nothing else (the read after the errors is equal).
    expect(causes, all).toHaveLength(3 + reworded.length);
  });
});
