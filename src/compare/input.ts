/**
 * What `explain` and `fingerprint` describe: a transport failure, or a comparison.
 */

import type { DivergenceKind } from '../contract/vocabulary.js';
import type { Comparison } from '../model/comparison.js';
import type { SideOutcome } from '../model/exchange.js';

/** One divergent (or failed) case, as the explainer and the fingerprinter see it. */
export type DivergenceInput =
  | {
      readonly kind: 'transport';
      readonly caseId: string;
      readonly baseline: SideOutcome;
      readonly candidate: SideOutcome;
    }
  | {
      readonly kind: 'comparison';
      readonly caseId: string;
      readonly comparison: Comparison;
      /** As `classify` returned them. */
      readonly kinds: readonly DivergenceKind[];
    };
