/**
 * The suite names a case library already uses, so an import never writes a
 * file whose `suite/id`s collide with cases that exist (ids are unique per
 * suite, so a suite name of its own is enough). Files are read leniently: one
 * that does not parse names no suite here (`parity validate` reports it).
 */
import { parse } from 'yaml';
import { discoverCaseFiles } from '../../io/cases/discover.js';
import { INPUT_DEPTH, yamlTooDeep } from '../../util/depth.js';
import { readRegularText } from '../../util/fs.js';

async function suiteOf(file: string): Promise<string | undefined> {
  try {
    const text = await readRegularText(file);
    if (yamlTooDeep(text, INPUT_DEPTH) !== undefined) return undefined;
    const value: unknown = parse(text);
    if (typeof value !== 'object' || value === null || !('suite' in value)) return undefined;
    return typeof value.suite === 'string' ? value.suite : undefined;
  } catch {
    return undefined;
  }
}

/** Suites of the case files under `paths` (absolute), leaving out the files in `replaced`. */
export async function takenSuites(
  paths: readonly string[],
  replaced: ReadonlySet<string>,
  cwd: string,
): Promise<Set<string>> {
  const { files } = await discoverCaseFiles(paths, cwd);
  const suites = new Set<string>();
  for (const file of files) {
    if (replaced.has(file)) continue;
    const suite = await suiteOf(file);
    if (suite !== undefined) suites.add(suite);
  }
  return suites;
}

/** `records`, else `records-har`, else `records-har-2`, … : the first name not in `taken`. */
export function freeSuite(suite: string, kind: string, taken: ReadonlySet<string>): string {
  if (!taken.has(suite)) return suite;
  let name = `${suite}-${kind}`;
  for (let n = 2; taken.has(name); n++) name = `${suite}-${kind}-${n}`;
  return name;
}
