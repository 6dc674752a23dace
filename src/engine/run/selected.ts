/**
 * What the commands that send to one target share (`calibrate`, `record`):
 * the selected cases as a run reads them (the same library, units and order:
 * serial files and flows are sequences) with the redactor for them (the
 * client options every command that sends derives from the config are
 * `io/http/clients.ts`'s).
 */

import { literalSecrets } from '../../core/redact/literal-credentials.js';
import { createRedactor, type Redactor } from '../../core/redact/redact.js';
import { openRunLibrary } from '../../io/cases/library.js';
import type { CaseSource } from '../../io/cases/source.js';
import type { AppContext } from './context.js';
import { caseOptions, type Project } from './project.js';

/** The case selection flags. */
export interface Selection {
  /** Case id globs; any may match. */
  readonly filter?: readonly string[] | undefined;
  /** Case tags; any may match. */
  readonly tag?: readonly string[] | undefined;
}

/**
 * The selected cases of the project's library as a run reads them, and a
 * redactor for their secrets. Every file is checked first: bad input throws
 * before anything is sent.
 */
export async function selectedCases(
  project: Project,
  selection: Selection,
  context: AppContext,
  /** Secrets beyond the environment's: the credentials of the targets' URLs. */
  targetSecrets: Iterable<readonly [string, string]> = [],
): Promise<{ source: CaseSource; redact: Redactor }> {
  const { config } = project;
  const library = await openRunLibrary(
    config.casePaths,
    caseOptions(config, context.cwd, project.env),
    { filter: selection.filter, tags: selection.tag },
  );
  const known = new Map([...project.secrets(), ...targetSecrets]);
  const redact = createRedactor({
    headerNames: library.redactHeaders,
    // Credentials the case files write as they are, too (the first MAX_LITERAL_SECRETS).
    secrets: new Map([...literalSecrets(library.credentials, known).secrets, ...known]),
  });
  return { source: library.source, redact };
}
