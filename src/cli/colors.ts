/** Colours for one stream: off when it is not a TTY or NO_COLOR is set (any value). */
import pc from 'picocolors';
import type { Io } from './io.js';

export type Colors = ReturnType<typeof pc.createColors>;

export function colorsFor(stream: Io['stdout'], env: Io['env']): Colors {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const force = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0';
  return pc.createColors(!noColor && (force || stream.isTTY === true));
}
