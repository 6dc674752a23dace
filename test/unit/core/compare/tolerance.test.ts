import { describe, expect, it } from 'vitest';
import { compileTolerance } from '../../../../src/core/compare/tolerance.js';

/** An exact difference that counts how often it is asked for. */
function counted(value: number) {
  const asked = { times: 0 };
  return {
    asked,
    exact: () => {
      asked.times++;
      return value;
    },
  };
}

describe('compileTolerance', () => {
  it('asks for the exact difference only when a rule matches the path, once however many match', () => {
    const tolerance = compileTolerance([
      { path: '/price', absolute: 0.5, relative: 0 },
      { path: '/*', absolute: 0, relative: 0.1 },
    ]);
    const unasked = counted(0);
    expect(tolerance.within(1, 3, ['total', 'n'], unasked.exact)).toBe(false);
    expect(unasked.asked.times).toBe(0);
    // The exact difference (0.25, within 0.5) overrides the one of the approximations (2).
    const asked = counted(0.25);
    expect(tolerance.within(1, 3, ['price'], asked.exact)).toBe(true);
    expect(asked.asked.times).toBe(1);
    const beyond = counted(2);
    expect(tolerance.within(1, 3, ['price'], beyond.exact)).toBe(false);
    expect(beyond.asked.times).toBe(1);
  });

  it('without an exact difference, compares the numbers themselves', () => {
    const tolerance = compileTolerance([{ path: '/amount', absolute: 0, relative: 0.01 }]);
    expect(tolerance.within(1000, 1009, ['amount'])).toBe(true);
    expect(tolerance.within(1000, 1011, ['amount'])).toBe(false);
    expect(tolerance.within(1000, 1000.5, ['other'])).toBe(false);
  });
});
