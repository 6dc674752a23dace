/**
 * `parity demo`: the bundled example from the package, in any folder. It
 * starts the two reference servers the package ships, runs the example's
 * cases with the example's own config (a project's config is never read),
 * writes reports/ and a tracker seeded from the example's; `--serve` keeps
 * the servers up until a stop signal. Real server processes, real sockets.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { SignalSource } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { InterruptSignal } from '../../src/contract/vocabulary.js';
import { latestReport, runCli, tempProject, thisHost } from '../helpers/cli.js';

const SLOW = { timeout: 60_000 };

describe('parity demo', () => {
  it("runs the example in a folder of its own, ignoring the folder's config", SLOW, async () => {
    // A project config that would break the run if the demo read it.
    const cwd = await tempProject({
      'parity.config.yaml':
        'targets:\n  a: http://127.0.0.1:9\nbaseline: a\nfailOn: none\nconcurrency: 0\n',
    });
    const result = await runCli(cwd, ['demo']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('cases 14 · equal 2 · divergent 12');
    const report = await latestReport(cwd);
    expect(report.rootCauses).toHaveLength(7);
    // The tracker starts from the example's, with its decisions: every row is seen again.
    const tracker = await readFile(join(cwd, 'reports', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker).toMatch(/PAR-009/);
    expect(result.stdout).toContain('0 new, 0 reopened, 0 resolved, 7 seen again');
    // The servers are gone once the demo is done.
    const url = /rust \((http:\/\/[^)]+)\)/.exec(result.stdout)?.[1];
    expect(url).toBeDefined();
    await expect(request(`${url}/v1/records`)).rejects.toThrow();
  });

  it('writes where it is told, and no tracker with --no-tracker', SLOW, async () => {
    const cwd = await tempProject();
    const result = await runCli(cwd, ['demo', '--reports', 'out/demo', '--no-tracker']);
    expect(result.code, result.stderr).toBe(0);
    expect((await latestReport(cwd, 'out/demo')).rootCauses).toHaveLength(7);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
    expect(result.stdout).not.toMatch(/^ *tracker .*: \d+ new/m);
  });

  it('--serve keeps the two servers up until a stop signal', SLOW, async () => {
    const cwd = await tempProject();
    let stop: ((signal: InterruptSignal) => void) | undefined;
    const signals: SignalSource = {
      on(listener) {
        stop = listener;
        return () => {
          stop = undefined;
        };
      },
    };
    let stdout = '';
    let stderr = '';
    const exited = main(['demo', '--serve', '--ports', '0,0'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { NO_COLOR: '1' },
      cwd,
      host: thisHost(),
      signals,
    });
    await expect.poll(() => stdout, { timeout: 20_000 }).toContain('serving until Ctrl-C');
    const urls = [...stdout.matchAll(/^(?:baseline|candidate) \w+ (http:\S+)$/gm)].map((m) => m[1]);
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      const answer = await request(`${url}/v1/records/1`);
      await answer.body.dump();
      expect(answer.statusCode).toBeLessThan(500);
    }
    expect(stdout).toContain('parity init rust=');
    stop?.('SIGINT');
    expect(await exited, stderr).toBe(0);
    for (const url of urls) await expect(request(`${url}/v1/records`)).rejects.toThrow();
  });

  it('takes its servers down with it however it ends (killed outright too)', SLOW, async () => {
    const cwd = await tempProject();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'parity.js');
    const child = spawn(process.execPath, [bin, 'demo', '--serve', '--ports', '0,0'], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const urls: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      const url = /^(?:baseline|candidate) \w+ (http:\S+)$/.exec(line)?.[1];
      if (url !== undefined) urls.push(url);
      if (line.startsWith('serving until')) break;
    }
    expect(urls).toHaveLength(2);
    const exited = once(child, 'exit');
    // No handler runs: the servers learn it from their standard input closing.
    child.kill('SIGKILL');
    await exited;
    for (const url of urls) {
      await expect
        .poll(
          () =>
            request(`${url}/v1/records`).then(
              async (answer) => {
                await answer.body.dump();
                return 'up';
              },
              () => 'down',
            ),
          { timeout: 15_000 },
        )
        .toBe('down');
    }
  });

  it('refuses --ports without --serve and a bad port, sending nothing', async () => {
    const cwd = await tempProject();
    const alone = await runCli(cwd, ['demo', '--ports', '1,2']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--ports goes with --serve');
    const bad = await runCli(cwd, ['demo', '--serve', '--ports', '3100']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--ports takes two ports');
  });
});
