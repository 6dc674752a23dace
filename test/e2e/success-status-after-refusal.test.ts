/**
 * Issue 43, with real servers: a decision hidden in a status row. In one
 * flow, the baseline refuses a guarded write that the candidate lets through
 * (a lock, a stale version), then both accept the same write sent with the
 * guard's token, with two success statuses of their own (`204 → 200`,
 * `200 → 202`). Two causes share the endpoint and the flow: the later
 * statuses stay a row of their own; the read that shows what the refused
 * write changed stays under the refusal's row. Two fixtures with other
 * methods, paths, statuses and headers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly method: 'PUT' | 'PATCH';
  readonly path: string;
  readonly guard: string;
  readonly header: string;
  readonly refusal: number;
  readonly ok: readonly [number, number];
}

const LOCKS: Fixture = {
  name: 'a file under a lock',
  method: 'PUT',
  path: '/files/report',
  guard: 'lock',
  header: 'x-lock-token',
  refusal: 423,
  ok: [204, 200],
};
const VERSIONS: Fixture = {
  name: 'an account under a version',
  method: 'PATCH',
  path: '/accounts/3',
  guard: 'reserve',
  header: 'x-version',
  refusal: 409,
  ok: [200, 202],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  let text = '';
  let token: string | undefined;
  return startServer((req, res, body) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === `${f.path}/${f.guard}`) {
      token = 't-1';
      return json(res, 200, { token });
    }
    if (req.method === 'GET') return json(res, 200, { text });
    const guarded = token !== undefined && req.headers[f.header] !== token;
    if (!candidate && guarded) return json(res, f.refusal, { error: 'guarded' });
    const created = text === '';
    text = body;
    if (created) return json(res, 201, { ok: true });
    res.writeHead(f.ok[candidate ? 1 : 0]).end();
  });
}

const flow = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: life
    steps:
      - id: create
        request: { method: ${f.method}, path: ${f.path}, text: draft }
      - id: guard
        request: { method: POST, path: ${f.path}/${f.guard} }
        capture:
          token: { json: /token }
      - id: write-without
        request: { method: ${f.method}, path: ${f.path}, text: sneaky }
      - id: write-with
        request:
          method: ${f.method}
          path: ${f.path}
          headers: { ${f.header}: "{{token}}" }
          text: final
      - id: read-between
        request: { method: GET, path: ${f.path} }
`;

describe('a success status after a refused write keeps its own row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([LOCKS, VERSIONS])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(flow(f), baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    expect(summaries, summaries.join('\n')).toHaveLength(2);
    const refused = causes.find((c) => c.summary.includes(`${f.refusal} → ${f.ok[1]}`));
    expect(refused?.caseIds).toContain('s/life/write-without');
    const own = causes.find((c) => c.summary.includes(`${f.ok[0]} → ${f.ok[1]}`));
    expect(own?.caseIds).toEqual(['s/life/write-with']);
  });
});
