// Scenario 6: `parity import openapi` of a generated document the size of
// GitHub's REST description (13 MB, 2,000 paths, shared $ref components:
// `lib/openapi-doc.js`) in its own process: wall time and peak RSS.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastJson, runProcess } from '../lib/measure.js';
import { openApiDocument } from '../lib/openapi-doc.js';

const CHILD = fileURLToPath(new URL('../rss-child.js', import.meta.url));

/** @returns {Promise<{ mb: number, ms: number, rssMb: number }>} */
export async function openApiImport(mb) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-openapi-'));
  try {
    const text = openApiDocument(mb);
    await writeFile(join(dir, 'api.json'), text);
    const out = join(dir, 'rss.ndjson');
    const env = { ...process.env, PARITY_BENCH_OUT: out };
    const args = [CHILD, 'import', 'openapi', 'api.json', '--out', 'cases'];
    const run = await runProcess(process.execPath, args, { cwd: dir, env });
    const result = lastJson(await readFile(out, 'utf8').catch(() => run.stderr));
    if (result.code !== 0) throw new Error(`import exited ${result.code}:\n${run.stderr}`);
    return { mb: text.length / 1024 / 1024, ms: result.ms, rssMb: result.rssMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
