import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, breakAbandoned, parseOwner } from '../../../../src/io/tracker/lock.js';
import { ParityError } from '../../../../src/util/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parity-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const alive = new Set([100, 200]);
const host = { pid: 100, hostname: hostname(), isAlive: (pid: number) => alive.has(pid) };
const owner = (pid: number, on = hostname()) =>
  JSON.stringify({ pid, hostname: on, startedAt: '2026-01-01T00:00:00Z' });

describe('the tracker lock', () => {
  it('records its owner, and is gone once released', async () => {
    const held = await acquireLock(join(dir, 'T.md'), { host });
    expect(parseOwner(await readFile(join(dir, 'T.md.lock'), 'utf8'))).toMatchObject({
      pid: 100,
      hostname: hostname(),
    });
    await held.release();
    await expect(stat(join(dir, 'T.md.lock'))).rejects.toThrow();
  });

  it('leaves nothing beside itself, and two takers never both hold it', async () => {
    const first = await acquireLock(join(dir, 'T.md'), { host });
    const second = acquireLock(join(dir, 'T.md'), { host, timeoutMs: 100 }).catch((e) => e);
    expect(await second).toBeInstanceOf(ParityError);
    expect(await readdir(dir)).toEqual(['T.md.lock']);
    await first.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('is taken over at once when its owner process is gone', async () => {
    await writeFile(join(dir, 'T.md.lock'), owner(300));
    expect(await breakAbandoned(join(dir, 'T.md.lock'), { host })).toBe(
      'left by process 300, which is no longer running',
    );
    const held = await acquireLock(join(dir, 'T.md'), { host, timeoutMs: 200 });
    await held.release();
  });

  it('waits for a live owner, then says who holds it', async () => {
    await writeFile(join(dir, 'T.md.lock'), owner(200));
    const error = await acquireLock(join(dir, 'T.md'), { host, timeoutMs: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).message).toContain(`process 200 on ${hostname()} holds`);
  });

  it("another host's or an unreadable lock is broken only once it is stale", async () => {
    const lock = join(dir, 'T.md.lock');
    await writeFile(lock, owner(300, 'elsewhere'));
    expect(await breakAbandoned(lock, { host, staleMs: 60_000 })).toBeUndefined();
    await writeFile(lock, 'parity tracker lock, taken long ago');
    expect(await breakAbandoned(lock, { host, staleMs: 60_000 })).toBeUndefined();
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    expect(await breakAbandoned(lock, { host, staleMs: 60_000 })).toContain('not refreshed');
  });
});
