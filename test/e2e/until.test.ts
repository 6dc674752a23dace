/**
 * A flow step's `until`: the step is sent again, on each side on its own,
 * until that side's answer meets the condition; only the last answers are
 * compared, each side's sends are recorded, a side that never meets it is an
 * unmet expectation of the step, a write needs `idempotent: true`, and a run
 * that is stopped stops waiting. Real servers on 127.0.0.1 that answer "not
 * yet" for their first requests.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { InterruptSignal } from '../../src/contract/vocabulary.js';
import { latestReport, runPair, tempProject, thisHost } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A server whose `path` answers `pending` to its first `pendingFor` requests, then `ready` (`pendingFor` undefined: never ready). */
async function eventual(input: {
  readonly path: string;
  readonly pendingFor: number | undefined;
  readonly pending: readonly [number, unknown];
  readonly ready: readonly [number, unknown];
}): Promise<TestServer> {
  let seen = 0;
  const server = await startServer((req, res) => {
    if (req.url !== input.path) return json(res, 404, { error: 'no route' });
    seen++;
    const ready = input.pendingFor !== undefined && seen > input.pendingFor;
    const [status, body] = ready ? input.ready : input.pending;
    json(res, status, body);
  });
  servers.push(server);
  return server;
}

/** A mail folder still loading: an empty list, then the message. */
const mailbox = (pendingFor: number | undefined) =>
  eventual({
    path: '/messages',
    pendingFor,
    pending: [200, []],
    ready: [200, [{ subject: 'Lunch on Friday', from: 'alice@example.com' }]],
  });

const MAILBOX_FLOW = (until: string) => `suite: mail
cases:
  - id: inbox
    steps:
      - id: list
        request: { method: GET, path: /messages }
        until: ${until}
        expect: { status: 200 }
`;

/** A job still running: 202 with its state, then 200 done. */
const job = (pendingFor: number | undefined) =>
  eventual({
    path: '/v2/jobs/7',
    pendingFor,
    pending: [202, { state: 'running', progress: 40 }],
    ready: [200, { state: 'done', progress: 100 }],
  });

const JOB_FLOW = `suite: jobs
cases:
  - id: export
    steps:
      - id: poll
        request: { method: GET, path: /v2/jobs/7 }
        until: { status: 200, json: /state, equals: done, intervalMs: 10 }
`;

