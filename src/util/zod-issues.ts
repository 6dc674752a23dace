/**
 * Zod issues → one readable sentence each, saying what was expected and what
 * was got, with the field path to place it in the source file. Pure.
 */
import * as z from 'zod';
import { hiddenString, looksSecret } from './secret-looking.js';
import { suggestKey } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/** One validation problem before it is placed at a source position. */
export interface IssueReport {
  /** Value path, e.g. `['cases', 3, 'request', 'method']`. */
  readonly path: readonly Segment[];
  /** Point at the key (unknown keys) or at the value (everything else). */
  readonly at: 'key' | 'value';
  readonly message: string;
}

/** Turn zod issues on `input` (validated against `schema`) into reports, unions unfolded. */
export function describeIssues(
  issues: readonly Issue[],
  input: unknown,
  schema: z.ZodType,
): IssueReport[] {
  return issues.flatMap((issue) => describeIssue(issue, [], input, schema));
}

function describeIssue(
  issue: Issue,
  prefix: readonly Segment[],
  input: unknown,
  schema: z.ZodType,
): IssueReport[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  const value = valueAt(input, path);
  const got = `(got ${describeValue(value)})`;
  // A missing key fails whatever check comes first (type, enum, …): say it is missing.
  if (value === undefined && path.length > 0 && isValueCheck(issue)) {
    return [{ path, at: 'value', message: 'is required' }];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, at: 'value', message: `must be ${typeName(issue.expected)} ${got}` }];
    case 'invalid_value':
      return [{ path, at: 'value', message: `${valueExpectation(issue.values)} ${got}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey([...path, key], knownKeysAt(schema, path)));
    case 'invalid_union':
      return describeUnion(issue, path, input, schema);
    case 'too_small':
      return [{ path, at: 'value', message: `${sizeExpectation(issue, 'at least')} ${got}` }];
    case 'too_big':
      return [{ path, at: 'value', message: `${sizeExpectation(issue, 'at most')} ${got}` }];
    case 'custom':
      return [{ path, at: 'value', message: issue.message }];
    case 'invalid_key': {
      // A key of a record (a variable name, a header name) is wrong: say why, at the key.
      const why = issue.issues[0]?.message ?? 'is not a valid key';
      return [{ path, at: 'key', message: `${why} (got ${describeValue(path[path.length - 1])})` }];
    }
    default:
      return [{ path, at: 'value', message: `${issue.message} ${got}` }];
  }
}

/**
 * A union failed. If the value has the type of some branch (the branch failed
 * deeper down), report that branch's issues: they are the precise ones. Otherwise
 * the value has none of the accepted types: say which types are accepted.
 */
function describeUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: readonly Segment[],
  input: unknown,
  schema: z.ZodType,
): IssueReport[] {
  const value = valueAt(input, path);
  const typed = issue.errors.filter(
    (branch) => !branch.some((inner) => isTypeMismatchAtRoot(inner, value)),
  );
  const best = typed.sort((a, b) => a.length - b.length)[0];
  if (best !== undefined) {
    return best.flatMap((inner) => describeIssue(inner, path, input, schema));
  }
  const expected = issue.errors.flatMap((branch) =>
    branch.flatMap((inner) => (inner.code === 'invalid_type' ? [typeName(inner.expected)] : [])),
  );
  const got = describeValue(value);
  if (expected.length === 0) return [{ path, at: 'value', message: `is invalid (got ${got})` }];
  return [{ path, at: 'value', message: `must be ${joinOr(unique(expected))} (got ${got})` }];
}

function isValueCheck(issue: Issue): boolean {
  return issue.code !== 'unrecognized_keys' && issue.code !== 'custom';
}

/** The branch does not accept the value's type at all (an enum of strings and a mapping, say). */
function isTypeMismatchAtRoot(issue: Issue, value: unknown): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') return true;
  return issue.code === 'invalid_value' && typeof value === 'object' && value !== null;
}

function unknownKey(path: readonly Segment[], known: readonly string[]): IssueReport {
  const key = String(path[path.length - 1]);
  const suggestion = looksSecret(key) ? undefined : suggestKey(key, known);
  const hint = suggestion === undefined ? '' : `did you mean ${suggestion}? `;
  const message = `is not a known field (${hint}known: ${known.join(', ')})`;
  return { path, at: 'key', message };
}

function sizeExpectation(
  issue: Extract<Issue, { code: 'too_small' | 'too_big' }>,
  bound: 'at least' | 'at most',
): string {
  const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'array':
      return `must have ${bound} ${limit} ${limit === '1' ? 'item' : 'items'}`;
    case 'string':
      if (issue.code === 'too_small' && limit === '1') return 'must not be empty';
      return `must be ${bound} ${limit} characters long`;
    default: {
      if (issue.inclusive !== false) return `must be ${bound} ${limit}`;
      return `must be ${bound === 'at least' ? 'greater' : 'less'} than ${limit}`;
    }
  }
}

function valueExpectation(values: readonly unknown[]): string {
  if (values.length === 1) return `must be ${String(values[0])}`;
  return `must be one of ${values.map(String).join(', ')}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'null',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

/** A short, quoted rendering of a value for "(got …)". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list';
    return `a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  if (typeof value === 'object' && value !== null) return 'a mapping';
  if (typeof value !== 'string') return String(value);
  // A file named by mistake (a token file) must not land in a CI log.
  if (looksSecret(value)) return hiddenString(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 56)}…"` : text;
}

function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

function toSegment(key: PropertyKey): Segment {
  return typeof key === 'number' ? key : String(key);
}

/** The value at `path` in plain data, or undefined when the path does not exist. */
function valueAt(data: unknown, path: readonly Segment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

/** The keys an object schema at `path` accepts (wrappers and arrays looked through). */
export function knownKeysAt(schema: z.ZodType, path: readonly Segment[]): string[] {
  let current: unknown = schema;
  for (const segment of path) current = child(unwrap(current), segment);
  const target = unwrap(current);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function child(schema: unknown, segment: Segment): unknown {
  if (schema instanceof z.ZodObject) return schema.shape[segment];
  if (schema instanceof z.ZodArray) return schema.element;
  if (schema instanceof z.ZodRecord) return schema.valueType;
  return undefined;
}

/** Look through optional, default, lazy, pipe and union (first object branch) wrappers. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap();
    } else if (current instanceof z.ZodLazy) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else if (current instanceof z.ZodUnion) {
      current = current.options.find((option) => unwrap(option) instanceof z.ZodObject);
    } else {
      return current;
    }
  }
  return current;
}
