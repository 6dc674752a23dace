/**
 * `parity proxy` as the package bin runs it: in the bin's own process (no
 * second one), on a listening thread and a judging thread whose heap limits
 * its flags size (src/io/shadow/old-space.ts: the queue's heads and the byte
 * budget), a burst of max-size bodies (the default 16 MB cap) is served
 * whole to the clients, and each copy is compared or dropped for the byte
 * budget (counted), never a thread ended out of memory.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CAP = 16 * 1024 * 1024;

/** A JSON object of just under `CAP` bytes with ~300,000 members. */
function largest(): Buffer {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size + 40 < CAP; i++) {
    const part = `"member-${String(i).padStart(7, '0')}":"${'v'.repeat(30)}${i % 10}"`;
    parts.push(part);
    size += part.length + 1;
  }
  return Buffer.from(`{${parts.join(',')}}`);
}

/** GETs `url`; resolves with the status and the body's size. */
const get = (url: string) =>
  new Promise<{ status: number; size: number }>((resolve, reject) => {
    request(url, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => (size += chunk.byteLength));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, size }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

/** The pids whose parent is `pid` (Linux's /proc). */
async function children(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) found.push(Number(entry));
  }
  return found;
}

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe.runIf(process.platform === 'linux')("parity proxy under its threads' heap limits", () => {
  it('a burst of max-size bodies is compared or dropped for the budget, not an out-of-memory crash', async () => {
    const body = largest();
    const answer = (delayMs: number) =>
      startServer((_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        }, delayMs);
      });
    // A slow candidate: the queue fills while the clients are served.
    const [baseline, candidate] = await Promise.all([answer(0), answer(400)]);
    servers.push(baseline, candidate);
    const pkg = await mkdtemp(join(tmpdir(), 'parity-old-space-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await copyBundle(join(pkg, 'dist'));
    const cwd = await tempProject();
    const args = ['proxy', '--listen', '127.0.0.1:0', '--json', '--no-tracker'];
    args.push('--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`);
    args.push('--concurrency', '1', '--queue', '2', '--shed', '100%');
    const bin = spawn(process.execPath, [join(pkg, 'bin', 'parity.js'), ...args], { cwd });
    let stderr = '';
    let stdout = '';
    bin.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    const ended = new Promise<number | null>((resolve) => bin.once('exit', resolve));
    const port = await new Promise<string>((resolve, reject) => {
      bin.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        const found = /listening on http:\/\/[^:]+:(\d+)/.exec(stderr)?.[1];
        if (found !== undefined) resolve(found);
      });
      bin.once('exit', () => reject(new Error(stderr)));
    });
    // The session runs in the bin's process, on threads of its own: no second process.
    expect(await children(bin.pid ?? 0)).toEqual([]);
    // One worker, two waiting, the rest dropped by the queue.
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => get(`http://127.0.0.1:${port}/big/${i}`)),
    );
    expect(answers).toEqual(Array(5).fill({ status: 200, size: body.byteLength }));
    bin.kill('SIGTERM');
    expect(await ended).toBe(0);
    expect(stderr).not.toMatch(/heap out of memory|FATAL ERROR|thread ended/i);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(last.seen).toBe(5);
    expect(last.mirrored).toBeGreaterThanOrEqual(3);
    // Three answers of 16 MB held as bytes (48 MB of the 64 MB budget): the
    // decoded copies of a pair fit only once the others are gone, so the
    // last one taken is compared, alone, and the first ones are dropped.
    expect(last.compared).toBeGreaterThanOrEqual(1);
    expect(last.compared + last.bytes).toBe(last.mirrored);
    expect(last.mirrored + last.dropped - last.bytes).toBe(5);
  }, 180_000);
});
