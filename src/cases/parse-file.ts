/**
 * One case file's text → its checked header and its raw cases, or every
 * problem in it placed at `file:line:col`. The cases are checked one at a
 * time (`checkCase`), so a file of 100k cases is never validated, nor held
 * validated, in one piece. YAML and JSON both get the same source positions
 * (JSON is YAML 1.2 flow syntax); a valid `.json` file takes the `JSON.parse`
 * fast path and is only parsed as YAML when a position is asked for. Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { InputProblem } from '../util/errors.js';
import { type Locator, placeReport, positionOfOffset, positionOfPath } from '../util/positions.js';
import { describeIssues, describeValue } from '../util/zod-issues.js';
import { type CaseFile, type CaseSpec, caseFileSchema, caseSpecSchema } from './schema.js';

/** A case file's own fields: everything but its cases. */
export type CaseFileHeader = Omit<CaseFile, 'cases'>;

/** The file's fields checked as a whole, with `cases` only checked to be a non-empty list. */
const headerSchema = caseFileSchema.extend({
  cases: z.array(z.unknown()).min(1).describe('The cases (at least one)'),
});

/** A parsed case file whose cases are still to be checked. */
export interface ParsedCaseFile {
  readonly file: string;
  /** Undefined when the file's own fields have problems (then no case can be resolved). */
  readonly header: CaseFileHeader | undefined;
  /** Problems of the file's own fields (its cases have their own, from `checkCase`). */
  readonly problems: readonly InputProblem[];
  /** The cases as written, unchecked. */
  readonly items: readonly unknown[];
  readonly locate: Locator;
  /** The whole document as parsed, for problem messages. */
  readonly data: unknown;
}

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: ParsedCaseFile }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/**
 * A locator that parses the YAML document only when a position is first asked
 * for: a valid JSON file never needs one unless a check (a case's problems, a
 * duplicate id, an unset variable) reports a problem in it.
 */
function lazyLocator(text: string): Locator {
  let located: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  return (path, at) => {
    if (located === undefined) {
      const counter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: counter }), counter };
    }
    return positionOfPath(located.doc, located.counter, path, at);
  };
}

/** The document as data with a locator, or its syntax problems. */
function parseText(
  text: string,
  file: string,
): { data: unknown; locate: Locator; empty: boolean } | { problems: InputProblem[] } {
  // The fast path for `.json` files: `JSON.parse` is an order of magnitude faster
  // than the YAML parser. Invalid JSON falls back to YAML, which places the problem.
  if (file.endsWith('.json')) {
    try {
      return { data: JSON.parse(text), locate: lazyLocator(text), empty: false };
    } catch {
      // fall through
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      file,
      ...positionOfOffset(counter, error.pos[0]),
      field: '',
      message: syntaxMessage(error.message),
    }));
    return { problems };
  }
  const locate: Locator = (path, at) => positionOfPath(doc, counter, path, at);
  return { data: doc.toJS(), locate, empty: doc.contents === null };
}

/** Parse the text of the case file `file` (a display path) and check its own fields. */
export function parseCaseFile(text: string, file: string): ParseOutcome {
  const parsedText = parseText(text, file);
  if ('problems' in parsedText) return { ok: false, problems: parsedText.problems };
  const { data, locate } = parsedText;
  if (!isMapping(data)) {
    // Nothing inside can be checked; one problem says what the file should be.
    const got = parsedText.empty ? 'an empty file' : describeValue(data);
    const message = `the file must be a mapping with "suite" and "cases" (got ${got})`;
    return { ok: false, problems: [{ file, ...locate([]), field: '', message }] };
  }
  const checked = headerSchema.safeParse(data);
  const items = Array.isArray(data['cases']) ? data['cases'] : [];
  if (checked.success) {
    const { cases: _cases, ...header } = checked.data;
    return { ok: true, parsed: { file, header, problems: [], items, locate, data } };
  }
  const reports = describeIssues(checked.error.issues, data, caseFileSchema);
  const problems = reports.map((report) => placeReport(report, file, locate));
  return { ok: true, parsed: { file, header: undefined, problems, items, locate, data } };
}

/** Check the case at `index` of a parsed file. */
export function checkCase(
  parsed: ParsedCaseFile,
  index: number,
): { readonly spec: CaseSpec } | { readonly problems: readonly InputProblem[] } {
  const checked = caseSpecSchema.safeParse(parsed.items[index]);
  if (checked.success) return { spec: checked.data };
  // Described from the whole document, so messages and positions match the file.
  const issues = checked.error.issues.map((issue) => ({
    ...issue,
    path: ['cases', index, ...issue.path],
  }));
  const reports = describeIssues(issues, parsed.data, caseFileSchema);
  return { problems: reports.map((report) => placeReport(report, parsed.file, parsed.locate)) };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function syntaxMessage(message: string): string {
  return `syntax error: ${message.replace(/\.$/, '')}`;
}
