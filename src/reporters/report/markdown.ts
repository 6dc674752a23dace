/**
 * report.md: for a PR or a wiki. It opens with the decisions (root causes,
 * open ones first, each with its fix), then the counts, then the cases:
 * divergent ones by kind (status first), accepted ones, run errors. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { KIND_REPORT_ORDER, primaryKind } from '../../contract/model/comparison.js';
import type { Change } from '../../contract/observation.js';
import type { RunReport } from '../../contract/report.js';
import { latencyOf } from '../../judge/results/latency.js';
import { changeLines } from './change-lines.js';
import { coverageGaps, coverageLine, coverageTable } from './coverage-text.js';
import { KIND_TITLES } from './kinds.js';
import { LATENCY_HEADER, latencyLine, latencyRows } from './latency-table.js';
import { decisionsSection } from './markdown-decisions.js';
import { flowLine, skippedSection, waitedSection } from './markdown-flows.js';
import { encodingNotesSection } from './markdown-notes.js';
import { patternLines, unusedRulesSection } from './markdown-patterns.js';
import { cell, fenced, inlineCode, prose, table } from './markdown-util.js';
import { renderNoiseMarkdown } from './noise-text.js';
import {
  comparedToWarning,
  junitLine,
  kindsNote,
  NOT_SEEN_WHY,
  regressionCounts,
  reportNumbers,
  runErrorOf,
  runErrorsLine,
  stoppedEarly,
} from './numbers.js';
import { runtimeLine } from './runtime-words.js';

/** "## Summary"'s body: the counts table and its notes (also the job summary's, `github.ts`). */
export function summarySection(report: RunReport): string {
  const n = reportNumbers(report);
  const rows = [
    ['Cases', String(n.cases)],
    ['Equal', String(n.counted.equal)],
    ['Divergent (a root cause open)', String(n.counted.divergent)],
    ['Accepted (every root cause accepted or wontfix)', String(n.counted.accepted)],
    ['Transport errors (a side failed: no comparison possible)', String(n.counted.error)],
    ...(n.counted.skipped > 0 ? [['Skipped (not sent)', String(n.counted.skipped)]] : []),
    ['Status parity', `${n.statusParity.equal}/${n.statusParity.total}`],
    ...KIND_REPORT_ORDER.map((kind) => [`… ${kind}`, String(n.byKind[kind])]),
  ];
  if (n.expectationFailures > 0) {
    rows.push(['Unmet expect (cases, whatever their comparison)', String(n.expectationFailures)]);
  }
  if (n.runErrors > 0) {
    rows.push([
      'Run errors (transport errors and unmet expect, each case once)',
      String(n.runErrors),
    ]);
  }
  if (n.encodingNotes > 0) {
    rows.push(['Encoding notes (not divergences)', String(n.encodingNotes)]);
  }
  if (n.ownOrigin > 0) {
    rows.push(['Own address compared as `{{origin}}` (cases)', String(n.ownOrigin)]);
  }
  if (n.stamped > 0) {
    rows.push([
      'Timestamps stamped within this run, compared by format (cases)',
      String(n.stamped),
    ]);
  }
  if (n.derived > 0) {
    rows.push([
      'Revisions (ETags, CouchDB-style _rev) derived from per-instance values, compared by format (cases)',
      String(n.derived),
    ]);
  }
  if (n.echoed > 0) {
    rows.push([
      'Values each side generated earlier in its sequence, echoed, compared as one reference (cases)',
      String(n.echoed),
    ]);
  }
  if (n.sequenced > 0) {
    rows.push([
      'Numbers each side gives its own writes (a sequence per side), compared as one reference (cases)',
      String(n.sequenced),
    ]);
  }
  if (n.generated > 0) {
    rows.push([
      'Values each side generated for itself (ids, revisions, UUIDs), compared by format (cases)',
      String(n.generated),
    ]);
  }
  if (n.unsettled > 0) {
    rows.push([
      'Id-like values (or lists in another order by keys each side drew) that differ without evidence they are per-instance: `--noise` would settle them (cases)',
      String(n.unsettled),
    ]);
  }
  const note = kindsNote(n);
  const counts = table(['', 'count'], rows);
  const notes = [...(note === undefined ? [] : [`By kind: ${note}.`]), `${junitLine(n)}.`];
  return [counts, ...notes].join('\n\n');
}

