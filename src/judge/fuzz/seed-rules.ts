/**
 * The rules a seed case was judged with, as its file wrote them (the file's
 * `defaults.rules` and the case's own `rules`), so a written case is judged
 * the same way when `parity run` replays it. The config's rules apply to
 * every run anyway and are not copied.
 */

import type { Case } from '../../contract/model/case.js';
import type { RulesSpec } from '../../contract/rules/schema.js';
import { checkCase } from '../../io/cases/parse-file.js';
import { seedFiles } from './seed-files.js';

/** A seed's rule layers as written. */
export interface SeedRules {
  readonly defaults: RulesSpec | undefined;
  readonly rules: RulesSpec | undefined;
}

/** The written rule layers of each case in `cases` (by case id), reading each file once. */
export async function seedRules(
  cases: readonly Case[],
  cwd: string,
): Promise<Map<string, SeedRules>> {
  const out = new Map<string, SeedRules>();
  for await (const { parsed, header } of seedFiles(cases, cwd)) {
    for (let index = 0; index < parsed.count; index++) {
      const checked = checkCase(parsed, index);
      if (!('spec' in checked)) continue;
      out.set(`${header.suite}/${checked.spec.id}`, {
        defaults: header.defaults?.rules,
        rules: checked.spec.rules,
      });
    }
  }
  return out;
}
