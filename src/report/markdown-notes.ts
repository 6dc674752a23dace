/**
 * The "Encoding notes" section of report.md: one line per note, in a fenced
 * block (the excerpts are raw wire text, which Markdown must not interpret). Pure.
 */
import type { CaseResult } from '../results/types.js';
import { fenced } from './markdown-util.js';

/** Notes shown in report.md; report.json keeps all of them. */
const MAX_LINES = 100;

/** Section lines (starting with a blank line), or none when no result has notes. */
export function encodingNotesSection(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    // A charset note can sit on a case that differs for other reasons: say so on its line.
    const verdict = result.verdict === 'equal' ? '' : ` (also ${result.verdict}, see above)`;
    for (const note of result.notes ?? []) {
      if (note.kind === 'encoding') {
        lines.push(`${result.caseId} [${note.code}]${verdict} ${note.message}`);
      }
    }
  }
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) {
    shown.push(`… and ${lines.length - shown.length} more (see report.json)`);
  }
  return [
    '',
    `## Encoding notes (${lines.length})`,
    '',
    'Wire-only differences: the bytes differ where the meaning does not. A body note (`trailing-newline`, `whitespace`, `key-order`, `html-escaping`, `escaping`, `number-format`) is only given when both JSON bodies parse to equal values; a `charset` note says the content types differ only in their charset, whatever the bodies. Notes never make a case divergent (`--fail-on-encoding` makes them fail the run).',
    '',
    fenced(shown.join('\n'), 'text'),
  ];
}
