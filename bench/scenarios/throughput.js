// Scenario 1: raw undici pair rate vs parity's end-to-end case rate (runParity,
// reports written, tracker off) on identical ~300-byte JSON bodies, same servers,
// same concurrency, measured alternately in this process; best of the rounds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { runParity } from '../../dist/app.js';
import { loadCases } from '../../dist/cases/load.js';
import { resolveConfig } from '../../dist/config/resolve.js';
import { createRedactor } from '../../dist/report/redact.js';
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

async function parityRun(urls, cases, concurrency, reportsDir) {
  const config = resolveConfig(
    { concurrency, tracker: false },
    { baseline: `a=${urls.a}`, candidate: `b=${urls.b}`, reports: reportsDir },
    reportsDir,
  );
  const redact = createRedactor({ headerNames: [], secrets: [] });
  const started = performance.now();
  const outcome = await runParity({ config, cases, redact, now: () => new Date() });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.report.summary.equal !== cases.length)
    throw new Error('throughput: expected every case equal');
  return cases.length / seconds;
}

/** @returns {Promise<{ raw: number, parity: number, ratio: number, cases: number, concurrency: number }>} */
export async function throughput(urls, { cases: count, concurrency = 16, rounds = 2 }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-'));
  try {
    await writeCaseLibrary(join(dir, 'cases'), count);
    const cases = await loadCases([join(dir, 'cases')], { cwd: dir, env: {} });
    await rawPairs(urls, Math.min(2000, count), concurrency); // warm-up: connections, JIT
    await parityRun(urls, cases.slice(0, Math.min(2000, count)), concurrency, join(dir, 'warm'));
    let raw = 0;
    let parity = 0;
    for (let round = 0; round < rounds; round++) {
      raw = Math.max(raw, await rawPairs(urls, count, concurrency));
      parity = Math.max(parity, await parityRun(urls, cases, concurrency, join(dir, `r${round}`)));
    }
    return { raw, parity, ratio: parity / raw, cases: count, concurrency };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
