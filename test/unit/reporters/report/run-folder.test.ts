/**
 * The run folder across a run's life, and what a killed run leaves at each
 * step: a `.partial` folder always names its owner, so the next run can
 * clear it; staging folders and probe files are cleared once stale.
 */
import {
  lutimes,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunFolder } from '../../../../src/reporters/report/run-folder.js';

let reports: string;
beforeEach(async () => {
  reports = join(await mkdtemp(join(tmpdir(), 'parity-run-folder-')), 'reports');
});
afterEach(() => rm(join(reports, '..'), { recursive: true, force: true }));

const alive = new Set([100, 200]);
const host = { pid: 100, hostname: hostname(), isAlive: (pid: number) => alive.has(pid) };
const owner = (pid: number) => JSON.stringify({ pid, hostname: hostname(), startedAt: 'x' });

async function leftover(name: string, files: Record<string, string>, ageMs = 0): Promise<void> {
  const dir = join(reports, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  const when = new Date(Date.now() - ageMs);
  await utimes(dir, when, when);
}

describe('a run folder', () => {
  it('is created (with the reports folder) under its partial name, owned, and published without its owner file', async () => {
    const { folder, notes } = await openRunFolder(reports, 'r1', host);
    expect(notes).toEqual([]);
    expect(await readdir(reports)).toEqual(['r1.partial']);
    expect(JSON.parse(await readFile(join(folder.dir, '.owner'), 'utf8'))).toMatchObject({
      pid: 100,
    });
    await writeFile(join(folder.dir, 'report.json'), '{}');
    await folder.publish();
    await folder.publish();
    expect(await readdir(reports)).toEqual(['r1']);
    expect(await readdir(folder.finalDir)).toEqual(['report.json']);
  });

  it('clears partial folders whose owner is gone, and keeps those of a live run', async () => {
    await leftover('dead.partial', { '.owner': owner(300), 'results.ndjson': '' });
    await leftover('live.partial', { '.owner': owner(200) });
    const { notes } = await openRunFolder(reports, 'r2', host);
    expect(notes).toEqual([
      'removed 1 unfinished run folder(s) left by parity processes that are gone',
    ]);
    expect((await readdir(reports)).sort()).toEqual(['live.partial', 'r2.partial']);
  });

  it('clears staging folders, probe files and latest links a killed run left, once a minute old', async () => {
    await leftover('.parity-staging-old', { '.owner': owner(300) }, 120_000);
    await leftover('.parity-staging-fresh', {});
    await mkdir(reports, { recursive: true });
    const probe = join(reports, '.parity-probe-old');
    await writeFile(probe, '');
    const old = new Date(Date.now() - 120_000);
    await utimes(probe, old, old);
    await leftover('r0', { 'report.json': '{}' });
    await symlink('r0', join(reports, '.latest.old'), 'dir');
    await lutimes(join(reports, '.latest.old'), old, old);
    // A folder of the user's with a similar name is not parity's to remove.
    await leftover('.latest.notes', { 'mine.txt': 'keep' }, 120_000);
    await openRunFolder(reports, 'r3', host);
    expect((await readdir(reports)).sort()).toEqual([
      '.latest.notes',
      '.parity-staging-fresh',
      'r0',
      'r3.partial',
    ]);
    expect(await readdir(join(reports, 'r0'))).toEqual(['report.json']);
  });

  it('is discarded whole when the command ends with no report to write', async () => {
    const { folder } = await openRunFolder(reports, 'r4', host);
    await folder.discard();
    expect(await readdir(reports)).toEqual([]);
  });

  it('is live under its final name, owned until published; --keep never prunes a live folder of a running owner', async () => {
    const day = (n: number) => `2026-11-2${n}T10-00-00Z-00000${n}`;
    await leftover(day(1), { '.owner': owner(200), 'report.json': '{}' });
    await leftover(day(2), { '.owner': owner(300), 'report.json': '{}' });
    await leftover(day(3), { 'report.json': '{}' });
    const { folder } = await openRunFolder(reports, day(5), host, 1, { live: true });
    expect(folder.dir).toBe(folder.finalDir);
    expect(await readdir(folder.dir)).toEqual(['.owner']);
    await writeFile(join(folder.dir, 'report.json'), '{}');
    // A refresh repoints latest with the folder still open: only the other live session's folder stays.
    await folder.pointLatest();
    expect((await readdir(reports)).sort()).toEqual([day(1), day(5), 'latest']);
    expect(await readdir(folder.dir)).toContain('.owner');
    await folder.publish();
    expect(await readdir(folder.dir)).toEqual(['report.json']);
    // Published, it is discarded no more.
    await folder.discard();
    expect(await readdir(reports)).toContain(day(5));
  });

  it("a killed session's folder: its stale owner mark is removed, and --keep prunes it, its pid dead or now this process's", async () => {
    const day = (n: number) => `2026-11-2${n}T10-00-00Z-00000${n}`;
    const started = Date.now();
    const restarted = { ...host, startedAt: started };
    const before = new Date(started - 3_600_000).toISOString();
    const mark = (pid: number, at: string) =>
      JSON.stringify({ pid, hostname: hostname(), startedAt: at });
    // Killed: its pid is dead.
    await leftover(day(1), { '.owner': owner(300), 'report.json': '{}' });
    // Killed before this process started, under the pid this one has now (a container restarted).
    await leftover(day(2), { '.owner': mark(100, before), 'report.json': '{}' });
    await leftover('2026-11-22T10-00-00Z-000002.partial', { '.owner': mark(100, before) });
    // Another session, still running.
    await leftover(day(3), { '.owner': owner(200), 'report.json': '{}' });
    const { folder, notes } = await openRunFolder(reports, day(5), restarted, 2, { live: true });
    expect(notes).toEqual([
      'removed 1 unfinished run folder(s) left by parity processes that are gone',
    ]);
    expect(await readdir(join(reports, day(1)))).toEqual(['report.json']);
    expect(await readdir(join(reports, day(2)))).toEqual(['report.json']);
    expect((await readdir(join(reports, day(3)))).sort()).toEqual(['.owner', 'report.json']);
    // This process's own mark is its own.
    expect(await readdir(folder.dir)).toEqual(['.owner']);
    await writeFile(join(folder.dir, 'report.json'), '{}');
    await folder.pointLatest();
    // --keep 2: the killed ones go, the one under this process's pid too.
    expect((await readdir(reports)).sort()).toEqual([day(3), day(5), 'latest']);
  });

  it('--keep 1 keeps this run though an older one started in the same second sorts after it', async () => {
    const older = '2026-11-27T10-00-00Z-ffffff';
    const current = '2026-11-27T10-00-00Z-000000';
    await leftover(older, { 'report.json': '{}' });
    const { folder } = await openRunFolder(reports, current, host, 1, { live: true });
    await writeFile(join(folder.dir, 'report.json'), '{}');
    await folder.publish();
    await folder.pointLatest();
    expect((await readdir(reports)).sort()).toEqual([current, 'latest']);
  });
});
