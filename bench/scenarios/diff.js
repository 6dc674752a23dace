// Scenario 2: diff cost. Each body shape is decoded, compared and explained in
// its own process (bench/diff-child.js) so its peak RSS is measured alone.
import { fileURLToPath } from 'node:url';
import { lastJson, runProcess } from '../lib/measure.js';

const CHILD = fileURLToPath(new URL('../diff-child.js', import.meta.url));

export const DIFF_SCENARIOS = [
  'big-object',
  'array-equal-keyed',
  'array-one-changed-keyed',
  'array-insert-front-keyed',
  'array-all-shifted-keyed',
  'array-equal-unkeyed',
  'array-one-changed-unkeyed',
  'array-insert-front-unkeyed',
  'array-all-shifted-unkeyed',
];

/** @returns {Promise<object[]>} one `{ name, mb, ms, rssMb, changes, verdict }` per scenario */
export async function diffCost(elements, repeat = 1) {
  const rows = [];
  for (const name of DIFF_SCENARIOS) {
    let best;
    for (let k = 0; k < repeat; k++) {
      const run = await runProcess(process.execPath, [
        '--expose-gc',
        CHILD,
        name,
        String(elements),
      ]);
      if (run.code !== 0) throw new Error(`diff ${name} failed:\n${run.stderr}`);
      const row = lastJson(run.stdout);
      // Fastest run, highest peak: the machine's noise only ever adds time.
      best =
        best === undefined
          ? row
          : { ...row, ms: Math.min(best.ms, row.ms), rssMb: Math.max(best.rssMb, row.rssMb) };
    }
    rows.push(best);
  }
  return rows;
}
