// Scenario 1: raw undici pair rate vs parity's end-to-end case rate (the
// public `runLibrary` on cases loaded once with `loadCases`, as the raw loop
// has its paths in hand: reports written, tracker off) on identical
// ~300-byte JSON bodies, same servers,
// same concurrency, measured in pairs in this process (the order alternating
// round by round). The ratio is taken pair by pair and the median reported: on
// a shared 2-core machine a round's speed drifts, and a ratio of two maxima
// measured at different moments swings by ±20%.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCases, runLibrary } from 'http-parity';
import { Pool } from 'undici';
import { writeCaseLibrary } from '../lib/cases.js';

async function rawPairs(urls, count, concurrency) {
  const pools = [urls.a, urls.b].map(
    (url) => new Pool(url, { connections: concurrency, pipelining: 1 }),
  );
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const path = `/items/${next++}`;
      await Promise.all(
        pools.map(async (pool) => {
          const res = await pool.request({ method: 'GET', path });
          await res.body.text();
        }),
      );
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pools.map((pool) => pool.close()));
  return count / seconds;
}

async function parityRun(urls, { dir, cases }, concurrency, reportsDir) {
  const started = performance.now();
  const outcome = await runLibrary({
    cwd: dir,
    env: {},
    baseline: `a=${urls.a}`,
    candidate: `b=${urls.b}`,
    library: cases,
    concurrency,
    tracker: false,
    reports: reportsDir,
    failOn: 'none',
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.report.summary.equal !== cases.length)
    throw new Error('throughput: expected every case equal');
  return cases.length / seconds;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** @returns {Promise<{ raw: number, parity: number, ratio: number, ratios: number[], cases: number, concurrency: number }>} */
export async function throughput(urls, { cases: count, concurrency = 16, rounds = 5 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-'));
  try {
    await writeCaseLibrary(join(dir, 'cases'), count);
    const cases = {
      dir,
      cases: await loadCases([join(dir, 'cases')], { cwd: dir, env: {} }),
    };
    // Warm-up (connections, JIT) on the same paths the rounds take: a run above
    // 10,000 cases streams its results, which a 2,000-case warm-up never reaches.
    await rawPairs(urls, count, concurrency);
    await parityRun(urls, cases, concurrency, join(dir, 'warm'));
    await rm(join(dir, 'warm'), { recursive: true, force: true });
    const raws = [];
    const parities = [];
    for (let round = 0; round < rounds; round++) {
      const reports = join(dir, `r${round}`);
      if (round % 2 === 0) {
        raws.push(await rawPairs(urls, count, concurrency));
        parities.push(await parityRun(urls, cases, concurrency, reports));
      } else {
        parities.push(await parityRun(urls, cases, concurrency, reports));
        raws.push(await rawPairs(urls, count, concurrency));
      }
      await rm(reports, { recursive: true, force: true });
    }
    const ratios = parities.map((p, k) => p / (raws[k] ?? Number.NaN));
    return {
      raw: median(raws),
      parity: median(parities),
      ratio: median(ratios),
      ratios,
      cases: count,
      concurrency,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
