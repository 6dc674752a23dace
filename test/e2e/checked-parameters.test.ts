/**
 * Issue 43, tracker rule 33, with real servers: one side refuses what the
 * other accepts on several endpoints, each refusal in words of its own that
 * name one parameter the request sent (or an earlier step of its flow sent):
 * one row for that side's checks of the parameter. Kept apart beside it: two
 * endpoints whose reasons name two other parameters, a parameter one refusal
 * alone names, the other side's refusal naming the same parameter, a plain
 * word the refusing side also says to a request that did not send it, a name
 * the reasons only echo as a value the request sent, answers both sides
 * refused, and the router's 404. Two fixtures with other parameter names,
 * sides, statuses and request and body formats; a tracker written before
 * keeps no open row per endpoint beside the new one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

type Route =
  | 'checked1'
  | 'checked2'
  | 'open'
  | 'use'
  | 'q1'
  | 'q2'
  | 'lone'
  | 'otherSide'
  | 'word1'
  | 'word2'
  | 'wordless'
  | 'echo1'
  | 'echo2'
  | 'both'
  | 'missing1'
  | 'missing2';

/** What each side does: one side refuses, the other side refuses, both refuse, the router's 404, both accept. */
type Behaviour = 'refuse' | 'otherSide' | 'both' | 'missing' | 'ok';

interface Step {
  readonly method: string;
  readonly path: string;
  readonly sent: Readonly<Record<string, string>>;
  readonly behaviour: Behaviour;
  readonly message: string;
}

interface Fixture {
  readonly name: string;
  readonly refuser: 'baseline' | 'candidate';
  readonly refusal: number;
  readonly accepted: number;
  /** The refusing side's error body for a message (text where a string). */
  readonly error: (message: string) => object | string;
  readonly success: unknown;
  /** The case file's request for a method, a path and the parameters it sends. */
  readonly request: (
    method: string,
    path: string,
    sent: Readonly<Record<string, string>>,
  ) => string;
  readonly parameter: string;
  readonly routes: Readonly<Record<Route, Step>>;
}

function step(
  method: string,
  path: string,
  sent: Record<string, string>,
  behaviour: Behaviour,
  message = '',
): Step {
  return { method, path, sent, behaviour, message };
}

/** Query parameters to a GET, a form body otherwise. */
function formRequest(method: string, path: string, sent: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(sent);
  if (method === 'GET') {
    const query = pairs.map(([k, v]) => `${k}: "${v}"`).join(', ');
    return `{ method: GET, path: ${path}, query: { ${query} } }`;
  }
  const text = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `{ method: ${method}, path: ${path}, headers: { content-type: application/x-www-form-urlencoded }, text: "${text}" }`;
}

function jsonRequest(method: string, path: string, sent: Readonly<Record<string, string>>): string {
  return `{ method: ${method}, path: ${path}, json: ${JSON.stringify(sent)} }`;
}

