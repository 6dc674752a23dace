/**
 * One case file's text → its checked header and its raw cases, or every
 * problem in it placed at `file:line:col`. The cases are checked one at a time
 * (`checkCase`). A `.json` file up to `WHOLE_JSON_BYTES` is parsed whole; a
 * larger one is cut into slices (`json-slices.ts`) and each case parsed when
 * it is checked, so a file of 100k cases is held as its bytes, never as one
 * string or a tree of 100k parsed cases. Either way it is decoded and parsed
 * as YAML (JSON is YAML 1.2 flow syntax) only when a position inside it is
 * asked for. A `.json` file is
 * JSON: a syntax error in it is a problem, never read leniently as YAML. Pure.
 */
import { LineCounter, parseDocument } from 'yaml';
import { INPUT_DEPTH, jsonTooDeep, tooDeepProblem, yamlTooDeep } from '../../util/depth.js';
import type { InputProblem } from '../../util/errors.js';
import type { Locator } from '../../util/position.js';
import { placeReport, positionOfOffset, positionOfPath } from '../../util/positions.js';
import { hiddenString } from '../../util/secret-looking.js';
import { describeIssues, describeValue } from '../../util/zod-issues.js';
import { bomLength, sliceCaseFile } from './json-slices.js';
import {
  caseFileHeaderFast,
  isPlainCase,
  type PlainCase,
  plainCaseFast,
  plainSpec,
} from './plain-fast.js';
import { isMapping } from './request-schema.js';
import {
  type CaseFile,
  type CaseSpec,
  caseFileHeaderSchema,
  caseFileSchema,
  caseSpecSchema,
  plainCaseSchema,
} from './schema.js';

/** A case file's own fields: everything but its cases. */
export type CaseFileHeader = Omit<CaseFile, 'cases'>;

/** A case as written: its value, or why it could not be read. */
type Item = { readonly value: unknown } | { readonly problem: InputProblem };

/** A parsed case file whose cases are still to be checked. */
export interface ParsedCaseFile {
  readonly file: string;
  /** Undefined when the file's own fields have problems (then no case can be resolved). */
  readonly header: CaseFileHeader | undefined;
  /** Problems of the file's own fields (its cases have their own, from `checkCase`). */
  readonly problems: readonly InputProblem[];
  /** How many cases the file holds. */
  readonly count: number;
  /** The case at `index` as written (for a JSON file, parsed on each call). */
  item(index: number): Item;
  /**
   * Every case as written, when the file was parsed whole, its own fields
   * pass the plain header check and each of its cases the plain-case check
   * (`isPlainCase`): checked once, while the file was parsed (that is what
   * let it skip the depth scan).
   */
  readonly plain?: readonly PlainCase[] | undefined;
  readonly locate: Locator;
}

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: ParsedCaseFile }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/**
 * A locator that parses the YAML document only when a position is first asked
 * for: a valid JSON file never needs one unless a check (a case's problems, a
 * duplicate id, an unset variable) reports a problem in it.
 */
function lazyLocator(text: () => string): Locator {
  let located: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  return (path, at) => {
    if (located === undefined) {
      const counter = new LineCounter();
      located = { doc: parseDocument(text(), { lineCounter: counter }), counter };
    }
    return positionOfPath(located.doc, located.counter, path, at);
  };
}

/**
 * A `JSON.parse` error as a problem at its line and column. `start`: the byte
 * offset in `bytes` where the parsed text started (the error's position counts
 * characters from there).
 */
function jsonProblem(
  error: unknown,
  bytes: Buffer,
  file: string,
  start: number,
  fallback = start,
): InputProblem {
  const message = error instanceof Error ? error.message : String(error);
  // V8 names the position of most errors; for the others, where the scanner stopped.
  const position = /at position (\d+)/.exec(message)?.[1];
  const before =
    position === undefined
      ? bytes.toString('utf8', 0, fallback)
      : bytes.toString('utf8', 0, start) + bytes.toString('utf8', start).slice(0, Number(position));
  const at = before.length;
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  // Without the excerpt of the text V8 appends to some messages.
  const reason = message
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*$/, '')
    .replace(/\.$/, '');
  return { file, line, column, field: '', message: `syntax error: ${reason}` };
}

/** The document as a whole tree, parsed as YAML (positions for every node), or its syntax problems. */
function parseYaml(
  text: string,
  file: string,
): { data: unknown; locate: Locator; empty: boolean } | { problems: InputProblem[] } {
  const counter = new LineCounter();
  const deep = yamlTooDeep(text, INPUT_DEPTH);
  if (deep !== undefined) return { problems: [tooDeepProblem(file, deep)] };
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
  try {
    return {
      data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
      locate,
      empty: doc.contents === null,
    };
  } catch (error) {
    // yaml refuses a document whose aliases expand past the limit (a "billion laughs").
    const reason = error instanceof Error ? error.message : String(error);
    const message = `the YAML aliases (*name) expand too much to be read (${reason}); write the values out or use fewer aliases`;
    return { problems: [{ file, ...firstAlias(text, counter), field: '', message }] };
  }
}

