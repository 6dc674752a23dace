/** `parity validate`: checks the config and the case files, sends nothing. */
import { type CaseValidation, validateCases } from '../io/cases/load.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import type { AppContext } from './run/context.js';
import { caseOptions, openProject } from './run/project.js';

/** Every problem of the case files named by `flags.cases` (else the config's, else `cases/`). */
export async function validateProject(
  flags: ConfigFlags,
  context: AppContext,
): Promise<CaseValidation> {
  const { config, env } = await openProject(flags, context, 'none');
  return validateCases(config.casePaths, caseOptions(config, context.cwd, env));
}
