/** Text ordering shared by every sort whose output must be the same on every machine. Pure. */

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
