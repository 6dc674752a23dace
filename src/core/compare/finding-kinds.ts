/** The kinds of a finding, apart from the root-cause code (the CLI's option table reads them). Pure. */
import type { DivergenceKind } from '../../contract/model/comparison.js';

/** The kinds a finding can have (a transport failure is a run error, never a finding). */
export const FINDING_KINDS = [
  'status',
  'shape',
  'value',
  'header',
] as const satisfies readonly DivergenceKind[];
export type FindingKind = (typeof FINDING_KINDS)[number];
