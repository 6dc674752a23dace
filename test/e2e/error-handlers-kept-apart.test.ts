/**
 * Issue 43, tracker rule 28 kept apart (`error-handlers.ts`), with real
 * servers: one side crashes into the same generic page on requests the other
 * refuses for two reasons, each named by its own code in one error document
 * shape (`{"code": 11, …}` against `{"code": 23, …}`). The page says nothing
 * of what failed, so only the codes tell the refusals apart: two decisions,
 * never one "error answers" row. Answers of one code on two endpoints still
 * join as one handler's row; documents that echo their status in a member
 * (Fastify's `statusCode`) name no code. Two fixtures with the sides, the
 * members (top level, nested), the pages and the statuses changed.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Answer = readonly [status: number, type: string, text: string];

interface Fixture {
  readonly name: string;
  /** The side that answers error documents; the other crashes into `page`. */
  readonly documents: 'baseline' | 'candidate';
  readonly page: Answer;
  /** Case id, method, path, the document side's answer, and the code it names. */
  readonly cases: readonly (readonly [string, string, string, Answer, number])[];
}

const J = 'application/json';

const JOBS: Fixture = {
  name: 'a job queue whose rewrite crashes where the old one refused two ways',
  documents: 'baseline',
  page: [500, 'text/plain', '500 Internal Server Error'],
  cases: [
    [
      'create-without-kind',
      'POST',
      '/jobs',
      [400, J, '{"code":11,"message":"Missing job kind"}'],
      11,
    ],
    [
      'result-of-cancelled',
      'GET',
      '/jobs/7/result',
      [409, J, '{"code":23,"message":"Job was cancelled"}'],
      23,
    ],
    [
      'retry-without-kind',
      'PUT',
      '/jobs/8/retry',
      [400, J, '{"code":11,"message":"Missing job kind"}'],
      11,
    ],
  ],
};

const LEDGER: Fixture = {
  name: 'a ledger whose old version crashes where the new one refuses two ways',
  documents: 'candidate',
  page: [
    500,
    'text/html',
    '<html><head><title>Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>',
  ],
  cases: [
    [
      'entry-unbalanced',
      'POST',
      '/ledger/entries',
      [422, J, '{"error":{"errno":4003,"reason":"entry does not balance"}}'],
      4003,
    ],
    [
      'close-unbalanced',
      'DELETE',
      '/ledger/accounts/12',
      [422, J, '{"error":{"errno":4003,"reason":"account does not balance"}}'],
      4003,
    ],
    [
      'close-frozen',
      'PATCH',
      '/ledger/accounts/13',
      [423, J, '{"error":{"errno":4231,"reason":"account is frozen"}}'],
      4231,
    ],
  ],
};

function server(f: Fixture, documents: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const found = f.cases.find(([, method, path]) => method === req.method && path === req.url);
    if (found === undefined) return json(res, 200, {});
    const [status, type, text] = documents ? found[3] : f.page;
    res.writeHead(status, { 'content-type': type });
    res.end(text);
  });
}

const library = (f: Fixture) => `suite: s
cases:
${f.cases
  .map(([id, method, path]) => `  - id: ${id}\n    request: { method: ${method}, path: ${path} }\n`)
  .join('')}`;

describe("one side's error handler keeps apart documents that name two codes", () => {
  it.each([JOBS, LEDGER])('$name', async (f) => {
    const start = (candidate: boolean) => server(f, candidate === (f.documents === 'candidate'));
    const causes = await rootCausesOfServers(library(f), start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const codeOf = new Map(f.cases.map(([id, , , , code]) => [`s/${id}`, code]));
    // No row holds answers of two codes: each code is a reason of its own.
    for (const cause of causes) {
      expect(new Set(cause.caseIds.map((id) => codeOf.get(id))).size, summaries).toBe(1);
    }
    // Every answer has a row.
    expect(new Set(causes.flatMap((c) => c.caseIds)), summaries).toEqual(new Set(codeOf.keys()));
    // The code two answers on two endpoints share is still one handler's row, and says its code.
    const handler = causes.filter((c) => c.summary.startsWith('error answers: '));
    expect(handler, summaries).toHaveLength(1);
    const [shared] = f.cases;
    const code = shared?.[4];
    expect(handler[0]?.summary, summaries).toMatch(new RegExp(`\\(\`(code|errno)\` ${code}\\)$`));
    expect(handler[0]?.caseIds.length).toBe(2);
  });

  it('keeps one row where the documents echo their status and name no code', async () => {
    const echo = (status: number, reason: string, message: string): Answer => [
      status,
      J,
      JSON.stringify({ statusCode: status, error: reason, message }),
    ];
    const f: Fixture = {
      ...JOBS,
      cases: [
        ['create-without-kind', 'POST', '/jobs', echo(400, 'Bad Request', 'kind is required'), 0],
        [
          'result-of-cancelled',
          'GET',
          '/jobs/7/result',
          echo(409, 'Conflict', 'job was cancelled'),
          0,
        ],
        [
          'retry-not-done',
          'PUT',
          '/jobs/8/retry',
          echo(422, 'Unprocessable Entity', 'job not done'),
          0,
        ],
      ],
    };
    const start = (candidate: boolean) => server(f, !candidate);
    const causes = await rootCausesOfServers(library(f), start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    expect(causes, summaries).toHaveLength(1);
    expect(causes[0]?.summary).toBe(
      'error answers: candidate text pages vs baseline JSON error documents {`error`, `message`, `statusCode`}',
    );
  });
});
