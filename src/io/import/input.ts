/**
 * A JSON input file (a HAR, a Postman collection) checked against the zod
 * schema of the parts an importer reads. JSON.parse first (a HAR may be large);
 * only when something is wrong is the text parsed again with positions, so
 * each problem names its line, column and field. Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import { INPUT_DEPTH, jsonTooDeep, tooDeepProblem } from '../../util/depth.js';
import { type InputProblem, ParityError } from '../../util/errors.js';
import { placeReport, positionOfPath } from '../../util/positions.js';
import { describeIssues } from '../../util/zod-issues.js';

function invalid(file: string, what: string, problems: InputProblem[]): ParityError {
  return new ParityError('PARITY_INPUT_INVALID', `${file} is not a valid ${what}`, { problems });
}

/** The line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string, file: string, what: string): unknown {
  const deep = jsonTooDeep(text, INPUT_DEPTH);
  if (deep !== undefined) throw invalid(file, what, [tooDeepProblem(file, deep)]);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    throw invalid(file, what, [
      { file, ...positionOf(text, offset), field: '', message: `syntax error: ${message}` },
    ]);
  }
}

/** `text` as a value of `schema`, or every problem of it at its position. */
export function parseJsonInput<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  what: string,
): z.output<S> {
  // A byte-order mark is allowed in front of a JSON file written by some tools.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value = parseJson(body, file, what);
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  const counter = new LineCounter();
  const doc = parseDocument(body, { lineCounter: counter });
  const locate = (path: readonly PropertyKey[], at?: 'key' | 'value') =>
    positionOfPath(doc, counter, path, at);
  const problems = describeIssues(checked.error.issues, value, schema).map((report) =>
    placeReport(report, file, locate),
  );
  throw invalid(file, what, problems);
}
