/**
 * What a place in a step's answer is read by, as a case file writes it (a
 * capture's `json`, `xpath`, `header`, `regex` and `group`; a step's
 * `until` reads the answer the same way), and the problems of those fields.
 */
import { parseXPath } from '../../core/xml/xpath.js';
import { isPointer } from '../../util/json-pointer.js';
import { compileSafe, type SafeRegex, safeRegexProblem } from '../../util/safe-regex.js';

export const SOURCES = ['json', 'xpath', 'header'] as const;

/** How many groups a regular expression has (`(a)(b)` → 2). */
function groupCount(regex: SafeRegex): number {
  return regex.groups;
}

function compile(source: string): SafeRegex | string {
  return safeRegexProblem(source) ?? compileSafe(source);
}

export type CaptureInput = {
  json?: string | undefined;
  xpath?: string | undefined;
  header?: string | undefined;
  regex?: string | undefined;
  group?: number | undefined;
};

/**
 * Problems of the fields that read one place of an answer, as [field,
 * message] pairs. `reader` names what reads it in messages (`a capture`);
 * `needsSource`: a capture reads a value, an `until` may check a status alone.
 */
export function captureProblems(
  spec: CaptureInput,
  reader = 'a capture',
  needsSource = true,
): [string | undefined, string][] {
  const problems: [string | undefined, string][] = [];
  const sources = SOURCES.filter((key) => spec[key] !== undefined);
  const [first, second] = sources;
  if (first !== undefined && second !== undefined) {
    problems.push([
      second,
      `cannot be set together with ${first} (${reader} reads one place: json, xpath or header, or the body with regex alone)`,
    ]);
  }
  if (needsSource && first === undefined && spec.regex === undefined) {
    problems.push([
      undefined,
      'needs a source: json (a pointer such as /id), xpath, header, or regex (over the body text)',
    ]);
  }
  if (spec.json !== undefined && !isPointer(spec.json)) {
    problems.push([
      'json',
      `must be a JSON pointer such as /id or /items/0/id (got ${JSON.stringify(spec.json)})`,
    ]);
  }
  const xpath = spec.xpath === undefined ? [] : parseXPath(spec.xpath);
  if (typeof xpath === 'string') problems.push(['xpath', `is not XPath-lite: it ${xpath}`]);
  const regex = spec.regex === undefined ? undefined : compile(spec.regex);
  if (typeof regex === 'string')
    problems.push(['regex', `is not a valid regular expression (${regex})`]);
  if (spec.group !== undefined) {
    if (spec.regex === undefined)
      problems.push(['group', 'needs regex (the group of its match to capture)']);
    else if (regex !== undefined && typeof regex !== 'string' && spec.group > groupCount(regex)) {
      problems.push(['group', `is ${spec.group} but the regex has ${groupCount(regex)} group(s)`]);
    }
  }
  return problems;
}
