/**
 * Issue 43, with real servers: an error envelope that names its status
 * (`named-statuses.ts`). The baseline answers `{"<error>": message}`; the
 * candidate `{"<error>": reason phrase, "<message>": message, "<status>": n}`,
 * its messages moved unchanged on a 404 and reworded on the 400s a
 * validator refuses. The envelope is one row (the reason phrase at
 * `<error>` one of its changes, never "value of `<error>` differs"); the
 * reworded messages are one row of their own listing the pairs. Planted in
 * the same members, a second cause: two refusals where the candidate writes
 * `Invalid input` at `<error>`, no reason phrase: it stays a row of its own.
 * Two fixtures with other names and spellings of the phrase.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly error: string;
  readonly message: string;
  readonly status: string;
  readonly phrase: (reason: string) => string;
}

const EXPRESS: Fixture = {
  name: 'an Express error against a Fastify one',
  error: 'error',
  message: 'message',
  status: 'statusCode',
  phrase: (reason) => reason,
};
const FAULTS: Fixture = {
  name: 'a fault against a detailed fault, its phrase in UPPER_SNAKE',
  error: 'fault',
  message: 'detail',
  status: 'status',
  phrase: (reason) => reason.toUpperCase().replaceAll(' ', '_'),
};

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };

/** Per route: the status, the baseline's message, the candidate's, and what it writes at the error member. */
function refusal(method: string, path: string): [number, string, string, string | undefined] {
  const [, kind = '', id = ''] = path.split('/');
  if (method === 'POST' && kind === 'users') {
    return [400, 'email is invalid', 'body/email must match format "email"', undefined];
  }
  if (method === 'POST' && kind === 'notes') {
    return [400, 'title is required', "body must have required property 'title'", undefined];
  }
  // The second cause: no reason phrase at the error member.
  if (id === 'bad')
    return [400, 'id must be a number', 'params/id must be integer', 'Invalid input'];
  return [404, `${kind} ${id} not found`, `${kind} ${id} not found`, undefined];
}

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [status, old, now, error] = refusal(req.method ?? 'GET', path);
    if (!candidate) return json(res, status, { [f.error]: old });
    return json(res, status, {
      [f.status]: status,
      [f.error]: error ?? f.phrase(REASONS[status] ?? ''),
      [f.message]: now,
    });
  });
}

const CASES = `suite: s
cases:
  - { id: user, request: { method: GET, path: /users/7 } }
  - { id: note, request: { method: GET, path: /notes/12 } }
  - { id: user-create, request: { method: POST, path: /users, json: { email: x } } }
  - { id: note-create, request: { method: POST, path: /notes, json: {} } }
  - { id: order, request: { method: GET, path: /orders/bad } }
  - { id: invoice, request: { method: GET, path: /invoices/bad } }
`;

describe('an error envelope that names its status', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([EXPRESS, FAULTS])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(CASES, baseline, candidate);
    const summaries = causes.map((c) => c.summary).join('\n');
    const envelope = causes.filter((c) => c.summary.includes('names the status'));
    expect(envelope, summaries).toHaveLength(1);
    expect(envelope[0]?.summary).toContain(`candidate names the status at \`/${f.error}\``);
    expect(envelope[0]?.summary).toContain(`\`/${f.message}\``);
    expect(envelope[0]?.caseIds).toHaveLength(6);
    const reworded = causes.filter((c) => c.summary.startsWith('message reworded'));
    expect(reworded, summaries).toHaveLength(1);
    expect(reworded[0]?.summary).toContain(
      `message reworded (moved from \`/${f.error}\` to \`/${f.message}\`)`,
    );
    expect(reworded[0]?.caseIds.toSorted()).toEqual(['s/note-create', 's/user-create']);
    // The second cause in the same members: its own row, on both its answers.
    const other = causes.filter((c) => c.summary.includes('Invalid input'));
    expect(other, summaries).toHaveLength(1);
    expect(other[0]?.caseIds).toHaveLength(2);
    expect(causes, summaries).toHaveLength(3);
  });
});
