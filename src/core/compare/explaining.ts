/**
 * The run's one lazy boundary: the code that explains and groups divergences
 * (findings, the cross-runtime patterns, explanations, the clustering of
 * root causes, fix hints and the words of a cause), which an exchange whose
 * sides agree never needs. Every module the equal path loads reaches it
 * through `explainingCode()`, never by importing one of its modules, so the
 * CLI's bundle (scripts/bundle.mjs) can load it at its first call: the first
 * divergence, or the end of a run that has one (the source, the tests and
 * the API load it as any module).
 */

import { clusterCauses } from './cause-clusters.js';
import { clusteredFindings } from './clustered-findings.js';
import { divergent, transportDivergence } from './divergent.js';
import { earlierKeys } from './earlier-keys.js';
import { explainShown } from './explain.js';
import { hintFor, NAMED_PLACES } from './hints.js';
import { fieldOfPath } from './recurring-causes.js';
import { causeSummary } from './root-cause-words.js';

const EXPLAINING = {
  divergent,
  transportDivergence,
  explainShown,
  clusterCauses,
  clusteredFindings,
  earlierKeys,
  fieldOfPath,
  hintFor,
  namedPlaces: NAMED_PLACES,
  causeSummary,
} as const;

/** The functions that explain and group divergences (see the module comment). */
export type ExplainingCode = typeof EXPLAINING;

/**
 * The explaining code, loaded on first use. Measured (callgrind, one-case
 * `parity run` of equal answers): it is ~125 KB of the ~800 KB of parity's
 * code a run loads, and loading it cost ~23 M instructions of the run's
 * ~1,140 M (its start-up goal is 1.2 × `import('undici')`, ~940 M).
 */
export function explainingCode(): ExplainingCode {
  return EXPLAINING;
}
