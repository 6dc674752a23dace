import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIRROR_MB,
  decodedBytes,
  oldSpaceMb,
  threadOldSpaceMb,
} from '../../../../src/io/shadow/old-space.js';

const require = createRequire(import.meta.url);
const bin = require('../../../../bin/old-space.js') as {
  DEFAULTS: { queue: number; budgetMb: number };
  oldSpaceMb: (needs: { queue: number; budgetMb: number }) => number;
  oldSpaceForArgs: (args: readonly string[]) => number;
};
const MB = 1024 * 1024;

describe('the old-space limits of parity proxy and parity shadow', () => {
  it("the listening thread's is the bin's sum (bin/old-space.js), for any queue and byte budget", () => {
    for (const queue of [1, 100, 1000, 50_000])
      for (const budgetMb of [1, 64, 1000]) {
        expect(oldSpaceMb({ queue, budgetMb })).toBe(bin.oldSpaceMb({ queue, budgetMb }));
      }
    expect(bin.DEFAULTS.budgetMb).toBe(DEFAULT_MIRROR_MB);
  });

  it('grows with the queue and the budget, not with the workers or the body cap', () => {
    const base = { queue: 10, budgetMb: 64 };
    expect(oldSpaceMb({ ...base, queue: 1000 })).toBeGreaterThan(oldSpaceMb(base));
    expect(oldSpaceMb({ ...base, budgetMb: 128 })).toBeGreaterThan(oldSpaceMb(base));
    // At the defaults it is small enough for V8 to collect early (flat RSS): under 256 MB.
    expect(oldSpaceMb({ queue: 1000, budgetMb: DEFAULT_MIRROR_MB })).toBeLessThan(256);
  });

  it("the comparing thread's holds the budget, or one pair at the body cap alone", () => {
    const pair = (cap: number, nodes: number) => (3 * decodedBytes(cap, nodes)) / MB;
    const big = { budgetMb: 64, bodyCapBytes: 16 * MB, nodes: 1_000_000 };
    expect(threadOldSpaceMb(big)).toBeGreaterThanOrEqual(pair(16 * MB, 1_000_000));
    const small = { budgetMb: 64, bodyCapBytes: 64 * 1024, nodes: 1_000_000 };
    expect(pair(64 * 1024, 1_000_000)).toBeLessThan(64);
    expect(threadOldSpaceMb(small)).toBeGreaterThanOrEqual(64);
    expect(threadOldSpaceMb(small)).toBeLessThan(threadOldSpaceMb(big));
  });

  it('a decoded answer is counted from its size, up to the node budget', () => {
    expect(decodedBytes(0, 1_000_000)).toBe(0);
    expect(decodedBytes(3000, 1_000_000)).toBeGreaterThan(decodedBytes(1000, 1_000_000));
    // Past one value per 3 bytes the node budget caps the tree.
    expect(decodedBytes(3 * MB, 100)).toBeLessThan(decodedBytes(3 * MB, 1_000_000));
  });

  it('the bin reads --queue and --mirror-mb in either form; the rest are the defaults', () => {
    const at = (queue: number, budgetMb: number) => bin.oldSpaceMb({ queue, budgetMb });
    expect(bin.oldSpaceForArgs([])).toBe(at(1000, 64));
    expect(bin.oldSpaceForArgs(['--listen', ':0', '--queue', '20', '--mirror-mb=8'])).toBe(
      at(20, 8),
    );
    expect(bin.oldSpaceForArgs(['--queue=x'])).toBe(at(1000, 64));
  });
});
