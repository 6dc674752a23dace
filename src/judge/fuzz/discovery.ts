/**
 * What the fuzz loop (`engine.ts`) takes and gives: its input, its progress
 * and its discoveries (a new divergence with the minimal input that shows
 * it; "finding" is a root cause a divergent case shows, `core/compare/root-cause.ts`).
 * Its own module, so `shrink-finding.ts` does not import the engine.
 */

import type { Case } from '../../contract/model/case.js';
import type { Observation } from '../../contract/observation.js';
import type { Budget } from './budget.js';
import type { Mutation, MutationName } from './mutations.js';
import type { FuzzRequest } from './request.js';
import type { FuzzCause } from './root-cause.js';
import type { Seed } from './seeds.js';

export interface FuzzEngineInput {
  readonly seeds: readonly Seed[];
  /** One case through the pipeline (plan → both clients → noise → judge → result). */
  readonly send: (testCase: Case) => Promise<Observation>;
  readonly budget: Budget;
  /** `--seed`: the input stream's seed. */
  readonly seedNumber: number;
  readonly concurrency: number;
  /** Replays at most per finding while shrinking. */
  readonly shrinkLimit: number;
  /** Distinct divergences shrunk and reported at most (the rest are counted). */
  readonly maxFindings: number;
  /** Milliseconds, monotonic (`performance.now`). */
  readonly clock: () => number;
  readonly onProgress?: (progress: FuzzProgress) => void;
  /** Root-cause keys already decided on elsewhere (the tracker's rows): never reported as new. */
  readonly tracked?: ReadonlySet<string>;
  /**
   * With a reset hook that can bring a stopped target back (a command, run
   * before every input, one input at a time): sends `testCase` after the
   * hook, then `probe` as it is, in one turn (no reset between). An input
   * after which a side fails the probe is then a finding of its own, and
   * exploring goes on.
   */
  readonly sendProbed?: (testCase: Case, probe: Case) => Promise<Probed>;
}

/** An input's result, and the liveness probe's sent right after it. */
export interface Probed {
  readonly result: Observation;
  readonly probe: Observation;
}

export interface FuzzProgress {
  readonly inputs: number;
  readonly elapsedMs: number;
  /** New distinct divergences (root cause × input rule) so far. */
  readonly distinct: number;
  /** New root causes so far. */
  readonly rootCauses: number;
}

/** One new divergence (a root cause, by an input rule), with the minimal input that shows it. */
export interface Discovery {
  /** 0-based, in the order the divergences were found (input order). */
  readonly order: number;
  readonly rootCause: FuzzCause;
  /**
   * The input rule, named by the mutation family that found it; the minimal
   * input still carries it. For a root cause not split by rule, the first
   * rule that showed it (the others are `alsoBy`).
   */
  readonly rule: MutationName;
  readonly seed: Seed;
  /** The input that found it: its position in the stream and its mutation. */
  readonly found: { readonly index: number; readonly mutation: Mutation };
  /** The shrunk input and its result. */
  readonly request: FuzzRequest;
  readonly result: Observation;
  readonly shrink: { readonly attempts: number; readonly steps: number; readonly capped: boolean };
}

/** A finding once exploration is over, with how often it was hit. */
export interface TalliedDiscovery extends Discovery {
  /** Inputs that showed this divergence during exploration. */
  readonly hits: number;
  /**
   * The other mutations that showed it, in the order they first did: for a
   * root cause split by rule, those whose input shrank to the same request.
   */
  readonly alsoBy: readonly MutationName[];
}