const FIRST: Fixture = {
  name: 'an authorization server that checks callback_url (query and form, JSON errors)',
  refuser: 'candidate',
  refusal: 400,
  accepted: 200,
  error: (message) => ({ error: 'invalid_request', error_description: message }),
  success: { ok: true, ticket: 'issued' },
  request: formRequest,
  parameter: 'callback_url',
  routes: {
    checked1: step(
      'GET',
      '/connect',
      { callback_url: 'http://a.test/' },
      'refuse',
      'callback_url must use https',
    ),
    checked2: step(
      'POST',
      '/register',
      { callback_url: 'https://b.test/x', client: 'c1' },
      'refuse',
      'the callback_url was never registered for this client',
    ),
    open: step('POST', '/tickets', { callback_url: 'https://c.test/' }, 'ok'),
    use: step(
      'POST',
      '/tickets/redeem',
      { ticket: 't-1' },
      'refuse',
      'ticket was not issued for that callback_url',
    ),
    q1: step('GET', '/consent', { max_age: '-1' }, 'refuse', 'max_age is out of range'),
    q2: step(
      'GET',
      '/consent/screen',
      { ui_locales: 'xx' },
      'refuse',
      'ui_locales is out of range',
    ),
    lone: step(
      'POST',
      '/logout',
      { id_token_hint: 'abc' },
      'refuse',
      'id_token_hint could not be verified',
    ),
    otherSide: step(
      'POST',
      '/bind',
      { callback_url: 'https://d.test/' },
      'otherSide',
      'callback_url is not supported here',
    ),
    word1: step('POST', '/apps', { audience: 'api' }, 'refuse', 'that audience is too long'),
    word2: step('POST', '/apps/rename', { audience: 'web' }, 'refuse', 'the audience was taken'),
    wordless: step(
      'POST',
      '/apps/import',
      { source: 'file' },
      'refuse',
      'no audience in the imported file',
    ),
    echo1: step(
      'GET',
      '/prefill',
      { prefill: 'login_hint', login_hint: 'bob' },
      'refuse',
      'cannot prefill login_hint',
    ),
    echo2: step(
      'POST',
      '/prefill/save',
      { prefill: 'login_hint', login_hint: 'amy' },
      'refuse',
      'refusing to store login_hint',
    ),
    both: step(
      'POST',
      '/introspect',
      { callback_url: 'https://e.test/' },
      'both',
      'callback_url must use https',
    ),
    missing1: step(
      'GET',
      '/device',
      { callback_url: 'https://f.test/' },
      'missing',
      'no device flow for this callback_url',
    ),
    missing2: step(
      'POST',
      '/device/poll',
      { callback_url: 'https://g.test/' },
      'missing',
      'callback_url has no pending device',
    ),
  },
};

const SECOND: Fixture = {
  name: 'a directory that checks userName (JSON bodies, text refusals)',
  refuser: 'baseline',
  refusal: 422,
  accepted: 201,
  error: (message) => `${message}\n`,
  success: { id: 'u-1', created: true },
  request: jsonRequest,
  parameter: 'userName',
  routes: {
    checked1: step(
      'POST',
      '/v1/users',
      { userName: 'al ice' },
      'refuse',
      'userName may not hold spaces',
    ),
    checked2: step(
      'PUT',
      '/v1/groups/admins/members',
      { userName: 'zed' },
      'refuse',
      'no such userName in this directory',
    ),
    open: step('POST', '/v1/invites', { userName: 'kim' }, 'ok'),
    use: step(
      'POST',
      '/v1/invites/accept',
      { inviteCode: 'K7' },
      'refuse',
      'the invite belongs to another userName',
    ),
    q1: step(
      'GET',
      '/v1/users/search',
      { pageSize: '900' },
      'refuse',
      'pageSize exceeds what a page holds',
    ),
    q2: step(
      'POST',
      '/v1/users/sort',
      { displayOrder: 'sideways' },
      'refuse',
      'displayOrder exceeds what a page holds',
    ),
    lone: step(
      'PATCH',
      '/v1/users/u-1',
      { emailAddress: 'x@' },
      'refuse',
      'emailAddress is malformed',
    ),
    otherSide: step(
      'POST',
      '/v1/users/rename',
      { userName: 'jo' },
      'otherSide',
      'userName is frozen',
    ),
    word1: step('POST', '/v1/roles', { title: 'a'.repeat(9) }, 'refuse', 'role title is too long'),
    word2: step(
      'PUT',
      '/v1/roles/admin',
      { title: 'owner' },
      'refuse',
      'that title exists already',
    ),
    wordless: step(
      'POST',
      '/v1/roles/copy',
      { from: 'admin' },
      'refuse',
      'the copied role has no title',
    ),
    echo1: step(
      'POST',
      '/v1/users/copy',
      { copyFrom: 'groupId', groupId: 'g1' },
      'refuse',
      'cannot copy from groupId',
    ),
    echo2: step(
      'PUT',
      '/v1/users/merge',
      { copyFrom: 'groupId', groupId: 'g2' },
      'refuse',
      'refusing to merge groupId',
    ),
    both: step(
      'POST',
      '/v1/users/import',
      { userName: 'al ice' },
      'both',
      'userName may not hold spaces',
    ),
    missing1: step(
      'GET',
      '/v1/legacy/users',
      { userName: 'old' },
      'missing',
      'no legacy store for that userName',
    ),
    missing2: step(
      'DELETE',
      '/v1/legacy/users',
      { userName: 'older' },
      'missing',
      'userName unknown to the legacy store',
    ),
  },
};

