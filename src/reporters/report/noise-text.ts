/**
 * Plain renderings of learned noise: the report.md section, the console lines
 * of `run` and the listing `parity calibrate` prints. Pure: they return text.
 */

import type { NoiseEntry, NoiseSection } from '../../contract/report.js';
import { preview } from '../../core/wire/display.js';
import type { FlakyCase } from '../../judge/noise/calibration.js';
import { cell, inlineCode, table } from './markdown-util.js';

function pathLabel(entry: NoiseEntry): string {
  if (entry.kind === 'header') return `header ${entry.path}`;
  const path = entry.path === '' ? '(body)' : entry.path;
  if (entry.kind === 'order')
    return `${path} (order${entry.by === undefined ? '' : ` by ${entry.by}`})`;
  return path;
}

function samplesText(entry: NoiseEntry): string {
  if (entry.kind === 'order') return 'shuffled';
  return entry.samples
    .map((s) => `${preview(s.baseline, 40)} ≠ ${preview(s.replica, 40)}`)
    .join('; ');
}

/** `## Learned noise` and `## Flaky baselines` for report.md ('' when there is nothing to say). */
export function renderNoiseMarkdown(section: NoiseSection | undefined): string {
  if (section === undefined) return '';
  const { relative, absolute } = section.thresholds;
  const parts = [
    `## Learned noise (${section.entries.length})`,
    '',
    `Second baseline response from ${cell(section.source)}. A path counts as a divergence only when candidate differences clearly exceed the baseline's own (relative > ${relative}, absolute > ${absolute}); otherwise it is masked for the endpoint and never reaches the tracker.`,
  ];
  if (section.entries.length > 0) {
    parts.push(
      '',
      table(
        ['endpoint', 'path', 'varied', 'candidate differed', 'decision', 'samples'],
        section.entries.map((e) => [
          cell(inlineCode(e.endpoint)),
          cell(inlineCode(pathLabel(e))),
          `${e.noisyCases}/${e.cases}`,
          `${e.divergentCases}/${e.cases}`,
          e.decision,
          cell(samplesText(e)),
        ]),
      ),
    );
  }
  if (section.flakyBaselines.length > 0) {
    parts.push(
      '',
      `## Flaky baselines (${section.flakyBaselines.length})`,
      '',
      'The baseline answered the same request differently in structure; these differences are not masked.',
      '',
      ...section.flakyBaselines.map((id) => `- ${cell(id)}`),
    );
  }
  return parts.join('\n');
}

/** How many masked paths and flaky cases the console line names before "… and N more". */
const NAMED = 3;

/** The first `NAMED` of `items`, then how many more (`a, b, c and 2 more`). */
function firstOf(items: readonly string[]): string {
  const named = items.slice(0, NAMED).join(', ');
  return items.length > NAMED ? `${named} and ${items.length - NAMED} more` : named;
}

/**
 * One console line for `run`: how many paths were masked on how many
 * endpoints and how many baselines were flaky, naming the first of each
 * (report.md's "Learned noise" lists them all).
 */
export function noiseSummaryLine(section: NoiseSection): string {
  const masked = section.entries.filter((e) => e.decision === 'noise');
  const endpoints = new Set(masked.map((e) => e.endpoint)).size;
  const { flakyBaselines } = section;
  const paths = masked.map((e) => `${e.endpoint} ${pathLabel(e)}`);
  const maskedText = `${masked.length} path(s) masked on ${endpoints} endpoint(s)${paths.length === 0 ? '' : ` (${firstOf(paths)})`}`;
  const flakyText = `flaky baselines ${flakyBaselines.length}${flakyBaselines.length === 0 ? '' : ` (${firstOf(flakyBaselines)})`}`;
  return `  noise: ${maskedText} · ${flakyText}`;
}

/** What `parity calibrate` prints: noise per endpoint, then flaky baselines. */
export function renderCalibration(
  entries: readonly NoiseEntry[],
  flaky: readonly FlakyCase[],
  cases: number,
): string {
  const out = [`parity calibrate: ${cases} case(s), each answered twice by the baseline`];
  if (entries.length === 0) out.push('  no noise: both answers agreed everywhere');
  let endpoint: string | undefined;
  for (const entry of entries) {
    if (entry.endpoint !== endpoint) {
      endpoint = entry.endpoint;
      out.push('', `  ${endpoint}`);
    }
    const rate = `${entry.noisyCases}/${entry.cases}`;
    out.push(
      `    ${pathLabel(entry).padEnd(36)} ${entry.kind.padEnd(6)} varied in ${rate}  ${samplesText(entry)}`,
    );
  }
  if (flaky.length > 0) {
    out.push('', `  flaky baselines (${flaky.length}):`);
    for (const f of flaky) {
      out.push(`    ${f.caseId}: ${f.flaky.reason}`);
      for (const line of f.flaky.differences) out.push(`      ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}
