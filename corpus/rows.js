#!/usr/bin/env node
// node corpus/rows.js REPORT_JSON: print every tracker row of one run with the
// changes behind it, to read them when writing or checking a truth.yaml.
import { readFileSync } from 'node:fs';
import { rowsOfReport } from './lib/match.js';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const row of rowsOfReport(report)) {
  process.stdout.write(`${row.id} ${row.kind} ${row.summary}\n`);
  process.stdout.write(`  cases: ${row.caseIds.join(', ')}\n  paths: ${row.paths.join(', ')}\n`);
  for (const c of row.changes.slice(0, 6)) {
    process.stdout.write(
      `  ${c.op ?? ''} ${c.path}: ${JSON.stringify(c.baseline)} → ${JSON.stringify(c.candidate)}\n`.slice(
        0,
        400,
      ),
    );
  }
}