/** `--compare-to`: counts of new / persisting / not compared cases and fixed root causes, and the fixed ones. */
export function regressionSection(report: RunReport): string[] {
  const r = report.regression;
  const n = reportNumbers(report).regression;
  if (r === undefined || n === undefined) return [];
  const counts = `Compared to run ${inlineCode(r.comparedTo.runId)} (${r.comparedTo.startedAt}): ${regressionCounts(n)}.`;
  const out = ['', '## Regression', '', counts];
  const warning = comparedToWarning(n);
  if (warning !== undefined) out.push('', `> **Warning:** ${cell(warning)}.`);
  out.push(
    '',
    'A divergent case is **new** when it shows a root cause it did not show in the compared report (or was equal or absent there), **persisting** when it showed every one of them there, **not compared** when that report has no comparison of it; a root cause is **fixed** in a case that showed it there and, compared cleanly here where it was (the baseline answers as it did, and the case shows no root cause it did not show there), no longer does; otherwise it is **not seen in this run**, and not fixed.',
  );
  const notSeen = r.notSeen ?? [];
  if (notSeen.length > 0) {
    const rows = notSeen.map((f) => [
      inlineCode(f.fingerprint),
      cell(f.caseIds.join(', ')),
      cell(NOT_SEEN_WHY[f.reason]),
      cell(f.summary),
    ]);
    out.push(
      '',
      '### Not seen in this run (not fixed)',
      '',
      table(['root cause', 'cases', 'why', 'summary'], rows),
    );
  }
  if (r.fixed.length > 0) {
    const rows = r.fixed.map((f) => [
      inlineCode(f.fingerprint),
      cell(f.kinds.join(', ')),
      cell(f.endpoints.join(', ')),
      cell(f.caseIds.join(', ')),
      cell(f.summary),
    ]);
    out.push(
      '',
      '### Fixed root causes',
      '',
      table(['root cause', 'kinds', 'endpoints', 'gone from cases', 'summary'], rows),
    );
  }
  return out;
}

/** Which part of the library the report covers, when not all of it in one run. */
function scopeNote(report: RunReport): string {
  if (report.shard !== undefined) return ` · shard ${report.shard.index}/${report.shard.total}`;
  if (report.mergedFrom !== undefined)
    return ` · merged from ${report.mergedFrom.length} report(s)`;
  return '';
}

function diffLines(changes: readonly Change[]): string {
  return fenced(changeLines(changes).join('\n'), 'diff');
}

/** What the report left out of a divergence: changes past the first 500, whole bodies. */
function cutLines(result: AssessedObservation): string[] {
  const lines: string[] = [];
  if (result.changesOmitted !== undefined) {
    lines.push('', `… and ${result.changesOmitted} more changes (not kept in the report).`);
  }
  for (const side of ['baseline', 'candidate'] as const) {
    const cut = result.bodies?.cut?.[side];
    if (cut === undefined) continue;
    lines.push(
      '',
      `The ${side} body is kept as a preview: the whole body is ${cut.size} bytes, sha256 ${inlineCode(cut.sha256)}.`,
    );
  }
  return lines;
}

/** `PAR-002 (_open_), PAR-005 (_accepted_)`: the rows of a case's root causes. */
function rootCauseRefs(result: AssessedObservation): string {
  const refs = (result.findings ?? []).map((f) => {
    const ref =
      f.tracker === undefined ? cell(f.summary) : `${f.tracker.id} (_${f.tracker.status}_)`;
    return f.consequenceOf === undefined ? ref : `${ref}, as a consequence`;
  });
  return [...new Set(refs)].join(', ');
}

