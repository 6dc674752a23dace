// Work that grows linearly with what an answer or a document holds: the CPU
// of a size eight times larger ÷ the smaller's, best of three each (the least
// disturbed by other processes). Linear work reads ~8×; quadratic work reads
// ~64×; the goal (< 24×) leaves three times what linear needs. The bounds
// themselves (change paths, samples, expansion counts) are asserted by
// test/hostile/growth.test.ts; how their cost grows is measured here, since
// a timing ratio in a test fails on a loaded machine (26.5× once, under a
// load of 8–12, for work that reads 5–8× alone).
// Uses the unbundled build (build/, written by `npm run build`): the
// functions measured are internals, not the package's API.
const { diffJson } = await import('../../build/core/compare/delta.js');
const { structureFindings } = await import('../../build/core/compare/findings.js');
const { expandedValues } = await import('../../build/io/openapi/ref-expansion.js');
const { sampleOf } = await import('../../build/io/openapi/sample.js');

const OPTIONS = { arrayKeys: [], tolerance: [] };

/** `depth` levels of `keyLength`-character keys above `members` members, `side` added to each. */
function answer(depth, keyLength, members, side) {
  let value = Object.fromEntries(Array.from({ length: members }, (_, n) => [`m${n}`, n + side]));
  for (let level = depth - 1; level >= 0; level--) {
    value = { [`${level}`.padEnd(keyLength, 'k')]: value };
  }
  return value;
}

/** `S0` … `S{levels-1}`, each with `width` properties referring to the next. */
function fanOut(levels, width) {
  const schemas = {};
  for (let level = 0; level < levels; level++) {
    const next =
      level + 1 < levels ? { $ref: `#/components/schemas/S${level + 1}` } : { type: 'string' };
    schemas[`S${level}`] = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: width }, (_, n) => [`p${n}`, next])),
    };
  }
  return { components: { schemas }, root: { $ref: '#/components/schemas/S0' } };
}

/** The same fan-out as the parser leaves it: each property the next schema itself. */
function dereferenced(levels, width) {
  let next = { type: 'string' };
  for (let level = levels - 1; level >= 0; level--) {
    const properties = Object.fromEntries(Array.from({ length: width }, (_, n) => [`p${n}`, next]));
    next = { type: 'object', properties };
  }
  return next;
}

/** CPU microseconds `work` takes, the best of `rounds`. */
function cpu(work, rounds) {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

const judged = (depth, members) => () =>
  structureFindings(
    'GET /x',
    diffJson(answer(depth, 1_000, members, 0), answer(depth, 1_000, members, 1), OPTIONS),
  );

const PAIRS = [
  ['judging an answer 8× as deep, with 8× the members', judged(25, 250), judged(200, 2_000)],
  [
    'counting a `$ref` chain 8× as long',
    () => expandedValues(fanOut(500, 12), Number.POSITIVE_INFINITY),
    () => expandedValues(fanOut(4_000, 12), Number.POSITIVE_INFINITY),
  ],
  [
    'sampling a fan-out of 12 levels vs 3 (the sample is bounded)',
    () => sampleOf(dereferenced(3, 12)),
    () => sampleOf(dereferenced(12, 12)),
  ],
];

/** @returns {{ what: string, small: number, large: number, ratio: number }[]} */
export function growth(rounds = 3) {
  return PAIRS.map(([what, small, large]) => {
    const a = cpu(small, rounds);
    const b = cpu(large, rounds);
    return { what, small: a, large: b, ratio: b / a };
  });
}
