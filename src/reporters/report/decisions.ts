/**
 * The decisions every report opens with: the root causes of the run, how many
 * are open / awaiting evidence / accepted / won't fix / resolved, the cases
 * each affects, and for each open one the next action (decide it, add a rule,
 * or fix it; for one awaiting evidence, the evidence that settles it). One view,
 * rendered by the console, report.md and report.html alike. Pure.
 */

import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { RunReport } from '../../contract/report.js';
import type { RootCauseEntry } from '../../contract/root-cause.js';
import type { DecisionStatus } from '../../contract/vocabulary.js';
import { explainingCode } from '../../core/compare/explaining.js';
import type { FixHint } from '../../core/compare/patterns/types.js';
import { statusOf } from '../../judge/results/root-causes.js';
import { codeSpan } from '../../util/code-span.js';
import { decisionsLine, reportNumbers } from './numbers.js';
import { runtimesOf } from './run-report.js';

/** One root cause as the reports show it. */
export interface DecisionView {
  /** The tracker row id, or `''` without a tracker. */
  readonly id: string;
  readonly status: DecisionStatus;
  readonly kind: string;
  readonly summary: string;
  readonly fingerprint: string;
  readonly caseIds: readonly string[];
  readonly endpoints: readonly string[];
  /** The cases among `caseIds` where it shows as a consequence of an earlier step. */
  readonly consequences: readonly string[];
  /** What a person does next (open causes), or what was decided. */
  readonly next: string;
  /** The Decision cell of its row. */
  readonly decision: string;
  /** How to close it (absent for a resolved row: no case showed it). */
  readonly hint?: FixHint;
}

/** The run's root causes, open first (from `report.rootCauses`). */
export function decisionsOf(report: RunReport): DecisionView[] {
  const runtimes = runtimesOf(report);
  return (report.rootCauses ?? []).map((entry) => viewOf(entry, runtimes));
}

/** `3 root causes: 2 open · 1 accepted · 0 wontfix · 0 resolved`, from the numbers model. */
export function decisionHeadline(report: RunReport): string {
  return decisionsLine(reportNumbers(report));
}

/** `12 cases · 3 endpoints`; `5 cases (3 as consequences) · 2 endpoints`. */
export function reach(view: DecisionView): string {
  const n = view.caseIds.length;
  const e = view.endpoints.length;
  const c = view.consequences.length;
  const after = c === 0 ? '' : ` (${c} as consequence${c === 1 ? '' : 's'})`;
  return `${n} case${n === 1 ? '' : 's'}${after} · ${e} endpoint${e === 1 ? '' : 's'}`;
}

function nextAction(entry: RootCauseEntry, hint: FixHint | undefined): string {
  const status = statusOf(entry);
  const id = entry.row?.id;
  if (status === 'resolved') return 'resolved: no case of this run reproduced it';
  if (status === 'covered') {
    return 'covered by a rule or noise: the servers still differ, a comparison rule of its cases (or the noise `--noise` learned) hides it (remove the rule, or run without `--noise`, to see it again)';
  }
  if (status === 'awaiting') {
    // Not an open decision yet: what would settle it first, then a person's word.
    const settle =
      'awaits evidence: run with --noise --baseline-replica NAME=URL (a second instance of the baseline) to settle it';
    return id === undefined
      ? `${settle} · or run with the tracker to decide it`
      : `${settle} · or parity decide ${id} accepted --note "…"`;
  }
  if (status !== 'open') {
    const why = entry.row?.decision ?? '';
    return `${status}${why === '' ? '' : `: ${why}`}`;
  }
  const steps = [id === undefined ? 'fix it' : `fix it (parity show ${id})`];
  if (hint?.rule !== undefined) steps.push(`add the rule ${codeSpan(hint.rule)}`);
  steps.push(
    id === undefined
      ? 'run with the tracker to decide it'
      : `parity decide ${id} accepted --note "…"`,
  );
  return steps.join(' · or ');
}

function viewOf(entry: RootCauseEntry, runtimes: SideRuntimes): DecisionView {
  const hint =
    entry.cause === undefined
      ? undefined
      : explainingCode().hintFor(entry.cause, runtimes, entry.places);
  return {
    id: entry.row?.id ?? '',
    status: statusOf(entry),
    kind: entry.kind,
    summary: entry.summary,
    fingerprint: entry.fingerprint,
    caseIds: entry.caseIds,
    endpoints: entry.endpoints,
    consequences: entry.consequences ?? [],
    next: nextAction(entry, hint),
    decision: entry.row?.decision ?? '',
    ...(hint === undefined ? {} : { hint }),
  };
}
