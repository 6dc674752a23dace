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
import { loadCases } from '../../dist/cases/load.js';
import { resolveConfig } from '../../dist/config/resolve.js';
import { resolveTargets } from '../../dist/config/targets.js';
import { runFuzz } from '../../dist/fuzz/engine.js';
import { seedsOf } from '../../dist/fuzz/seeds.js';
import { createSender } from '../../dist/fuzz/sender.js';
import { createRedactor } from '../../dist/redact/redact.js';

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

async function once(urls, seeds, inputs, concurrency) {
  const resolved = resolveConfig(
    { config: { concurrency, tracker: false }, file: undefined },
    { baseline: `a=${urls.a}`, candidate: `b=${urls.b}` },
    tmpdir(),
  );
  const config = { ...resolved, ...resolveTargets(resolved, 'baseline+candidate') };
  const redact = createRedactor({ headerNames: [], secrets: new Map() });
  const sender = createSender({
    config,
    redact,
    reset: undefined,
    shell: { cwd: tmpdir(), env: {} },
  });
  try {
    const run = await runFuzz({
      seeds,
      send: sender.send,
      budget: { kind: 'inputs', count: inputs },
      seedNumber: 1,
      concurrency,
      shrinkLimit: 300,
      maxFindings: 50,
      clock: () => performance.now(),
    });
    return { rate: run.inputs / (run.elapsedMs / 1000), findings: run.findings.length };
  } finally {
    await sender.close();
  }
}

/** @returns {Promise<{ rate: number, rates: number[], inputs: number, concurrency: number, findings: number }>} */
export async function fuzzRate(urls, { inputs, concurrency = 16, runs = 3 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-fuzz-'));
  try {
    await writeFile(join(dir, 'seeds.json'), JSON.stringify(SEEDS));
    const seeds = seedsOf(await loadCases(['seeds.json'], { cwd: dir, env: {} }));
    await once(urls, seeds, Math.min(inputs, 2000), concurrency); // warm-up: connections, JIT
    const results = [];
    for (let k = 0; k < runs; k++) results.push(await once(urls, seeds, inputs, concurrency));
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
