import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedList, NumberLog } from '../../../src/util/chunked.js';

describe('chunked lists (per-case bookkeeping of large runs)', () => {
  it('NumberLog keeps every number in order, across chunk boundaries', () => {
    const log = new NumberLog();
    const values = Array.from({ length: 20_000 }, (_, k) => k * 1.5 - 7);
    for (const v of values) log.push(v);
    expect(log.length).toBe(values.length);
    for (const k of [0, 15, 16, 17, 8191, 8192, 8193, 16_383, 16_384, 19_999]) {
      expect(log.at(k)).toBe(values[k]);
    }
    expect([...log.toFloat64Array()]).toEqual(values);
  });

  it('ChunkedList keeps every entry in order', () => {
    const list = new ChunkedList<string>();
    for (let k = 0; k < 17_000; k++) list.push(`c${k}`);
    expect(list.length).toBe(17_000);
    expect([list.at(0), list.at(8191), list.at(8192), list.at(16_999)]).toEqual([
      'c0',
      'c8191',
      'c8192',
      'c16999',
    ]);
  });

  it('behaves like an array for any sequence of numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (values) => {
        const log = new NumberLog();
        for (const v of values) log.push(v);
        expect(Array.from({ length: log.length }, (_, k) => log.at(k))).toEqual(values);
        expect([...log.toFloat64Array()]).toEqual(values);
      }),
    );
  });
});