function divergenceSection(result: AssessedObservation): string {
  const parts = [`### ${cell(result.caseId)} — ${inlineCode(result.endpoint)}`, ''];
  const status = `${result.baseline.status ?? result.baseline.error?.code ?? '?'} → ${
    result.candidate.status ?? result.candidate.error?.code ?? '?'
  }`;
  const regression =
    result.regression === undefined ? '' : ` · **Regression:** ${result.regression}`;
  parts.push(
    `**Kinds:** ${result.kinds.join(', ')} · **Status:** ${status} · **Fingerprint:** ${inlineCode(result.fingerprint ?? '')}${regression}`,
  );
  if (result.findings !== undefined) parts.push('', `**Root causes:** ${rootCauseRefs(result)}`);
  if (result.flow !== undefined) parts.push('', flowLine(result.flow));
  parts.push('', prose(result.explanation ?? ''));
  parts.push(...patternLines(result));
  const changes = result.changes ?? [];
  const headerChanges = result.headerChanges ?? [];
  if (changes.length > 0) parts.push('', diffLines(changes));
  parts.push(...cutLines(result));
  if (headerChanges.length > 0) {
    parts.push(
      '',
      table(
        ['header', 'baseline', 'candidate'],
        headerChanges.map((h) => [
          cell(inlineCode(h.name)),
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

/**
 * Sections report.md shows of the cases of one root cause: a case whose
 * every root cause has this many sections already is listed by id only
 * (2,000 cases of one cause are one decision, not 2,000 sections to read).
 * report.html and report.json keep every case's section.
 */
export const EXAMPLES_PER_CAUSE = 5;

/** Ids report.md names of the cases it shows no section of, per kind. */
const LISTED_IDS = 10;

/**
 * True when `result` gets a section: one of its root causes has fewer than
 * `EXAMPLES_PER_CAUSE` sections so far, or it has none (no findings), or it
 * is a regression against the compared-to report (always shown).
 */
function exampleCounter(): (result: AssessedObservation) => boolean {
  const shown = new Map<string, number>();
  return (result) => {
    const causes = (result.findings ?? []).map((f) => f.fingerprint);
    const full = (cause: string) => (shown.get(cause) ?? 0) >= EXAMPLES_PER_CAUSE;
    if (causes.length > 0 && result.regression === undefined && causes.every(full)) return false;
    for (const cause of causes) shown.set(cause, (shown.get(cause) ?? 0) + 1);
    return true;
  };
}

/** One paragraph for the cases of a kind whose root causes have their sections above. */
function moreCasesLine(more: readonly AssessedObservation[]): string {
  const refs = new Set<string>();
  for (const result of more) {
    for (const f of result.findings ?? []) refs.add(f.tracker?.id ?? f.summary);
  }
  const ids = more.slice(0, LISTED_IDS).map((r) => inlineCode(r.caseId));
  const rest = more.length > LISTED_IDS ? ` and ${more.length - LISTED_IDS} more` : '';
  return `… and ${more.length} more case(s) of ${cell([...refs].join(', '))}, each root cause shown in ${EXAMPLES_PER_CAUSE} cases above: ${ids.join(', ')}${rest} (report.html and report.json have every case).`;
}

/** The endpoints exercised; with an OpenAPI document, its operations and those without a case. */
function coverageSection(report: RunReport): string[] {
  const { coverage } = report;
  if (coverage === undefined) return [];
  const { header, rows } = coverageTable(coverage);
  const gaps = coverageGaps(coverage).map((line) => `- ${cell(line)}`);
  return [
    '',
    '## Coverage',
    '',
    `${cell(coverageLine(coverage))}.`,
    ...(gaps.length === 0 ? [] : ['', ...gaps]),
    '',
    table(
      header,
      rows.map(([name = '', cases = '']) => [inlineCode(name), cases]),
    ),
  ];
}

/** p50/p95 per endpoint, side by side (cutovers need performance parity too). */
function latencySection(report: RunReport): string {
  const latency = latencyOf(report);
  const rows = latencyRows(latency).map(([endpoint = '', ...rest]) => [
    cell(inlineCode(endpoint)),
    ...rest,
  ]);
  return ['## Latency', '', `${latencyLine(latency)}.`, '', table(LATENCY_HEADER, rows)].join('\n');
}

/** A run stopped by a signal or by `--bail` says so first: its counts cover only the cases that ran. */
function interruptedNote(report: RunReport): string[] {
  const stopped = stoppedEarly(report);
  if (stopped === undefined) return [];
  const { title, ran, field } = stopped;
  const tracker = stopped.trackerLeft ? ' The tracker was not updated.' : '';
  return [
    '',
    `> **${title}:** ${ran}; those not run are listed in report.json (\`${field}\`) and in junit.xml (skipped).${tracker}`,
  ];
}

/** Accepted cases: one line each with the rows that decided them. */
function acceptedSection(report: RunReport): string[] {
  const accepted = report.results.filter((r) => r.verdict === 'accepted');
  if (accepted.length === 0) return [];
  return [
    '',
    `## Accepted cases (${accepted.length})`,
    '',
    'They differ, and every root cause they show is decided (`_accepted_` or `_wontfix_`): they do not fail the run.',
    '',
    ...accepted.map((r) => `- ${cell(r.caseId)} — ${inlineCode(r.endpoint)}: ${rootCauseRefs(r)}`),
  ];
}

/** Run errors: transport failures and unmet `expect`, which are never decisions. */
function runErrorsSection(report: RunReport): string[] {
  const failed = report.results.filter((r) => runErrorOf(r) === 'transport');
  const unmet = report.results.filter((r) => r.expectations !== undefined);
  if (failed.length === 0 && unmet.length === 0) return [];
  const n = reportNumbers(report);
  const out = ['', `## Run errors (${n.runErrors})`];
  out.push(
    '',
    `${cell(runErrorsLine(n))} (cases, each once). Not decisions: a side that did not answer, or a case whose \`expect\` failed (its comparison is counted as it came out).`,
  );
  for (const result of failed) out.push('', divergenceSection(result));
  if (unmet.length > 0) out.push('', '### Expectations not met', '');
  for (const r of unmet)
    out.push(`- ${cell(r.caseId)}: ${cell((r.expectations ?? []).join('; '))}`);
  return out;
}

/**
 * report.md's lines and blocks, in order: the file is them joined by line
 * breaks, plus one at the end. Each divergence's section is its own part, so
 * the writer encodes it as it comes and no string of every section is built.
 */
function* markdownParts(report: RunReport): Iterable<string> {
  const title = `# Parity report: ${prose(report.baseline.name)} vs ${prose(report.candidate.name)}`;
  const { recording } = report.baseline;
  // A recorded baseline was not asked now: the report names the recording it was answered from.
  const baseline =
    recording === undefined
      ? inlineCode(report.baseline.url)
      : `the recording ${inlineCode(recording)} (of ${inlineCode(report.baseline.url)})`;
  const meta = `Run ${inlineCode(report.runId)} · ${report.startedAt} · baseline ${baseline} · candidate ${inlineCode(report.candidate.url)}\n\n${prose(runtimeLine(report))}`;
  yield* [title, '', meta + scopeNote(report), ...interruptedNote(report)];
  yield* decisionsSection(report);
  yield* ['', '## Summary', '', summarySection(report)];
  yield* regressionSection(report);
  const divergent = report.results.filter((r) => r.verdict === 'divergent');
  if (divergent.length === 0) {
    const accepted = report.summary.accepted > 0 ? ' (or accepted)' : '';
    yield* ['', `No open divergences: every case is equal${accepted} after normalisation.`];
  }
  const example = exampleCounter();
  for (const kind of KIND_REPORT_ORDER) {
    const group = divergent.filter((r) => primaryKind(r.kinds) === kind);
    if (group.length === 0) continue;
    yield* ['', `## ${KIND_TITLES[kind]} (${group.length})`];
    const more: AssessedObservation[] = [];
    for (const result of group) {
      if (!example(result)) {
        more.push(result);
        continue;
      }
      yield '';
      yield divergenceSection(result);
    }
    if (more.length > 0) yield* ['', moreCasesLine(more)];
  }
  yield* acceptedSection(report);
  yield* runErrorsSection(report);
  yield* skippedSection(report.results);
  yield* waitedSection(report.results);
  yield* ['', latencySection(report)];
  yield* coverageSection(report);
  yield* encodingNotesSection(report.results);
  yield* unusedRulesSection(report);
  const noise = renderNoiseMarkdown(report.noise);
  if (noise !== '') yield* ['', noise];
}

/** report.md in chunks (its parts, each after its line break), for a writer that streams. */
export function* renderMarkdownChunks(report: RunReport): Iterable<string> {
  // The line break is a chunk of its own: a section joined to it would be copied whole to be encoded.
  let first = true;
  for (const part of markdownParts(report)) {
    if (!first) yield '\n';
    yield part;
    first = false;
  }
  yield '\n';
}

export function renderMarkdown(report: RunReport): string {
  return [...renderMarkdownChunks(report)].join('');
}