/** Aliases a document may expand (yaml's own default): enough for any real case file. */
const MAX_ALIAS_COUNT = 100;

/** Where the first alias of a document is (1:1 when none is found). */
function firstAlias(text: string, counter: LineCounter): { line: number; column: number } {
  const at = /(^|[\s,[{:-])\*[^\s,\]}]/.exec(text);
  return at === null
    ? { line: 1, column: 1 }
    : positionOfOffset(counter, at.index + (at[1] ?? '').length);
}

/** The text of the bytes, decoded when a position is first asked for. */
function lazyText(bytes: Buffer): () => string {
  let text: string | undefined;
  return () => {
    text ??= bytes.toString('utf8');
    return text;
  };
}

/**
 * A JSON case file up to this size is parsed whole, with one `JSON.parse`:
 * cutting it into slices and parsing each case apart costs a library of
 * small files about twice the CPU and twice the garbage. A larger file is
 * cut into slices, so its cases are never all parsed at once (the memory
 * goal: 100k cases in one file). Both give the same header, cases and problems.
 */
export const WHOLE_JSON_BYTES = 1024 * 1024;

type ParsedJson =
  | {
      data: unknown;
      locate: Locator;
      count: number;
      item: (index: number) => Item;
      plain?: readonly PlainCase[] | undefined;
    }
  | { problems: InputProblem[] };

/**
 * A JSON file as its own fields (parsed) and its cases (slices, or parsed
 * whole when it has at most `whole` bytes), or its syntax problem.
 *
 * The depth scan runs before anything walks the tree, except where nothing
 * can: `JSON.parse` is iterative, and a file whose own fields pass the plain
 * header check and whose every case passes the plain-case check nests a few
 * levels at most (both read only strings, numbers, booleans, a list of
 * strings and objects of strings), so such a file is not scanned.
 */
function parseJson(bytes: Buffer, file: string, whole: number): ParsedJson {
  const text = lazyText(bytes);
  const locate = lazyLocator(text);
  const parsed = bytes.byteLength <= whole ? parsedWhole(bytes, locate) : undefined;
  if (parsed !== undefined && 'plain' in parsed && parsed.plain !== undefined) return parsed;
  const deep = jsonTooDeep(bytes, INPUT_DEPTH);
  if (deep !== undefined) return { problems: [tooDeepProblem(file, deep)] };
  // Broken JSON is left to the slices: they place its problem, case by case.
  return parsed ?? slicedJson(bytes, file, locate);
}

/**
 * The cases, when the file's own fields pass the plain header check and every
 * case passes the plain-case check; undefined otherwise.
 */
function plainCases(data: unknown, cases: unknown[]): PlainCase[] | undefined {
  return caseFileHeaderFast(data) !== undefined && cases.every(isPlainCase) ? cases : undefined;
}

/**
 * A valid JSON file parsed whole, shaped as `slicedJson` shapes it: the same
 * own fields (assigned one by one, a repeated key's last value, `cases` a
 * one-hole placeholder when it is a list) and the same cases; or undefined
 * when it is not valid JSON.
 */
function parsedWhole(bytes: Buffer, locate: Locator): ParsedJson | undefined {
  let tree: unknown;
  try {
    tree = JSON.parse(bytes.toString('utf8', bomLength(bytes)));
  } catch {
    return undefined;
  }
  if (!isMapping(tree)) return { data: tree, locate, ...itemsOf(tree) };
  const data: Record<string, unknown> = {};
  let cases: unknown[] | undefined;
  for (const key of Object.keys(tree)) {
    const value = tree[key];
    if (key === 'cases' && Array.isArray(value)) {
      cases = value;
      data[key] = new Array(Math.min(1, value.length));
    } else {
      // An assignment, as the slices do: a "__proto__" member sets the prototype there too.
      data[key] = value;
    }
  }
  if (cases === undefined) return { data, locate, ...itemsOf(data) };
  const items = cases;
  const plain = plainCases(data, items);
  return { data, locate, count: items.length, item: (index) => ({ value: items[index] }), plain };
}

/** A JSON file cut into slices, its own fields parsed and its cases parsed one at a time. */
function slicedJson(bytes: Buffer, file: string, locate: Locator): ParsedJson {
  let brokenAt = 0;
  const slices = sliceCaseFile(bytes, (offset) => {
    brokenAt = offset;
  });
  const whole = () => {
    // The slices could not be cut: the whole text says where it is broken.
    const bom = bomLength(bytes);
    try {
      const data: unknown = JSON.parse(bytes.toString('utf8', bom));
      return { data, locate, ...itemsOf(data) };
    } catch (error) {
      return { problems: [jsonProblem(error, bytes, file, bom, brokenAt)] };
    }
  };
  if (slices === undefined) return whole();
  const data: Record<string, unknown> = {};
  try {
    for (const [key, [start, end]] of slices.members) {
      // The cases are checked one at a time (\`checkCase\`); the header check only
      // needs to see a list and whether it is empty.
      data[key] =
        key === 'cases' && slices.items !== undefined
          ? new Array(Math.min(1, slices.items.length))
          : JSON.parse(bytes.toString('utf8', start, end));
    }
  } catch {
    return whole();
  }
  const { items } = slices;
  if (items === undefined) return { data, locate, ...itemsOf(data) };
  const item = (index: number): Item => {
    const start = items[2 * index] ?? 0;
    try {
      return { value: JSON.parse(bytes.toString('utf8', start, items[2 * index + 1])) };
    } catch (error) {
      return { problem: jsonProblem(error, bytes, file, start) };
    }
  };
  return { data, locate, count: items.length / 2, item };
}

