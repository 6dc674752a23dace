/**
 * Console text for `parity show`. Its evidence comes from report.json as the
 * servers wrote it (keys, values, paths): every line is made printable, so
 * a key holding an escape sequence or a line break reaches no terminal raw.
 * Pure.
 */

import { causeMeaning } from '../core/compare/root-cause-words.js';
import type { ShowOutcome } from '../engine/show.js';
import { formatStatus } from '../io/tracker/cells.js';
import { changeLines, headerLines } from '../reporters/report/change-lines.js';
import { printable } from '../util/code-span.js';
import { widest } from '../util/widest.js';

function rowLines(outcome: ShowOutcome): string[] {
  const { row } = outcome;
  const head = `${row.id} · ${formatStatus(row.status)} · ${row.kind} · ${row.fingerprint}`;
  const notSeen = row.notSeen === undefined ? '' : ` · not seen since ${row.notSeen}`;
  const seen = `first seen ${row.firstSeen} · last seen ${row.lastSeen}${notSeen}${row.resolved === '' ? '' : ` · resolved ${row.resolved}`}`;
  return [
    head,
    row.summary,
    seen,
    `decision: ${row.decision === '' ? '(none yet)' : row.decision}`,
  ];
}

/**
 * The row's evidence, and how to reproduce its example. A plain case's
 * repro is one curl per side, shown with the evidence; a flow step's is a
 * script per side (its flow replayed up to the step), long enough to push
 * the difference and the fix off the screen, so it is shown last.
 */
/** The most values set aside that `show` lists for its example. */
const MAX_ASIDE = 8;

function evidenceLines(
  outcome: ShowOutcome,
  file: (path: string) => string,
): { lines: string[]; last: string[] } {
  const { evidence } = outcome;
  if (evidence === undefined) {
    return { lines: outcome.note === undefined ? [] : ['', outcome.note], last: [] };
  }
  const { entry, byEndpoint, example } = evidence;
  const width = widest(byEndpoint.map(([endpoint]) => endpoint.length));
  const out = [
    '',
    `In report ${evidence.runId} (${file(evidence.reportPath)}): ${entry.caseIds.length} case(s) on ${byEndpoint.length} endpoint(s)`,
    ...byEndpoint.map(([endpoint, ids]) => `  ${endpoint.padEnd(width)}  ${ids.join(', ')}`),
  ];
  const { result, finding } = example;
  const paths = new Set(finding.paths);
  const changes = result.changes.filter((c) => paths.has(c.path));
  const status = `status ${result.baseline.status ?? '?'} → ${result.candidate.status ?? '?'}`;
  const cause = finding.cause;
  out.push('', `What it is: ${causeMeaning(cause)}.`);
  out.push(
    '',
    `Example: ${result.caseId} (${result.request.method} ${result.request.path}) · ${status}`,
  );
  const diff =
    cause.type === 'header'
      ? headerLines(result.headerChanges.filter((h) => h.name === cause.name))
      : changeLines(changes);
  for (const text of diff) out.push(`  ${text}`);
  // The values set aside around it, each server's own, with the evidence that settled them.
  const aside = result.generated ?? [];
  if (aside.length > 0) {
    out.push('', "Set aside in this case (each server's own, by evidence):");
    for (const entry of aside.slice(0, MAX_ASIDE)) out.push(`  ${entry}`);
    if (aside.length > MAX_ASIDE) out.push(`  (+${aside.length - MAX_ASIDE} more in report.json)`);
  }
  // A flow step's repro is a script of several lines (its flow up to the step): each one indented.
  const indented = (text: string) => text.split('\n').map((line) => `  ${line}`);
  const { baseline, candidate } = result.repro;
  const repro = ['', 'Reproduce:', ...indented(baseline), ...indented(candidate)];
  const script = baseline.includes('\n') || candidate.includes('\n');
  if (!script) return { lines: [...out, ...repro], last: [] };
  out.push('', 'Reproduce: a replay of its flow up to the step, per side (below)');
  return { lines: out, last: repro };
}

/** How to close it: accept an open row, reopen a decided one; a resolved one needs nothing. */
function hintLines(outcome: ShowOutcome): string[] {
  const { hint, row } = outcome;
  if (row.status === 'resolved') {
    return ['', `Resolved ${row.resolved}: nothing to decide (the row reopens if it comes back).`];
  }
  if (row.status === 'superseded') return ['', 'Superseded: decide the rows its summary names.'];
  if (row.status === 'covered') {
    return [
      '',
      'Covered by a rule or noise: the servers still differ, and a comparison rule of its cases (or the noise `--noise` learned) hides it; removing the rule (or running without --noise) reopens it (or decide it: parity decide ' +
        `${row.id} accepted --note "…").`,
    ];
  }
  if (row.status === 'awaiting') {
    return [
      '',
      "Awaiting evidence: no open decision yet. A run with the evidence its Decision cell names (--noise --baseline-replica NAME=URL: a second instance of the baseline) opens it where the difference is real, or covers it where it is each side's own; or decide it: " +
        `parity decide ${row.id} open, or parity decide ${row.id} accepted --note "…".`,
    ];
  }
  const open = row.status === 'open';
  const reopen = `${formatStatus(row.status)}; to reopen it: parity decide ${row.id} open`;
  const accept = `parity decide ${row.id} accepted --note "…"`;
  if (hint === undefined) return ['', open ? `Decide: ${accept}` : `Decided ${reopen}`];
  const out = ['', 'How to close it:'];
  if (hint.candidate === hint.baseline) out.push(`  fix it:           ${hint.candidate}`);
  else out.push(`  fix the candidate: ${hint.candidate}`, `  or the baseline:   ${hint.baseline}`);
  if (hint.rule !== undefined) out.push(`  or declare them equivalent (rules:): ${hint.rule}`);
  out.push(open ? `  or accept it:     ${accept}` : `  decided ${reopen}`);
  return out;
}

/** The row, the evidence from the report, and how to close it. */
export function renderShow(outcome: ShowOutcome, file: (path: string) => string): string {
  const evidence = evidenceLines(outcome, file);
  const lines = [...rowLines(outcome), ...evidence.lines, ...hintLines(outcome), ...evidence.last];
  return `${lines.map(printable).join('\n')}\n`;
}
