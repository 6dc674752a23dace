/**
 * Hostile trackers: symlinks (followed, written through, never replaced),
 * device nodes, FIFOs, folders and hard links (refused), deleted markers,
 * duplicate row ids, locks left by killed runs, folders that cannot be
 * written. Every refusal happens before the first request (the servers see
 * none) and exits 2 with a message naming the file.
 */
import { link, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { deadPid, makeReadOnly, mkfifo, mknodNull } from './helpers.js';

const CASES = `suite: t
cases:
  - id: drift
    request: { method: GET, path: /drift }
`;

let base: TestServer;
let cand: TestServer;
beforeAll(async () => {
  base = await startServer((_req, res) => json(res, 200, { a: 1 }));
  cand = await startServer((_req, res) => json(res, 200, { a: 2 }));
});
afterAll(async () => Promise.all([base.close(), cand.close()]));
beforeEach(() => {
  base.requests.length = 0;
  cand.requests.length = 0;
});

const targets = () => ['--baseline', `b=${base.url}`, '--candidate', `c=${cand.url}`];
const run = (cwd: string, extra: readonly string[] = []) =>
  runCli(cwd, ['run', ...targets(), ...extra], { now: new Date('2026-11-20T10:00:00Z') });

/** The refusal every precondition gives: exit 2, the file named, nothing sent, no report. */
async function expectRefused(cwd: string, named: string, extra: readonly string[] = []) {
  const outcome = await run(cwd, extra);
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr).toContain(named);
  expect(outcome.stderr).not.toContain('internal error');
  expect(base.requests).toHaveLength(0);
  expect(cand.requests).toHaveLength(0);
  return outcome;
}

describe('a tracker that is a symlink', () => {
  it('is followed and written through; the link stays a link', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    const shared = await tempProject();
    await writeFile(join(shared, 'T.md'), '');
    await mkdir(join(cwd, 'docs'));
    const trackerLink = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    await symlink(join(shared, 'T.md'), trackerLink);
    const outcome = await run(cwd);
    expect(outcome.code, outcome.stderr).toBe(1);
    expect((await lstat(trackerLink)).isSymbolicLink()).toBe(true);
    expect(await readlink(trackerLink)).toBe(join(shared, 'T.md'));
    expect(await readFile(join(shared, 'T.md'), 'utf8')).toContain('PAR-001');
  });

  it('that dangles creates the file it names', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    const shared = await tempProject();
    await symlink(join(shared, 'new.md'), join(cwd, 'T.md'));
    const outcome = await run(cwd, ['--tracker', 'T.md']);
    expect(outcome.code, outcome.stderr).toBe(1);
    expect((await lstat(join(cwd, 'T.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(shared, 'new.md'), 'utf8')).toContain('PAR-001');
  });
});

describe('a tracker parity must not read or replace', () => {
  it('a FIFO is refused (nothing read, nothing sent) and stays a FIFO', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    await mkfifo(join(cwd, 'T.md'));
    const outcome = await expectRefused(cwd, 'T.md', ['--tracker', 'T.md']);
    expect(outcome.stderr).toContain('FIFO');
    expect((await lstat(join(cwd, 'T.md'))).isFIFO()).toBe(true);
  });

  it('a device node is refused and stays a device node', async (context) => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    if (!(await mknodNull(join(cwd, 'null.md')))) context.skip();
    const outcome = await expectRefused(cwd, 'null.md', ['--tracker', 'null.md']);
    expect(outcome.stderr).toContain('device node');
    expect((await lstat(join(cwd, 'null.md'))).isCharacterDevice()).toBe(true);
  });

  it('a symlink to a device node is refused', async (context) => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    if (!(await mknodNull(join(cwd, 'dev')))) context.skip();
    await symlink(join(cwd, 'dev'), join(cwd, 'T.md'));
    await expectRefused(cwd, 'a symlink to', ['--tracker', 'T.md']);
    expect((await lstat(join(cwd, 'dev'))).isCharacterDevice()).toBe(true);
  });

  it('a folder is refused', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    await mkdir(join(cwd, 'T.md'));
    await expectRefused(cwd, 'is a folder', ['--tracker', 'T.md']);
  });

  it('a file with another hard link is refused (a rename would split them)', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    await writeFile(join(cwd, 'T.md'), '');
    await link(join(cwd, 'T.md'), join(cwd, 'other.md'));
    await expectRefused(cwd, 'hard links', ['--tracker', 'T.md']);
  });

  it('a tracker whose folder takes no new files is refused before anything is sent', async (context) => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES, 'docs/ARCHITECTURE_COMPARISON.md': '' });
    const undo = await makeReadOnly(join(cwd, 'docs'));
    if (undo === undefined) context.skip();
    try {
      const outcome = await expectRefused(cwd, 'the tracker cannot be written');
      expect(outcome.stderr).toContain(join(cwd, 'docs'));
    } finally {
      await undo?.();
    }
  });

  it("keeps the file's permission bits when it rewrites it", async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    await writeFile(join(cwd, 'T.md'), '', { mode: 0o640 });
    expect((await run(cwd, ['--tracker', 'T.md'])).code).toBe(1);
    expect((await stat(join(cwd, 'T.md'))).mode & 0o777).toBe(0o640);
  });
});

