import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { oldSpaceMb, perWorkerMb, workersThatFit } from '../../../../src/io/shadow/old-space.js';

const require = createRequire(import.meta.url);
const bin = require('../../../../bin/old-space.js') as {
  DEFAULTS: { queue: number; workers: number; bodyCapBytes: number; nodes: number };
  oldSpaceMb: (needs: {
    queue: number;
    workers: number;
    bodyCapBytes: number;
    nodes: number;
  }) => number;
  oldSpaceForArgs: (args: readonly string[]) => number;
};
const MB = 1024 * 1024;

describe('the old-space limit of parity proxy and parity shadow', () => {
  it("is the bin's sum (bin/old-space.js), for any queue, workers, cap and node budget", () => {
    for (const queue of [1, 100, 1000, 50_000])
      for (const workers of [1, 8, 64])
        for (const bodyCapBytes of [1024, MB, 16 * MB, 100 * MB])
          for (const nodes of [10, 1_000_000]) {
            const needs = { queue, workers, bodyCapBytes, nodes };
            expect(oldSpaceMb(needs)).toBe(bin.oldSpaceMb(needs));
          }
  });

  it('grows with the queue, the workers, the body cap and the node budget', () => {
    const base = { queue: 10, workers: 2, bodyCapBytes: MB, nodes: 1_000_000 };
    expect(oldSpaceMb({ ...base, queue: 1000 })).toBeGreaterThan(oldSpaceMb(base));
    expect(oldSpaceMb({ ...base, workers: 3 })).toBeGreaterThan(oldSpaceMb(base));
    expect(oldSpaceMb({ ...base, bodyCapBytes: 2 * MB })).toBeGreaterThan(oldSpaceMb(base));
    // A body holds at most one value per 3 bytes: past that the budget adds nothing.
    expect(oldSpaceMb({ ...base, nodes: 100 })).toBeLessThan(oldSpaceMb(base));
    expect(oldSpaceMb({ ...base, nodes: 10_000_000 })).toBe(oldSpaceMb(base));
  });

  it('the bin reads --queue and --concurrency in either form; the rest are the defaults', () => {
    const at = (queue: number, workers: number) =>
      bin.oldSpaceMb({ ...bin.DEFAULTS, queue, workers });
    expect(bin.oldSpaceForArgs([])).toBe(at(1000, 8));
    expect(bin.oldSpaceForArgs(['--listen', ':0', '--queue', '20', '--concurrency=2'])).toBe(
      at(20, 2),
    );
    expect(bin.oldSpaceForArgs(['--queue=x'])).toBe(at(1000, 8));
  });

  it('a heap that cannot hold every worker at its largest bodies gets fewer, never none', () => {
    const needs = { queue: 100, bodyCapBytes: 16 * MB, nodes: 1_000_000 };
    const limit = oldSpaceMb({ ...needs, workers: 3 });
    expect(workersThatFit(limit, needs, 8)).toBe(3);
    expect(workersThatFit(limit, needs, 2)).toBe(2);
    expect(workersThatFit(limit - 1, needs, 8)).toBe(2);
    expect(workersThatFit(10, needs, 8)).toBe(1);
    expect(perWorkerMb(needs) * 3).toBeLessThanOrEqual(limit);
  });
});
