import { describe, expect, it } from 'vitest';
import {
  faultedOn,
  faultingSide,
  faultOfItsOwn,
} from '../../../../src/judge/results/server-faults.js';

describe('server faults (rule 62b)', () => {
  it('names the side that answered 5xx where the other did not', () => {
    expect(faultingSide({ baseline: 409, candidate: 500 })).toBe('candidate');
    expect(faultingSide({ baseline: 503, candidate: 200 })).toBe('baseline');
    expect(faultingSide({ baseline: 500, candidate: 502 })).toBeUndefined();
    expect(faultingSide({ baseline: 404, candidate: 409 })).toBeUndefined();
    expect(faultingSide({ baseline: undefined, candidate: 500 })).toBeUndefined();
  });

  it('keeps a fault its own unless that side faulted on the write itself', () => {
    expect(faultOfItsOwn({ baseline: 409, candidate: 500 }, undefined)).toBe(true);
    expect(faultOfItsOwn({ baseline: 409, candidate: 500 }, 'baseline')).toBe(true);
    expect(faultOfItsOwn({ baseline: 409, candidate: 500 }, 'candidate')).toBe(false);
    expect(faultOfItsOwn({ baseline: 200, candidate: 404 }, undefined)).toBe(false);
  });

  it('counts the write’s fault only on the resource that write addressed', () => {
    expect(faultedOn('/orders/r1', '/orders/r1', 'candidate')).toBe('candidate');
    expect(faultedOn('/orders/r1', '/orders/r1/?page=2', 'candidate')).toBe('candidate');
    expect(faultedOn('/orders/r1', '/orders/r1/invoice', 'candidate')).toBeUndefined();
    expect(faultedOn('/orders/r1', '/orders', 'baseline')).toBeUndefined();
    expect(faultedOn('/orders/r1', '/orders/r1', undefined)).toBeUndefined();
  });
});
