/**
 * Issue 43, tracker rule 30, with real servers: one side refuses what the
 * other accepts on two endpoints with the same specific reason (etcd's `key
 * is not provided` to a put and a range without a key): one row listing
 * both. Planted beside it and kept apart: an endpoint refused for another
 * reason, two endpoints refused with a reason phrase alone, and two refused
 * with the refusing side's catch-all (a message it also answers where both
 * sides refuse for other causes). Two fixtures with other member names,
 * sides, statuses and methods (the second answers a GET's refusal as text,
 * its reason read from the body); a tracker written before keeps no open
 * row per endpoint beside the new one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly refuser: 'baseline' | 'candidate';
  readonly refusal: number;
  readonly accepted: number;
  /** The refusing side's error body for a message (text where a string), with its own member names. */
  readonly error: (message: string, method: string) => object | string;
  readonly success: unknown;
  /** Method and path of: two endpoints of the shared reason, another reason, two generic, two catch-all, one both refuse. */
  readonly routes: Readonly<Record<Route, readonly [string, string]>>;
  readonly reason: string;
  readonly other: string;
  readonly catchAll: string;
}

type Route = 'shared1' | 'shared2' | 'other' | 'phrase1' | 'phrase2' | 'any1' | 'any2' | 'both';

const FIRST: Fixture = {
  name: 'a key-value store that requires a key',
  refuser: 'baseline',
  refusal: 400,
  accepted: 200,
  // The message twice, as etcd writes it.
  error: (message) => ({ error: message, code: 3, message }),
  success: { header: { revision: 7 } },
  routes: {
    shared1: ['POST', '/v3/kv/put'],
    shared2: ['POST', '/v3/kv/range'],
    other: ['POST', '/v3/kv/deleterange'],
    phrase1: ['POST', '/v3/lease/grant'],
    phrase2: ['POST', '/v3/lease/revoke'],
    any1: ['POST', '/v3/watch'],
    any2: ['POST', '/v3/kv/compact'],
    both: ['POST', '/v3/kv/txn'],
  },
  reason: 'etcdserver: key is not provided',
  other: 'etcdserver: range end is before the key',
  catchAll: 'grpc: the request could not be decoded',
};
const SECOND: Fixture = {
  name: 'a gateway that wants a JSON content type',
  refuser: 'candidate',
  refusal: 415,
  accepted: 201,
  // Text to a GET, as antietcd answers `/health` and `/version`; a JSON problem otherwise.
  error: (message, method) =>
    method === 'GET'
      ? `${message}\n`
      : { problem: { title: message, detail: message, status: 415 } },
  success: { saved: true, id: 'a1' },
  routes: {
    shared1: ['GET', '/health'],
    shared2: ['PUT', '/settings/theme'],
    other: ['PATCH', '/settings/locale'],
    phrase1: ['GET', '/metrics'],
    phrase2: ['DELETE', '/cache'],
    any1: ['PUT', '/profile'],
    any2: ['GET', '/profile/avatar'],
    both: ['POST', '/profile/import'],
  },
  reason: 'content-type should be application/json',
  other: 'settings are read-only during a backup',
  catchAll: 'the gateway could not read this request',
};

const ROUTES: readonly Route[] = [
  'shared1',
  'shared2',
  'other',
  'phrase1',
  'phrase2',
  'any1',
  'any2',
  'both',
];

function messageOf(f: Fixture, route: Route): string {
  if (route === 'shared1' || route === 'shared2') return f.reason;
  if (route === 'other') return f.other;
  if (route === 'phrase1' || route === 'phrase2') return 'Bad Request';
  return f.catchAll;
}

function server(f: Fixture, refuses: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = ROUTES.find((r) => f.routes[r][0] === req.method && f.routes[r][1] === path);
    if (route === undefined) return json(res, 404, { missing: path });
    // Both sides refuse this one, each for a reason of its own.
    if (route === 'both' && !refuses) return json(res, 409, { conflict: 'the profile is locked' });
    if (!refuses) return json(res, f.accepted, f.success);
    const error = f.error(messageOf(f, route), req.method ?? 'GET');
    if (typeof error === 'object') return json(res, f.refusal, error);
    // A text message against the other side's JSON: the body's kind differs, its words are the reason.
    res.writeHead(f.refusal, { 'content-type': 'text/plain' });
    res.end(error);
  });
}

function cases(f: Fixture, routes: readonly Route[] = ROUTES): string {
  const each = routes.map((r) => {
    const [method, path] = f.routes[r];
    return `  - id: ${r}\n    request: { method: ${method}, path: ${path} }`;
  });
  return `suite: s\ncases:\n${each.join('\n')}\n`;
}

describe('endpoints refused for one specific reason are one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, f.refuser === 'baseline');
    const candidate = await server(f, f.refuser === 'candidate');
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, ['shared1']) });
    // A first run of one endpoint alone: its status transition is its own row.
    const first = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const [method, path] = f.routes.shared1;
    const { causes, all, line } = await decidedRerun(
      cwd,
      ['run', ...sidesOf(baseline, candidate)],
      {
        row: new RegExp(
          `^\\| (PAR-\\d+) \\| _open_ \\| status \\| .*on ${method} ${path} .*\\| \\|$`,
          'm',
        ),
        decision: 'we send a key',
        library: { 'cases/s.yaml': cases(f) },
      },
    );
    const holding = (id: Route) => causes.filter((c) => c.caseIds.includes(`s/${id}`));
    const [shared] = holding('shared1');
    expect([...(shared?.caseIds ?? [])].sort(), all).toEqual(['s/shared1', 's/shared2']);
    expect(shared?.summary, all).toContain('on several endpoints');
    expect(shared?.summary, all).toContain(f.reason);
    // Said once, though the refusing envelope writes it in two members.
    expect(shared?.summary.split(f.reason).length, all).toBe(2);
    // Kept apart: another reason, a reason phrase, one side's catch-all.
    expect(
      holding('other').map((c) => c.caseIds),
      all,
    ).toEqual([['s/other']]);
    for (const [one, two] of [
      ['phrase1', 'phrase2'],
      ['any1', 'any2'],
    ] as const) {
      expect(holding(one).length, all).toBeGreaterThan(0);
      expect(
        holding(one).some((c) => c.caseIds.includes(`s/${two}`)),
        all,
      ).toBe(false);
    }

    expect(line, all).toMatch(
      /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| we send a key \|$/,
    );
  });
});
