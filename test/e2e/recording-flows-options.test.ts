/**
 * Recording flows, continued: `--noise` sends plain cases twice and flow
 * steps once (a write is never repeated), `--update` re-records whole flows
 * (a step the flow no longer has loses its file) and keeps the noise of the
 * endpoints it did not measure, and a flow's secret captures never reach the
 * recording while a replay still runs on them.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runAgainstRecording, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { LATE_SECRET_DIGITS, LATE_SECRET_FLOW, startKeyServer } from '../helpers/late-secret.js';

let servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** `GET /clock` ticks on every call (noise); `POST /things` creates, `GET /things/:id` reads. */
async function thingsServer(firstId: number): Promise<TestServer> {
  let tick = 0;
  let next = firstId;
  const things = new Set<number>();
  const server = await startServer((req, res) => {
    if (req.url === '/clock') return json(res, 200, { tick: tick++, zone: 'utc' });
    if (req.method === 'POST' && req.url === '/things') {
      const id = next++;
      things.add(id);
      return json(res, 201, { id, kind: 'thing' });
    }
    const id = Number(req.url?.split('/')[2]);
    if (!things.has(id)) return json(res, 404, { error: 'no such thing' });
    return json(res, 200, { id, kind: 'thing' });
  });
  servers.push(server);
  return server;
}

const FLOW = `suite: api
sideEffects: true
cases:
  - id: clock
    request: { method: GET, path: /clock }
  - id: thing
    steps:
      - id: create
        request: { method: POST, path: /things, json: {} }
        capture: { id: { json: /id } }
      - id: read
        request: { method: GET, path: "/things/{{id}}" }
`;

const requests = (server: TestServer) => server.requests.map((r) => `${r.method} ${r.url}`);

describe('recording flows with --noise and --update', () => {
  it('sends plain cases twice with --noise and flow steps once; --update keeps the noise it did not measure', async () => {
    const old = await thingsServer(1);
    const cwd = await tempProject({ 'cases/api.yaml': FLOW });
    const recorded = await runCli(cwd, ['record', '--target', `rust=${old.url}`, '--noise']);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(
      'noise learned for 1 endpoint(s) (flow steps are sent once: they learn none)',
    );
    expect(requests(old).sort()).toEqual(
      ['GET /clock', 'GET /clock', 'POST /things', 'GET /things/1'].sort(),
    );
    const manifestPath = join(cwd, 'recordings/rust/recording.json');
    const noise = { endpoints: { 'GET /clock': { ignore: ['/tick'] } } };
    expect(JSON.parse(await readFile(manifestPath, 'utf8')).noise).toEqual(noise);

    // The flow alone again, renamed step and all: the clock's noise stays.
    await writeFile(join(cwd, 'cases/api.yaml'), FLOW.replace('id: read', 'id: fetch'));
    const updated = await runCli(cwd, [
      'record',
      '--target',
      `rust=${old.url}`,
      '--noise',
      '--update',
      '--filter',
      'api/thing/*',
    ]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('updated 2 case(s) of rust');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    expect(manifest.noise).toEqual(noise);
    expect(manifest.updatedAt).toBeDefined();
    const files = await readdir(join(cwd, 'recordings/rust/api/thing'));
    expect(files.sort()).toEqual(['create.json', 'fetch.json']);
    const fetch = JSON.parse(
      await readFile(join(cwd, 'recordings/rust/api/thing/fetch.json'), 'utf8'),
    );
    expect(fetch.request.path).toBe('/things/2');

    // The refreshed recording replays: the clock's tick is masked, the ids are each side's own.
    const fresh = await thingsServer(500);
    const run = await runAgainstRecording(cwd, 'recordings/rust', `go=${fresh.url}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await latestReport(cwd)).summary).toMatchObject({ cases: 3, equal: 3 });
    expect(requests(fresh)).toEqual(['GET /clock', 'POST /things', 'GET /things/500']);
  });
});

/** `POST /login` gives a token in the body and a session cookie; `GET /me` checks both. */
async function authServer(salt: string): Promise<TestServer> {
  let logins = 0;
  const server = await startServer((req, res) => {
    const token = `tok-${salt}-0123456789`;
    const sid = `sess-${salt}-abcdef`;
    if (req.url === '/login') {
      logins++;
      return json(
        res,
        200,
        { token, user: 'ann', logins },
        { 'set-cookie': `sid=${sid}; HttpOnly` },
      );
    }
    return json(res, 200, {
      user: 'ann',
      session: req.headers.cookie === `sid=${sid}`,
      token: req.headers['x-token'] === token,
    });
  });
  servers.push(server);
  return server;
}

const LOGIN = `suite: auth
sideEffects: true
cases:
  - id: session
    steps:
      - id: login
        request: { method: POST, path: /login }
        capture:
          sid: { header: set-cookie, regex: "sid=([^;]+)" }
          token: { json: /token, secret: true }
      - id: me
        request:
          method: GET
          path: /me
          headers: { cookie: "sid={{sid}}", x-token: "{{token}}" }
`;

describe('recording a flow with secret captures', () => {
  it('writes no captured secret, and a replay runs the flow on the candidate’s own', async () => {
    const old = await authServer('old');
    const cwd = await tempProject({ 'cases/auth.yaml': LOGIN });
    expect((await runCli(cwd, ['record', '--target', `rust=${old.url}`])).code).toBe(0);
    for (const step of ['login', 'me']) {
      const text = await readFile(join(cwd, `recordings/rust/auth/session/${step}.json`), 'utf8');
      expect(text).not.toContain('tok-old');
      expect(text).not.toContain('sess-old');
    }
    const login = JSON.parse(
      await readFile(join(cwd, 'recordings/rust/auth/session/login.json'), 'utf8'),
    );
    expect(login.response.body.json.token).toBe('{{token}}');
    expect(login.response.headers['set-cookie']).toBe('[redacted]');
    const me = JSON.parse(
      await readFile(join(cwd, 'recordings/rust/auth/session/me.json'), 'utf8'),
    );
    expect(me.response.body.json).toEqual({ user: 'ann', session: true, token: true });

    const twin = await authServer('twin');
    const run = await runAgainstRecording(cwd, 'recordings/rust', `go=${twin.url}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => [r.caseId, r.verdict])).toEqual([
      ['auth/session/login', 'equal'],
      ['auth/session/me', 'equal'],
    ]);
    // The candidate got its own session and token.
    expect(twin.requests[1]?.headers.cookie).toBe('sid=sess-twin-abcdef');
    expect(twin.requests[1]?.headers['x-token']).toBe('tok-twin-0123456789');
    const written = await readFile(join(cwd, 'reports/latest/report.json'), 'utf8');
    expect(written).not.toContain('tok-twin');
  });
});

describe('recording a flow whose secret shows before it is captured', () => {
  it('hides it in the entries of the earlier steps too', async () => {
    const server = await startKeyServer('old');
    servers.push(server);
    const cwd = await tempProject({ 'cases/keys.yaml': LATE_SECRET_FLOW });
    expect((await runCli(cwd, ['record', '--target', `rust=${server.url}`])).code).toBe(0);
    for (const step of ['create', 'me']) {
      const text = await readFile(join(cwd, `recordings/rust/keys/signup/${step}.json`), 'utf8');
      expect(text, step).not.toContain(LATE_SECRET_DIGITS);
      expect(JSON.parse(text).response.body.json.apiKey, step).toBe('{{key}}');
    }
  });
});
