/**
 * One exchange through the noise step to its `CaseResult`: the judgement
 * after volatile headers and learned noise are masked, with what the noise
 * step learned about the case added. Shared by `run` and `fuzz`. Pure apart
 * from the noise step's own tally.
 */
import type { Exchange } from '../model/exchange.js';
import { type ResultContext, toCaseResult } from '../results/build.js';
import type { CaseResult } from '../results/types.js';
import type { NoiseStep } from './step.js';

/** The result of `exchange` after `step` judged it. */
export function resultOf(step: NoiseStep, exchange: Exchange, context: ResultContext): CaseResult {
  const judged = step.judge(exchange);
  const base = toCaseResult(judged.exchange, judged.judgement, context);
  // Most runs learn no noise: skip the copy when there is nothing to add.
  const { noise, flakyBaseline } = judged.annotation;
  return noise === undefined && flakyBaseline === undefined
    ? base
    : { ...base, ...judged.annotation };
}
