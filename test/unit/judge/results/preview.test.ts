import { describe, expect, it } from 'vitest';
import { previewValue } from '../../../../src/judge/results/preview.js';

describe('previewValue', () => {
  it('keeps a small value whole', () => {
    const value = { a: [1, 2, { b: 'x' }], c: null };
    expect(previewValue(value, { nodes: 100, chars: 100, totalChars: 1000 })).toEqual({
      value,
      cut: false,
    });
  });

  it('keeps the first members breadth first and says how many it left out', () => {
    const value = { a: 1, b: [1, 2, 3, 4], c: { d: 1 } };
    const { value: out, cut } = previewValue(value, { nodes: 5, chars: 100, totalChars: 1000 });
    expect(cut).toBe(true);
    expect(out).toEqual({ a: 1, b: [1, 2, '… 2 more elements'], c: { '…': '1 more members' } });
  });

  it('cuts long strings, keys included, and keeps __proto__ a member', () => {
    const value = JSON.parse(`{"__proto__":{"k":"${'v'.repeat(50)}"}}`);
    const { value: out } = previewValue(value, { nodes: 10, chars: 20, totalChars: 1000 });
    expect(Object.keys(out as object)).toEqual(['__proto__']);
    expect(JSON.stringify(out)).toBe(`{"__proto__":{"k":"${'v'.repeat(19)}…"}}`);
  });

  it('walks deep values without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(() => previewValue(deep, { nodes: 100_000, chars: 10, totalChars: 100 })).not.toThrow();
  });
});
