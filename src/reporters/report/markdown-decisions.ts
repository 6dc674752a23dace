/** report.md's opening section: the decisions, one per root cause, with the fix beside each. Pure. */

import type { RunReport } from '../../contract/report.js';
import { type DecisionView, decisionHeadline, decisionsOf } from './decisions.js';
import { cell, inlineCode, prose, table } from './markdown-util.js';

/** Case ids listed in a root cause's subsection before "and N more". */
const CASES_SHOWN = 10;

function casesText(ids: readonly string[]): string {
  const shown = ids.slice(0, CASES_SHOWN).map(inlineCode).join(', ');
  const rest = ids.length - CASES_SHOWN;
  return rest > 0 ? `${shown} and ${rest} more (report.json lists them all)` : shown;
}

function title(view: DecisionView): string {
  return view.id === '' ? cell(view.summary) : `${view.id} — ${cell(view.summary)}`;
}

/** One root cause: where it shows, what was decided, how to close it. */
function causeSection(view: DecisionView): string[] {
  const facts = [`**Status:** _${view.status}_`, `**Kind:** ${view.kind}`];
  facts.push(`**Fingerprint:** ${inlineCode(view.fingerprint)}`);
  const out = ['', `### ${title(view)}`, '', facts.join(' · ')];
  if (view.caseIds.length > 0) {
    out.push('', `**Cases (${view.caseIds.length}):** ${casesText(view.caseIds)}`);
    out.push('', `**Endpoints:** ${view.endpoints.map(inlineCode).join(', ')}`);
  }
  if (view.decision !== '') out.push('', `**Decision:** ${cell(view.decision)}`);
  const { hint } = view;
  if (hint !== undefined && view.status !== 'resolved') {
    if (hint.candidate === hint.baseline) out.push('', `**To fix:** ${prose(hint.candidate)}.`);
    else {
      out.push('', `**To fix on the candidate:** ${prose(hint.candidate)}.`);
      out.push('', `**Or on the baseline:** ${prose(hint.baseline)}.`);
    }
    if (hint.rule !== undefined)
      out.push('', `**Or declare them equivalent:** ${inlineCode(hint.rule)}`);
  }
  if (view.status === 'open' || view.status === 'awaiting') {
    out.push('', `**Next:** ${prose(view.next)}`);
  }
  return out;
}

/** "## Decisions": the counts, a table of every root cause, then each one with its fix. */
export function decisionsSection(report: RunReport): string[] {
  const views = decisionsOf(report);
  if (views.length === 0) return [];
  const rows = views.map((v) => [
    v.id === '' ? '—' : v.id,
    `_${v.status}_`,
    v.kind,
    cell(v.summary),
    String(v.caseIds.length),
    cell(v.endpoints.join(', ')),
  ]);
  const intro =
    report.tracker === undefined
      ? 'No tracker in this run: every root cause is undecided.'
      : `Decisions live in ${inlineCode(report.tracker.path)}; take one with \`parity decide ID accepted|wontfix|open --note "…"\`.`;
  return [
    '',
    '## Decisions',
    '',
    `${decisionHeadline(report)}. ${intro}`,
    '',
    table(['row', 'status', 'kind', 'root cause', 'cases', 'endpoints'], rows),
    ...views.flatMap(causeSection),
  ];
}
