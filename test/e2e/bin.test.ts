/**
 * The package bin as users run it: `node bin/parity.js`, the bundled CLI.
 * Bundled into a temp package so the test never touches the project's own
 * dist/ while other tests run.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function node(args: readonly string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('bin/parity.js (the bundled CLI)', () => {
  let bin: string;
  beforeAll(async () => {
    const pkg = await mkdtemp(join(tmpdir(), 'parity-bin-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    bin = join(pkg, 'bin', 'parity.js');
    const built = await node(['scripts/bundle.mjs', join(pkg, 'dist')]);
    expect(built.code, built.stderr).toBe(0);
  }, 60_000);

  it('runs the CLI', async () => {
    const outcome = await node([bin, 'validate', 'cases']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/^ok: \d+ file\(s\), \d+ case\(s\), no problems/);
  });

  it('runs cases over HTTP', async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cases = Array.from({ length: 20 }, (_, n) => ({
        id: `c${n}`,
        request: { method: 'GET', path: `/x/${n}` },
      }));
      const cwd = await tempProject({ 'cases/a.json': JSON.stringify({ suite: 'a', cases }) });
      const targets = ['--baseline', `a=${server.url}`, '--candidate', `b=${server.url}`];
      const reports = ['--reports', join(cwd, 'reports'), '--no-tracker', '--json'];
      const outcome = await node([bin, 'run', join(cwd, 'cases'), ...targets, ...reports]);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(JSON.parse(outcome.stdout)).toMatchObject({ summary: { cases: 20, equal: 20 } });
    } finally {
      await server.close();
    }
  });

  it('says how to build when the bundle is missing (exit 4: parity itself failed)', async () => {
    const pkg = await mkdtemp(join(tmpdir(), 'parity-bin-unbuilt-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    const outcome = await node([join(pkg, 'bin', 'parity.js'), '--version']);
    expect(outcome.code).toBe(4);
    expect(outcome.stderr).toContain('run `npm run build`');
  });

  it('exits with the CLI’s code: 2 for a broken case file, nothing sent', async () => {
    const broken = join(ROOT, 'test', 'fixtures', 'cases', 'invalid', 'bad-method.yaml');
    const outcome = await node([bin, 'validate', broken]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr + outcome.stdout).toContain('bad-method.yaml');
  });
});
