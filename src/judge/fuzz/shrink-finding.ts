/**
 * What becomes of a found input: shrunk to a minimal request that shows the
 * same root cause and still carries its rule (`rule.ts`), and, once every
 * finding is shrunk, findings of one root cause that came to the very same
 * request taken for one rule. A `Discovery` is what it makes.
 */

import type { Case } from '../../contract/model/case.js';
import type { Observation } from '../../contract/observation.js';
import type { SideName } from './crash.js';
import type { Generated } from './generate.js';
import type { Mutation, MutationName } from './mutations.js';
import { type FuzzRequest, requestKey, toCase } from './request.js';
import { type FuzzCause, rootCausesOf } from './root-cause.js';
import { carries } from './rule.js';
import type { Seed } from './seeds.js';
import { shrink } from './shrink.js';

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

/**
 * Findings of one root cause whose inputs shrank to the very same request are
 * one rule found by two families: the first keeps it, with the other's
 * family in `alsoBy` and its hits added.
 */
export function sameInputOnce(findings: readonly TalliedDiscovery[]): TalliedDiscovery[] {
  const kept = new Map<string, TalliedDiscovery>();
  for (const finding of findings) {
    const key = `${finding.rootCause.key} ${requestKey(finding.request)}`;
    const first = kept.get(key);
    if (first === undefined) {
      kept.set(key, finding);
      continue;
    }
    const alsoBy = [...new Set([...first.alsoBy, finding.rule, ...finding.alsoBy])];
    kept.set(key, {
      ...first,
      hits: first.hits + finding.hits,
      alsoBy: alsoBy.filter((name) => name !== first.rule),
    });
  }
  return [...kept.values()].map((finding, order) => ({ ...finding, order }));
}

/** Replays at most while shrinking a crash (each after a reset that restarts a target). */
const CRASH_SHRINK_LIMIT = 40;

export interface Found {
  readonly order: number;
  readonly cause: FuzzCause;
  readonly gen: Generated;
  readonly result: Observation;
  /**
   * For an input after which `sides` stopped answering (`crash.ts`): a
   * smaller request reproduces when, sent after the reset hook, it leaves
   * those sides down.
   */
  readonly kill?:
    | {
        readonly sides: readonly SideName[];
        /** Sends a case, then the liveness probe: the result and the sides down after it. */
        readonly attempt: (testCase: Case) => Promise<{ result: Observation; down: SideName[] }>;
      }
    | undefined;
}

/**
 * Shrinks one found input to a minimal one with the same root cause (and the
 * same two answers) that still carries its rule's edit, then reports it.
 */
/** What shrinking a finding needs of the fuzz loop's input (`FuzzEngineInput` extends it). */
export interface ShrinkFindingInput {
  /** One case through the pipeline (plan → both clients → noise → judge → result). */
  readonly send: (testCase: Case) => Promise<Observation>;
  /** Replays at most per finding while shrinking. */
  readonly shrinkLimit: number;
}

export async function shrinkFinding(input: ShrinkFindingInput, found: Found): Promise<Discovery> {
  const { gen, cause } = found;
  const mutation = gen.value.value.mutation;
  let replay = 0;
  const { kill } = found;
  const reproduces = async (request: FuzzRequest) => {
    const id = `fuzz/input-${gen.index}-shrink-${replay++}`;
    const testCase = toCase(gen.seed.case, request, id);
    if (kill !== undefined) {
      const { result, down } = await kill.attempt(testCase);
      return kill.sides.every((side) => down.includes(side)) ? result : undefined;
    }
    const result = await input.send(testCase);
    // The same answers too: a body-kind cause holds for any 4xx pair, and the case file says which.
    const same = (c: FuzzCause) =>
      c.key === cause.key && c.baseline === cause.baseline && c.candidate === cause.candidate;
    return rootCausesOf(result, gen.seed.endpoint).some(same) ? result : undefined;
  };
  const shrunk = await shrink({
    arbitrary: gen.arbitrary,
    value: gen.value,
    result: found.result,
    // A crash need not keep the input rule's edit: any smaller request that stops the side will do.
    admits: (request) => kill !== undefined || carries(mutation.name, gen.seed.request, request),
    reproduces,
    // Each replay of a crash costs a reset that restarts the target.
    limit: kill === undefined ? input.shrinkLimit : Math.min(input.shrinkLimit, CRASH_SHRINK_LIMIT),
  });
  return {
    order: found.order,
    rootCause: cause,
    rule: mutation.name,
    seed: gen.seed,
    found: { index: gen.index, mutation },
    request: shrunk.request,
    result: shrunk.result,
    shrink: { attempts: shrunk.attempts, steps: shrunk.steps, capped: shrunk.capped },
  };
}
