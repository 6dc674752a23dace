/**
 * What a run may resolve, end to end: a row whose Cases cell was cut
 * (`… (+N more)`) and a row listing cases gone from the library, against
 * real servers whose answers the tests change between runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** The candidate adds `extra` to the answer for case `id` (header `x-case`) while `broken(id)`. */
const state = { broken: (_id: string): boolean => true };
/** Broken for `u<n>` with n above `fixed`. */
const fixedUpTo = (fixed: number) => (id: string) => Number(id.slice(1)) > fixed;

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';
const day = (n: number) => ({ now: new Date(`2026-11-${n}T10:00:00Z`) });

function casesFile(ids: readonly string[]): string {
  // One endpoint for all (`/u/:id`), so every divergence is one root cause.
  const cases = ids.map(
    (id) => `  - id: ${id}\n    request: { method: GET, path: /u/1, headers: { x-case: ${id} } }`,
  );
  return `suite: u\ncases:\n${cases.join('\n')}\n`;
}

const TWELVE = Array.from({ length: 12 }, (_, k) => `u${String(k + 1).padStart(2, '0')}`);

function rowLine(tracker: string, id: string): string {
  const line = tracker.split('\n').find((l) => l.startsWith(`| ${id} `));
  if (line === undefined) throw new Error(`no row ${id} in\n${tracker}`);
  return line;
}

describe('which runs may resolve a row', () => {
  let rust: TestServer;
  let go: TestServer;
  beforeAll(async () => {
    rust = await startServer((_req, res) => json(res, 200, { ok: true }));
    go = await startServer((req, res) => {
      const id = String(req.headers['x-case']);
      return json(res, 200, state.broken(id) ? { ok: true, extra: 1 } : { ok: true });
    });
  });
  afterAll(async () => Promise.all([rust.close(), go.close()]));
  beforeEach(() => {
    state.broken = () => true;
  });
  const run = () => ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
  const tracker = (cwd: string) => readFile(join(cwd, TRACKER), 'utf8');

  it('a row whose case list was cut resolves only on a run of the whole library', async () => {
    const cwd = await tempProject({ 'cases/u.yaml': casesFile(TWELVE) });
    expect((await runCli(cwd, run(), day(20))).code).toBe(1);
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('`u/u10`, … (+2 more)');

    state.broken = fixedUpTo(10);
    const filtered = await runCli(
      cwd,
      [...run(), '--filter', 'u/u0*', '--filter', 'u/u10', '--fail-on', 'none'],
      day(21),
    );
    expect(filtered.code).toBe(0);
    expect((await latestReport(cwd)).tracker?.resolved).toEqual([]);
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_open_');
    // The check mirrors the run: a filtered report proves nothing about u11 and u12.
    expect((await runCli(cwd, ['tracker', '--check'])).code).toBe(0);

    // The whole library: u11 and u12 still reproduce it.
    expect((await runCli(cwd, run(), day(22))).code).toBe(1);
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_open_');

    state.broken = () => false;
    const whole = await runCli(cwd, run(), day(23));
    expect(whole.code).toBe(0);
    expect((await latestReport(cwd)).tracker?.resolved).toEqual(['PAR-001']);
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_resolved_');
    const shown = (await runCli(cwd, ['show', 'PAR-001'])).stdout;
    expect(shown).toContain('Resolved 2026-11-23: nothing to decide');
    expect(shown).not.toContain('parity decide PAR-001 accepted');
  });

  it('a whole-library run with a case that failed in transport does not resolve a cut row', async () => {
    const cwd = await tempProject({ 'cases/u.yaml': casesFile(TWELVE) });
    await runCli(cwd, run(), day(20));
    state.broken = () => false;
    // One more case whose candidate side never answers: it could be one of the unlisted ones.
    const dead = await startServer((req, res) => {
      if (req.headers['x-case'] === 'u13') return void res.destroy();
      return json(res, 200, { ok: true });
    });
    try {
      await writeFile(join(cwd, 'cases/u.yaml'), casesFile([...TWELVE, 'u13']));
      const args = ['run', '--baseline', `rust=${rust.url}`, '--candidate', `go=${dead.url}`];
      await runCli(cwd, [...args, '--fail-on', 'none', '--retries', '0'], day(21));
      expect((await latestReport(cwd)).tracker?.resolved).toEqual([]);
      expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_open_');
    } finally {
      await dead.close();
    }
  });

  it('a row listing a case gone from the library resolves on the cases left', async () => {
    const cwd = await tempProject({ 'cases/u.yaml': casesFile(['v', 'v2', 'w']) });
    // `w` never diverges: a second case the run can compare.
    state.broken = (id) => id !== 'w';
    await runCli(cwd, run(), day(20));
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('`u/v`, `u/v2`');

    state.broken = () => false;
    await writeFile(join(cwd, 'cases/u.yaml'), casesFile(['v', 'w']));
    // A filtered run cannot tell a deleted case from one it skipped.
    await runCli(cwd, [...run(), '--filter', 'u/v'], day(21));
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_open_');
    const check = await runCli(cwd, ['tracker', '--check'], day(21));
    expect(check.stdout).not.toContain('no longer in the library');

    const whole = await runCli(cwd, run(), day(22));
    expect(whole.code).toBe(0);
    expect((await latestReport(cwd)).tracker?.resolved).toContain('PAR-001');
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_resolved_');
  });

  it('a row none of whose cases is left stays open, and the run and --check say why', async () => {
    const cwd = await tempProject({ 'cases/u.yaml': casesFile(['v', 'v2']) });
    await runCli(cwd, run(), day(20));
    await writeFile(join(cwd, 'cases/u.yaml'), casesFile(['w']));
    state.broken = () => false;
    const whole = await runCli(cwd, run(), day(21));
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain(
      'PAR-001 lists case(s) no longer in the library (u/v, u/v2); none of its cases is left',
    );
    expect((await latestReport(cwd)).tracker?.missingCases).toEqual([
      { rowId: 'PAR-001', caseIds: ['u/v', 'u/v2'], noneLeft: true },
    ]);
    expect(rowLine(await tracker(cwd), 'PAR-001')).toContain('_open_');
    const check = await runCli(cwd, ['tracker', '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('note: PAR-001 lists case(s) no longer in the library');
  });
});
