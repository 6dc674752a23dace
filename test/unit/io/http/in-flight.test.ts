import { describe, expect, it } from 'vitest';
import { InFlightBytes } from '../../../../src/io/http/in-flight.js';

/** A case key and a counter of the times its waiting answers were resumed. */
function sent(budget: InFlightBytes) {
  const key = {};
  budget.open(key);
  const hold = budget.holdOf(key);
  if (hold === undefined) throw new Error('no hold');
  let resumed = 0;
  return { key, hold, resumed: () => resumed, wait: () => hold.wait(() => resumed++) };
}

describe('InFlightBytes', () => {
  it('counts only the cases it opened a hold for', () => {
    const budget = new InFlightBytes(10);
    expect(budget.holdOf({})).toBeUndefined();
    expect(budget.holdOf(undefined)).toBeUndefined();
  });

  it('lets every answer read under the limit, and keeps the peak', () => {
    const budget = new InFlightBytes(10);
    const first = sent(budget);
    const second = sent(budget);
    expect(first.hold.take(4)).toBe(true);
    expect(second.hold.take(6)).toBe(true);
    expect(budget.bytes).toBe(10);
    budget.release(first.key);
    expect(budget.bytes).toBe(6);
    expect(budget.peak).toBe(10);
  });

  it('stops a later case past the limit, never the oldest, and resumes it once the oldest is released', () => {
    const budget = new InFlightBytes(10);
    const oldest = sent(budget);
    const later = sent(budget);
    expect(oldest.hold.take(8)).toBe(true);
    expect(later.hold.take(5)).toBe(false);
    later.wait();
    // The oldest case reads on past the limit: it alone can finish.
    expect(oldest.hold.take(20)).toBe(true);
    expect(later.resumed()).toBe(0);
    budget.release(oldest.key);
    expect(later.resumed()).toBe(1);
    expect(budget.bytes).toBe(5);
  });

  it('past the limit after a release, resumes only the case that became the oldest', () => {
    const budget = new InFlightBytes(10);
    const first = sent(budget);
    const second = sent(budget);
    const third = sent(budget);
    expect(first.hold.take(2)).toBe(true);
    expect(second.hold.take(9)).toBe(false);
    second.wait();
    expect(third.hold.take(9)).toBe(false);
    third.wait();
    budget.release(first.key);
    // 18 bytes held, over 10: the second case is now the oldest and reads on; the third waits.
    expect(second.resumed()).toBe(1);
    expect(third.resumed()).toBe(0);
    budget.release(second.key);
    expect(third.resumed()).toBe(1);
  });

  it('opens one hold per case, however many answers count there', () => {
    const budget = new InFlightBytes(100);
    const key = {};
    budget.open(key);
    budget.open(key);
    budget.holdOf(key)?.take(3);
    budget.holdOf(key)?.take(4);
    budget.release(key);
    expect(budget.bytes).toBe(0);
    expect(budget.holdOf(key)).toBeUndefined();
  });
});
