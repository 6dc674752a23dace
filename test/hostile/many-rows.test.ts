/**
 * Lists far longer than any spread can take: a tracker of 200,000 rows is
 * listed (`parity tracker`), never a stack overflow from
 * `Math.max(...widths)`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

const ROWS = 200_000;

it('parity tracker lists a tracker of 200,000 rows', async () => {
  const cwd = await tempProject({});
  const head =
    '<!-- parity:tracker:start -->\n| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |\n|---|---|---|---|---|---|---|---|---|---|---|\n';
  const rows: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const print = `value-${i.toString(16).padStart(12, '0')}`;
    rows.push(
      `| PAR-${i} | _open_ | value | GET /x | s/c | x | 2024-01-01 | 2024-01-01 | | ${print} | |`,
    );
  }
  await mkdir(join(cwd, 'docs'));
  await writeFile(
    join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'),
    `${head}${rows.join('\n')}\n<!-- parity:tracker:end -->\n`,
  );
  const listed = await runCli(cwd, ['tracker']);
  expect(listed.code, listed.stderr.slice(0, 500)).toBe(0);
  expect(listed.stdout).toContain(`PAR-${ROWS}`);
}, 60_000);
