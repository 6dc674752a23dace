/**
 * `parity shadow` and `parity proxy` lower the threads their process started
 * before the session (V8's platform workers) to the judging thread's
 * priority, so that their work for the judge yields to the clients (the
 * gateway's, or the proxy's own). Read per thread from /proc on the real bin.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/**
 * The nice value of `pid`'s main thread, and of each other thread in the
 * order they started (Linux's /proc; thread ids grow).
 */
async function niceOfThreads(pid: number): Promise<{ main: number; others: number[] }> {
  let main = Number.NaN;
  const others: number[] = [];
  const tids = (await readdir(`/proc/${pid}/task`)).map(Number).sort((a, b) => a - b);
  for (const tid of tids) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
    if (stat === '') continue;
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    if (Number(tid) === pid) main = nice;
    else others.push(nice);
  }
  return { main, others };
}

describe.runIf(process.platform === 'linux')("the session's threads and their priorities", () => {
  it.each([['shadow'], ['proxy']] as const)(
    'parity %s: its background threads are lowered',
    async (command) => {
      const baseline = await startServer((_req, res) => json(res, 200, { ok: true }));
      const candidate = await startServer((_req, res) => json(res, 200, { ok: true }));
      servers.push(baseline, candidate);
      const pkg = await mkdtemp(join(tmpdir(), 'parity-priorities-'));
      await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
      await copyBundle(join(pkg, 'dist'));
      const cwd = await tempProject();
      const args = [command, '--listen', '127.0.0.1:0', '--no-tracker'];
      args.push('--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`);
      const bin = spawn(process.execPath, [join(pkg, 'bin', 'parity.js'), ...args], { cwd });
      const ended = new Promise<number | null>((resolve) => bin.once('exit', resolve));
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        bin.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk;
          if (/listening on http:\/\//.test(stderr)) resolve();
        });
        bin.once('exit', () => reject(new Error(stderr)));
      });
      const { main, others } = await niceOfThreads(bin.pid ?? 0);
      bin.kill('SIGTERM');
      expect(await ended).toBe(0);
      // The command's own thread keeps the priority it was started at (the test's own, maybe under
      // `nice`); the judge lowers itself either way.
      expect(main).toBeLessThan(19);
      expect(others).toContain(19);
      // The first threads the process started, before any of the session's: V8's platform
      // workers (four by default).
      const first = others.slice(0, 4);
      expect(first, others.join(' ')).toEqual(Array(4).fill(19));
    },
  );
});
