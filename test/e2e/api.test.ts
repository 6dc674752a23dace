/**
 * The programmatic API, imported by the package's own name as a project that
 * installed it would (`exports` resolves to the built `dist/index.js`, with
 * its `.d.ts`): the stable names, and a case library judged as an ordinary test.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { json, startServer } from '../helpers/http.js';

const ROOT = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

describe('import ... from "http-parity"', () => {
  it('exposes exactly the stable surface', async () => {
    const api = await import('http-parity');
    expect(Object.keys(api).sort()).toEqual(
      [
        'compare',
        'decodeBody',
        'fuzzLibrary',
        'judge',
        'loadCases',
        'ParityError',
        'parseReport',
        'readReport',
        'runLibrary',
        'runParity',
        'validateCases',
      ].sort(),
    );
  });

  it('throws bad input as the ParityError it exports, with a stable code', async () => {
    const { loadCases, ParityError } = await import('http-parity');
    const dir = await mkdtemp(join(tmpdir(), 'parity-api-'));
    await writeFile(
      join(dir, 'bad.yaml'),
      'suite: s\ncases:\n  - id: x\n    request: { method: GET, path: nopath }\n',
    );
    const thrown = await loadCases([join(dir, 'bad.yaml')], { cwd: dir, env: {} }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(ParityError);
    expect(thrown).toMatchObject({ code: 'PARITY_CASES_INVALID' });
    await rm(dir, { recursive: true, force: true });
  });

  it("runs with the process's folder and environment when cwd and env are left out", async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    const dir = await mkdtemp(join(tmpdir(), 'parity-api-'));
    try {
      await writeFile(
        join(dir, 'cases.yaml'),
        'suite: s\ncases:\n  - id: x\n    request: { method: GET, path: "/${env:WHERE}" }\n',
      );
      const api = pathToFileURL(join(ROOT, 'dist/index.js')).href;
      const script = `import { runLibrary } from ${JSON.stringify(api)};
const run = await runLibrary({ baseline: 'a=${server.url}', candidate: 'b=${server.url}', cases: ['cases.yaml'], tracker: false });
console.log(run.verdict.kind, run.report.summary.cases);`;
      // Not spawnSync: the server answers from this process, which must keep running.
      const child = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: dir,
        env: { ...process.env, WHERE: 'from-the-environment' },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(child.stdout.trim()).toBe('passed 1');
      expect(server.requests.map((r) => r.url)).toContain('/from-the-environment');
      expect(await readdir(join(dir, 'reports'))).toContain('latest');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs in memory with reports: false: the report returned, no file written anywhere', async () => {
    const { runLibrary } = await import('http-parity');
    let count = 0;
    const baseline = await startServer((_req, res) => json(res, 200, { n: 1, tags: [] }));
    const candidate = await startServer((_req, res) => json(res, 200, { n: ++count, tags: null }));
    const dir = await mkdtemp(join(tmpdir(), 'parity-api-'));
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('parity-in-memory-'));
    try {
      await writeFile(
        join(dir, 'cases.yaml'),
        'suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /a }\n  - id: two\n    request: { method: GET, path: /b }\n',
      );
      const run = await runLibrary({
        cwd: dir,
        env: {},
        baseline: `a=${baseline.url}`,
        candidate: `b=${candidate.url}`,
        cases: ['cases.yaml'],
        tracker: false,
        reports: false,
      });
      expect(run.report.summary.cases).toBe(2);
      expect(run.report.summary.divergent).toBe(2);
      expect(run.report.rootCauses?.length).toBeGreaterThan(0);
      expect(run.verdict.kind).toBe('failing');
      // Nothing in the project, and the run's scratch folder is gone.
      expect((await readdir(dir)).sort()).toEqual(['cases.yaml']);
      const after = (await readdir(tmpdir())).filter((name) =>
        name.startsWith('parity-in-memory-'),
      );
      expect(after.filter((name) => !before.includes(name))).toEqual([]);
    } finally {
      await Promise.all([baseline.close(), candidate.close()]);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads a case library and judges two answers to one of its cases', async () => {
    const { loadCases, judge } = await import('http-parity');
    const cases = await loadCases([join(ROOT, 'cases/validator')], { cwd: ROOT, env: {} });
    const testCase = cases[0];
    expect(testCase?.id).toMatch(/^validator\//);
    if (testCase === undefined) return;
    const answer = (value: unknown) => ({
      outcome: 'response' as const,
      response: {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: { kind: 'json' as const, value },
        wireBytes: 0,
        durationMs: 1,
      },
    });
    const judged = judge({
      case: testCase,
      baseline: answer({ Schema: { field: 'name', reason: 'required' } }),
      candidate: answer({ Kind: 'schema', Field: 'name', Reason: 'required' }),
    });
    expect(judged.verdict).toBe('divergent');
    if (judged.verdict === 'divergent') {
      expect(judged.findings.map((f) => f.summary)).toEqual([
        'externally tagged enum vs `Kind` discriminator',
      ]);
    }
  });

  it('decodes captured bytes into the bodies judge compares', async () => {
    const { decodeBody, judge, loadCases } = await import('http-parity');
    const [testCase] = await loadCases([join(ROOT, 'cases/validator')], { cwd: ROOT, env: {} });
    if (testCase === undefined) throw new Error('no case');
    const body = decodeBody(Buffer.from('{"price": 1.50}'), 'application/json');
    expect(body.kind).toBe('json');
    const answer = (text: string) => ({
      outcome: 'response' as const,
      response: {
        status: 200,
        headers: {},
        body: decodeBody(Buffer.from(text), 'application/json'),
        wireBytes: text.length,
        durationMs: 0,
      },
    });
    expect(
      judge({ case: testCase, baseline: answer('[1,2]'), candidate: answer('[1, 2]') }).verdict,
    ).toBe('equal');
    expect(
      judge({ case: testCase, baseline: answer('[1,2]'), candidate: answer('[2,1]') }).verdict,
    ).toBe('divergent');
  });

  it('fuzzes two targets and writes the new root cause as a case', async () => {
    const { fuzzLibrary } = await import('http-parity');
    const a = await startServer((req, res) => json(res, 200, { path: req.url, n: 1 }));
    const b = await startServer((req, res) =>
      json(res, 200, { path: req.url, n: req.url?.includes('?') === true ? 2 : 1 }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'parity-api-fuzz-'));
    try {
      await writeFile(
        join(dir, 'seeds.json'),
        JSON.stringify({
          suite: 'seeds',
          cases: [{ id: 'one', request: { method: 'GET', path: '/items/1' } }],
        }),
      );
      const outcome = await fuzzLibrary({
        cwd: dir,
        env: {},
        baseline: `a=${a.url}`,
        candidate: `b=${b.url}`,
        cases: ['seeds.json'],
        budget: { kind: 'inputs', count: 200 },
        tracker: false,
      });
      expect(outcome.kind).toBe('done');
      expect(outcome.summary.run.inputs).toBe(200);
      expect(outcome.summary.run.findings.length).toBeGreaterThan(0);
      expect((await readdir(join(dir, 'cases/fuzz'))).length).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs cases already in memory as the library, selected by filter', async () => {
    const { loadCases, runLibrary } = await import('http-parity');
    const server = await startServer((req, res) => json(res, 200, { path: req.url }));
    const dir = await mkdtemp(join(tmpdir(), 'parity-api-library-'));
    try {
      const library = await loadCases([join(ROOT, 'cases/validator')], { cwd: ROOT, env: {} });
      const run = await runLibrary({
        cwd: dir,
        env: {},
        baseline: `a=${server.url}`,
        candidate: `b=${server.url}`,
        library,
        filter: ['validator/valid-record'],
        tracker: false,
      });
      expect(run.report.summary).toMatchObject({ cases: 1, equal: 1 });
      expect(run.verdict).toEqual({ kind: 'passed' });
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