/** The cases of a parsed document (none when `cases` is not a list). */
function itemsOf(data: unknown): { count: number; item: (index: number) => Item } {
  const cases = isMapping(data) && Array.isArray(data['cases']) ? data['cases'] : [];
  return { count: cases.length, item: (index) => ({ value: cases[index] }) };
}

/**
 * Parse the bytes of the case file `file` (a display path) and check its own
 * fields. `wholeJson`: the size up to which a JSON file is parsed whole
 * (`WHOLE_JSON_BYTES`; tests compare both ways).
 */
export function parseCaseFile(
  bytes: Buffer,
  file: string,
  wholeJson: number = WHOLE_JSON_BYTES,
): ParseOutcome {
  const json = file.endsWith('.json');
  const parsed = json ? parseJson(bytes, file, wholeJson) : parseYaml(bytes.toString('utf8'), file);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  const { data, locate } = parsed;
  if (!isMapping(data)) {
    // Nothing inside can be checked; one problem says what the file should be.
    const empty = 'empty' in parsed && parsed.empty;
    // The file's own text is never quoted: a file named by mistake may be a token file.
    const got = empty
      ? 'an empty file'
      : typeof data === 'string'
        ? hiddenString(data)
        : describeValue(data);
    const message = `the file must be a mapping with "suite" and "cases" (got ${got})`;
    return { ok: false, problems: [{ file, ...locate([]), field: '', message }] };
  }
  const cases = 'item' in parsed ? parsed : itemsOf(data);
  const base = { file, count: cases.count, item: cases.item, locate };
  const fast = caseFileHeaderFast(data);
  if (fast !== undefined) {
    const plain = 'plain' in parsed ? parsed.plain : undefined;
    return { ok: true, parsed: { ...base, header: fast, problems: [], plain } };
  }
  const checked = caseFileHeaderSchema().safeParse(data, { jitless: true });
  if (checked.success) {
    const { cases: _cases, ...header } = checked.data;
    return { ok: true, parsed: { ...base, header, problems: [] } };
  }
  const reports = describeIssues(checked.error.issues, data, caseFileSchema());
  const problems = reports.map((report) => placeReport(report, file, locate));
  return { ok: true, parsed: { ...base, header: undefined, problems } };
}

/**
 * How many cases of a file are checked by zod's interpreter before its compiled
 * fast path: compiling the fast path (a `new Function` per object schema)
 * costs more than it saves over a few cases, and a one-case library's start-up
 * pays it; over many cases it pays for itself. The result is the same either way.
 */
const INTERPRETED = 8;

/** Check the case at `index` of a parsed file. */
export function checkCase(
  parsed: ParsedCaseFile,
  index: number,
): { readonly spec: CaseSpec } | { readonly problems: readonly InputProblem[] } {
  const problems: InputProblem[] = [];
  const spec = checkedSpec(parsed, index, problems);
  return spec === undefined ? { problems } : { spec };
}

/**
 * `checkCase` without an object per case: the case at `index` as checked, or
 * undefined with its problems added to `problems`.
 */
export function checkedSpec(
  parsed: ParsedCaseFile,
  index: number,
  problems: InputProblem[],
): CaseSpec | undefined {
  const plain = parsed.plain?.[index];
  if (plain !== undefined) return plainSpec(plain);
  const item = parsed.item(index);
  if ('problem' in item) {
    problems.push(item.problem);
    return undefined;
  }
  const jitless = index < INTERPRETED;
  const { value } = item;
  const fast = plainCaseFast(value);
  if (fast !== undefined) return fast;
  if (isMapping(value) && !Object.hasOwn(value, 'steps') && !Object.hasOwn(value, 'rules')) {
    const plain = plainCaseSchema().safeParse(value, { jitless });
    if (plain.success) return plain.data;
  }
  const checked = caseSpecSchema().safeParse(value, { jitless });
  if (checked.success) return checked.data;
  // Described as part of the file, so messages and positions match the file.
  const issues = checked.error.issues.map((issue) => ({
    ...issue,
    path: ['cases', index, ...issue.path],
  }));
  const cases: unknown[] = [];
  cases[index] = item.value;
  const reports = describeIssues(issues, { cases }, caseFileSchema());
  for (const report of reports) problems.push(placeReport(report, parsed.file, parsed.locate));
  return undefined;
}

function syntaxMessage(message: string): string {
  return `syntax error: ${message.replace(/\.$/, '')}`;
}
