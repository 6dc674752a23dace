/**
 * What resolving a case file's entries needs, shared by `resolve.ts` and
 * `resolve-flow.ts` (its own module so neither imports the other's types).
 */
import type { RulesSpec } from '../../contract/rules/schema.js';
import type { Env } from '../../util/env.js';
import type { Locator } from '../../util/position.js';
import type { CaseFileHeader } from './parse-file.js';
import type { ResolvedDefaults, Substitute, SubstituteJson } from './resolve-request.js';
import type { CaseSpec } from './schema.js';

/** What resolving a file needs besides the file itself. */
export interface ResolveContext {
  /** The file's display path (relative to the working directory). */
  readonly file: string;
  readonly locate: Locator;
  readonly env: Env;
  readonly globalRules: RulesSpec | undefined;
  /** The config allows flows to write (`sideEffects: true`). */
  readonly sideEffects?: boolean | undefined;
  /** The serial sequence the file's cases run in (set by the run, see `Case.serial`). */
  readonly serial?: string | undefined;
}

/** One entry of a file, with what resolving it needs. */
export interface EntryParts {
  readonly header: CaseFileHeader;
  readonly item: CaseSpec;
  /** Its index in the file's `cases`. */
  readonly index: number;
  readonly defaults: ResolvedDefaults;
  /** `${env:…}` substitution; a substituted path or header value is checked again. */
  readonly sub: Substitute;
  readonly json: SubstituteJson;
  /** The file's display path and locator, shared by its cases' source positions. */
  readonly file: { readonly file: string; readonly locate: Locator };
}
