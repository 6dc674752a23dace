/**
 * The input stream: one random generator seeded with `--seed` picks a seed
 * case, then one of its mutations, then the mutation's parameters, input
 * after input. The n-th input depends only on the seed number and the seed
 * cases, never on time or on answers, so a count budget sends exactly the
 * same inputs every time, and a time budget the same inputs as far as it gets.
 * Each input keeps fast-check's value (with its shrink context) and the
 * arbitrary that made it, for shrinking. Pure apart from the generator's state.
 */
import { type Arbitrary, oneof, Random, type Value } from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bodyMutations } from './mutate-body.js';
import { rawMutations } from './mutate-raw.js';
import { urlMutations } from './mutate-url.js';
import type { Mutated } from './mutations.js';
import type { Seed } from './seeds.js';

/** One generated input. */
export interface Generated {
  /** 0-based position in the stream. */
  readonly index: number;
  readonly seed: Seed;
  /** The seed's arbitrary, which can shrink `value`. */
  readonly arbitrary: Arbitrary<Mutated>;
  readonly value: Value<Mutated>;
}

/** fast-check's bias: one value in this many is drawn from the small, boundary end. */
const BIAS = 4;

/** Every mutation of `seed` that applies, as one arbitrary (undefined when none does). */
export function seedArbitrary(seed: Seed): Arbitrary<Mutated> | undefined {
  const all = [...bodyMutations(seed), ...rawMutations(seed), ...urlMutations(seed)];
  return all.length === 0 ? undefined : oneof(...all);
}

export interface InputStream {
  /** The seeds inputs are drawn from (those with at least one applicable mutation). */
  readonly seeds: readonly Seed[];
  next(): Generated;
}

/** The deterministic stream of inputs for `seedNumber` over `seeds` (at least one must apply). */
export function inputStream(seeds: readonly Seed[], seedNumber: number): InputStream {
  const usable = seeds.flatMap((seed) => {
    const arbitrary = seedArbitrary(seed);
    return arbitrary === undefined ? [] : [{ seed, arbitrary }];
  });
  const random = new Random(xoroshiro128plus(seedNumber));
  let index = 0;
  return {
    seeds: usable.map((u) => u.seed),
    next() {
      const pick = usable[random.nextInt(0, usable.length - 1)];
      if (pick === undefined) throw new Error('inputStream: no seed has an applicable mutation');
      const value = pick.arbitrary.generate(random, BIAS);
      return { index: index++, seed: pick.seed, arbitrary: pick.arbitrary, value };
    },
  };
}