const ROUTES = Object.keys(FIRST.routes) as Route[];

function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  const refuses = f.refuser === side;
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = ROUTES.find(
      (r) => f.routes[r].method === req.method && f.routes[r].path === path,
    );
    if (route === undefined) return json(res, 404, { missing: path });
    const { behaviour, message } = f.routes[route];
    const refusing =
      behaviour === 'both' ||
      ((behaviour === 'refuse' || behaviour === 'missing') && refuses) ||
      (behaviour === 'otherSide' && !refuses);
    if (!refusing) return json(res, f.accepted, f.success);
    // The accepting side refuses this one too, for a reason of its own.
    if (behaviour === 'both' && !refuses)
      return json(res, 409, { conflict: 'the store is locked' });
    const status = behaviour === 'missing' ? 404 : f.refusal;
    const error = f.error(message);
    if (typeof error === 'object') return json(res, status, error);
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(error);
  });
}

function cases(f: Fixture, routes: readonly Route[]): string {
  const each = routes
    .filter((r) => r !== 'open' && r !== 'use')
    .map((r) => {
      const { method, path, sent } = f.routes[r];
      return `  - id: ${r}\n    request: ${f.request(method, path, sent)}`;
    });
  if (routes.includes('use')) {
    const open = f.routes.open;
    const use = f.routes.use;
    each.push(
      '  - id: flow\n    steps:',
      `      - id: open\n        request: ${f.request(open.method, open.path, open.sent)}`,
      `      - id: use\n        request: ${f.request(use.method, use.path, use.sent)}`,
    );
  }
  return `suite: s\nsideEffects: true\ncases:\n${each.join('\n')}\n`;
}

describe("one side's checks of one request parameter are one row", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, 'baseline');
    const candidate = await server(f, 'candidate');
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, ['checked1']) });
    // A first run of one endpoint alone: its status transition is its own row.
    const first = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const { method, path } = f.routes.checked1;
    const own = new RegExp(
      `^\\| (PAR-\\d+) \\| _open_ \\| status \\| .*on ${method} ${path} .*\\| \\|$`,
      'm',
    );
    const row = own.exec(before);
    expect(row, before).not.toBeNull();
    await writeFile(tracker, before.replace(row?.[0] ?? '', `${row?.[0].slice(0, -1)}checked |`));
    await writeFile(join(cwd, 'cases', 's.yaml'), cases(f, ROUTES));

    const run = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = (report.rootCauses ?? []).filter((c) => c.caseIds.length > 0);
    const all = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const holding = (id: string) => causes.filter((c) => c.caseIds.includes(`s/${id}`));
    const [checked] = holding('checked1');
    expect([...(checked?.caseIds ?? [])].sort(), all).toEqual([
      's/checked1',
      's/checked2',
      's/flow/use',
    ]);
    expect(checked?.summary, all).toContain(`${f.refuser} checks \`${f.parameter}\``);
    expect(checked?.summary, all).toContain('several endpoints');
    // Kept apart: each of these is in no row with another of them.
    for (const id of ROUTES) {
      if (id === 'checked1' || id === 'checked2' || id === 'open' || id === 'use') continue;
      for (const cause of holding(id)) {
        expect(cause.caseIds, `${id}: ${all}`).toEqual([`s/${id}`]);
      }
    }
    expect(holding('q1').length, all).toBeGreaterThan(0);
    expect(holding('word1').length, all).toBeGreaterThan(0);
    expect(holding('echo1').length, all).toBeGreaterThan(0);

    const after = await readFile(tracker, 'utf8');
    const old = after.split('\n').find((line) => line.startsWith(`| ${row?.[1]} |`));
    expect(old, after).toMatch(
      /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| checked \|$/,
    );
  });
});
