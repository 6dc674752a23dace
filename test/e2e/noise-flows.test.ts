/**
 * `--noise` learns flows too, from a replica instance (`--baseline-replica`):
 * the replica runs every flow with its own variables (its own token, its own
 * ids), so what differs between two instances of the baseline (a nonce each
 * instance draws when it creates a record) is noise, and only the planted
 * real difference is a row. (Without a replica, the nonce is set aside only
 * where the read echoes it and it looks drawn: `echoed.test.ts`.)
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** One instance of a small records API: its own tokens and ids, a nonce per record. */
function instance(candidate: boolean): Promise<TestServer> {
  const tokens = new Set<string>();
  const records = new Map<string, Record<string, unknown>>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/__reset') {
      tokens.clear();
      records.clear();
      return json(res, 204, undefined);
    }
    if (req.method === 'POST' && url.pathname === '/login') {
      const token = randomBytes(12).toString('hex');
      tokens.add(token);
      return json(res, 200, { token });
    }
    const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!tokens.has(auth)) return json(res, 401, { error: 'who are you' });
    if (req.method === 'POST' && url.pathname === '/records') {
      const id = randomBytes(6).toString('hex');
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const record = {
        id,
        name: input['name'],
        nonce: randomBytes(8).toString('base64url'),
        ...(candidate ? { version: 2 } : {}),
      };
      records.set(id, record);
      return json(res, 201, record);
    }
    const record = records.get(url.pathname.split('/')[2] ?? '');
    return record === undefined ? json(res, 404, { error: 'missing' }) : json(res, 200, record);
  });
}

const FLOW = `suite: records
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: lifecycle
    steps:
      - id: login
        request: { method: POST, path: /login }
        capture:
          token: { json: /token, secret: true }
      - id: create
        request:
          method: POST
          path: /records
          headers: { authorization: "Bearer {{token}}" }
          json: { name: ada }
        capture:
          id: { json: /id }
      - id: read
        request:
          method: GET
          path: "/records/{{id}}"
          headers: { authorization: "Bearer {{token}}" }
`;

describe('--noise on flows, from a replica instance', () => {
  let baseline: TestServer;
  let replica: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    [baseline, replica, candidate] = await Promise.all([
      instance(false),
      instance(false),
      instance(true),
    ]);
  });
  afterAll(async () => Promise.all([baseline.close(), replica.close(), candidate.close()]));

  it('learns what differs between two instances of the baseline: the rows are the real ones', async () => {
    const cwd = await tempProject({ 'cases/records.yaml': FLOW });
    const targets = ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const plain = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(plain.code).toBe(1);
    const before = (await latestReport(cwd)).rootCauses?.map((r) => r.summary) ?? [];
    expect(before.some((summary) => summary.includes('/version'))).toBe(true);

    const learned = await runCli(cwd, [
      'run',
      ...targets,
      '--baseline-replica',
      `a2=${replica.url}`,
      '--no-tracker',
    ]);
    expect(learned.code).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((r) => r.summary);
    expect(rows, JSON.stringify(report.rootCauses, null, 1)).toHaveLength(1);
    expect(rows[0]).toContain('/version');
    // The replica ran the flow with its own token: every step answered, nothing was refused.
    expect(
      replica.requests.filter((r) => r.url.startsWith('/records')).length,
    ).toBeGreaterThanOrEqual(2);
    const read = report.results.find((r) => r.caseId === 'records/lifecycle/read');
    expect(read?.noise).toEqual(expect.arrayContaining(['/nonce']));
  });
});

