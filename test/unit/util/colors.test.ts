/** parity's colours write what picocolors writes, without loading it (it reads process.stdout). */
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { colorsFor, createColors } from '../../../src/util/colors.js';

const NAMES = ['bold', 'dim', 'green', 'red', 'yellow'] as const;
const INPUTS = [
  'ok',
  '',
  3,
  null,
  undefined,
  // A nested colour's close code, once and twice: the outer colour resumes.
  `a ${pc.createColors(true).dim('b')} c`,
  `${pc.createColors(true).red('x')}${pc.createColors(true).green('y')} and \x1b[22m\x1b[39m`,
];

describe('createColors', () => {
  for (const enabled of [true, false]) {
    it(`paints as picocolors does (colour ${enabled ? 'on' : 'off'})`, () => {
      const ours = createColors(enabled);
      const theirs = pc.createColors(enabled);
      for (const name of NAMES) {
        for (const input of INPUTS) expect(ours[name](input), name).toBe(theirs[name](input));
      }
    });
  }

  it('is on for a TTY or FORCE_COLOR, off with NO_COLOR', () => {
    const tty = { write: () => true, isTTY: true };
    const pipe = { write: () => true };
    expect(colorsFor(tty, {}).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(colorsFor(pipe, {}).red('x')).toBe('x');
    expect(colorsFor(pipe, { FORCE_COLOR: '1' }).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(colorsFor(tty, { NO_COLOR: '1' }).red('x')).toBe('x');
  });
});
