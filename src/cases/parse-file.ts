/**
 * One case file's text → a validated {@link CaseFile}, or every problem in it
 * placed at `file:line:col`. YAML and JSON both go through the `yaml` parser
 * (JSON is YAML 1.2 flow syntax), so both get the same source positions. Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { InputProblem } from '../util/errors.js';
import { type Locator, placeReport, positionOfOffset, positionOfPath } from '../util/positions.js';
import { describeIssues, describeValue } from '../util/zod-issues.js';
import { type CaseFile, caseFileSchema } from './schema.js';

export type ParsedCaseFile =
  | { readonly ok: true; readonly spec: CaseFile; readonly locate: Locator }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/**
 * A locator that parses the YAML document only when a position is first asked
 * for: a valid JSON file never needs one unless a later check (a duplicate id,
 * an unset variable) reports a problem in it.
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

/**
 * The fast path for `.json` files: `JSON.parse` is an order of magnitude
 * faster than the YAML parser. Anything but a valid file falls back to the
 * YAML path, which places every problem at its line and column.
 */
function parseValidJson(text: string, file: string): ParsedCaseFile | undefined {
  if (!file.endsWith('.json')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = caseFileSchema.safeParse(data);
  return result.success ? { ok: true, spec: result.data, locate: lazyLocator(text) } : undefined;
}

/** Parse and validate the text of the case file `file` (a display path). */
export function parseCaseFile(text: string, file: string): ParsedCaseFile {
  const fast = parseValidJson(text, file);
  if (fast !== undefined) return fast;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      file,
      ...positionOfOffset(counter, error.pos[0]),
      field: '',
      message: syntaxMessage(error.message),
    }));
    return { ok: false, problems };
  }
  const locate: Locator = (path, at) => positionOfPath(doc, counter, path, at);
  const data: unknown = doc.toJS();
  if (!isMapping(data)) {
    // Nothing inside can be checked; one problem says what the file should be.
    const got = doc.contents === null ? 'an empty file' : describeValue(data);
    const message = `the file must be a mapping with "suite" and "cases" (got ${got})`;
    return { ok: false, problems: [{ file, ...locate([]), field: '', message }] };
  }
  const result = caseFileSchema.safeParse(data);
  if (result.success) return { ok: true, spec: result.data, locate };
  const reports = describeIssues(result.error.issues, data, caseFileSchema);
  return { ok: false, problems: reports.map((report) => placeReport(report, file, locate)) };
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function syntaxMessage(message: string): string {
  return `syntax error: ${message.replace(/\.$/, '')}`;
}
