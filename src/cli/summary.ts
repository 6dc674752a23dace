/** The console summary printed after a run. Pure: returns the text. */
import type { CaseResult } from '../model.js';
import { KIND_REPORT_ORDER, primaryKind } from '../report/kinds.js';
import type { RunReport } from '../report/model.js';
import type { Colors } from './colors.js';

/** Divergences listed one per line before "… and N more". */
const LISTED = 25;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function line(result: CaseResult, c: Colors, idWidth: number): string {
  const kind = primaryKind(result.kinds) ?? 'error';
  const paint = kind === 'shape' || kind === 'status' || kind === 'transport' ? c.red : c.yellow;
  const row =
    result.tracker === undefined ? '' : c.dim(` [${result.tracker.id} ${result.tracker.status}]`);
  return `  ${paint(pad(kind, 9))} ${pad(result.caseId, idWidth)}  ${result.summary ?? result.explanation ?? ''}${row}`;
}

export function renderSummary(report: RunReport, c: Colors, reportDir: string | undefined): string {
  const { summary: s } = report;
  const out: string[] = [];
  out.push(
    c.bold(
      `parity: ${report.baseline.name} (${report.baseline.url}) vs ${report.candidate.name} (${report.candidate.url})`,
    ),
  );
  const statusParity = `${s.statusParity.equal}/${s.statusParity.total}`;
  out.push(
    `  cases ${s.cases} · ${c.green(`equal ${s.equal}`)} · ${s.divergent > 0 ? c.red(`divergent ${s.divergent}`) : 'divergent 0'} · errors ${s.errors} · status parity ${statusParity}`,
  );
  out.push(`  by kind: ${KIND_REPORT_ORDER.map((k) => `${k} ${s.byKind[k]}`).join(' · ')}`);
  if (s.expectationFailures > 0)
    out.push(c.yellow(`  expectations not met: ${s.expectationFailures}`));
  const notEqual = report.results.filter((r) => r.verdict !== 'equal');
  const ordered = KIND_REPORT_ORDER.flatMap((k) =>
    notEqual.filter((r) => primaryKind(r.kinds) === k),
  );
  const rest = notEqual.filter((r) => primaryKind(r.kinds) === undefined);
  const listed = [...ordered, ...rest];
  if (listed.length > 0) {
    const idWidth = Math.min(48, Math.max(...listed.map((r) => r.caseId.length)));
    out.push('');
    for (const result of listed.slice(0, LISTED)) out.push(line(result, c, idWidth));
    if (listed.length > LISTED)
      out.push(c.dim(`  … and ${listed.length - LISTED} more (see the report)`));
  }
  if (report.tracker !== undefined) {
    const t = report.tracker;
    out.push(
      '',
      `  tracker ${t.path}: ${t.added.length} new, ${t.reopened.length} reopened, ${t.resolved.length} resolved, ${t.seen.length} seen again`,
    );
  }
  if (reportDir !== undefined) out.push(`  reports ${reportDir}`);
  return `${out.join('\n')}\n`;
}
