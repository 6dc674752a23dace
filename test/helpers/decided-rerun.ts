/**
 * A tracker row a first run opened, given a Decision by hand, then the
 * library run again whole: what an e2e test of a new grouping rule reads to
 * see the rows it now shows and that the earlier row was superseded, its
 * Decision carried.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runCli } from './cli.js';

type Cause = NonNullable<RunReport['rootCauses']>[number];

export interface DecidedRerun {
  /** The id of the row the first run opened (`PAR-001`). */
  readonly id: string;
  /** The second run's root causes that list cases. */
  readonly causes: readonly Cause[];
  /** Their summaries and cases, for an assertion's message. */
  readonly all: string;
  /** The tracker after the second run, and the first row's line in it. */
  readonly after: string;
  readonly line: string | undefined;
}

/**
 * In `cwd` (a project the first run wrote its tracker in): finds the `_open_`
 * row `row` matches (its first group the id), writes `decision` in its
 * Decision cell, writes `library` (path → text) and runs `args` again.
 */
export async function decidedRerun(
  cwd: string,
  args: readonly string[],
  { row, decision, library }: { row: RegExp; decision: string; library: Record<string, string> },
): Promise<DecidedRerun> {
  const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
  const before = await readFile(tracker, 'utf8');
  const found = row.exec(before);
  expect(found, before).not.toBeNull();
  const [line = '', id = ''] = found ?? [];
  await writeFile(tracker, before.replace(line, `${line.slice(0, -1)}${decision} |`));
  for (const [path, text] of Object.entries(library)) await writeFile(join(cwd, path), text);
  const run = await runCli(cwd, args);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const causes = ((await latestReport(cwd)).rootCauses ?? []).filter((c) => c.caseIds.length > 0);
  const all = JSON.stringify(
    causes.map((c) => [c.summary, c.caseIds]),
    null,
    1,
  );
  const after = await readFile(tracker, 'utf8');
  return { id, causes, all, after, line: after.split('\n').find((l) => l.startsWith(`| ${id} |`)) };
}
