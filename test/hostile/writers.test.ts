/**
 * The files `parity import`, `parity init` and `parity record` write follow
 * the tracker's rules: a symlink is followed and written through (the link
 * stays), a device node, FIFO or folder is refused with a message naming it,
 * all checked before anything is written (and, for `record`, sent); `--force`
 * and `--update` decide only whether an existing regular file is replaced.
 */
import { lstat, mkdir, readFile, readlink, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { mkfifo, mknodNull } from './helpers.js';

const CURL = 'curl http://127.0.0.1:9/v1/items\n';
const OUT = 'cases/imported/items.yaml';

async function isLink(path: string, to: string): Promise<boolean> {
  return (await lstat(path)).isSymbolicLink() && (await readlink(path)) === to;
}

/** Exit 2 with `named` on stderr, never an internal error. */
function expectRefused(outcome: { code: number; stderr: string }, named: string) {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr).toContain(named);
  expect(outcome.stderr).toContain('nothing was written');
  expect(outcome.stderr).not.toContain('internal error');
}

describe('parity import', () => {
  it('writes through a symlinked case file with --force; the link stays', async () => {
    const cwd = await tempProject({ 'c.sh': CURL, 'shared/items.yaml': 'old\n' });
    await mkdir(join(cwd, 'cases/imported'), { recursive: true });
    await symlink('../../shared/items.yaml', join(cwd, OUT));
    // Without --force the file it points at is an existing file: refused, untouched.
    const refused = await runCli(cwd, ['import', 'curl', 'c.sh']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${OUT} already exists`);
    const forced = await runCli(cwd, ['import', 'curl', 'c.sh', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await isLink(join(cwd, OUT), '../../shared/items.yaml')).toBe(true);
    expect(await readFile(join(cwd, 'shared/items.yaml'), 'utf8')).toContain('path: /v1/items');
  });

  it('refuses a FIFO even with --force, and writes no other file', async () => {
    const cwd = await tempProject({
      'c.sh': `${CURL}curl http://127.0.0.1:9/v1/other\n`,
    });
    await mkdir(join(cwd, 'cases/imported'), { recursive: true });
    await mkfifo(join(cwd, OUT));
    const outcome = await runCli(cwd, ['import', 'curl', 'c.sh', '--force']);
    expectRefused(outcome, `${OUT} is a FIFO`);
    expect((await lstat(join(cwd, OUT))).isFIFO()).toBe(true);
    await expect(lstat(join(cwd, 'cases/imported/other.yaml'))).rejects.toThrow();
  });

  it('refuses a folder where a case file goes', async () => {
    const cwd = await tempProject({ 'c.sh': CURL });
    await mkdir(join(cwd, OUT), { recursive: true });
    expectRefused(await runCli(cwd, ['import', 'curl', 'c.sh', '--force']), `${OUT} is a folder`);
  });
});

describe('parity init', () => {
  it('writes through a dangling symlink to the config; the link stays', async () => {
    const cwd = await tempProject();
    await mkdir(join(cwd, 'shared'));
    await symlink('shared/parity.yaml', join(cwd, 'parity.config.yaml'));
    const outcome = await runCli(cwd, ['init', 'http://127.0.0.1:1', 'http://127.0.0.1:2']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(await isLink(join(cwd, 'parity.config.yaml'), 'shared/parity.yaml')).toBe(true);
    expect(await readFile(join(cwd, 'shared/parity.yaml'), 'utf8')).toContain('targets:');
  });

  it('refuses a device node, untouched, and writes nothing', async (context) => {
    const cwd = await tempProject();
    if (!(await mknodNull(join(cwd, 'parity.config.yaml')))) return context.skip();
    const outcome = await runCli(cwd, ['init', 'http://127.0.0.1:1', 'http://127.0.0.1:2']);
    expectRefused(outcome, 'parity.config.yaml is a device node');
    expect((await lstat(join(cwd, 'parity.config.yaml'))).isCharacterDevice()).toBe(true);
    await expect(lstat(join(cwd, 'cases/example.yaml'))).rejects.toThrow();
  });
});

describe('parity record', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => json(res, 200, { path: req.url }));
  });
  afterAll(() => server.close());

  const CASES = 'suite: s\ncases:\n  - { id: a, request: { method: GET, path: /a } }\n';
  const record = (cwd: string, more: readonly string[] = []) =>
    runCli(cwd, ['record', '--target', `rust=${server.url}`, ...more]);

  it('writes through a symlinked entry with --update; the link stays', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    expect((await record(cwd)).code).toBe(0);
    const entry = join(cwd, 'recordings/rust/s/a.json');
    // The entry moved to a file of its own, the recording's entry a link to it.
    await rename(entry, join(cwd, 'kept.json'));
    await writeFile(join(cwd, 'kept.json'), '{"stale": true}\n');
    await symlink('../../../kept.json', entry);
    const updated = await record(cwd, ['--update']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(await isLink(entry, '../../../kept.json')).toBe(true);
    expect(JSON.parse(await readFile(join(cwd, 'kept.json'), 'utf8'))).toMatchObject({
      caseId: 's/a',
      response: { status: 200 },
    });
  });

  it('refuses a FIFO entry or manifest before anything is sent (the FIFO is never read)', async () => {
    for (const fifo of ['recordings/rust/s/a.json', 'recordings/rust/recording.json']) {
      const cwd = await tempProject({ 'cases/s.yaml': CASES });
      await mkdir(join(cwd, 'recordings/rust/s'), { recursive: true });
      await mkfifo(join(cwd, fifo));
      const before = server.requests.length;
      const outcome = await record(cwd, ['--update']);
      expectRefused(outcome, `${fifo} is a FIFO`);
      expect(server.requests.length).toBe(before);
      expect((await lstat(join(cwd, fifo))).isFIFO()).toBe(true);
    }
  });
});
