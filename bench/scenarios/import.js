// Import at document scale: `parity import openapi` of a generated 13 MB JSON
// OpenAPI document (bench/openapi-doc.js: 3,100 paths, shared `$ref`
// components, one circular), the whole CLI in its own process: wall time, CPU
// and peak RSS, the median of `rounds` runs.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/cpu.js';
import { lastJson, runProcess } from '../lib/measure.js';
import { openApiDocument } from '../openapi-doc.js';

const CHILD = fileURLToPath(new URL('../rss-child.js', import.meta.url));

/** @returns {Promise<{ mb: number, runs: { ms: number, rssMb: number, cpu: number }[], ms: number, rssMb: number, cpu: number }>} */
export async function importScale({ rounds = 3 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-import-'));
  try {
    const doc = join(dir, 'api.json');
    const text = JSON.stringify(openApiDocument(), null, 2);
    await writeFile(doc, text);
    const runs = [];
    for (let round = 0; round < rounds; round++) {
      const out = join(dir, `rss-${round}.ndjson`);
      const args = [CHILD, 'import', 'openapi', doc, '--out', join(dir, `cases-${round}`)];
      const env = { ...process.env, PARITY_BENCH_OUT: out };
      const run = await runProcess(process.execPath, args, { cwd: dir, env });
      if (run.code !== 0) throw new Error(`import exited ${run.code}: ${run.stderr.slice(-1000)}`);
      runs.push(lastJson(await readFile(out, 'utf8')));
    }
    return {
      mb: text.length / 1e6,
      runs,
      ms: median(runs.map((r) => r.ms)),
      rssMb: median(runs.map((r) => r.rssMb)),
      cpu: median(runs.map((r) => r.cpu)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
