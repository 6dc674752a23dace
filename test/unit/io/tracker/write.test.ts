import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { readOpenRows, updateTrackerFile } from '../../../../src/io/tracker/write.js';
import { ParityError } from '../../../../src/util/errors.js';
import { ALIGN, HEADER, obs, ROW_A, run, standardTracker } from './fixtures.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parity-tracker-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('updateTrackerFile', () => {
  it('creates the file and its folder, then writes only when the text changes', async () => {
    const path = join(dir, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const r = run('2024-06-01', [obs('fp-1', ['s/a'])]);
    const first = await updateTrackerFile(path, r);
    expect(first).toEqual({
      created: true,
      changed: true,
      changes: {
        added: ['PAR-001'],
        reopened: [],
        opened: [],
        resolved: [],
        seen: [],
        covered: [],
        superseded: [],
      },
    });
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('# Architecture comparison\n')).toBe(true);
    const second = await updateTrackerFile(path, r);
    expect(second).toMatchObject({
      created: false,
      changed: false,
      changes: { seen: ['PAR-001'] },
    });
    expect(await readFile(path, 'utf8')).toBe(text);
    expect((await readdir(join(dir, 'docs'))).sort()).toEqual(['ARCHITECTURE_COMPARISON.md']);
  });

  it('leaves a malformed tracker untouched and reports the line', async () => {
    const path = join(dir, 'T.md');
    const bad = `# x\n<!-- parity:tracker:start -->\n${HEADER}\n${ALIGN}\n${ROW_A.replace('_open_', '_later_')}\n<!-- parity:tracker:end -->\n`;
    await writeFile(path, bad);
    const error = await updateTrackerFile(path, run('2024-06-01', [obs('f', ['a'])])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ParityError);
    expect(error instanceof ParityError && error.code).toBe('PARITY_TRACKER_INVALID');
    expect(error instanceof Error && error.message).toMatch(`${path}:5: unknown status "_later_"`);
    expect(await readFile(path, 'utf8')).toBe(bad);
    expect(await readdir(dir)).toEqual(['T.md']);
  });

  it('serialises concurrent writers: every row lands, none is lost or duplicated', async () => {
    const path = join(dir, 'T.md');
    await writeFile(path, standardTracker());
    const fingerprints = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const results = await Promise.all(
      fingerprints.map((f) => updateTrackerFile(path, run('2024-06-01', [obs(f, [f])]))),
    );
    const text = await readFile(path, 'utf8');
    const rows = trackerRows(parseTracker(text, path));
    expect(rows.map((row) => row.fingerprint).sort()).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'fp-a',
      'fp-b',
    ]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(results.flatMap((result) => result.changes.added).sort()).toEqual([
      'PAR-003',
      'PAR-004',
      'PAR-005',
      'PAR-006',
      'PAR-007',
      'PAR-008',
    ]);
    expect(text).toContain('> note: PAR-001 needs a look from the API team\n');
    expect(await readdir(dir)).toEqual(['T.md']);
  });

  it('breaks a lock left behind by a crashed writer', async () => {
    const path = join(dir, 'T.md');
    await writeFile(`${path}.lock`, 'stale');
    const old = new Date(Date.now() - 120_000);
    await utimes(`${path}.lock`, old, old);
    const result = await updateTrackerFile(path, run('2024-06-01', []));
    expect(result.created).toBe(true);
    expect(await readdir(dir)).toEqual(['T.md']);
  });

  it('gives up on a live lock after the timeout, without touching the file', async () => {
    const path = join(dir, 'T.md');
    await writeFile(path, standardTracker());
    await writeFile(`${path}.lock`, 'held');
    const started = Date.now();
    await expect(
      updateTrackerFile(path, run('2024-06-01', [obs('f', ['a'])]), { timeoutMs: 150 }),
    ).rejects.toThrow(/holds .*\.lock/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await readFile(path, 'utf8')).toBe(standardTracker());
  });
});

describe('readOpenRows', () => {
  it('returns the open rows, and none for a missing file', async () => {
    const path = join(dir, 'T.md');
    expect(await readOpenRows(path)).toEqual([]);
    await writeFile(path, standardTracker());
    expect((await readOpenRows(path)).map((row) => row.id)).toEqual(['PAR-001']);
  });
});