describe('a tracker whose table is broken by hand', () => {
  it('markers deleted: refused, naming the file and `parity tracker --init`, which adds a table keeping every byte', async () => {
    const human = '# Our decisions\n\n| ID | Status |\n| --- | --- |\n| PAR-001 | _accepted_ |\n';
    const cwd = await tempProject({ 'cases/t.yaml': CASES, 'T.md': human });
    const outcome = await expectRefused(cwd, 'T.md', ['--tracker', 'T.md']);
    expect(outcome.stderr).toContain('no parity tracker markers');
    expect(outcome.stderr).toContain('parity tracker --init');
    expect(await readFile(join(cwd, 'T.md'), 'utf8')).toBe(human);

    const init = await runCli(cwd, ['tracker', '--init', '--tracker', 'T.md']);
    expect(init.code, init.stderr).toBe(0);
    const initialised = await readFile(join(cwd, 'T.md'), 'utf8');
    expect(initialised.startsWith(human)).toBe(true);
    expect(initialised).toContain('<!-- parity:tracker:start -->');
    const again = await runCli(cwd, ['tracker', '--init', '--tracker', 'T.md']);
    expect(again.stdout).toContain('already has a managed table');
    expect(await readFile(join(cwd, 'T.md'), 'utf8')).toBe(initialised);
    expect((await run(cwd, ['--tracker', 'T.md'])).code).toBe(1);
    expect((await readFile(join(cwd, 'T.md'), 'utf8')).startsWith(human)).toBe(true);
  });

  it('duplicate row ids: refused, naming both lines', async () => {
    const row = (id: string, fp: string) =>
      `| ${id} | _open_ | shape | \`GET /x\` | \`t/x\` | s | 2026-01-01 | 2026-01-01 |  | \`${fp}\` |  |`;
    const text = [
      '<!-- parity:tracker:start -->',
      '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      row('PAR-001', 'aaaa'),
      row('PAR-001', 'bbbb'),
      '<!-- parity:tracker:end -->',
      '',
    ].join('\n');
    const cwd = await tempProject({ 'cases/t.yaml': CASES, 'T.md': text });
    const outcome = await expectRefused(cwd, 'T.md:5', ['--tracker', 'T.md']);
    expect(outcome.stderr).toContain('row id PAR-001 is already used on line 4');
    expect(await readFile(join(cwd, 'T.md'), 'utf8')).toBe(text);
  });
});

describe('a lock left by a killed run', () => {
  it('whose process is gone is taken over at once, and the run says so', async () => {
    const cwd = await tempProject({ 'cases/t.yaml': CASES });
    await mkdir(join(cwd, 'docs'));
    const owner = { pid: await deadPid(), hostname: hostname(), startedAt: '2026-01-01T00:00:00Z' };
    const lock = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md.lock');
    await writeFile(lock, JSON.stringify(owner));
    const outcome = await run(cwd);
    // Taken over: a lock still held would have ended the run without a tracker update (exit 4).
    expect(outcome.code, outcome.stderr).toBe(1);
    expect(outcome.stderr).toContain(`left by process ${owner.pid}, which is no longer running`);
    await expect(stat(lock)).rejects.toThrow();
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    expect(tracker).toContain('PAR-001');
  });
});
