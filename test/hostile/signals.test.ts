/**
 * Interruptions, with the real bin and real signals: SIGINT and SIGTERM stop
 * the sending, let the cases in flight finish, write a report marked
 * `interrupted` that accounts for every case, leave the tracker and `latest`
 * untouched, say what happened and exit 130 / 143. A second signal stops the
 * wait. A target that dies mid-run is named on the console.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/report/read.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { startBin, until } from './helpers.js';

const TOTAL = 30;
const cases = JSON.stringify({
  suite: 's',
  cases: Array.from({ length: TOTAL }, (_, n) => ({
    id: `c${n}`,
    request: { method: 'GET', path: `/i/${n}` },
  })),
});
const TRACKER =
  '# Ours\n\nHuman words.\n\n<!-- parity:tracker:start -->\n<!-- parity:tracker:end -->\n';

let slow: TestServer;
let hanging: TestServer;
beforeAll(async () => {
  slow = await startServer((req, res) => {
    setTimeout(() => json(res, 200, { path: req.url }), 150);
  });
  hanging = await startServer(() => undefined);
});
afterAll(async () => Promise.all([slow.close(), hanging.close()]));

async function interruptedRun(signal: 'SIGINT' | 'SIGTERM', target: TestServer) {
  const cwd = await tempProject({
    'cases/s.json': cases,
    'docs/ARCHITECTURE_COMPARISON.md': TRACKER,
  });
  const before = target.requests.length;
  const args = ['run', '--baseline', `b=${target.url}`, '--candidate', `c=${target.url}`];
  const bin = await startBin([...args, '--concurrency', '2', '--timeout', '60000'], cwd);
  await until(() => target.requests.length - before >= 4 || bin.stderr() !== '');
  bin.child.kill(signal);
  return { cwd, bin };
}

async function publishedReport(cwd: string) {
  const names = await readdir(join(cwd, 'reports'));
  expect(names.filter((n) => n.endsWith('.partial'))).toEqual([]);
  expect(names).not.toContain('latest');
  expect(names).toHaveLength(1);
  return readReport(join(cwd, 'reports', names[0] ?? '', 'report.json'));
}

describe('a run stopped by a signal', () => {
  it('SIGINT: waits for the cases in flight, writes an interrupted report, exits 130', async () => {
    const { cwd, bin } = await interruptedRun('SIGINT', slow);
    const outcome = await bin.done;
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(outcome.stderr).toContain('SIGINT: no new case will be sent');
    expect(outcome.stderr).toMatch(/interrupted by SIGINT: \d+ case\(s\) ran, \d+ not run/);
    expect(outcome.stdout).toContain('interrupted by SIGINT');
    const report = await publishedReport(cwd);
    const interrupted = report.interrupted;
    expect(interrupted?.signal).toBe('SIGINT');
    // Every case is accounted for: it ran (it has a result) or it is listed as not run.
    expect((interrupted?.ran ?? 0) + (interrupted?.notRun.length ?? 0)).toBe(TOTAL);
    expect(report.summary.cases).toBe(interrupted?.ran);
    const ran = new Set(report.results.map((r) => r.caseId));
    for (const id of interrupted?.notRun ?? []) expect(ran.has(id)).toBe(false);
    // Cases in flight finished: none of them is a transport error.
    expect(report.summary.errors).toBe(0);
    expect(await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8')).toBe(TRACKER);
    const md = await readFile(join(cwd, 'reports', report.runId, 'report.md'), 'utf8');
    expect(md).toContain(`**Interrupted by SIGINT:** ${interrupted?.ran} of ${TOTAL} cases ran`);
  });

  it('SIGTERM exits 143, the same way', async () => {
    const { cwd, bin } = await interruptedRun('SIGTERM', slow);
    const outcome = await bin.done;
    expect(outcome.code, outcome.stderr).toBe(143);
    expect((await publishedReport(cwd)).interrupted?.signal).toBe('SIGTERM');
  });

  it('a second SIGINT stops waiting for requests that would never end', async () => {
    const { cwd, bin } = await interruptedRun('SIGINT', hanging);
    await until(() => bin.stderr().includes('no new case will be sent'));
    bin.child.kill('SIGINT');
    const outcome = await bin.done;
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(outcome.stderr).toContain('SIGINT again: aborting the requests in flight');
    const report = await publishedReport(cwd);
    expect(report.interrupted?.signal).toBe('SIGINT');
    expect(report.results.every((r) => r.verdict === 'error')).toBe(true);
  });
});

describe('a command that does not listen for signals', () => {
  it('ends at once, as the signal normally ends a process, and says so', async () => {
    const line = '  - { id: c, request: { method: GET, path: /x } }\n';
    const cwd = await tempProject({
      'cases/big.yaml': `suite: b\ncases:\n${line.repeat(120_000)}`,
    });
    const bin = await startBin(['validate'], cwd);
    // Long enough for the bin to be up (the check of this file takes seconds).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    bin.child.kill('SIGINT');
    const outcome = await bin.done;
    expect(outcome.signal).toBe('SIGINT');
    expect(outcome.stderr).toContain('parity: stopped by SIGINT');
  });
});

describe('a target that dies mid-run', () => {
  it('is named on the console, with how far it got', async () => {
    let served = 0;
    let server: TestServer | undefined;
    const candidate = await startServer((req, res) => json(res, 200, { path: req.url }));
    server = await startServer((req, res) => {
      served++;
      json(res, 200, { path: req.url });
      // The baseline dies after its fifth answer.
      if (served === 5) void server?.close();
    });
    const cwd = await tempProject({ 'cases/s.json': cases });
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      `rust=${server.url}`,
      '--candidate',
      `go=${candidate.url}`,
      '--concurrency',
      '1',
      '--no-tracker',
    ]);
    await candidate.close();
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(
      /baseline rust stopped answering: it answered 5 case\(s\), then every one of the last 25 failed \(\w+ from s\/c5 on\)/,
    );
  });
});
