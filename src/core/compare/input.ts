/**
 * What `explain` and `fingerprint` describe: a transport failure, or a comparison.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import type { DivergenceKind } from '../../contract/vocabulary.js';

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