describe('--noise on flows, on targets that may be written to: each flow runs twice', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    [baseline, candidate] = await Promise.all([instance(false), instance(true)]);
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  const creates = (server: TestServer) =>
    server.requests.filter((r) => r.method === 'POST' && r.url === '/records').length;
  const resets = (server: TestServer) => server.requests.filter((r) => r.url === '/__reset').length;

  it('with a reset hook: the flow runs, the hook, the flow again; the baseline teaches its own nonce', async () => {
    const cwd = await tempProject({ 'cases/records.yaml': FLOW });
    const targets = ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const [createsBefore, resetsBefore] = [creates(baseline), resets(baseline)];
    const learned = await runCli(cwd, [
      'run',
      ...targets,
      '--noise',
      '--reset-request',
      'POST /__reset',
      '--no-tracker',
    ]);
    expect(learned.code, learned.stderr).toBe(1);
    const report = await latestReport(cwd);
    const rows = (report.rootCauses ?? []).map((r) => r.summary);
    expect(rows, JSON.stringify(report.rootCauses, null, 1)).toHaveLength(1);
    expect(rows[0]).toContain('/version');
    // Twice on each side, the reset between: both sides stay in step.
    expect(creates(baseline) - createsBefore).toBe(2);
    expect(creates(candidate)).toBe(creates(baseline));
    expect(resets(baseline) - resetsBefore).toBe(1);
    expect(resets(candidate)).toBe(resets(baseline));
    const read = report.results.find((r) => r.caseId === 'records/lifecycle/read');
    expect(read?.noise).toEqual(expect.arrayContaining(['/nonce']));
  });

  it('on targets marked disposable, without a hook: the flow runs twice in a row', async () => {
    const config = `targets:
  a: { url: "${baseline.url}", disposable: true }
  b: { url: "${candidate.url}", disposable: true }
baseline: a
candidate: b
`;
    const cwd = await tempProject({ 'cases/records.yaml': FLOW, 'parity.config.yaml': config });
    const before = creates(baseline);
    const learned = await runCli(cwd, ['run', '--noise', '--no-tracker']);
    expect(learned.code, learned.stderr).toBe(1);
    const rows = ((await latestReport(cwd)).rootCauses ?? []).map((r) => r.summary);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('/version');
    expect(creates(baseline) - before).toBe(2);
  });

  it('stops with the hook failure when the reset hook fails, and leaves the tracker as it was', async () => {
    const cwd = await tempProject({ 'cases/records.yaml': FLOW });
    const targets = ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const failed = await runCli(cwd, ['run', ...targets, '--noise', '--reset-command', 'exit 3']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('the reset hook --reset-command "exit 3" failed: exit 3');
    await expect(readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8')).rejects.toThrow();
  });

  it('refuses a reset hook without --noise, and sends nothing', async () => {
    const cwd = await tempProject({ 'cases/records.yaml': FLOW });
    const before = baseline.requests.length;
    const refused = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
      '--reset-command',
      'true',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--reset-command runs between the two runs of each flow: add --noise',
    );
    expect(baseline.requests.length).toBe(before);
  });
});

describe('--noise on a serial file: a write is not repeated on the baseline', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    const list = () => {
      const names: string[] = [];
      return startServer((req, res, body) => {
        if (req.method === 'POST') {
          names.push(String((JSON.parse(body || '{}') as { name?: string }).name));
          return json(res, 201, { made: names.length });
        }
        return json(res, 200, { names });
      });
    };
    [baseline, candidate] = await Promise.all([list(), list()]);
  });
  afterAll(async () => Promise.all([baseline.close(), candidate.close()]));

  it('sends the create once to each side, so the list read after it is equal', async () => {
    const cwd = await tempProject({
      'cases/names.yaml': `suite: names
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create
    request: { method: POST, path: /names, json: { name: ada } }
  - id: list
    request: { method: GET, path: /names }
`,
    });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`, ['--noise']);
    expect(run.code, run.stdout).toBe(0);
    expect(baseline.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The read is sent twice (it changes nothing), and learns from both answers.
    expect(baseline.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });
});

/**
 * Each flow's second run holds its own ids: a list a flow step reads shows
 * the record the step created, `{{id}}` in the first run and the second
 * run's raw id in the replica answer unless that is masked as well. Found
 * on json-server 0.17 vs 1.0: learned as an element present once and
 * masked on the whole endpoint, it hid the real differences of every other
 * list of `GET /posts`.
 */
describe('--noise on a flow whose step lists what it created', () => {
  function lister(candidate: boolean): Promise<TestServer> {
    const records: { id: string; name: string }[] = [];
    const fixed = [
      { id: 'f1', name: 'one' },
      { id: 'f2', name: candidate ? 'deux' : 'two' },
    ];
    return startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/__reset') {
        records.length = 0;
        return json(res, 204, undefined);
      }
      if (req.method === 'POST' && url.pathname === '/records') {
        const record = { id: randomBytes(6).toString('hex'), name: String(JSON.parse(body).name) };
        records.push(record);
        return json(res, 201, record);
      }
      if (url.searchParams.get('owner') === 'me') return json(res, 200, records);
      return json(res, 200, fixed);
    });
  }
  const cases = `suite: lists
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: fixed
    request: { method: GET, path: "/records?kind=fixed" }
  - id: mine
    steps:
      - id: create
        request: { method: POST, path: /records, json: { name: ada } }
        capture:
          id: { json: /id }
      - id: list
        request: { method: GET, path: "/records?owner=me" }
`;

  it('masks the second run’s own ids too: nothing is learned, the other list keeps its row', async () => {
    const [baseline, candidate] = await Promise.all([lister(false), lister(true)]);
    try {
      const cwd = await tempProject({ 'cases/lists.yaml': cases });
      const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`, [
        '--noise',
        '--reset-request',
        'POST /__reset',
      ]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const report = await latestReport(cwd);
      const list = report.results.find((r) => r.caseId === 'lists/mine/list');
      expect(list?.verdict).toBe('equal');
      expect(list?.flakyBaseline).toBeUndefined();
      expect(report.noise?.entries ?? []).toEqual([]);
      expect((report.rootCauses ?? []).map((r) => [r.summary, r.caseIds])).toEqual([
        ['/records: value of `/name` differs: `two` vs `deux`', ['lists/fixed']],
      ]);
    } finally {
      await Promise.all([baseline.close(), candidate.close()]);
    }
  });
});
