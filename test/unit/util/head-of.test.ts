/**
 * `headOf` keeps a cut of a long text without its parent: the report's cuts
 * of a 10 MB key once held all 10 MB for the rest of the run (a view of the
 * parent string), and a run of 16 hostile answers went past its memory bound.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cutNumber, cutText } from '../../../src/results/preview.js';
import { headOf } from '../../../src/util/text.js';

/** A flat string of `length` characters, made at run time (not a literal nor a rope). */
function flat(char: string, length: number): string {
  return JSON.parse(JSON.stringify(char.repeat(length))) as string;
}

function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('headOf', () => {
  it('gives the first characters, a lone surrogate kept as it was', () => {
    expect(headOf('abcdef', 3)).toBe('abc');
    const text = `x\uD800${'y'.repeat(200)}`;
    expect(headOf(text, 2)).toBe('x\uD800');
    expect(headOf('short', 10)).toBe('short');
  });

  it('keeps no parent alive: 20 cuts of 20 texts of 4 MB hold far less than 80 MB', () => {
    collect();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let n = 0; n < 20; n += 1) {
      const parent = flat(String.fromCharCode(97 + n), 4_000_000);
      kept.push(cutText(parent, 2048), cutNumber(parent, 64));
    }
    collect();
    const held = process.memoryUsage().heapUsed - before;
    expect(kept.every((cut) => cut.length < 3000)).toBe(true);
    expect(held).toBeLessThan(16 * 2 ** 20);
  });
});
