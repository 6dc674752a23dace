/** Where and how to load the case library (its own module: `load.ts`, `serial.ts` and `warnings.ts` share it). */
import type { RulesSpec } from '../../contract/rules/schema.js';
import type { Env } from '../../util/env.js';
import type { SerialChoice } from './serial.js';

/** Where and how to load the case library. */
export interface LoadCasesOptions {
  /** Paths are resolved against it, and problems and sources are shown relative to it. */
  readonly cwd: string;
  /** Values for `${env:NAME}` (usually `process.env`, passed in by the CLI). */
  readonly env: Env;
  /** Rules from the config, the outermost layer under suite defaults and case rules. */
  readonly globalRules?: RulesSpec | undefined;
  /** From the config: every file serial (`true`), or the files of these suites. */
  readonly serial?: SerialChoice;
  /** From the config: flows may send writing steps (`sideEffects: true`). */
  readonly sideEffects?: boolean | undefined;
}
