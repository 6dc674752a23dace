/**
 * The package bin as users run it: `node bin/parity.js`, the bundled CLI
 * loaded through V8's code cache. Bundled into a temp package so the test
 * never touches the project's own dist/ while other tests run.
 */
import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
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

describe('bin/parity.js (bundled CLI with a code cache)', () => {
  let bin: string;
  let cache: string;
  beforeAll(async () => {
    const pkg = await mkdtemp(join(tmpdir(), 'parity-bin-'));
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    bin = join(pkg, 'bin', 'parity.js');
    const built = await node(['scripts/bundle.mjs', join(pkg, 'dist')]);
    expect(built.code, built.stderr).toBe(0);
    // ASCII, so the bin reads it as a one-byte string (no UTF-8 decoding).
    expect(isAscii(await readFile(join(pkg, 'dist', 'parity.cjs')))).toBe(true);
    cache = join(pkg, 'dist', 'parity.cjs.v8cache');
  }, 60_000);

  it('runs the CLI, writes the code cache on the first run and reuses it after', async () => {
    await expect(stat(cache)).rejects.toThrow();
    const first = await node([bin, 'validate', 'cases']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^ok: \d+ file\(s\), \d+ case\(s\), no problems/);
    const written = await stat(cache);
    expect(written.size).toBeGreaterThan(10_000);

    const second = await node([bin, 'validate', 'cases']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // Accepted, so not rewritten.
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);
  });

  it('runs cases over HTTP with the flags the bin sets, and a longer run refreshes the cache', async () => {
    // ~20 KB answers (enough allocation for the young generation to reach its
    // cap) after 5 ms (so the run outlasts the bin's first-second JIT setting):
    // both V8 flags the bin changes mid-run are changed.
    const filler = 'x'.repeat(20_000);
    const server = await startServer(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      json(res, 200, { ok: true, filler });
    });
    try {
      // 2,000 cases take several times as long as the `validate` run that wrote the cache.
      const cases = Array.from({ length: 2000 }, (_, n) => ({
        id: `c${n}`,
        request: { method: 'GET', path: `/x/${n}` },
      }));
      const cwd = await tempProject({ 'cases/a.json': JSON.stringify({ suite: 'a', cases }) });
      const before = await stat(cache);
      const targets = ['--baseline', `a=${server.url}`, '--candidate', `b=${server.url}`];
      const reports = ['--reports', join(cwd, 'reports'), '--no-tracker', '--json'];
      const outcome = await node([bin, 'run', join(cwd, 'cases'), ...targets, ...reports]);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(JSON.parse(outcome.stdout)).toMatchObject({ summary: { cases: 2000, equal: 2000 } });
      const after = await stat(cache);
      expect(after.mtimeMs).toBeGreaterThan(before.mtimeMs);
      expect(Number(await readFile(`${cache}.ms`, 'utf8'))).toBeGreaterThanOrEqual(1000);
      // The cache the long run wrote must still match the flags the next run
      // starts with.
      const next = await node([bin, 'validate', 'cases']);
      expect(next.code, next.stderr).toBe(0);
      expect((await stat(cache)).mtimeMs).toBe(after.mtimeMs);
    } finally {
      await server.close();
    }
  });

  it('loads the built-ins a run never uses only on first use', async () => {
    // Prints the built-in modules loaded by the time the process exits.
    const probe = join(await mkdtemp(join(tmpdir(), 'parity-bin-probe-')), 'probe.cjs');
    await writeFile(
      probe,
      "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));",
    );
    const outcome = await node(['--require', probe, bin, 'validate', 'cases']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const loaded = JSON.parse(outcome.stderr) as string[];
    expect(loaded).toContain('NativeModule net');
    for (const unused of ['http2', 'tls', 'child_process', 'readline']) {
      expect(loaded).not.toContain(`NativeModule ${unused}`);
    }
  });

  it('replaces a cache V8 rejects, and still runs', async () => {
    await writeFile(cache, 'not a code cache');
    const outcome = await node([bin, '--version']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const replaced = await readFile(cache);
    expect(replaced.toString('utf8', 0, 16)).not.toBe('not a code cache');
    expect(replaced.byteLength).toBeGreaterThan(10_000);
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
