/**
 * The package bin as users run it: `node bin/parity.js …` in its own process,
 * on the bundled CLI, against real servers on 127.0.0.1 port 0. Bundled into
 * a temp package so the test never touches the project's own dist/ while
 * other tests run. Exit codes are the README's contract.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { latestReport, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args…>` in `cwd` to its exit. */
async function node(args: readonly string[], cwd = ROOT): Promise<Outcome> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A package folder holding bin/ and, unless `built` is false, the bundle in dist/. */
async function packageDir(built: boolean): Promise<string> {
  const pkg = await mkdtemp(join(tmpdir(), 'parity-bin-'));
  await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
  if (built) await copyBundle(join(pkg, 'dist'));
  return pkg;
}

const cases = (paths: readonly string[]) =>
  JSON.stringify({
    suite: 'bin',
    cases: paths.map((path, n) => ({ id: `c${n}`, request: { method: 'GET', path } })),
  });

describe('bin/parity.js (the bundled CLI)', () => {
  let bin: string;
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    bin = join(await packageDir(true), 'bin', 'parity.js');
    baseline = await startServer((req, res) => json(res, 200, { path: req.url, price: 1 }));
    // The candidate differs on /drift only.
    candidate = await startServer((req, res) =>
      json(res, 200, { path: req.url, price: req.url === '/drift' ? 2 : 1 }),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all([baseline?.close(), candidate?.close()]);
  });

  const targets = () => ['--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];

  it('prints the package version (exit 0)', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const outcome = await node([bin, '--version']);
    expect(outcome).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('validates a case library (exit 0) and refuses a broken case file (exit 2)', async () => {
    const ok = await node([bin, 'validate', 'cases']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok: \d+ file\(s\), \d+ case\(s\), no problems/);

    const broken = join(ROOT, 'test', 'fixtures', 'cases', 'invalid', 'bad-method.yaml');
    const refused = await node([bin, 'validate', broken]);
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toContain('bad-method.yaml');
  });

  it('loads no HTTP client for a command that sends nothing, and loads it for a run', async () => {
    // The bin as users run it; which of Node's own HTTP modules, whether
    // node:net (a pipe's stream: the bin writes to pipes without one,
    // src/cli/fd-output.ts), node:v8 (the bin's V8 flags, set only by a
    // command that sends) and node:fs/promises, which of the CLI's files and
    // which of the separately bundled packages (dist/vendor/) each command made
    // Node load. A file named for a module (`validate-HASH.cjs`) is listed by
    // its name; the chunks of code files share (`chunk-HASH.cjs`) are left out.
    const loaded = (args: readonly string[]) => [
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       process.argv = ['node', 'parity', ...${JSON.stringify(args)}];
       process.on('exit', () => {
         const files = Object.keys(createRequire(import.meta.url).cache)
           .filter((file) => /[\\/]dist[\\/]/.test(file))
           .map((file) => file.split(/[\\/]dist[\\/]/)[1].replace(/-[A-Z0-9]{8}\\.cjs$/, '.cjs'))
           .filter((file) => file !== 'chunk.cjs');
         const http = process.moduleLoadList.filter((m) => /^NativeModule (_?http|net|tls|https|v8|fs\\/promises)\\b/.test(m));
         process.stderr.write('\\nloaded: ' + [...http, ...files.sort()].join(','));
       });
       await import(${JSON.stringify(pathToFileURL(bin).href)});`,
    ];
    const cwd = await tempProject({ 'cases/items.json': cases(['/items/1']) });
    const expected: [readonly string[], string][] = [
      [['--version'], 'parity.cjs,vendor/commander.cjs'],
      // A library of plain JSON cases with no config: neither yaml nor re2js,
      // nor zod (no schema is needed: src/io/cases/plain-fast.ts), nor commander
      // (a command and its operands alone: src/cli/main.ts).
      [['validate', 'cases'], 'parity.cjs,validate.cjs'],
      // show (in the file of the commands that read files) reads the tracker with
      // node:fs/promises, which the CLI requires on first use.
      [
        ['show', 'nothing-here'],
        'NativeModule fs/promises,local-commands.cjs,parity.cjs,vendor/commander.cjs,vendor/zod.cjs',
      ],
    ];
    for (const [command, files] of expected) {
      const outcome = await node(loaded(command), cwd);
      expect(outcome.stderr, command.join(' ')).toMatch(new RegExp(`\\nloaded: ${files}$`));
    }
    const ran = await node(loaded(['run', ...targets(), '--no-tracker', '-q']), cwd);
    expect(ran.stderr).toMatch(
      /\nloaded: .*NativeModule http.*,parity\.cjs,run\.cjs,vendor\/commander\.cjs,vendor\/undici\.cjs$/,
    );
    expect(ran.stderr).toMatch(/\nloaded: .*NativeModule v8,/);
    // The code that explains and groups divergences (src/core/compare/explaining.ts,
    // dist/explaining.cjs) loads at the first divergence: never in a run of equal
    // answers, its reports written all the same.
    expect(ran.stderr).not.toContain('explaining.cjs');
    const drift = await tempProject({ 'cases/drift.json': cases(['/same', '/drift']) });
    const diverged = await node(loaded(['run', ...targets(), '--no-tracker', '-q']), drift);
    expect(diverged.stderr).toMatch(/\nloaded: .*,explaining\.cjs,parity\.cjs,run\.cjs,/);
    // A YAML case file loads yaml; a rule with a regex, re2js; rules, zod.
    const yaml = await tempProject({
      'cases/items.yaml':
        'suite: y\ncases:\n  - id: one\n    request: { method: GET, path: /a }\n    rules: { mask: [{ path: /id, regex: "^[0-9]+$", with: "<n>" }] }\n',
    });
    const checked = await node(loaded(['validate', 'cases']), yaml);
    expect(checked.stderr).toMatch(
      /\nloaded: parity\.cjs,validate\.cjs,vendor\/re2js\.cjs,vendor\/yaml\.cjs,vendor\/zod\.cjs$/,
    );
  });

  it('runs cases against two servers: all equal is exit 0, with the reports written', async () => {
    const paths = Array.from({ length: 50 }, (_, n) => `/items/${n}`);
    const cwd = await tempProject({ 'cases/items.json': cases(paths) });
    const outcome = await node([bin, 'run', ...targets(), '--json'], cwd);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ summary: { cases: 50, equal: 50 } });
    const report = await latestReport(cwd);
    expect(report.summary).toMatchObject({ cases: 50, equal: 50, divergent: 0 });
    const html = await readFile(join(cwd, 'reports', 'latest', 'report.html'), 'utf8');
    expect(html).toContain('<script>');
    expect(baseline.requests.length).toBeGreaterThanOrEqual(50);
  });

  it('exits 1 when a case diverges, and names it in report.json', async () => {
    const cwd = await tempProject({ 'cases/drift.json': cases(['/same', '/drift']) });
    const outcome = await node([bin, 'run', ...targets(), '--no-tracker'], cwd);
    expect(outcome.code, outcome.stderr).toBe(1);
    const report = await latestReport(cwd);
    expect(report.summary).toMatchObject({ cases: 2, equal: 1, divergent: 1 });
    const divergent = report.results.filter((r) => r.verdict === 'divergent');
    expect(divergent.map((r) => r.caseId)).toEqual(['bin/c1']);
  });

  it('exits 3 when a target cannot be reached for any case', async () => {
    const closed = await startServer((_req, res) => json(res, 200, {}));
    await closed.close();
    const cwd = await tempProject({ 'cases/one.json': cases(['/items/1']) });
    const unreachable = ['--baseline', `a=${closed.url}`, '--candidate', `b=${candidate.url}`];
    const outcome = await node([bin, 'run', ...unreachable, '--no-tracker'], cwd);
    expect(outcome.code, outcome.stderr).toBe(3);
  });

  it('runs a reset hook (`run --noise --reset-command`): node:child_process loads when first used', async () => {
    // The bundle sees node:child_process through a module that requires it on
    // first use; the hook is that first use.
    const flow = JSON.stringify({
      suite: 'hook',
      cases: [
        { id: 'flow', steps: [{ id: 'read', request: { method: 'GET', path: '/items/1' } }] },
      ],
    });
    const cwd = await tempProject({ 'cases/flow.json': flow });
    const hook = 'echo reset >> hook.log';
    const outcome = await node(
      [bin, 'run', ...targets(), '--noise', '--reset-command', hook, '--no-tracker', '-q'],
      cwd,
    );
    expect(outcome.stderr).not.toMatch(/internal error/);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(await readFile(join(cwd, 'hook.log'), 'utf8')).toBe('reset\n');
  });

  it('imports an OpenAPI document with the parser bundled in dist/vendor/ (no node_modules beside the package)', async () => {
    const cwd = await tempProject();
    const outcome = await node(
      [bin, 'import', 'openapi', join(ROOT, 'examples/openapi.yaml')],
      cwd,
    );
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('every operation of the document has a case');
  });

  it('runs through a symlink, as package managers install bins', async () => {
    const link = join(await mkdtemp(join(tmpdir(), 'parity-bin-link-')), 'parity');
    await symlink(bin, link);
    const outcome = await node([link, 'validate', join(ROOT, 'cases')]);
    expect(outcome.code, outcome.stderr).toBe(0);
  });
});

describe('bin/parity.js without a build', () => {
  it('says how to build in one line on stderr (exit 4: parity itself failed)', async () => {
    const bin = join(await packageDir(false), 'bin', 'parity.js');
    const outcome = await node([bin, '--version']);
    expect(outcome.code).toBe(4);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/^parity: .*dist\/parity\.cjs.*; run `npm run build`\n$/);
  });
});
