/**
 * `parity proxy` as the package bin runs it listens on a worker thread
 * (dist/shadow-listening.cjs) and compares on another (dist/shadow-thread.cjs),
 * in the bin's own process, and gives the same rows as the session run
 * in-process from the TypeScript sources (the judging side in its thread)
 * over the same traffic.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { startShadowCli } from '../helpers/shadow.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Two planted causes: a price as a string, and a member the candidate lacks on /orders. */
async function pair(): Promise<{ baseline: TestServer; candidate: TestServer }> {
  const baseline = await startServer((req, res) =>
    json(res, 200, { path: req.url, price: 3, note: 'x' }),
  );
  const candidate = await startServer((req, res) =>
    json(res, 200, {
      path: req.url,
      price: req.url?.startsWith('/items') === true ? '3' : 3,
      ...(req.url?.startsWith('/orders') === true ? {} : { note: 'x' }),
    }),
  );
  servers.push(baseline, candidate);
  return { baseline, candidate };
}

const PATHS = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? `/items/${i}` : `/orders/${i}`));

async function traffic(url: string): Promise<void> {
  for (const path of PATHS) {
    const answer = await fetch(`${url}${path}`);
    expect(answer.status).toBe(200);
    await answer.arrayBuffer();
  }
}

/** Each thread of process `pid` (Linux's /proc): its id and nice value; and the processes `pid` started. */
async function threadsAndChildren(pid: number) {
  const field = (stat: string, n: number) =>
    stat.slice(stat.lastIndexOf(')') + 2).split(' ')[n - 3];
  const tasks = await readdir(`/proc/${pid}/task`);
  const threads = await Promise.all(
    tasks.map(async (task) => ({
      tid: Number(task),
      nice: Number(field(await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8'), 19)),
    })),
  );
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (Number(field(stat, 4)) === pid) children.push(Number(entry));
  }
  return { threads, children };
}

/** The rows of the run in `cwd`: each root cause's fingerprint and cases. */
async function rows(cwd: string) {
  const text = await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8');
  const report = JSON.parse(text) as {
    summary: { cases: number; divergent: number };
    rootCauses?: { fingerprint: string; cases?: unknown }[];
  };
  return {
    cases: report.summary.cases,
    divergent: report.summary.divergent,
    causes: (report.rootCauses ?? []).map((cause) => cause.fingerprint).sort(),
  };
}

describe('parity proxy from the package bin', () => {
  it('compares on a worker thread, with the same rows as in-process', async () => {
    const { baseline, candidate } = await pair();
    const args = ['proxy', '--listen', '127.0.0.1:0', '--json', '--no-tracker', '--shed', '100%'];
    args.push('--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`);

    // In-process (the sources): the judging side in the test's own thread.
    const here = await tempProject();
    const session = await startShadowCli(here, args);
    await traffic(session.url);
    session.signal('SIGTERM');
    expect(await session.ended).toBe(0);
    expect(session.stderr()).not.toContain('worker thread');

    // The shipped bin, on the bundle.
    const pkg = await mkdtemp(join(tmpdir(), 'parity-thread-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await copyBundle(join(pkg, 'dist'));
    const there = await tempProject();
    const bin = spawn(process.execPath, [join(pkg, 'bin', 'parity.js'), ...args], { cwd: there });
    try {
      let stderr = '';
      bin.stdout.resume();
      const ended = new Promise<number | null>((resolve) => bin.once('exit', resolve));
      const port = await new Promise<string>((resolve, reject) => {
        bin.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk;
          const found = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr)?.[1];
          if (found !== undefined) resolve(found);
        });
        bin.once('exit', () => reject(new Error(stderr)));
      });
      expect(stderr).toContain('parity: comparing on a worker thread');
      expect(stderr).not.toContain('no listening thread');
      await traffic(`http://127.0.0.1:${port}`);
      if (process.platform === 'linux') {
        // One process, the one the user started (its session and scheduling
        // group: a nice value then orders its threads against the rest of
        // them): its main thread and the listening thread at the priority it
        // was started with (this test's); the comparing thread, and V8's
        // threads started before the session, at the lowest
        // (shadow-priorities.test.ts reads which).
        const { threads, children } = await threadsAndChildren(bin.pid ?? 0);
        expect(children).toEqual([]);
        expect(threads.find((thread) => thread.tid === bin.pid)?.nice).toBe(getPriority());
        const others = threads.filter((thread) => thread.tid !== bin.pid);
        expect(others.some((thread) => thread.nice === getPriority())).toBe(true);
        expect(others.some((thread) => thread.nice === 19)).toBe(true);
      }
      bin.kill('SIGTERM');
      expect(await ended).toBe(0);
    } finally {
      bin.kill('SIGKILL');
    }

    const inProcess = await rows(here);
    expect(inProcess.cases).toBe(PATHS.length);
    expect(inProcess.causes.length).toBeGreaterThanOrEqual(2);
    expect(await rows(there)).toEqual(inProcess);
  }, 120_000);
});
