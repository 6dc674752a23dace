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
    for (const note of result.notes ?? []) {
      if (note.kind === 'encoding') lines.push(`${result.caseId} [${note.code}] ${note.message}`);
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
    'Wire-only differences: the parsed bodies agree, the bytes do not. They do not make a case divergent (`--fail-on-encoding` makes them fail the run).',
    '',
    fenced(shown.join('\n'), 'text'),
  ];
}
