/**
 * Every command's first step: read the config file and resolve it with the
 * command's flags. The environment (`.env`, the process's, `--var`:
 * `io/config/project-env.ts`) is tracked, so the values of the `${env:…}` the
 * config used can be kept out of every output.
 */

import { trackEnv } from '../../core/redact/env-secrets.js';
import type { LoadCasesOptions } from '../../io/cases/load.js';
import { loadConfig } from '../../io/config/load.js';
import { projectEnv } from '../../io/config/project-env.js';
import { type ConfigFlags, type ResolvedConfig, resolveConfig } from '../../io/config/resolve.js';
import type { Env } from '../../util/env.js';
import type { AppContext } from './context.js';

export interface Project {
  readonly config: ResolvedConfig;
  /** The environment, tracked: pass it on to whatever substitutes `${env:…}` (case files). */
  readonly env: Env;
  /** Secret value → its placeholder (`${env:NAME}`), for every variable read so far. */
  secrets(): Map<string, string>;
}

/**
 * The configured targets a command sends to, whose `${env:…}` must be set:
 * all of them (`run`, `calibrate`, `fuzz`), one (`record`), or none (every
 * command that sends nothing: validating cases in CI needs no tokens).
 */
export type SendsTo = 'all' | 'none' | { readonly only: string };

/** Loads the config (`flags.config`, or the default file if present) and resolves it. */
export async function openProject(
  flags: ConfigFlags,
  context: AppContext,
  sends: SendsTo,
): Promise<Project> {
  const tracked = trackEnv(projectEnv(context.cwd, context.env, flags.var));
  const sendsTo =
    sends === 'all'
      ? () => true
      : sends === 'none'
        ? () => false
        : (target: string) => target === sends.only;
  const loaded = await loadConfig({
    file: flags.config,
    cwd: context.cwd,
    env: tracked.env,
    sendsTo,
  });
  return {
    config: resolveConfig(loaded, flags, context.cwd),
    env: tracked.env,
    secrets: () => tracked.secrets(),
  };
}

/** How the case library is loaded under `config`: the config's rules, serial suites and side effects. */
export function caseOptions(config: ResolvedConfig, cwd: string, env: Env): LoadCasesOptions {
  return {
    cwd,
    env,
    globalRules: config.rules,
    serial: config.serial,
    sideEffects: config.sideEffects,
  };
}
