import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../src/contract/assessment.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer as startServerWith, type TestServer } from '../helpers/http.js';
import { LATE_SECRET_DIGITS, LATE_SECRET_FLOW, startKeyServer } from '../helpers/late-secret.js';
import { LIFECYCLE, startStateful } from '../helpers/stateful.js';

let servers: TestServer[] = [];

async function pair(candidate: { colour?: string } = {}) {
  const rust = await startStateful({ firstId: 1001, salt: 'r' });
  const go = await startStateful({ firstId: 5001, salt: 'g', ...candidate });
  servers.push(rust, go);
  return { rust, go, targets: ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`] };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const verdicts = (results: readonly AssessedObservation[]) =>
  results.map((r) => [r.caseId, r.verdict]);

describe('flows with per-target captures', () => {
  it('passes a create → read → conditional GET → delete flow where each side has its own ids and ETags', async () => {
    const { rust, go, targets } = await pair();
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = await latestReport(cwd);
    expect(verdicts(report.results)).toEqual([
      ['items/lifecycle/create', 'equal'],
      ['items/lifecycle/read', 'equal'],
      ['items/lifecycle/not-modified', 'equal'],
      ['items/lifecycle/delete', 'equal'],
      ['items/lifecycle/gone', 'equal'],
    ]);
    // Each side got its own id and its own ETag.
    expect(rust.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /items',
      'GET /items/1001',
      'GET /items/1001',
      'DELETE /items/1001',
      'GET /items/1001',
    ]);
    expect(go.requests.map((r) => r.url)).toEqual([
      '/items',
      '/items/5001',
      '/items/5001',
      '/items/5001',
      '/items/5001',
    ]);
    expect(rust.requests[2]?.headers['if-none-match']).toBe('"r-1001-1"');
    expect(go.requests[2]?.headers['if-none-match']).toBe('"g-5001-1"');
    expect(report.results[1]?.flow).toEqual({
      id: 'items/lifecycle',
      step: 'read',
      index: 1,
      steps: 5,
      masked: ['header etag', '/id', '/href'],
    });
  });

  it('is counted by validate as a run counts it: one case per step', async () => {
    const { targets } = await pair();
    const cwd = await tempProject({
      'cases/items.yaml': LIFECYCLE,
      'cases/more.yaml':
        'suite: more\ncases:\n  - id: count\n    request: { method: GET, path: /counter }\n',
    });
    const validated = await runCli(cwd, ['validate']);
    expect(validated.stdout).toBe(
      'ok: 2 file(s), 6 case(s) (5 of them steps of 1 flow), no problems\n',
    );
    const alone = await runCli(cwd, ['validate', 'cases/items.yaml']);
    expect(alone.stdout).toBe('ok: 1 file(s), 5 case(s) (the steps of 1 flow), no problems\n');
    expect((await runCli(cwd, ['run', ...targets, '--no-tracker'])).code).toBe(0);
    expect((await latestReport(cwd)).summary.cases).toBe(6);
  });

  it('fails the flow where a real field differs, and only there', async () => {
    const { targets } = await pair({ colour: 'red' });
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(verdicts(report.results)).toEqual([
      ['items/lifecycle/create', 'divergent'],
      ['items/lifecycle/read', 'divergent'],
      ['items/lifecycle/not-modified', 'equal'],
      ['items/lifecycle/delete', 'equal'],
      ['items/lifecycle/gone', 'equal'],
    ]);
    const [create] = report.results;
    expect(create?.changes).toEqual([
      { path: '/colour', op: 'value', baseline: 'blue', candidate: 'red' },
    ]);
    // The repro of each side replays the flow up to the step, capturing that side's own id.
    const read = report.results[1];
    expect(read?.request.path).toBe('/items/{{id}}');
    expect(read?.repro?.baseline).toMatch(
      /^# replays flow items\/lifecycle up to step "read" on rust/,
    );
    expect(read?.repro?.baseline).toContain(`id_path=$(cap json /id '' '' p)`);
    expect(read?.repro?.candidate).toContain(`/items/'"$id_path"`);
    expect(result.stdout).toContain('items/lifecycle/create');
  });

  it('keeps a captured value that changes type a divergence (a number on one side, a string on the other)', async () => {
    const rust = await startStateful({ firstId: 1001, salt: 'r' });
    const go = await startStateful({ firstId: 1001, salt: 'g', stringIds: true });
    servers.push(rust, go);
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    expect((await runCli(cwd, ['run', ...targets, '--no-tracker'])).code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.results[0]?.changes).toContainEqual(
      expect.objectContaining({ path: '/id', op: 'type' }),
    );
    // The string id still reaches the candidate's later requests.
    expect(go.requests.map((r) => r.url)[1]).toBe('/items/it_1001');
  });

  it('skips a flow that writes unless the file or the config sets sideEffects', async () => {
    const { rust, go, targets } = await pair();
    const guarded = LIFECYCLE.replace('sideEffects: true\n', '');
    const cwd = await tempProject({ 'cases/items.yaml': guarded });
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.code).toBe(0);
    expect(rust.requests.length + go.requests.length).toBe(0);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => r.verdict)).toEqual(Array(5).fill('skipped'));
    expect(report.results[0]?.reason).toMatch(
      /the flow writes \(POST create, DELETE delete\) and neither its case file nor the config sets sideEffects: true/,
    );
    expect(report.summary).toMatchObject({ cases: 5, skipped: 5, equal: 0 });
    expect(result.stdout).toContain('skipped');
    const md = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain('## Not sent (5)');
    const junit = await readFile(join(cwd, 'reports/latest/junit.xml'), 'utf8');
    expect(junit).toContain('skipped="5"');
    // The config opts in for every file.
    const opted = await tempProject({
      'cases/items.yaml': guarded,
      'parity.config.yaml': 'sideEffects: true\n',
    });
    expect((await runCli(opted, ['run', ...targets, '--no-tracker'])).code).toBe(0);
    expect((await latestReport(opted)).summary).toMatchObject({ equal: 5, skipped: 0 });
  });

  it('records the later steps as not sent when a step fails in transport on one side', async () => {
    const rust = await startStateful({ firstId: 1001, salt: 'r' });
    // The candidate drops the connection of the DELETE step.
    const go = await startStateful({ firstId: 5001, salt: 'g', dropMethod: 'DELETE' });
    servers.push(rust, go);
    const cwd = await tempProject({ 'cases/items.yaml': LIFECYCLE });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(verdicts(report.results)).toEqual([
      ['items/lifecycle/create', 'equal'],
      ['items/lifecycle/read', 'equal'],
      ['items/lifecycle/not-modified', 'equal'],
      ['items/lifecycle/delete', 'error'],
      ['items/lifecycle/gone', 'skipped'],
    ]);
    expect(report.results[3]?.kinds).toEqual(['transport']);
    expect(report.results[4]?.reason).toMatch(
      /^not sent: the candidate failed in transport at step "delete" \(\w+\), so the later steps have nothing to build on$/,
    );
    expect(rust.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'DELETE']);
  });

  it('reports a capture that finds nothing, and does not send the steps that need it', async () => {
    const { rust, targets } = await pair();
    const cwd = await tempProject({
      'cases/items.yaml': LIFECYCLE.replace('id: { json: /id }', 'id: { json: /ident }'),
    });
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.results[0]?.expectations).toEqual([
      'baseline: capture {{id}} (json /ident) found nothing: nothing at /ident',
      'candidate: capture {{id}} (json /ident) found nothing: nothing at /ident',
    ]);
    expect(report.results.slice(1).map((r) => r.reason)).toEqual(
      Array(4).fill(
        'not sent: {{id}} has no value on either side (step "create": nothing at /ident)',
      ),
    );
    expect(rust.requests).toHaveLength(1);
  });

  it('keeps a captured token out of every report when it is sent in a redacted header', async () => {
    const secret = 'tok-0123456789abcdef';
    const make = (token: string) =>
      startServerWith((req, res) => {
        if (req.url === '/login')
          return json(res, 200, { token: `${token}-${req.socket.localPort}` });
        const auth = req.headers.authorization ?? '';
        return json(res, 200, { auth, query: req.url, runtime: token.length });
      });
    const rust = await make(secret);
    const go = await make(`${secret}x`);
    servers.push(rust, go);
    const cwd = await tempProject({
      'cases/auth.yaml': `suite: auth
cases:
  - id: session
    steps:
      - id: login
        request: { method: GET, path: /login }
        capture: { token: { json: /token } }
      - id: me
        request:
          method: GET
          path: "/me?t={{token}}"
          headers: { authorization: "Bearer {{token}}" }
`,
    });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => r.verdict)).toEqual(['equal', 'divergent']);
    for (const file of [
      'report.json',
      'report.md',
      'report.html',
      'junit.xml',
      'results.ndjson',
      'assessment.json',
    ]) {
      const text = await readFile(join(cwd, 'reports/latest', file), 'utf8');
      expect(text, file).not.toContain(secret);
    }
    // The repro replays the flow: the token is a shell variable the script captures, never its value.
    const script = report.results[1]?.repro?.candidate ?? '';
    expect(script).toMatch(/^# replays flow auth\/session up to step "me" on go/);
    expect(script).toContain(`-H 'authorization: Bearer '"$token"`);
    const replayed = await promisify(execFile)('sh', ['-c', script]);
    expect(replayed.stdout).toContain(`"auth":"Bearer ${secret}x-${new URL(go.url).port}"`);
    // Each side got its own token, in the query written in the path and in the header.
    const sent = rust.requests[1];
    expect(sent?.url).toBe(`/me?t=${secret}-${new URL(rust.url).port}`);
    expect(sent?.headers.authorization).toBe(`Bearer ${secret}-${new URL(rust.url).port}`);
    expect(go.requests[1]?.url).toBe(`/me?t=${secret}x-${new URL(go.url).port}`);
  });

  it('hides a secret captured at a later step in the results of the steps before it', async () => {
    const rust = await startKeyServer('rust');
    const go = await startKeyServer('go');
    servers.push(rust, go);
    const cwd = await tempProject({ 'cases/keys.yaml': LATE_SECRET_FLOW });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker', '--fail-on', 'none']);
    expect(result.stderr).toBe('');
    const report = await latestReport(cwd);
    expect(report.results.map((r) => [r.caseId, r.verdict])).toEqual([
      ['keys/signup/create', 'divergent'],
      ['keys/signup/me', 'equal'],
    ]);
    for (const file of [
      'report.json',
      'report.md',
      'report.html',
      'junit.xml',
      'results.ndjson',
      'assessment.json',
    ]) {
      const text = await readFile(join(cwd, 'reports/latest', file), 'utf8');
      expect(text, file).not.toContain(LATE_SECRET_DIGITS);
    }
    // Each side's key, first seen in the answer to a write, is a value each generated for
    // itself: compared as `{{generated}}` (so no secret is left to hide there).
    expect(report.results[0]?.generated).toEqual(['/apiKey (first seen in the answer to a write)']);
    expect(JSON.stringify(report.results[0]?.bodies)).toContain('{{generated}}');
  });

  it('hides it in an earlier plain case whose answers differ too (judged in a batch after the flow ran)', async () => {
    const rust = await startKeyServer('rust');
    const go = await startKeyServer('go');
    servers.push(rust, go);
    const cwd = await tempProject({
      'cases/a-plain.yaml':
        'suite: plain\ncases:\n  - id: me\n    request: { method: GET, path: /me }\n',
      'cases/keys.yaml': LATE_SECRET_FLOW,
    });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    const run = ['run', ...targets, '--no-tracker', '--fail-on', 'none', '--concurrency', '1'];
    const result = await runCli(cwd, run);
    expect(result.stderr).toBe('');
    const report = await latestReport(cwd);
    expect(report.results.map((r) => [r.caseId, r.verdict])).toEqual([
      ['plain/me', 'divergent'],
      ['keys/signup/create', 'divergent'],
      ['keys/signup/me', 'equal'],
    ]);
    for (const file of ['report.json', 'report.md', 'report.html', 'junit.xml', 'results.ndjson']) {
      const text = await readFile(join(cwd, 'reports/latest', file), 'utf8');
      expect(text, file).not.toContain(LATE_SECRET_DIGITS);
    }
  });
});
