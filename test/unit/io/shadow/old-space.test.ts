import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIRROR_MB,
  decodedBytes,
  oldSpaceMb,
  threadOldSpaceMb,
} from '../../../../src/io/shadow/old-space.js';

const MB = 1024 * 1024;

describe('the old-space limits of parity proxy and parity shadow', () => {
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
});
