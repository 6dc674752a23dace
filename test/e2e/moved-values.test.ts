/**
 * Issue 43, with real servers: one side's error envelope in which the old
 * message moved to a member of its own is one row on every endpoint. The
 * baseline answers `{"<error>": message, "<code>": …}`; the candidate
 * `{"<error>": reason phrase, "<message>": message, "<status>": n, "<code>": …}`
 * (an Express app against its Fastify port). Planted in the same objects, a
 * second cause: the candidate writes the error code in another spelling, a
 * value no member holds: it stays a row of its own. Two fixtures with other
 * names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly error: string;
  readonly message: string;
  readonly status: string;
  readonly code: string;
}

const EXPRESS: Fixture = {
  name: 'an Express error against a Fastify one',
  error: 'error',
  message: 'message',
  status: 'statusCode',
  code: 'code',
};
const FAULTS: Fixture = {
  name: 'a fault against a detailed fault',
  error: 'fault',
  message: 'detail',
  status: 'httpStatus',
  code: 'kind',
};

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, kind = '', id = ''] = path.split('/');
    const status = id === 'bad' ? 400 : 404;
    const message = status === 400 ? `${kind} id is not a number` : `${kind} ${id} not found`;
    const code = status === 400 ? 'bad_id' : 'missing';
    if (!candidate) return json(res, status, { [f.error]: message, [f.code]: code });
    return json(res, status, {
      [f.error]: REASONS[status],
      [f.message]: message,
      [f.status]: status,
      [f.code]: code.toUpperCase().replace('_', '-'),
    });
  });
}

const CASES = `suite: s
cases:
  - { id: user, request: { method: GET, path: /users/7 } }
  - { id: team, request: { method: GET, path: /teams/12 } }
  - { id: order, request: { method: GET, path: /orders/bad } }
  - { id: invoice, request: { method: GET, path: /invoices/30 } }
`;

describe('a message moved to a member of its own is one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([EXPRESS, FAULTS])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(CASES, baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    const envelope = causes.filter((c) => c.summary.includes(`\`/${f.message}\``));
    expect(envelope, summaries.join('\n')).toHaveLength(1);
    expect(envelope[0]?.summary).toContain(`\`/${f.error}\``);
    expect(envelope[0]?.caseIds).toHaveLength(4);
    // The code's spelling is a second cause in the same objects: a row of its own, never the envelope's.
    const codes = causes.filter((c) => c !== envelope[0]);
    expect(codes, summaries.join('\n')).toHaveLength(1);
    expect(codes[0]?.summary).toContain(f.code);
    expect(codes[0]?.caseIds).toHaveLength(4);
  });
});
