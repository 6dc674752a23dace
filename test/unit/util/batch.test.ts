import { describe, expect, it } from 'vitest';
import { type BatchTimer, createBatch } from '../../../src/util/batch.js';

/** A timer the test fires by hand. */
function manualTimer() {
  const pending: { ms: number; flush: () => void; cancelled: boolean }[] = [];
  const timer: BatchTimer = (ms, flush) => {
    const entry = { ms, flush, cancelled: false };
    pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const fire = () => {
    for (const entry of pending.splice(0)) if (!entry.cancelled) entry.flush();
  };
  const live = () => pending.filter((entry) => !entry.cancelled).length;
  return { timer, fire, live };
}

function batch(limits = { size: 3, bytes: 100, ms: 50 }) {
  const handled: string[] = [];
  const clock = manualTimer();
  const b = createBatch<string>((item) => handled.push(item), limits, clock.timer);
  return { handled, clock, b };
}

describe('a batch', () => {
  it('handles its items in the order they came once it holds `size`', () => {
    const { handled, clock, b } = batch();
    b.hold('a', 1);
    b.hold('b', 1);
    expect(handled).toEqual([]);
    b.hold('c', 1);
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(clock.live()).toBe(0);
  });

  it('handles them once they hold `bytes`', () => {
    const { handled, b } = batch();
    b.hold('small', 10);
    b.hold('large', 95);
    expect(handled).toEqual(['small', 'large']);
  });

  it('handles them `ms` after the first was held, one timer a batch', () => {
    const { handled, clock, b } = batch();
    b.hold('a', 1);
    b.hold('b', 1);
    expect(clock.live()).toBe(1);
    clock.fire();
    expect(handled).toEqual(['a', 'b']);
    b.hold('c', 1);
    expect(clock.live()).toBe(1);
  });

  it('handles every one held when asked, once, and drops them unhandled when told', () => {
    const { handled, clock, b } = batch();
    b.hold('a', 1);
    b.flush();
    b.flush();
    expect(handled).toEqual(['a']);
    b.hold('b', 1);
    b.drop();
    clock.fire();
    b.flush();
    expect(handled).toEqual(['a']);
  });

  it('handles none twice when handling throws', () => {
    let calls = 0;
    const b = createBatch<string>(
      () => {
        calls++;
        throw new Error('handling failed');
      },
      { size: 10, bytes: 100, ms: 50 },
      manualTimer().timer,
    );
    b.hold('a', 1);
    expect(() => b.flush()).toThrow('handling failed');
    b.flush();
    expect(calls).toBe(1);
  });
});
