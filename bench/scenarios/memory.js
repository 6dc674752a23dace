// Scenario 3: a whole CLI run over many cases (reports written, tracker on) in
// its own process; its peak RSS is the number that matters. Run once per
// layout of the same cases: many files of 100 cases, and all in one file.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PER_FILE, writeCaseLibrary } from '../lib/cases.js';
import { fmt, lastJson, runProcess } from '../lib/measure.js';

const CHILD = fileURLToPath(new URL('../rss-child.js', import.meta.url));

/** The layouts measured, each a name for the table and the cases per file. */
export function layouts(count) {
  return [
    { name: `${fmt(Math.ceil(count / PER_FILE))} files of ${PER_FILE}`, perFile: PER_FILE },
    { name: 'one file', perFile: count },
  ];
}

/**
 * @returns {Promise<{ cases: number, layout: string, rssMb: number, ms: number, reportMb: number }>}
 */
export async function memory(urls, { cases: count, concurrency = 16, layout }) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-bench-mem-'));
  try {
    const library = { divergentEvery: 1000, perFile: layout.perFile };
    await writeCaseLibrary(join(dir, 'cases'), count, library);
    const args = [CHILD, 'run', 'cases', '--baseline', `a=${urls.a}`, '--candidate', `b=${urls.b}`];
    args.push('--reports', 'reports', '--tracker', 'tracker.md', '--fail-on', 'none', '-q');
    args.push('--concurrency', String(concurrency));
    const out = join(dir, 'rss.ndjson');
    const env = { ...process.env, PARITY_BENCH_OUT: out };
    const run = await runProcess(process.execPath, args, { cwd: dir, env });
    const result = lastJson(await readFile(out, 'utf8').catch(() => run.stderr));
    if (result.code !== 0) throw new Error(`memory run exited ${result.code}:\n${run.stderr}`);
    const report = await stat(join(dir, 'reports', 'latest', 'report.json'));
    return {
      cases: count,
      layout: layout.name,
      rssMb: result.rssMb,
      ms: result.ms,
      reportMb: report.size / 1e6,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
