import { describe, expect, it } from 'vitest';
import { createLoopClock } from '../../../../src/io/http/loop-clock.js';

/** A clock whose time and loop turns the test drives. */
function driven() {
  let now = 0;
  let queued: (() => void)[] = [];
  const clock = createLoopClock({
    now: () => now,
    later: (callback) => void queued.push(callback),
  });
  return {
    clock,
    advance: (ms: number) => {
      now += ms;
    },
    /** One turn of the loop: runs what was queued for it. */
    turn: () => {
      const run = queued;
      queued = [];
      for (const callback of run) callback();
    },
  };
}

describe('the loop clock', () => {
  it('takes a stretch of parity work off a response noticed in its backlog', () => {
    const t = driven();
    const sent = 0;
    t.advance(5);
    // Judging another case holds the loop for 500 ms; the response arrived meanwhile.
    t.clock.busy(() => t.advance(500));
    t.advance(1);
    expect(t.clock.elapsedSince(sent)).toBe(6);
  });

  it('times a response noticed after the backlog was drained as measured', () => {
    const t = driven();
    t.clock.busy(() => t.advance(500));
    t.turn();
    t.turn();
    t.advance(20);
    expect(t.clock.elapsedSince(0)).toBe(520);
  });

  it('only the part of the stretch after the request went out', () => {
    const t = driven();
    t.advance(100);
    const sent = 100;
    t.advance(0);
    t.clock.busy(() => t.advance(300));
    expect(t.clock.elapsedSince(sent)).toBe(0);
    expect(t.clock.elapsedSince(50)).toBe(50);
  });

  it('ignores work too short to matter, and requests sent after the stretch', () => {
    const t = driven();
    t.clock.busy(() => t.advance(0.5));
    expect(t.clock.elapsedSince(0)).toBe(0.5);
    t.clock.busy(() => t.advance(100));
    const after = 100.5;
    t.advance(3);
    expect(t.clock.elapsedSince(after)).toBe(3);
  });

  it('returns what the work returns, and records the stretch even when it throws', () => {
    const t = driven();
    expect(t.clock.busy(() => 7)).toBe(7);
    expect(() =>
      t.clock.busy(() => {
        t.advance(50);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(t.clock.elapsedSince(0)).toBe(0);
  });
});
