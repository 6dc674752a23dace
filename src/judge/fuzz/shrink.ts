/**
 * Shrinking a found input to a minimal one that still shows the same root
 * cause: first fast-check's own shrinking of the mutation (a smaller number,
 * a shorter string, an earlier node, a simpler choice), then the request's
 * reductions (`reduce.ts`: what the seed brought that the divergence does not
 * need). Each step keeps the first smaller candidate that still reproduces;
 * a request already tried, or one `admits` refuses (it lost the input's rule),
 * is never sent; `limit` bounds the replays.
 */
import type { Arbitrary, Value } from 'fast-check';
import type { Observation } from '../../contract/observation.js';
import type { Mutated } from './mutations.js';
import { reductions } from './reduce.js';
import { type FuzzRequest, requestKey } from './request.js';

export interface ShrinkInput {
  readonly arbitrary: Arbitrary<Mutated>;
  /** The found input, with fast-check's shrink context. */
  readonly value: Value<Mutated>;
  /** Its result (it reproduced). */
  readonly result: Observation;
  /** Whether a smaller request is worth sending at all (it still carries the input's rule). */
  readonly admits: (request: FuzzRequest) => boolean;
  /** Sends a request; its result when it still shows the root cause, else undefined. */
  readonly reproduces: (request: FuzzRequest) => Promise<Observation | undefined>;
  /** Replays at most. */
  readonly limit: number;
}

export interface Shrunk {
  readonly request: FuzzRequest;
  readonly result: Observation;
  /** Replays sent while shrinking. */
  readonly attempts: number;
  /** Candidates kept (each one smaller than the last). */
  readonly steps: number;
  /** True when `limit` stopped shrinking before a fixpoint. */
  readonly capped: boolean;
}

interface State {
  request: FuzzRequest;
  result: Observation;
  attempts: number;
  steps: number;
  readonly tried: Set<string>;
}

/** The first candidate that reproduces (sending each new one), or undefined. */
async function firstReproducing<T>(
  candidates: Iterable<T>,
  requestOf: (candidate: T) => FuzzRequest,
  input: ShrinkInput,
  state: State,
): Promise<{ candidate: T; result: Observation } | undefined> {
  for (const candidate of candidates) {
    if (state.attempts >= input.limit) return undefined;
    const request = requestOf(candidate);
    const key = requestKey(request);
    if (state.tried.has(key)) continue;
    state.tried.add(key);
    if (!input.admits(request)) continue;
    state.attempts++;
    const result = await input.reproduces(request);
    if (result !== undefined) return { candidate, result };
  }
  return undefined;
}

/** Shrinks a found input (see the module comment). */
export async function shrink(input: ShrinkInput): Promise<Shrunk> {
  const start = input.value.value.request;
  const state: State = {
    request: start,
    result: input.result,
    attempts: 0,
    steps: 0,
    tried: new Set([requestKey(start)]),
  };
  let current = input.value;
  for (;;) {
    const shrinks = input.arbitrary.shrink(current.value_, current.context);
    const found = await firstReproducing(shrinks, (v) => v.value.request, input, state);
    if (found === undefined) break;
    current = found.candidate;
    Object.assign(state, { request: current.value.request, result: found.result });
    state.steps++;
  }
  for (;;) {
    const found = await firstReproducing(reductions(state.request), (r) => r, input, state);
    if (found === undefined) break;
    Object.assign(state, { request: found.candidate, result: found.result });
    state.steps++;
  }
  const { request, result, attempts, steps } = state;
  return { request, result, attempts, steps, capped: attempts >= input.limit };
}
