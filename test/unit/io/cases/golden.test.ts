import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCases } from '../../../../src/io/cases/load.js';
import { formatProblem } from '../../../../src/util/errors.js';

/**
 * Golden files for bad case files: each `invalid/<name>.yaml|json` (or folder
 * `invalid/<name>/`) has `invalid/<name>.golden` holding the exact problem lines
 * `parity validate` prints. Regenerate with `UPDATE_GOLDEN=1 npx vitest run`
 * and review the diff.
 */
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const folder = 'test/fixtures/cases/invalid';
const env = { PARITY_TEST_PRESENT: 'present' };
const update = process.env['UPDATE_GOLDEN'] === '1';

// biome.json there only keeps the linter off the deliberately broken files.
const inputs = readdirSync(path.join(root, folder)).filter(
  (name) => !name.endsWith('.golden') && name !== 'biome.json',
);

describe('invalid case files (golden)', () => {
  it('has a golden file for every input', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(inputs)('%s', async (input) => {
    const result = await validateCases([`${folder}/${input}`], { cwd: root, env });
    const actual = `${result.problems.map(formatProblem).join('\n')}\n`;
    const golden = path.join(root, folder, `${input.replace(/\.(ya?ml|json)$/, '')}.golden`);
    if (update) writeFileSync(golden, actual);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
