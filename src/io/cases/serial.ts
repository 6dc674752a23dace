/** Which case files run strictly in file order (`serial`). Pure. */
import type { LoadCasesOptions } from './load-options.js';
import type { CaseFileHeader } from './parse-file.js';

/** A file's own `serial` wins; else the config's (`true`, or a list of suites). */
export function isSerialFile(
  header: CaseFileHeader,
  options: Pick<LoadCasesOptions, 'serial'>,
): boolean {
  if (header.serial !== undefined) return header.serial;
  return options.serial === true || (options.serial?.includes(header.suite) ?? false);
}
