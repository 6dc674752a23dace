/**
 * Interruptions, with the real bin and real signals: SIGINT, SIGTERM and
 * SIGHUP (a terminal that closes, on a real pty too) stop the sending, let the
 * cases in flight finish, write a report marked `interrupted` that accounts
 * for every case, leave the tracker and `latest` untouched, say what happened
 * and end with 130 / 143 / 129. A second SIGINT or SIGTERM stops the wait. A
 * target that dies mid-run is named on the console.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/reporters/report/read.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { bundledBin, startBin, until } from './helpers.js';

const TOTAL = 30;
const TRACKER_PATH_LOCK = 'docs/ARCHITECTURE_COMPARISON.md.lock';
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

async function interruptedRun(signal: NodeJS.Signals, target: TestServer) {
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

/** Whether util-linux `script` (a command on a fresh pty) is here. */
async function hasScript(): Promise<boolean> {
  const probe = spawn('script', ['--version'], { stdio: 'ignore' });
  return new Promise((resolve) => {
    probe.on('error', () => resolve(false));
    probe.on('close', (code) => resolve(code === 0));
  });
}

/** The interrupted banner of report.html as chromium draws it (undefined without chromium). */
async function htmlBanner(path: string) {
  if (!chromiumAvailable('the report.html banner check')) return undefined;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path).href);
    const banner = page.getByTestId('interrupted');
    return {
      text: await banner.innerText(),
      notRun: (await banner.locator('pre').textContent())?.split('\n'),
    };
  } finally {
    await browser.close();
  }
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
    // junit.xml lists every selected case: those not run are skipped, saying why.
    const junit = await readFile(join(cwd, 'reports', report.runId, 'junit.xml'), 'utf8');
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*tests="${TOTAL}"`));
    expect(junit.match(/<testcase /g)).toHaveLength(TOTAL);
    const skipped = [
      ...junit.matchAll(
        /<testcase classname="s" name="([^"]+)" time="0.000"><skipped message="not run: interrupted by SIGINT"\/>/g,
      ),
    ].map((m) => m[1]);
    expect(skipped).toEqual(interrupted?.notRun);
    // report.html opens with a banner, and lists the cases not run.
    const banner = await htmlBanner(join(cwd, 'reports', report.runId, 'report.html'));
    if (banner !== undefined) {
      expect(banner.text).toContain(
        `Interrupted by SIGINT: ${interrupted?.ran} of ${TOTAL} cases ran, ${interrupted?.notRun.length} not run`,
      );
      expect(banner.notRun).toEqual(interrupted?.notRun);
    }
  });

  it('SIGTERM exits 143, the same way', async () => {
    const { cwd, bin } = await interruptedRun('SIGTERM', slow);
    const outcome = await bin.done;
    expect(outcome.code, outcome.stderr).toBe(143);
    expect((await publishedReport(cwd)).interrupted?.signal).toBe('SIGTERM');
  });

  it('SIGHUP (its terminal closed) writes the report the same way, then ends by the hangup (status 129)', async () => {
    const { cwd, bin } = await interruptedRun('SIGHUP', slow);
    const outcome = await bin.done;
    // Ending by the signal itself: a shell shows 128 + 1.
    expect(outcome.signal, outcome.stderr).toBe('SIGHUP');
    expect(outcome.stderr).toContain('SIGHUP: no new case will be sent');
    expect(outcome.stderr).toMatch(/interrupted by SIGHUP: \d+ case\(s\) ran, \d+ not run/);
    const report = await publishedReport(cwd);
    expect(report.interrupted?.signal).toBe('SIGHUP');
    expect((report.interrupted?.ran ?? 0) + (report.interrupted?.notRun.length ?? 0)).toBe(TOTAL);
  });

  it('a repeated SIGHUP keeps waiting (a hangup comes twice); a SIGINT then stops the wait', async () => {
    const { cwd, bin } = await interruptedRun('SIGHUP', hanging);
    await until(() => bin.stderr().includes('no new case will be sent'));
    bin.child.kill('SIGHUP');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bin.child.exitCode).toBeNull();
    expect(bin.stderr()).not.toContain('aborting');
    bin.child.kill('SIGINT');
    const outcome = await bin.done;
    expect(outcome.stderr).toContain('SIGINT again: aborting the requests in flight');
    expect(outcome.signal).toBe('SIGHUP');
    expect((await publishedReport(cwd)).interrupted?.signal).toBe('SIGHUP');
  });

  it('a terminal that closes mid-run (a real pty, its master closed) leaves a complete report', async (context) => {
    if (!(await hasScript())) return context.skip();
    const cwd = await tempProject({ 'cases/s.json': cases });
    const before = slow.requests.length;
    const command = [process.execPath, await bundledBin(), 'run', '--baseline', `b=${slow.url}`]
      .concat(['--candidate', `c=${slow.url}`, '--concurrency', '2', '--no-tracker'])
      .join(' ');
    // util-linux script runs the command on a new pty; killing script closes its master side.
    const terminal = spawn('script', ['-qfec', command, join(cwd, 'typescript')], {
      cwd,
      stdio: 'ignore',
    });
    await until(() => slow.requests.length - before >= 4);
    terminal.kill('SIGKILL');
    await until(async () => {
      const names = await readdir(join(cwd, 'reports')).catch(() => []);
      return names.length === 1 && !names[0]?.endsWith('.partial');
    });
    const report = await publishedReport(cwd);
    expect(report.interrupted?.signal).toBe('SIGHUP');
    expect((report.interrupted?.ran ?? 0) + (report.interrupted?.notRun.length ?? 0)).toBe(TOTAL);
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

describe('a second SIGINT after some answers', () => {
  it('does not take the requests it aborted for a target that stopped answering', async () => {
    // Answers the first cases, then holds every later one: aborted by the second signal.
    let served = 0;
    const server = await startServer((req, res) => {
      served++;
      if (served <= 6) json(res, 200, { path: req.url });
    });
    try {
      const cwd = await tempProject({ 'cases/s.json': cases });
      const args = ['run', '--baseline', `b=${server.url}`, '--candidate', `c=${server.url}`];
      const bin = await startBin([...args, '--concurrency', '4', '--timeout', '60000'], cwd);
      await until(() => server.requests.length >= 10);
      bin.child.kill('SIGINT');
      await until(() => bin.stderr().includes('no new case will be sent'));
      bin.child.kill('SIGINT');
      const outcome = await bin.done;
      expect(outcome.code, outcome.stderr).toBe(130);
      expect(outcome.stderr).toContain('SIGINT again: aborting the requests in flight');
      expect(outcome.stderr).not.toContain('stopped answering');
    } finally {
      await server.close();
    }
  });
});

describe('a second SIGINT, whatever the command waits for', () => {
  it('ends the process within a second or so (here: waiting for a tracker lock a live process holds)', async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({ 'cases/s.json': cases });
      expect((await runCli(cwd, ['tracker', '--init'])).code).toBe(0);
      // Held by this test's own process, refreshed: the run waits for it (up to a minute).
      const { writeFile } = await import('node:fs/promises');
      const { hostname } = await import('node:os');
      const owner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
      await writeFile(join(cwd, TRACKER_PATH_LOCK), JSON.stringify(owner));
      const bin = await startBin(
        ['run', '--baseline', `a=${server.url}`, '--candidate', `b=${server.url}`],
        cwd,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      bin.child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = Date.now();
      bin.child.kill('SIGINT');
      const outcome = await bin.done;
      expect(Date.now() - second).toBeLessThan(3_000);
      expect(outcome.signal === 'SIGINT' || outcome.code === 130, outcome.stderr).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('a command that does not listen for signals', () => {
  it('ends at once, as the signal normally ends a process, even mid-check', async () => {
    const line = '  - { id: c, request: { method: GET, path: /x } }\n';
    const cwd = await tempProject({
      'cases/big.yaml': `suite: b\ncases:\n${line.repeat(120_000)}`,
    });
    const bin = await startBin(['validate'], cwd);
    // Long enough for the bin to be up (the check of this file takes seconds).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    bin.child.kill('SIGINT');
    // The check of this file is one long synchronous step: a handler of
    // parity's would run only after it, so none is installed.
    const outcome = await bin.done;
    expect(outcome.signal).toBe('SIGINT');
    expect(outcome.stdout).not.toContain('ok:');
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
