// Scenario: `parity fuzz`'s exploration rate — inputs per second through the
// whole pipeline (generate, mutate, plan, both servers, noise step, judge,
// result, root causes) against the two bench servers, best of three runs of
// the same seed and budget. Seeds: a GET with an id, a GET with a query, a
// POST with a JSON body (mutated in structure, values and raw bytes; the bench
// servers ignore bodies) and a GET whose answers diverge (a known root cause,
// as most inputs of a real run are).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzLibrary } from 'http-parity';

const SEEDS = {
  suite: 'fuzz-bench',
  cases: [
    { id: 'one', request: { method: 'GET', path: '/items/1' } },
    {
      id: 'query',
      request: { method: 'GET', path: '/items/2', query: { limit: 10, tag: ['a', 'b'] } },
    },
    {
      id: 'body',
      request: {
        method: 'POST',
        path: '/items/3',
        json: {
          name: 'pen',
          price: 9.5,
          tags: ['office', 'blue'],
          active: true,
          stock: { count: 12 },
        },
      },
    },
    { id: 'divergent', request: { method: 'GET', path: '/div/4' } },
  ],
};

// The rate is the exploration's own (`summary.run`: inputs over exploration
// time, shrinking included); writing and replaying the found cases after it
// are not counted. The POST seed is fuzzed: the config marks both bench
// servers disposable and the run allows writes.
async function once(dir, inputs, concurrency, k) {
  const outcome = await fuzzLibrary({
    cwd: dir,
    env: {},
    cases: ['seeds.json'],
    concurrency,
    budget: { kind: 'inputs', count: inputs },
    seed: 1,
    allowWrites: true,
    tracker: false,
    reports: `reports-${k}`,
    out: `found-${k}`,
  });
  if (outcome.kind !== 'done') throw new Error(`fuzz: ${outcome.targets.join(', ')} unreachable`);
  const { run } = outcome.summary;
  return { rate: run.inputs / (run.elapsedMs / 1000), findings: run.findings.length };
}

/** @returns {Promise<{ rate: number, rates: number[], inputs: number, concurrency: number, findings: number }>} */
export async function fuzzRate(urls, { inputs, concurrency = 16, runs = 3 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-fuzz-'));
  try {
    await writeFile(join(dir, 'seeds.json'), JSON.stringify(SEEDS));
    await writeFile(
      join(dir, 'parity.config.json'),
      JSON.stringify({
        targets: {
          a: { url: urls.a, disposable: true },
          b: { url: urls.b, disposable: true },
        },
        baseline: 'a',
        candidate: 'b',
      }),
    );
    await once(dir, Math.min(inputs, 2000), concurrency, 'warm'); // warm-up: connections, JIT
    const results = [];
    for (let k = 0; k < runs; k++) results.push(await once(dir, inputs, concurrency, k));
    const rates = results.map((r) => r.rate);
    return {
      rate: Math.max(...rates),
      rates,
      inputs,
      concurrency,
      findings: results[0]?.findings ?? 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
