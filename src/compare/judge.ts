/**
 * Exchange → verdict, comparison and divergence: the compare stage in one call.
 */
import type { Comparison, Divergence } from '../model/comparison.js';
import type { Exchange } from '../model/exchange.js';
import { classify } from './classify.js';
import { compare } from './comparison.js';
import { explain } from './explain.js';
import { fingerprint } from './fingerprint.js';
import type { DivergenceInput } from './input.js';
import { patternOf } from './patterns/title.js';

/** The outcome of judging one exchange: a union by verdict. */
export type Judgement =
  | { readonly verdict: 'equal'; readonly comparison: Comparison }
  | {
      readonly verdict: 'divergent';
      /** Absent when one side failed in transport. */
      readonly comparison: Comparison | undefined;
      readonly divergence: Divergence;
    }
  | { readonly verdict: 'error'; readonly comparison: undefined; readonly divergence: Divergence };

function divergenceOf(input: DivergenceInput): Divergence {
  const { explanation, summary } = explain(input);
  const compared = input.kind === 'comparison';
  const pattern = compared ? patternOf(input.comparison) : undefined;
  return {
    kinds: compared ? input.kinds : ['transport'],
    fingerprint: fingerprint(input),
    explanation,
    summary,
    changes: compared ? input.comparison.body : [],
    headerChanges: compared ? input.comparison.headers : [],
    ...(pattern === undefined ? {} : { pattern }),
  };
}

/**
 * Judge one exchange: both sides failing in transport is an `error` (still with
 * a transport divergence, so it can be explained); one side failing is
 * `divergent` with kind `transport`; otherwise `equal` when nothing differs
 * after normalisation, else `divergent` with kinds, fingerprint and explanation.
 */
export function judge(exchange: Exchange): Judgement {
  const caseId = exchange.case.id;
  const comparison = compare(exchange);
  if (comparison === undefined) {
    const { baseline, candidate } = exchange;
    const bothFailed =
      baseline.outcome === 'transport-error' && candidate.outcome === 'transport-error';
    return {
      verdict: bothFailed ? 'error' : 'divergent',
      comparison: undefined,
      divergence: divergenceOf({ kind: 'transport', caseId, baseline, candidate }),
    };
  }
  return judgeComparison(caseId, comparison);
}

/** The judgement of one comparison (both sides answered), e.g. after learned noise was masked. */
export function judgeComparison(caseId: string, comparison: Comparison): Judgement {
  const kinds = classify(comparison);
  if (kinds.length === 0) return { verdict: 'equal', comparison };
  return {
    verdict: 'divergent',
    comparison,
    divergence: divergenceOf({ kind: 'comparison', caseId, comparison, kinds }),
  };
}
