/**
 * `parity record` runs flows as `parity run` does (steps in order, the
 * target's own captures, the `sideEffects` opt-in), and a run against the
 * recording replays them: the recorded side's captures come from the
 * recorded answers, the live candidate's from its own. Real servers on
 * 127.0.0.1 that assign their own ids and ETags per instance.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer as startExample } from '../../examples/servers/start.js';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import { latestReport, runAgainstRecording, runCli, runPair, tempProject } from '../helpers/cli.js';
import { startServer as startServerForEcho, type TestServer } from '../helpers/http.js';
import { LIFECYCLE, startStateful } from '../helpers/stateful.js';

const STEPS = ['create', 'read', 'not-modified', 'delete', 'gone'];

let servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function stateful(options: Parameters<typeof startStateful>[0]): Promise<TestServer> {
  const server = await startStateful(options);
  servers.push(server);
  return server;
}

const verdicts = (results: readonly AssessedObservation[]) =>
  results.map((r) => [r.flow?.step, r.verdict]);

async function entry(cwd: string, path: string) {
  return JSON.parse(await readFile(join(cwd, 'recordings/rust', path), 'utf8'));
}

function replay(cwd: string, candidate: string) {
  return runAgainstRecording(cwd, 'recordings/rust', candidate);
}

describe('recording a flow', () => {
  it('sends each step with the target’s own captures and stores each answer under the step’s id', async () => {
    const rust = await stateful({ firstId: 1001, salt: 'r' });
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const recorded = await runCli(cwd, ['record', '--target', `rust=${rust.url}`]);
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('recorded 5 case(s) of rust');
    expect(rust.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /items',
      'GET /items/1001',
      'GET /items/1001',
      'DELETE /items/1001',
      'GET /items/1001',
    ]);
    expect(rust.requests[2]?.headers['if-none-match']).toBe('"r-1001-1"');
    const files = await readdir(join(cwd, 'recordings/rust/items/lifecycle'));
    expect(files.sort()).toEqual(STEPS.map((s) => `${s}.json`).sort());
    const read = await entry(cwd, 'items/lifecycle/not-modified.json');
    expect(read).toMatchObject({
      caseId: 'items/lifecycle/not-modified',
      request: { method: 'GET', path: '/items/1001' },
      response: { status: 304, headers: { etag: '"r-1001-1"' } },
    });
    const create = await entry(cwd, 'items/lifecycle/create.json');
    expect(create.response.body.json).toMatchObject({ id: 1001, href: '/items/1001' });
  });

  it('replays against an identical server with no divergence, the candidate using its own ids and ETags', async () => {
    const rust = await stateful({ firstId: 1001, salt: 'r' });
    const twin = await stateful({ firstId: 7001, salt: 't' });
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    expect((await runCli(cwd, ['record', '--target', `rust=${rust.url}`])).code).toBe(0);
    const sentWhenRecorded = rust.requests.length;

    const same = await replay(cwd, `twin=${twin.url}`);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.summary).toMatchObject({ cases: 5, equal: 5, divergent: 0, errors: 0 });
    expect(verdicts(report.results)).toEqual(STEPS.map((step) => [step, 'equal']));
    // The captured values were compared as their placeholders.
    expect(report.results[0]?.flow?.masked).toEqual([
      'header etag',
      'header location',
      '/id',
      '/href',
    ]);
    // The candidate got its own id and its own ETag; the recorded target got nothing more.
    expect(twin.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /items',
      'GET /items/7001',
      'GET /items/7001',
      'DELETE /items/7001',
      'GET /items/7001',
    ]);
    expect(twin.requests[2]?.headers['if-none-match']).toBe('"t-7001-1"');
    expect(rust.requests).toHaveLength(sentWhenRecorded);
    expect(report.baseline.recording).toBe('recordings/rust');
  });

  it('replays against a changed server with the divergences of the changed field only', async () => {
    const rust = await stateful({ firstId: 1001, salt: 'r' });
    const changed = await stateful({ firstId: 5001, salt: 'g', colour: 'red' });
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    expect((await runCli(cwd, ['record', '--target', `rust=${rust.url}`])).code).toBe(0);
    const result = await replay(cwd, `go=${changed.url}`);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(verdicts(report.results)).toEqual([
      ['create', 'divergent'],
      ['read', 'divergent'],
      ['not-modified', 'equal'],
      ['delete', 'equal'],
      ['gone', 'equal'],
    ]);
    expect(report.results[0]?.changes).toEqual([
      { path: '/colour', op: 'value', baseline: 'blue', candidate: 'red' },
    ]);
    const read = report.results[1];
    // The recorded server is gone: its repro names the recording and sends nothing.
    expect(read?.repro?.baseline).toBe(
      '# answered from the recording recordings/rust (no server to send to; parity record --update --out recordings/rust refreshes it)',
    );
    expect(read?.repro?.baseline).not.toContain('curl');
    // The live side's repro replays the flow up to the step with its own captures.
    expect(read?.repro?.candidate).toMatch(
      /^# replays flow items\/lifecycle up to step "read" on go/,
    );
    expect(read?.repro?.candidate).toContain(`/items/'"$id_path"`);
    const markdown = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(markdown).toContain('the recording `recordings/rust`');
    // The read was looked at twice (its colour differs): the conditional read comes after.
    const conditional = changed.requests.find((r) => r.headers['if-none-match'] !== undefined);
    expect(conditional?.headers['if-none-match']).toBe('"g-5001-1"');
  });

  it('records a flow that writes without the sideEffects opt-in as skipped, and a replay says so', async () => {
    const rust = await stateful({ firstId: 1001, salt: 'r' });
    const go = await stateful({ firstId: 5001, salt: 'g' });
    const guarded = LIFECYCLE.replace('sideEffects: true\n', '');
    const cwd = await tempProject({ 'cases/items.yaml': guarded });
    const recorded = await runCli(cwd, ['record', '--target', `rust=${rust.url}`]);
    expect(recorded.code).toBe(0);
    expect(rust.requests).toHaveLength(0);
    expect(recorded.stdout).toContain(
      'recorded 5 case(s) of rust (' +
        new URL(rust.url).origin +
        ') in recordings/rust (5 flow step(s) not sent: recorded as skipped)',
    );
    expect(recorded.stdout).toContain(
      '  items/lifecycle: 5 step(s) not sent: the flow writes (POST create, DELETE delete) and neither its case file nor the config sets sideEffects: true',
    );
    const create = await entry(cwd, 'items/lifecycle/create.json');
    expect(create.skipped).toMatch(/^not sent: the flow writes/);
    expect(create.response).toBeUndefined();

    // Replayed as recorded: not sent either.
    expect((await replay(cwd, `go=${go.url}`)).code).toBe(0);
    expect((await latestReport(cwd)).summary).toMatchObject({ cases: 5, skipped: 5 });
    expect(go.requests).toHaveLength(0);

    // Replayed with the opt-in: the recording has no answer, and says why
    // (it answered no case it was asked: exit 3, as for a target that answers none).
    await writeFile(join(cwd, 'parity.config.yaml'), 'sideEffects: true\n');
    const opted = await replay(cwd, `go=${go.url}`);
    expect(opted.code).toBe(3);
    expect(opted.stderr).toContain(
      'parity: stale recording: the recording recordings/rust has none of the 1 case(s) asked of it: 1 not in it (or not sent when it was made)',
    );
    const report = await latestReport(cwd);
    expect(verdicts(report.results)).toEqual([
      ['create', 'error'],
      ...STEPS.slice(1).map((step) => [step, 'skipped']),
    ]);
    expect(JSON.stringify(report.results[0])).toContain(
      'items/lifecycle/create was not sent when the recording recordings/rust was made (the flow writes (POST create, DELETE delete)',
    );
    expect(report.results[1]?.reason).toMatch(
      /^not sent: the baseline failed in transport at step "create" \(PARITY_NOT_RECORDED\)/,
    );
  });

  it('records a serial file in file order, whatever the concurrency', async () => {
    const rust = await stateful({ firstId: 1, salt: 'r', bumpDelayMs: 40 });
    const cwd = await tempProject({
      'parity.config.yaml': 'concurrency: 16\n',
      'cases/counter.yaml': `suite: counter
serial: true
cases:
  - id: bump
    request: { method: POST, path: /counter }
  - id: read
    request: { method: GET, path: /counter }
  - id: bump-again
    request: { method: POST, path: /counter }
  - id: read-again
    request: { method: GET, path: /counter }
`,
    });
    expect((await runCli(cwd, ['record', '--target', `rust=${rust.url}`])).code).toBe(0);
    expect(rust.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
    const counts = [];
    for (const id of ['read', 'read-again']) {
      counts.push((await entry(cwd, `counter/${id}.json`)).response.body.json.count);
    }
    expect(counts).toEqual([1, 2]);
  });

  it('records the steps after a transport failure as skipped, with the reason', async () => {
    const rust = await stateful({ firstId: 1001, salt: 'r', dropMethod: 'DELETE' });
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const recorded = await runCli(cwd, ['record', '--target', `rust=${rust.url}`]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(
      '(1 not answered: recorded as transport errors; 1 flow step(s) not sent: recorded as skipped)',
    );
    expect(recorded.stdout).toMatch(
      /items\/lifecycle: 1 step\(s\) not sent: the target failed in transport at step "delete" \(\w+\)/,
    );
    expect((await entry(cwd, 'items/lifecycle/delete.json')).error).toBeDefined();
    expect((await entry(cwd, 'items/lifecycle/gone.json')).skipped).toMatch(
      /^not sent: the target/,
    );
  });
});

describe('the bundled notes flow, recorded', () => {
  it('replays against the Go-style server with the divergences of a live run, each side on its own ids', async () => {
    const flow = fileURLToPath(new URL('../../examples/flows/lifecycle.yaml', import.meta.url));
    const cwd = await tempProject({ 'cases/notes/lifecycle.yaml': await readFile(flow, 'utf8') });
    const [serde, serde2, go] = await Promise.all([
      startExample('serde'),
      startExample('serde'),
      startExample('go'),
    ]);
    try {
      expect((await runCli(cwd, ['record', '--target', `rust=${serde.url}`])).code).toBe(0);
      expect(await entry(cwd, 'notes/lifecycle/update.json')).toMatchObject({
        request: { method: 'PUT', path: '/v1/notes/1' },
        response: { status: 200, headers: { etag: '"1-v2"' } },
      });
      expect((await replay(cwd, `go=${go.url}`)).code).toBe(1);
      const replayed = await latestReport(cwd);
      const live = await runCli(cwd, [
        'run',
        '--baseline',
        `rust=${serde2.url}`,
        '--candidate',
        `go=${go.url}`,
        '--no-tracker',
      ]);
      expect(live.code).toBe(1);
      const liveReport = await latestReport(cwd);
      const divergences = (r: typeof liveReport) =>
        r.results.map((x) => [x.caseId, x.verdict, x.kinds, x.fingerprint]);
      expect(divergences(replayed)).toEqual(divergences(liveReport));
      expect(verdicts(replayed.results)).toEqual([
        ['create', 'equal'],
        ['read', 'equal'],
        ['not-modified', 'equal'],
        ['update', 'equal'],
        ['delete', 'equal'],
        ['gone', 'divergent'],
      ]);
      const gone = replayed.results[5];
      // The recorded server is not asked: its repro names the recording only.
      expect(gone?.repro?.baseline).toMatch(/^# answered from the recording recordings\/rust /);
      // The live side's repro replays the flow, its own id captured on the way.
      expect(gone?.repro?.candidate).toMatch(/^# replays flow .* up to step "gone" on go/);
      expect(gone?.repro?.candidate).toContain(`/v1/notes/'"$id_path"`);
    } finally {
      await Promise.all([serde.close(), serde2.close(), go.close()]);
    }
  });
});

describe('a secret capture echoed inside a string, against a recording', () => {
  it('compares equal, as in a live run (the recording keeps the token as its placeholder)', async () => {
    const tokenServer = (token: string) =>
      startServerForEcho((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.url === '/token') res.end(JSON.stringify({ token }));
        else res.end(JSON.stringify({ echo: req.headers.authorization ?? null }));
      });
    const rust = await tokenServer('tokA-1234567890');
    const go = await tokenServer('tokB-0987654321');
    servers.push(rust, go);
    const cwd = await tempProject({
      'cases/leak.yaml': `suite: leak
sideEffects: true
cases:
  - id: f
    steps:
      - id: login
        request: { method: POST, path: /token }
        capture: { token: { json: /token, secret: true } }
      - id: use
        request: { method: GET, path: /me, headers: { authorization: "Bearer {{token}}" } }
`,
    });
    const live = await runPair(cwd, `rust=${rust.url}`, `go=${go.url}`);
    expect(live.code, live.stdout).toBe(0);
    expect((await runCli(cwd, ['record', '--target', `rust=${rust.url}`])).code).toBe(0);
    expect((await entry(cwd, 'leak/f/use.json')).response.body.json.echo).toBe('Bearer {{token}}');
    const replayed = await replay(cwd, `go=${go.url}`);
    expect(replayed.code, replayed.stdout + replayed.stderr).toBe(0);
    expect(verdicts((await latestReport(cwd)).results)).toEqual([
      ['login', 'equal'],
      ['use', 'equal'],
    ]);
  });
});
