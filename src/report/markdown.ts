/** report.md: a summary for a PR or a wiki, shape divergences first. Pure. */
import type { CaseResult, Change } from '../model.js';
import { KIND_REPORT_ORDER, KIND_TITLES, primaryKind } from './kinds.js';
import { cell, code, fenced, preview, table } from './markdown-util.js';
import type { RunReport } from './model.js';

function summarySection(report: RunReport): string {
  const { summary } = report;
  const rows = [
    ['Cases', String(summary.cases)],
    ['Equal', String(summary.equal)],
    ['Divergent', String(summary.divergent)],
    ['Errors (no comparison possible)', String(summary.errors)],
    ['Status parity', `${summary.statusParity.equal}/${summary.statusParity.total}`],
    ...KIND_REPORT_ORDER.map((kind) => [`… ${kind}`, String(summary.byKind[kind])]),
  ];
  if (summary.expectationFailures > 0) {
    rows.push(['Expectation failures', String(summary.expectationFailures)]);
  }
  return table(['', 'count'], rows);
}

function diffLines(changes: readonly Change[]): string {
  const lines: string[] = [];
  for (const change of changes) {
    const path = change.path === '' ? '(body)' : change.path;
    switch (change.op) {
      case 'added':
        lines.push(`+ ${path}: ${preview(change.candidate, 200)}`);
        break;
      case 'removed':
        lines.push(`- ${path}: ${preview(change.baseline, 200)}`);
        break;
      case 'moved':
        lines.push(
          `~ ${path}: moved from index ${preview(change.baseline)} to ${preview(change.candidate)}`,
        );
        break;
      case 'type':
      case 'value':
        lines.push(`- ${path}: ${preview(change.baseline, 200)}`);
        lines.push(`+ ${path}: ${preview(change.candidate, 200)}`);
        break;
      default: {
        const never: never = change.op;
        throw new Error(`unknown change op ${String(never)}`);
      }
    }
  }
  return fenced(lines.join('\n'), 'diff');
}

function divergenceSection(result: CaseResult): string {
  const parts = [`### ${cell(result.caseId)} — ${code(result.endpoint)}`, ''];
  const status = `${result.baseline.status ?? result.baseline.error?.code ?? '?'} → ${
    result.candidate.status ?? result.candidate.error?.code ?? '?'
  }`;
  parts.push(
    `**Kinds:** ${result.kinds.join(', ')} · **Status:** ${status} · **Fingerprint:** ${code(result.fingerprint ?? '')}`,
  );
  parts.push('', result.explanation ?? '');
  if (result.changes.length > 0) parts.push('', diffLines(result.changes));
  if (result.headerChanges.length > 0) {
    parts.push(
      '',
      table(
        ['header', 'baseline', 'candidate'],
        result.headerChanges.map((h) => [
          code(h.name),
          cell(h.baseline ?? '(absent)'),
          cell(h.candidate ?? '(absent)'),
        ]),
      ),
    );
  }
  for (const line of result.expectations ?? []) parts.push('', `Expectation not met: ${line}.`);
  if (result.repro !== undefined) {
    parts.push(
      '',
      'Reproduce:',
      '',
      fenced(`${result.repro.baseline}\n${result.repro.candidate}`, 'sh'),
    );
  }
  return parts.join('\n');
}

export function renderMarkdown(report: RunReport): string {
  const title = `# Parity report: ${report.baseline.name} vs ${report.candidate.name}`;
  const meta = `Run ${code(report.runId)} · ${report.startedAt} · baseline ${code(report.baseline.url)} · candidate ${code(report.candidate.url)}`;
  const sections = [title, '', meta, '', '## Summary', '', summarySection(report)];
  const notEqual = report.results.filter((r) => r.verdict !== 'equal');
  if (notEqual.length === 0) {
    sections.push('', 'No divergences: every case is equal after normalisation.');
  }
  for (const kind of KIND_REPORT_ORDER) {
    const group = notEqual.filter((r) => primaryKind(r.kinds) === kind);
    if (group.length === 0) continue;
    sections.push('', `## ${KIND_TITLES[kind]} (${group.length})`);
    for (const result of group) sections.push('', divergenceSection(result));
  }
  const failedOnly = report.results.filter(
    (r) => r.verdict === 'equal' && r.expectations !== undefined,
  );
  if (failedOnly.length > 0) {
    sections.push('', '## Expectations not met (sides agree)');
    for (const r of failedOnly)
      sections.push('', `- ${cell(r.caseId)}: ${cell((r.expectations ?? []).join('; '))}`);
  }
  return `${sections.join('\n')}\n`;
}
