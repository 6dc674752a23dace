/**
 * The package installed as a user installs it: `npm pack` of the current
 * sources, `npm i -D ./http-parity-<version>.tgz` into a fresh project with no
 * network (npm's offline cache, see `test/helpers/pack.ts`), then the loop a
 * new user runs there with `npx parity`: `--version`, `demo`, `init`,
 * `import`, `validate`, `run` against the two reference servers the package
 * serves (`demo --serve`), `show`, `decide`, and the API imported by the
 * package's name. Nothing of the
 * checkout is used but the tarball: the package is a real copy in the
 * project's node_modules, and every command runs in the project.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { lstat, mkdir, mkdtemp, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, offlineNpmEnv, packPackage } from '../helpers/pack.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Bytes of every file under `dir` (symlinks counted as links, not followed). */
async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await lstat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1000 / 1000).toFixed(2)} MB`;

/** Issue 46's goal for the tarball: at most 1.2 MB packed. */
const PACKED_GOAL = 1_200_000;

// Packing builds the whole package (`prepare`), and each step below starts
// Node, npx or tsc: while the rest of the suite shares the two cores they
// take several times what they take alone (pack and install ~30 s, the
// first loop ~5 s): these bounds leave room for a loaded machine, not for
// a hang.
const INSTALL_TIMEOUT = 300_000;
const SLOW = { timeout: 120_000 };

describe('npm pack → npm i ./tarball (offline) → npx parity in a fresh project', () => {
  let work: string;
  let project: string;
  let served: ChildProcess | undefined;
  let baseline: { readonly url: string };
  let candidate: { readonly url: string };
  let sizes: { tarball: number; package: number; installed: number };

  /** `npx parity …args` in the project, offline. */
  async function parity(args: readonly string[]): Promise<Outcome> {
    try {
      const { stdout, stderr } = await exec('npx', ['parity', ...args], {
        cwd: project,
        env: offlineNpmEnv(work),
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'parity-package-'));
    project = join(work, 'project');
    await mkdir(project);
    const started = Date.now();
    const tarball = await packPackage(ROOT, work);
    const packedAt = Date.now();
    await installPacked({ root: ROOT, project, tarball, logs: work });
    const packageBytes = await sizeOf(join(project, 'node_modules', 'http-parity'));
    const installedBytes = await sizeOf(join(project, 'node_modules'));
    const tarballBytes = (await lstat(tarball)).size;
    sizes = { tarball: tarballBytes, package: packageBytes, installed: installedBytes };
    console.info(
      `http-parity: tarball ${megabytes(tarballBytes)}, package ${megabytes(packageBytes)}, ` +
        `installed with its dependencies ${megabytes(installedBytes)} ` +
        `(pack ${packedAt - started} ms, install ${Date.now() - packedAt} ms)`,
    );
    // The README's first loop runs on the two servers the package itself serves.
    served = spawn(
      process.execPath,
      [join(project, 'node_modules', '.bin', 'parity'), 'demo', '--serve', '--ports', '0,0'],
      { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const urls: string[] = [];
    for await (const line of createInterface({ input: served.stdout ?? Readable.from([]) })) {
      const url = /^(?:baseline|candidate) \w+ (http:\S+)$/.exec(line)?.[1];
      if (url !== undefined) urls.push(url);
      if (line.startsWith('serving until')) break;
    }
    const [baselineUrl, candidateUrl] = urls;
    if (baselineUrl === undefined || candidateUrl === undefined) {
      throw new Error(`parity demo --serve printed ${urls.length} URL(s)`);
    }
    baseline = { url: baselineUrl };
    candidate = { url: candidateUrl };
  }, INSTALL_TIMEOUT);

  afterAll(async () => {
    if (served !== undefined && served.exitCode === null) {
      const exited = once(served, 'exit');
      served.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });

  it('installs a real copy of the package, whose bin is the project-local parity', async () => {
    const installed = join(project, 'node_modules', 'http-parity');
    expect((await lstat(installed)).isDirectory()).toBe(true);
    const inProject = await realpath(project);
    expect((await realpath(installed)).startsWith(inProject)).toBe(true);
    const bin = await realpath(join(project, 'node_modules', '.bin', 'parity'));
    expect(bin.startsWith(await realpath(installed))).toBe(true);
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(await parity(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    // The README's links and picture resolve in the installed package too, and so do
    // docs/ci.md's CI examples.
    for (const page of [
      'docs/tracker.md',
      'docs/rules-and-noise.md',
      'docs/images/report.png',
      'examples/ci/github-actions.yml',
      'examples/ci/gitlab-ci.yml',
    ]) {
      expect((await lstat(join(installed, page))).isFile(), page).toBe(true);
    }
  });

  it('ships each piece once, no install script, one major of each package; the README states its size', async () => {
    const installed = join(project, 'node_modules', 'http-parity');
    // parity's code: the CLI, the API and its ES module, a file per module
    // loaded on demand (a command, a group of commands, …: `NAME-HASH.cjs`)
    // and the chunks they share (`chunk-HASH.cjs`), shadow mode's worker
    // threads (`shadow-listening.cjs`, `shadow-thread.cjs`), the code that explains divergences, loaded at
    // the first (`explaining.cjs`); the rest is declarations.
    const code = (await readdir(join(installed, 'dist'), { recursive: true }))
      .map(String)
      .filter((file) => /\.(c|m)?js$/.test(file) && !file.startsWith('vendor/'))
      .sort();
    expect(code).toEqual(expect.arrayContaining(['api.cjs', 'index.js', 'parity.cjs']));
    for (const file of code) {
      expect(file).toMatch(
        /^(api\.cjs|index\.js|parity\.cjs|shadow-(listening|thread)\.cjs|explaining\.cjs|[a-z-]+-[A-Z0-9]{8}\.cjs)$/,
      );
    }
    expect(code.filter((file) => file.startsWith('chunk-')).length).toBeGreaterThan(0);
    // No function is in two files: a module of parity's bundled twice would be
    // (the files keep the functions' names and text, scripts/bundle.mjs), and so
    // would a package bundled into two files of dist/vendor/, or into one of
    // them and parity's code (shadow mode's worker thread included).
    const shipped = (await readdir(join(installed, 'dist'), { recursive: true }))
      .map(String)
      .filter((file) => /\.(c|m)?js$/.test(file))
      .sort();
    expect(shipped).toEqual(
      expect.arrayContaining(['vendor/undici.cjs', 'shadow-listening.cjs', 'shadow-thread.cjs']),
    );
    const where = new Map<string, string>();
    const twice: string[] = [];
    for (const file of shipped) {
      const text = await readFile(join(installed, 'dist', file), 'utf8');
      for (const [fn] of text.matchAll(/function\*? ?[\w$]+\([^)]{0,200}\)\{.{200}/g)) {
        const first = where.get(fn);
        if (first !== undefined && first !== file)
          twice.push(`${fn.slice(0, 60)}… in ${first} and ${file}`);
        where.set(fn, first ?? file);
      }
    }
    expect(where.size).toBeGreaterThan(2000);
    expect(twice).toEqual([]);
    // No declaration that nothing public reaches (scripts/prune-declarations.mjs):
    // the API's declarations, and what they import.
    const declarations = (await readdir(join(installed, 'dist'), { recursive: true }))
      .map(String)
      .filter((file) => file.endsWith('.d.ts'));
    expect(declarations).toContain('index.d.ts');
    expect(declarations).not.toContain('cli/main.d.ts');
    // One YAML parser: the OpenAPI parser's js-yaml is replaced by yaml (one of
    // js-yaml's own messages).
    const openApiParser = await readFile(
      join(installed, 'dist', 'vendor', 'openapi-parser.cjs'),
      'utf8',
    );
    expect(openApiParser).not.toContain('end of the stream or a document separator is expected');
    // A bundled package is not installed too. zod included: its code is bundled
    // (loaded from node_modules it would cost a command ~50% of Node's own
    // start-up, docs/performance.md), and the declarations of it the API's types
    // reach ship in dist/zod-types/ (scripts/prune-declarations.mjs).
    expect((await lstat(join(installed, 'dist', 'zod-types', 'index.d.cts'))).isFile()).toBe(true);
    const vendored = (await readdir(join(installed, 'dist', 'vendor'))).map((f) =>
      f.replace(/\.cjs$/, ''),
    );
    expect(vendored).toContain('zod');
    expect(vendored).toContain('undici');
    const modules = join(project, 'node_modules');
    const present: string[] = [];
    for (const name of [...vendored, 'js-yaml', 'ajv', '@readme/openapi-parser']) {
      if (
        await lstat(join(modules, name)).then(
          () => true,
          () => false,
        )
      )
        present.push(name);
    }
    expect(present).toEqual([]);
    // One version of each installed package.
    const versions = new Map<string, Set<string>>();
    for (const entry of await readdir(modules, { recursive: true })) {
      if (!String(entry).endsWith('package.json')) continue;
      const manifest = JSON.parse(await readFile(join(modules, String(entry)), 'utf8'));
      if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') continue;
      if (!String(entry).endsWith(`${manifest.name}/package.json`)) continue;
      versions.set(manifest.name, (versions.get(manifest.name) ?? new Set()).add(manifest.version));
    }
    expect([...versions].filter(([, found]) => found.size > 1)).toEqual([]);
    // No script runs when the package is installed.
    const { scripts = {} } = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(scripts[hook], hook).toBeUndefined();
    }
    // The goal, as npm packs it (nothing a user needs left out: the checks above).
    expect(sizes.tarball, `${megabytes(sizes.tarball)} packed`).toBeLessThanOrEqual(PACKED_GOAL);
    // The README's sizes are these, within 10%.
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const stated =
      /([\d.]+) MB packed, ([\d.]+) MB unpacked and ([\d.]+) MB installed with its dependencies/.exec(
        readme,
      );
    expect(
      stated,
      'README: "N MB packed, N MB unpacked and N MB installed with its dependencies"',
    ).not.toBeNull();
    const [packed, unpacked, withDependencies] = (stated ?? []).slice(1).map(Number);
    const mb = (bytes: number) => bytes / 1000 / 1000;
    expect(Math.abs((packed ?? 0) - mb(sizes.tarball)) / mb(sizes.tarball)).toBeLessThan(0.1);
    expect(Math.abs((unpacked ?? 0) - mb(sizes.package)) / mb(sizes.package)).toBeLessThan(0.1);
    expect(
      Math.abs((withDependencies ?? 0) - mb(sizes.installed)) / mb(sizes.installed),
    ).toBeLessThan(0.1);
  });

  it('runs the first loop: init, import, validate, run, show, decide', SLOW, async () => {
    const init = await parity(['init', `rust=${baseline.url}`, `go=${candidate.url}`]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('wrote parity.config.yaml');

    const curl = `curl -X POST ${baseline.url}/v1/validate -H 'content-type: application/json' -d '{"record":{"age":36}}'\n`;
    await writeFile(join(project, 'captured.sh'), curl);
    const imported = await parity(['import', 'curl', 'captured.sh']);
    expect(imported.code, imported.stderr).toBe(0);

    const validated = await parity(['validate']);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toContain('ok: 2 file(s), 2 case(s), no problems');

    const run = await parity(['run']);
    expect(run.code, run.stderr).toBe(1); // the two servers differ on purpose
    expect(run.stdout).toContain('status parity 2/2');
    const report = JSON.parse(
      await readFile(join(project, 'reports', 'latest', 'report.json'), 'utf8'),
    );
    expect(report.summary.divergent).toBe(2);
    // Nothing in the report points into the checkout: cases, config and output are the project's.
    expect(JSON.stringify(report)).not.toContain(ROOT.replace(/\/$/, ''));
    const tracker = join(project, 'docs', 'ARCHITECTURE_COMPARISON.md');
    expect(await readFile(tracker, 'utf8')).toContain('PAR-002');

    const shown = await parity(['show', 'PAR-002']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Kind');

    const decided = await parity(['decide', 'PAR-002', 'accepted', '--note', 'Go writes Kind']);
    expect(decided.code, decided.stderr).toBe(0);
    expect(await readFile(tracker, 'utf8')).toMatch(/PAR-002[^\n]*_accepted_/);
  });

  it('runs the bundled example from the package: npx parity demo', SLOW, async () => {
    const demo = await parity(['demo', '--reports', 'demo-reports']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('cases 14 · equal 2 · divergent 12');
    // The tracker starts from the example's, with its decisions: every row is seen again.
    expect(demo.stdout).toContain('0 new, 0 reopened, 0 resolved, 7 seen again');
    const report = JSON.parse(
      await readFile(join(project, 'demo-reports', 'latest', 'report.json'), 'utf8'),
    );
    expect(report.rootCauses).toHaveLength(7);
  });

  it('imports the typed API by the package name', SLOW, async () => {
    const script = [
      "import { loadCases, validateCases } from 'http-parity';",
      "const cases = await loadCases(['cases'], { cwd: process.cwd(), env: {} });",
      "const checked = await validateCases(['cases'], { cwd: process.cwd(), env: {} });",
      'console.log(cases.length, checked.problems.length);',
    ].join('\n');
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project,
    });
    expect(stdout.trim()).toBe('2 0');
  });

  it("gives a TypeScript project the API's types", SLOW, async () => {
    // A consumer's module, checked by the checkout's TypeScript (a tool, not the package).
    const consumer = [
      "import { type LibraryRunOptions, type RunReport, runLibrary } from 'http-parity';",
      "const options: LibraryRunOptions = { cwd: '.', env: {}, baseline: 'a=http://127.0.0.1:1' };",
      'export const report: Promise<RunReport> = runLibrary(options).then((run) => run.report);',
      // A misuse the types must catch:
      "export const wrong: string = runLibrary({ cwd: '.', env: {} });",
      // The report's types are zod's outputs, resolved from the package alone (zod is
      // not installed): a count is a number, not `any`.
      'export const count = (r: RunReport): string => r.summary.cases;',
    ].join('\n');
    await writeFile(join(project, 'consumer.mts'), `${consumer}\n`);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // As most projects check: strict, NodeNext, their dependencies' declarations not rechecked.
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      target: 'es2022',
      noEmit: true,
      skipLibCheck: true,
      types: [],
    };
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['consumer.mts'] }),
    );
    const checked = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project,
    }).then(
      () => ({ stdout: '' }),
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    // Exactly the two misuses, nothing about the package's own declarations.
    expect(checked.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^consumer\.mts\(4,14\): error TS2322: Type 'Promise<LibraryRun>' is not assignable to type 'string'\.$/,
      ),
      expect.stringMatching(
        /^consumer\.mts\(5,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\.$/,
      ),
    ]);
    // zod is not in the project: the types above came from the package's own files.
    await expect(lstat(join(project, 'node_modules', 'zod'))).rejects.toThrow();
  });
});
