// The ceiling for a whole-process peer run: a minimal hand-written Node script
// (undici + JSON.parse + fast-deep-equal, concurrency 8 like parity's default,
// no reports, no tracker, no explanations). Prints "<cases> <divergent>".
// Usage: node bench/peers/minimal-undici.js BASE_A BASE_B PATHS_FILE
import { readFileSync } from 'node:fs';
import equal from 'fast-deep-equal';
import { Pool } from 'undici';

const [a, b, file] = process.argv.slice(2);
const paths = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const pools = [a, b].map((url) => new Pool(url, { connections: 8 }));
let next = 0;
let divergent = 0;
const fetchJson = async (pool, path) =>
  JSON.parse(await (await pool.request({ method: 'GET', path })).body.text());
const worker = async () => {
  while (next < paths.length) {
    const path = paths[next++];
    const [x, y] = await Promise.all(pools.map((pool) => fetchJson(pool, path)));
    if (!equal(x, y)) divergent++;
  }
};
await Promise.all(Array.from({ length: 8 }, worker));
await Promise.all(pools.map((pool) => pool.close()));
process.stdout.write(`${paths.length} ${divergent}\n`);
