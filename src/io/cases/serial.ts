/** Which case files run strictly in file order (`serial`). Pure. */
import type { CaseFileHeader } from './parse-file.js';

/** The config's `serial`: every file serial (`true`), or the files of these suites. */
export type SerialChoice = true | readonly string[] | undefined;

/** A file's own `serial` wins; else the config's (`true`, or a list of suites). */
export function isSerialFile(
  header: CaseFileHeader,
  options: { readonly serial?: SerialChoice },
): boolean {
  if (header.serial !== undefined) return header.serial;
  return options.serial === true || (options.serial?.includes(header.suite) ?? false);
}
