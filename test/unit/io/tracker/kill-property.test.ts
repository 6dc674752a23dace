/**
 * The tracker file under random human edits, random runs, and runs killed at
 * random points of their write (on a real file system): a kill leaves what a
 * killed writer leaves (its lock with its dead pid; a temp file, whole or cut
 * short; the new text renamed in but the lock still there). Whatever happened,
 * the file is the text before or after a run, every human byte survives, and
 * the next run takes over the dead lock and clears the leftovers.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../../../src/io/tracker/parse.js';
import { renderTracker } from '../../../../src/io/tracker/render.js';
import type { TrackerRun } from '../../../../src/io/tracker/types.js';
import { mergeTracker } from '../../../../src/io/tracker/upsert.js';
import { updateTrackerFile } from '../../../../src/io/tracker/write.js';
import { obs, standardTracker } from './fixtures.js';

const DEAD_PID = 999_999_999;
const host = { pid: 4242, hostname: hostname(), isAlive: (pid: number) => pid !== DEAD_PID };
const deadLock = JSON.stringify({ pid: DEAD_PID, hostname: hostname(), startedAt: 'x' });

type Kill = 'after-lock' | 'partial-temp' | 'whole-temp' | 'after-rename';
type Step =
  | { kind: 'run'; fps: number[]; day: number }
  | { kind: 'killed'; fps: number[]; day: number; at: Kill; cut: number }
  | { kind: 'human'; where: 'head' | 'tail' | 'note' };

const fps = fc.array(fc.nat(6), { minLength: 1, maxLength: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), fps, day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({
    kind: fc.constant('killed' as const),
    fps,
    day: fc.integer({ min: 1, max: 28 }),
    at: fc.constantFrom<Kill>('after-lock', 'partial-temp', 'whole-temp', 'after-rename'),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('human' as const),
    where: fc.constantFrom('head' as const, 'tail' as const, 'note' as const),
  }),
);

function runOf(s: { fps: number[]; day: number }): TrackerRun {
  const observations = s.fps.map((n) => obs(`fp-${n}`, [`s/c${n}`]));
  const date = `2024-02-${String(s.day).padStart(2, '0')}`;
  return { observations, ranCaseIds: new Set(observations.flatMap((o) => o.caseIds)), date };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parity-kill-property-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Leaves on disk what a writer killed at `at` leaves. */
async function kill(path: string, s: Extract<Step, { kind: 'killed' }>): Promise<void> {
  const lock = `${path}.lock`;
  const before = await readFile(path, 'utf8');
  const after = renderTracker(mergeTracker(parseTracker(before, path), runOf(s)).doc);
  const temp = join(dir, `.T.md.${'a'.repeat(11)}${Math.floor(s.cut * 9)}.tmp`);
  await writeFile(lock, deadLock);
  if (s.at === 'partial-temp')
    await writeFile(temp, after.slice(0, Math.floor(after.length * s.cut)));
  if (s.at === 'whole-temp') await writeFile(temp, after);
  if (s.at === 'after-rename') await writeFile(path, after);
}

describe('tracker writes killed at random points', () => {
  it('never lose a human byte, never leave a file that is neither before nor after', async () => {
    let trial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const path = join(dir, 'T.md');
        for (const name of await readdir(dir)) await rm(join(dir, name), { force: true });
        await writeFile(path, standardTracker());
        const human: string[] = ['Some prose a human wrote.', 'Text after the end marker.'];
        for (const [i, s] of steps.entries()) {
          const before = await readFile(path, 'utf8');
          if (s.kind === 'human') {
            const line = `human ${trial}-${i} | not a row`;
            human.push(line);
            const text =
              s.where === 'head'
                ? `${line}\n${before}`
                : s.where === 'tail'
                  ? `${before}${line}\n`
                  : before.replace('<!-- a human comment -->', `<!-- a human comment -->\n${line}`);
            await writeFile(path, text);
            continue;
          }
          if (s.kind === 'killed') await kill(path, s);
          else await updateTrackerFile(path, runOf(s), { host, timeoutMs: 2_000 });
          const now = await readFile(path, 'utf8');
          const expected = renderTracker(mergeTracker(parseTracker(before, path), runOf(s)).doc);
          expect([before, expected]).toContain(now);
          for (const line of human) expect(now).toContain(line);
        }
        // The next run takes over a dead lock at once and clears a killed writer's temp files.
        await updateTrackerFile(path, runOf({ fps: [0], day: 28 }), { host, timeoutMs: 2_000 });
        expect((await readdir(dir)).sort()).toEqual(['T.md']);
        const final = await readFile(path, 'utf8');
        for (const line of human) expect(final).toContain(line);
        const rows = trackerRows(parseTracker(final, path));
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        trial++;
      }),
      { numRuns: 60 },
    );
  });
});
