// References (no verdict: a peer's speed depends on the day): the same cases
// (90% equal, 10% divergent) run end to end by parity (`node bin/parity.js
// run`, reports and tracker written), by a curl + jq + diff bash script, and by
// newman. Start-up has its own scenario (startup.js).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casePaths, writeCaseLibrary } from '../lib/cases.js';
import { runProcess } from '../lib/measure.js';
import { newmanCollection } from '../peers/newman-collection.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'parity.js');
const CURL_JQ = join(ROOT, 'bench', 'peers', 'curl-jq.sh');
const NEWMAN = join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js');
const MINIMAL = join(ROOT, 'bench', 'peers', 'minimal-undici.js');

/**
 * The shortest of three timings (in whatever unit `time` returns), one after
 * another: a run of half a second is easily caught by a slow moment of these
 * shared cores, which only ever adds time. Newman and curl run once: their runs
 * last tens of seconds and average such moments out.
 */
async function bestOfThree(time) {
  return Math.min(await time(), await time(), await time());
}

/** The minimal undici script: what any Node peer could reach here, start-up included. */
async function minimal(urls, pathsFile, count) {
  const failed = [];
  const ms = await bestOfThree(async () => {
    const run = await runProcess(process.execPath, [MINIMAL, urls.a, urls.b, pathsFile]);
    if (run.code !== 0) failed.push(`the script failed (exit ${run.code}): ${run.stderr.trim()}`);
    return run.ms;
  });
  return failed.length > 0 ? { skipped: failed[0] } : { rate: count / (ms / 1000) };
}

async function parityCli(urls, dir, casesDir) {
  const args = [BIN, 'run', casesDir, '--baseline', `a=${urls.a}`, '--candidate', `b=${urls.b}`];
  args.push('--reports', 'reports', '--tracker', 'tracker.md', '--fail-on', 'none', '-q');
  const run = await runProcess(process.execPath, args, { cwd: dir });
  if (run.code !== 0) throw new Error(`parity exited ${run.code}: ${run.stderr}`);
  return run.ms / 1000;
}

async function which(tool) {
  const run = await runProcess('sh', ['-c', `command -v ${tool}`]);
  return run.code === 0;
}

async function curlJq(urls, pathsFile, count) {
  const missing = [];
  for (const tool of ['bash', 'curl', 'jq', 'diff']) if (!(await which(tool))) missing.push(tool);
  if (missing.length > 0) {
    return { skipped: `not installed here: ${missing.join(', ')} (e.g. apt-get install jq)` };
  }
  const run = await runProcess('bash', [CURL_JQ, urls.a, urls.b, pathsFile]);
  if (run.code !== 0)
    return { skipped: `the script failed (exit ${run.code}): ${run.stderr.trim()}` };
  return { rate: count / (run.ms / 1000), output: run.stdout.trim() };
}

async function newman(urls, dir, paths) {
  if (!existsSync(NEWMAN)) {
    return { skipped: 'newman is not installed (npm install -D -E newman@6)' };
  }
  const file = join(dir, 'collection.json');
  await writeFile(file, JSON.stringify(newmanCollection(urls.a, urls.b, paths)));
  const run = await runProcess(process.execPath, [
    NEWMAN,
    'run',
    file,
    '--reporters',
    'json',
    '--reporter-json-export',
    join(dir, 'newman.json'),
  ]);
  // newman exits 1 when assertions fail (the 10% divergent cases): that is the expected outcome.
  if (run.code !== 0 && run.code !== 1) {
    return { skipped: `newman failed (exit ${run.code}): ${run.stderr.trim().slice(0, 300)}` };
  }
  return { rate: paths.length / (run.ms / 1000) };
}

export async function peers(urls, { cases: count }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-peers-'));
  try {
    const options = { divergentEvery: 10 };
    await writeCaseLibrary(join(dir, 'cases'), count, options);
    const paths = casePaths(count, options);
    const pathsFile = join(dir, 'paths.txt');
    await writeFile(pathsFile, `${paths.join('\n')}\n`);
    const paritySeconds = await bestOfThree(() => parityCli(urls, dir, 'cases'));
    return {
      cases: count,
      parity: count / paritySeconds,
      minimal: await minimal(urls, pathsFile, count),
      curlJq: await curlJq(urls, pathsFile, count),
      newman: await newman(urls, dir, paths),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
