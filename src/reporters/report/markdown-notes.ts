/**
 * The "Encoding notes" section of report.md: one line per note text, in a
 * fenced block (the excerpts are raw wire text, which Markdown must not
 * interpret). Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { fenced } from './markdown-util.js';

/** Note lines shown in report.md; report.json keeps every note. */
const MAX_LINES = 100;
/** Cases named on the line of a note many cases share; the rest are counted. */
const MAX_CASES = 10;

/** One note text and the cases that carry it, in run order. */
interface NoteGroup {
  readonly code: string;
  readonly message: string;
  readonly cases: { readonly id: string; readonly also: string }[];
}

/** Why a note sits beside a difference, for a case that differs (a charset note can). */
function alsoWords(result: AssessedObservation): string {
  return result.verdict === 'equal' ? '' : ` (also ${result.verdict}, see above)`;
}

/**
 * A note one case carries is its own line (`case [code] message`); a note
 * many carry word for word (a trailing newline on every answer of one
 * side) is one line naming the cases, not a line per case.
 */
function noteLine(group: NoteGroup): string {
  const [only] = group.cases;
  if (group.cases.length === 1 && only !== undefined) {
    return `${only.id} [${group.code}]${only.also} ${group.message}`;
  }
  const named = group.cases
    .slice(0, MAX_CASES)
    .map((c) => `${c.id}${c.also}`)
    .join(', ');
  const more = group.cases.length > MAX_CASES ? `, … ${group.cases.length - MAX_CASES} more` : '';
  return `[${group.code}] ${group.message} — ${group.cases.length} cases: ${named}${more}`;
}

/** Section lines (starting with a blank line), or none when no result has notes. */
export function encodingNotesSection(results: readonly AssessedObservation[]): string[] {
  const groups = new Map<string, NoteGroup>();
  let count = 0;
  for (const result of results) {
    for (const note of result.notes ?? []) {
      if (note.kind !== 'encoding') continue;
      count++;
      const key = JSON.stringify([note.code, note.message]);
      const group = groups.get(key) ?? { code: note.code, message: note.message, cases: [] };
      groups.set(key, group);
      group.cases.push({ id: result.caseId, also: alsoWords(result) });
    }
  }
  if (count === 0) return [];
  const lines = [...groups.values()].map(noteLine);
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) {
    shown.push(`… and ${lines.length - shown.length} more (see report.json)`);
  }
  return [
    '',
    `## Encoding notes (${count})`,
    '',
    'Wire-only differences: the bytes differ where the meaning does not. A body note (`trailing-newline`, `whitespace`, `key-order`, `html-escaping`, `escaping`, `number-format`) is only given when both JSON bodies parse to equal values; a `charset` note says the content types differ only in a charset that cannot change how the body is read (JSON, XML, a page that declares its own; a `text/*` body read by its label is a `content-type` divergence instead); a `read-by-content` note says JSON (or XML, or bencode) was compared as such although a content type does not declare it (`text/plain`, none). Notes never make a case divergent (`--fail-on-encoding` makes them fail the run). A note several cases carry word for word is one line naming them.',
    '',
    fenced(shown.join('\n'), 'text'),
  ];
}
