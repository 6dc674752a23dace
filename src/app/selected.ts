/**
 * What the commands that load a whole library in memory share (`calibrate`,
 * `record`): the selected cases with the redactor for them (the client
 * options every command that sends derives from the config are
 * `config/clients.ts`'s).
 */
import { loadCases } from '../cases/load.js';
import { selectCases } from '../cases/select.js';
import type { Case } from '../model/case.js';
import { createRedactor, type Redactor } from '../redact/redact.js';
import type { AppContext } from './context.js';
import { caseOptions, type Project } from './project.js';

/** The case selection flags. */
export interface Selection {
  /** Case id globs; any may match. */
  readonly filter?: readonly string[] | undefined;
  /** Case tags; any may match. */
  readonly tag?: readonly string[] | undefined;
}

/** The selected cases of the project's library, and a redactor for their secrets. */
export async function selectedCases(
  project: Project,
  selection: Selection,
  context: AppContext,
  /** Secrets beyond the environment's: the credentials of the targets' URLs. */
  targetSecrets: Iterable<readonly [string, string]> = [],
): Promise<{ cases: Case[]; redact: Redactor }> {
  const { config } = project;
  const all = await loadCases(config.casePaths, caseOptions(config, context.cwd, project.env));
  const cases = selectCases(all, { filter: selection.filter, tags: selection.tag });
  const redact = createRedactor({
    headerNames: [...new Set(cases.flatMap((c) => c.rules.redactHeaders))],
    secrets: new Map([...project.secrets(), ...targetSecrets]),
  });
  return { cases, redact };
}
