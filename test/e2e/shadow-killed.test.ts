/**
 * A shadow session started by the package bin, killed outright (SIGKILL) in
 * the process that runs it: its live run folder keeps the report of its last
 * refresh, and its `.owner` mark; the next session on the same reports folder sees the owner
 * gone, removes the mark (the folder a plain published run) and lets
 * `--keep` prune it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { startShadowCli } from '../helpers/shadow.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves once `child`'s stderr matches `pattern`, with the match. */
function stderrMatch(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} in:\n${text}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = pattern.exec(text);
      if (found !== null) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
}

describe('a shadow session killed outright', () => {
  const servers: TestServer[] = [];
  const agent = new Agent({ keepAliveTimeout: 10 });
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('leaves its last report; the next session clears its stale owner mark and --keep prunes it', async () => {
    const pkg = await mkdtemp(join(tmpdir(), 'parity-killed-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await copyBundle(join(pkg, 'dist'));
    const baseline = await startServer((_req, res) => json(res, 200, { id: 1 }));
    const candidate = await startServer((_req, res) => json(res, 200, { id: '1' }));
    servers.push(baseline, candidate);
    const cwd = await tempProject();
    const args = ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    const child = spawn(
      process.execPath,
      [join(pkg, 'bin', 'parity.js'), 'proxy', '--listen', '127.0.0.1:0', ...args, '--no-tracker'],
      { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const port = (await stderrMatch(child, /listening on http:\/\/[^:]+:(\d+)/))[1];
    const answer = await request(`http://127.0.0.1:${port}/v1/items/1`, { dispatcher: agent });
    await answer.body.dump();
    const refreshed = stderrMatch(child, /SIGHUP: reports refreshed in (\S+)/);
    // SIGHUP until the refresh holds the copy (it is compared after the client's answer).
    const asking = setInterval(() => child.kill('SIGHUP'), 300);
    const dir = (await refreshed)[1] ?? '';
    clearInterval(asking);
    const killed = join(cwd, 'reports', dir.split('/').pop() ?? '');
    // The session's process, named by its mark (the bin's own: the session
    // runs on threads of it); killed outright, it cleans nothing up.
    const { pid } = JSON.parse(await readFile(join(killed, '.owner'), 'utf8')) as { pid: number };
    process.kill(pid, 'SIGKILL');
    await exited;
    expect(await readdir(killed)).toContain('.owner');
    expect(await readdir(killed)).toContain('report.json');
    // The next session, on the same reports folder.
    const next = await startShadowCli(cwd, [
      'proxy',
      '--listen',
      '127.0.0.1:0',
      ...args,
      '--keep',
      '1',
    ]);
    expect(await readdir(killed)).not.toContain('.owner');
    expect(await readdir(killed)).toContain('report.json');
    const again = await request(`${next.url}/v1/items/2`, { dispatcher: agent });
    await again.body.dump();
    await next.waitFor(/compared 1\b/);
    next.signal('SIGTERM');
    expect(await next.ended).toBe(0);
    // --keep 1: the killed session's folder, its owner gone, is pruned.
    const reports = (await readdir(join(cwd, 'reports'))).filter((n) => n !== 'latest');
    expect(reports).toHaveLength(1);
    expect(reports).not.toContain(dir.split('/').pop());
  });
});
