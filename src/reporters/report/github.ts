/**
 * A run or a merge as GitHub Actions shows it (`--github`): one `::error`
 * workflow command per new root cause, which GitHub turns into an annotation
 * on the run and the pull request, and the job summary (Markdown for
 * `$GITHUB_STEP_SUMMARY`): the decisions, the counts and, with
 * `--compare-to`, the regression. Pure; the CLI prints and appends them.
 */

import type { RunReport } from '../../contract/report.js';
import type { RootCauseEntry } from '../../contract/root-cause.js';
import { statusOf } from '../../judge/results/root-causes.js';
import { regressionSection, summarySection } from './markdown.js';
import { decisionsSection } from './markdown-decisions.js';
import { inlineCode, prose } from './markdown-util.js';

/** GitHub shows at most 10 error annotations per step: more lines would only be dropped. */
export const MAX_ANNOTATIONS = 10;

/**
 * The root causes this run found new, open ones only: with `--compare-to`,
 * shown by a case marked `new` and by no case marked `persisting` (every root
 * cause of a persisting case was there before); else with a tracker, those
 * whose row this run added, reopened or opened (evidence showed a row awaiting
 * it real); without either, every open one (never one awaiting evidence). The
 * same notion of new as `--fail-on new`, per root cause instead of per case.
 */
export function newRootCauses(report: RunReport): RootCauseEntry[] {
  const open = (report.rootCauses ?? []).filter((entry) => statusOf(entry) === 'open');
  if (report.regression !== undefined) {
    const marks = new Map(report.results.map((result) => [result.caseId, result.regression]));
    return open.filter(
      (entry) =>
        entry.caseIds.some((id) => marks.get(id) === 'new') &&
        !entry.caseIds.some((id) => marks.get(id) === 'persisting'),
    );
  }
  const { tracker } = report;
  if (tracker === undefined) return open;
  const changed = new Set([...tracker.added, ...tracker.reopened, ...tracker.opened]);
  return open.filter((entry) => entry.row !== undefined && changed.has(entry.row.id));
}

/** A workflow command's message: `%`, CR and LF escaped, as the runner expects. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: the message's escapes, plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const listed = (items: readonly string[], max: number) =>
  items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

function annotation(entry: RootCauseEntry): string {
  const id = entry.row?.id;
  const title = `parity: new root cause${id === undefined ? '' : ` ${id}`} (${entry.kind})`;
  const n = entry.caseIds.length;
  const message =
    `${entry.summary} — ${n} case${n === 1 ? '' : 's'} (${listed(entry.caseIds, 5)}) at ` +
    `${listed(entry.endpoints, 3)}; fingerprint ${entry.fingerprint}` +
    (id === undefined ? '' : `; see parity show ${id}`);
  return `::error title=${escapeProperty(title)}::${escapeData(message)}`;
}

/**
 * The annotation lines, each ending in a newline: one per new root cause (at
 * most `MAX_ANNOTATIONS`, then one `::warning` saying how many more), none
 * when nothing is new.
 */
export function renderGithubAnnotations(report: RunReport): string {
  const found = newRootCauses(report);
  const lines = found.slice(0, MAX_ANNOTATIONS).map(annotation);
  const rest = found.length - MAX_ANNOTATIONS;
  if (rest > 0) {
    const more = `${rest} more new root cause(s): the job summary and report.md list them all`;
    lines.push(`::warning title=parity::${escapeData(more)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** GitHub refuses a step's summary over 1 MiB: a longer one is cut below this, at a line end. */
export const MAX_STEP_SUMMARY_BYTES = 1_000_000;

/** `text` cut at a line end to fit `MAX_STEP_SUMMARY_BYTES`, with a note saying where the rest is. */
function fitted(text: string): string {
  if (Buffer.byteLength(text) <= MAX_STEP_SUMMARY_BYTES) return text;
  const note =
    '\n\n_The job summary is cut here (GitHub takes at most 1 MiB); report.md holds everything._\n\n';
  const room = Buffer.from(text)
    .subarray(0, MAX_STEP_SUMMARY_BYTES - note.length)
    .toString('utf8');
  return room.slice(0, room.lastIndexOf('\n')) + note;
}

/** The job summary: the run's decisions, its counts and its regression, in Markdown. */
export function renderStepSummary(report: RunReport): string {
  const title = `## Parity: ${prose(report.baseline.name)} vs ${prose(report.candidate.name)}`;
  const meta = `Run ${inlineCode(report.runId)} · ${report.startedAt}`;
  const decisions = decisionsSection(report).map((line) => line.replace(/^(#{2,3}) /, '#$1 '));
  const regression = regressionSection(report).map((line) => line.replace(/^(#{2,3}) /, '#$1 '));
  const body = decisions.length === 0 ? ['', 'No root causes in this run.'] : decisions;
  const out = [title, '', meta, ...body, '', '### Summary', '', summarySection(report)];
  // Only a run with hundreds of root causes comes near the cut.
  return fitted(`${[...out, ...regression].join('\n')}\n\n`);
}
