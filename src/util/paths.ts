/** How parity names files in messages and reports. Pure. */
import path from 'node:path';

/**
 * `absolute` relative to `cwd` with `/` separators when it lies inside `cwd`
 * (reports and messages then hold no machine-specific paths), else as given.
 */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}
