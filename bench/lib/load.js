// Load for the shadow bench: a closed loop (N requests, C at once: the rate a
// server holds) and an open loop (a fixed rate, each request's latency from
// its scheduled start to its body's end), both through an undici Pool.
import { Pool } from 'undici';

/** The p-th percentile (0–100) of `values` (nearest rank). */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

async function get(pool, path) {
  const answer = await pool.request({ method: 'GET', path });
  await answer.body.dump({ limit: Number.POSITIVE_INFINITY });
  return answer.statusCode;
}

/**
 * `count` requests, `concurrency` at once; `pathOf(i)` names each.
 * @returns {Promise<{ rate: number, errors: number, ms: number }>}
 */
export async function closedLoop(url, { count, concurrency, pathOf }) {
  const pool = new Pool(url, { connections: concurrency });
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      try {
        const status = await get(pool, pathOf(i));
        if (status >= 500) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  await pool.close();
  return { rate: count / (ms / 1000), errors, ms };
}

/**
 * `rate` requests a second for `seconds`; each latency runs from the moment
 * the request was due (so a stall counts against every request it delays).
 * @returns {Promise<{ latencies: number[], errors: number }>}
 */
export async function openLoop(url, { rate, seconds, pathOf }) {
  const pool = new Pool(url, { connections: 64 });
  const count = Math.round(rate * seconds);
  const latencies = [];
  let errors = 0;
  const pending = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      get(pool, pathOf(i)).then(
        (status) => {
          if (status >= 500) errors++;
          latencies.push(performance.now() - due);
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  await pool.close();
  return { latencies, errors };
}
