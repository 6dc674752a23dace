/**
 * One exchange through the judge stage with the noise step plugged in, to
 * its observation (`judge/stage.ts`). Shared by `run` and `fuzz`.
 */

import { observe } from '../judge/stage.js';
import type { Exchange } from '../model/exchange.js';
import type { ResultContext } from '../results/build.js';
import type { CaseResult } from '../results/types.js';
import type { NoiseStep } from './step.js';

/** The observation of `exchange`, judged with `step` plugged in. */
export function resultOf(step: NoiseStep, exchange: Exchange, context: ResultContext): CaseResult {
  return observe(exchange, context, step);
}