describe('until: a flow step sent again until each side meets its condition', () => {
  it('compares the last answers: one side ready at once, the other after 3 tries, no divergence, tries recorded', async () => {
    const [rust, go] = [await mailbox(0), await mailbox(2)];
    const cwd = await tempProject({
      'cases/mail.yaml': MAILBOX_FLOW('{ json: /0, intervalMs: 10 }'),
    });
    const run = await runPair(cwd, `rust=${rust.url}`, `go=${go.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [list] = (await latestReport(cwd)).results;
    expect(list?.verdict).toBe('equal');
    expect(list?.expectations).toBeUndefined();
    expect(list?.flow?.waited).toEqual({
      baseline: { tries: 1, met: true },
      candidate: { tries: 3, met: true },
    });
    expect([rust.requests.length, go.requests.length]).toEqual([1, 3]);
    const markdown = await readFile(join(cwd, 'reports', 'latest', 'report.md'), 'utf8');
    expect(markdown).toContain('## Waited (1)');
    expect(markdown).toContain(
      '- mail/inbox/list: sent until its condition held: baseline 1 try, candidate 3 tries',
    );
    const html = await readFile(join(cwd, 'reports', 'latest', 'report.html'), 'utf8');
    expect(html).toContain('Waited (until): mail/inbox/list (baseline 1 try, candidate 3 tries)');
  });

  it('waits on a status and a member equal to a word, each side on its own (another API)', async () => {
    const [v1, v2] = [await job(3), await job(1)];
    const cwd = await tempProject({ 'cases/jobs.yaml': JOB_FLOW });
    const run = await runPair(cwd, `v1=${v1.url}`, `v2=${v2.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [poll] = (await latestReport(cwd)).results;
    expect(poll?.verdict).toBe('equal');
    expect(poll?.baseline.status).toBe(200);
    expect(poll?.flow?.waited).toEqual({
      baseline: { tries: 4, met: true },
      candidate: { tries: 2, met: true },
    });
    expect([v1.requests.length, v2.requests.length]).toEqual([4, 2]);
  });

  it('records a side that never meets the condition as an unmet expectation, and compares its last answer as it is', async () => {
    const [rust, go] = [await mailbox(0), await mailbox(undefined)];
    const cwd = await tempProject({
      'cases/mail.yaml': MAILBOX_FLOW('{ json: /0, tries: 3, intervalMs: 0 }'),
    });
    const run = await runPair(cwd, `rust=${rust.url}`, `go=${go.url}`);
    expect(run.code).toBe(1);
    const [list] = (await latestReport(cwd)).results;
    expect(list?.expectations).toEqual([
      'candidate: until json /0 found not met after 3 tries: nothing at /0',
    ]);
    expect(list?.flow?.waited).toEqual({
      baseline: { tries: 1, met: true },
      candidate: { tries: 3, met: false },
    });
    // Not compared as if met: the empty list is the candidate's answer.
    expect(list?.verdict).toBe('divergent');
    expect([rust.requests.length, go.requests.length]).toEqual([1, 3]);
    expect(run.stdout).toContain('until json /0 found not met after 3 tries');
  });

  it('names a job that never finishes by the value its last answer held', async () => {
    const [v1, v2] = [await job(0), await job(undefined)];
    const cwd = await tempProject({
      'cases/jobs.yaml': JOB_FLOW.replace('intervalMs: 10', 'tries: 2, intervalMs: 0'),
    });
    await runPair(cwd, `v1=${v1.url}`, `v2=${v2.url}`);
    const [poll] = (await latestReport(cwd)).results;
    expect(poll?.expectations).toEqual([
      'candidate: until status 200, json /state equals "done" not met after 2 tries: it answered 202',
    ]);
  });

  it('refuses until on a step that writes without idempotent: true, at its line, and sends nothing', async () => {
    const server = await job(0);
    const cwd = await tempProject({
      'cases/jobs.yaml': `suite: jobs
sideEffects: true
cases:
  - id: export
    steps:
      - id: start
        request: { method: POST, path: /v2/jobs }
        until: { status: 201 }
      - id: poll
        request: { method: GET, path: /v2/jobs/7 }
        until: { json: /state, tries: 0, colour: red }
`,
    });
    const run = await runPair(cwd, `v1=${server.url}`, `v2=${server.url}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'cases/jobs.yaml:8:16: cases[0].steps[0].until sends the step again until its condition holds, and POST may write: add idempotent: true to until',
    );
    expect(run.stderr).toContain(
      'cases/jobs.yaml:11:39: cases[0].steps[1].until.tries must be at least 1 (got 0)',
    );
    expect(run.stderr).toContain(
      'cases/jobs.yaml:11:42: cases[0].steps[1].until.colour is not a known field',
    );
    expect(server.requests).toEqual([]);
  });

  it('sends a POST again when the step says it is idempotent (a read sent as POST)', async () => {
    const describe = (pendingFor: number) =>
      eventual({
        path: '/',
        pendingFor,
        pending: [200, { StreamDescription: { StreamStatus: 'CREATING' } }],
        ready: [200, { StreamDescription: { StreamStatus: 'ACTIVE' } }],
      });
    const [lite, mock] = [await describe(1), await describe(0)];
    const cwd = await tempProject({
      'cases/streams.yaml': `suite: streams
sideEffects: true
cases:
  - id: orders
    steps:
      - id: describe
        request: { method: POST, path: /, json: { StreamName: orders } }
        until: { json: /StreamDescription/StreamStatus, equals: ACTIVE, idempotent: true, intervalMs: 10 }
`,
    });
    const run = await runPair(cwd, `lite=${lite.url}`, `mock=${mock.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect([lite.requests.length, mock.requests.length]).toEqual([2, 1]);
    expect(lite.requests.map((r) => r.body)).toEqual([
      '{"StreamName":"orders"}',
      '{"StreamName":"orders"}',
    ]);
  });

  it('stops waiting at once when the run is interrupted, and says so on the step', async () => {
    const [rust, go] = [await mailbox(0), await mailbox(undefined)];
    const cwd = await tempProject({
      'cases/mail.yaml': MAILBOX_FLOW('{ json: /0, tries: 100, intervalMs: 500 }'),
    });
    const listeners: ((signal: InterruptSignal) => void)[] = [];
    // The first answer of the side that is never ready raises SIGINT: the run is then in its wait.
    go.server.prependListener('request', () => {
      if (go.requests.length > 0) return;
      setImmediate(() => {
        for (const listener of listeners) listener('SIGINT');
      });
    });
    let stdout = '';
    const code = await main(
      ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`, '--no-tracker'],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
        env: { NO_COLOR: '1' },
        cwd,
        host: thisHost(),
        signals: {
          on(listener) {
            listeners.push(listener);
            return () => listeners.splice(listeners.indexOf(listener), 1);
          },
        },
      },
    );
    expect(code, stdout).toBe(130);
    // Far fewer sends than the 100 it would have taken, 500 ms apart.
    expect(go.requests.length).toBeLessThan(3);
    const dir = join(cwd, 'reports');
    const report = JSON.parse(
      await readFile(join(dir, (await readLatestRun(dir)) ?? '', 'report.json'), 'utf8'),
    ) as { results: { expectations?: string[]; flow?: { waited?: unknown } }[] };
    const [list] = report.results;
    expect(list?.expectations?.[0]).toMatch(
      /^candidate: until json \/0 found not met after (1 try|2 tries) of 100 \(the run was stopped\): nothing at \/0$/,
    );
  });
});

/** The one run folder in `dir` (an interrupted run leaves `latest` alone). */
async function readLatestRun(dir: string): Promise<string | undefined> {
  return (await readdir(dir)).find((name) => name !== 'latest' && !name.startsWith('.'));
}
