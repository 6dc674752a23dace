/**
 * The judge stage: every exchange of a run becomes its observation here, once
 * (`Observation`: both sides, the comparison, the findings), and is never
 * changed after (what the end of the run decides about it is an overlay,
 * `judge/results/assessment.ts`). Volatile headers are masked (`headers.ts`), the
 * exchange is judged (`core/compare/judge.ts`) and the result built
 * (`judge/results/build.ts`). Noise learning (`--noise`) plugs in as a `NoisePlug`:
 * given the replica's answer, it learns the case's noise and judges with it
 * masked. Pure apart from the plug's own tally.
 */

import type { Exchange, SideOutcome } from '../contract/model/exchange.js';
import type { FlakyBaseline, Observation } from '../contract/observation.js';
import type { Finding } from '../contract/root-cause.js';
import { type Judgement, judge } from '../core/compare/judge.js';
import { maskVolatileHeaders } from './headers.js';
import { type ResultContext, redactFinding, toObservation } from './results/build.js';

/** What noise learning adds to a case's observation. */
export interface NoiseAnnotation {
  readonly noise?: readonly string[];
  /** The lists among `noise` whose order (not values) the replica showed to be noise. */
  readonly orderNoise?: readonly string[];
  readonly flakyBaseline?: FlakyBaseline;
}

/** One exchange judged. */
export interface Judged {
  /** The exchange as judged (volatile headers masked, learned order noise sorted). */
  readonly exchange: Exchange;
  readonly judgement: Judgement;
  readonly annotation: NoiseAnnotation;
  /** Findings the case's learned noise hides (see `judge/noise/step.ts`); absent when none. */
  readonly covered?: readonly Finding[];
}

/** Noise learning, plugged into the stage: judges an exchange the replica answered too. */
export interface NoisePlug {
  /** The exchange judged with the noise its replica answer shows masked; undefined: judge it plainly. */
  judgeWithReplica(exchange: Exchange, replica: SideOutcome): Judged | undefined;
}

const NO_ANNOTATION: NoiseAnnotation = Object.freeze({});

/** `raw` judged: its volatile headers masked, then judged by `plug` when it learns, else plainly. */
export function judgeExchange(raw: Exchange, plug: NoisePlug | undefined): Judged {
  const exchange = maskVolatileHeaders(raw);
  return (
    judgedByPlug(exchange, plug) ?? {
      exchange,
      judgement: judge(exchange),
      annotation: NO_ANNOTATION,
    }
  );
}

/** The judgement `plug` gives an exchange its replica answered too; undefined: judge it plainly. */
function judgedByPlug(exchange: Exchange, plug: NoisePlug | undefined): Judged | undefined {
  return exchange.replica === undefined
    ? undefined
    : plug?.judgeWithReplica(exchange, exchange.replica);
}

/** The observation of `raw`: judged (see `judgeExchange`), as the case's result. */
export function observe(
  raw: Exchange,
  context: ResultContext,
  plug: NoisePlug | undefined,
): Observation {
  return resultOf(judgeExchange(raw, plug), context);
}

/** A judged exchange as the case's result, with what noise learning added. */
function resultOf(judged: Judged, context: ResultContext): Observation {
  const base = toObservation(judged.exchange, judged.judgement, context);
  // Most runs learn no noise: skip the copy when there is nothing to add.
  const { noise, flakyBaseline } = judged.annotation;
  if (noise === undefined && flakyBaseline === undefined) return base;
  const result = { ...base, ...judged.annotation };
  if (judged.covered === undefined) return result;
  // What learned noise hides joins what the rules hide: those rows are covered, not resolved.
  const fingerprints = judged.covered.map((f) => redactFinding(f, context.redact).fingerprint);
  return { ...result, covered: [...new Set([...(base.covered ?? []), ...fingerprints])] };
}
