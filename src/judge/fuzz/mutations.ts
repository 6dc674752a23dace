/**
 * The closed vocabulary of mutations: what each does, in one line (the table in
 * docs/fuzzing.md and `parity fuzz --help` say the same), and the shape of a mutated input.
 */
import type { FuzzRequest } from './request.js';

export const MUTATIONS = [
  'valid-value',
  'wrong-type',
  'missing-field',
  'extra-field',
  'renamed-field',
  'key-case',
  'enum-case',
  'null-collection',
  'empty-collection',
  'number-boundary',
  'string-edge',
  'lone-surrogate',
  'invalid-utf8',
  'duplicate-key',
  'trailing-data',
  'comment',
  'number-literal',
  'leading-bytes',
  'truncated',
  'path-segment',
  'query-value',
  'query-empty',
  'query-repeated',
  'query-missing',
  'query-extra',
  'content-type',
] as const;

export type MutationName = (typeof MUTATIONS)[number];

/** What each mutation does. */
export const MUTATION_HELP: Record<MutationName, string> = {
  'valid-value': 'a JSON leaf replaced by another value of its type',
  'wrong-type': 'a JSON value replaced by one of another type',
  'missing-field': 'an object member removed',
  'extra-field': 'an object member nobody declared added',
  'renamed-field':
    'a key in another naming convention (snake_case, camelCase, PascalCase, kebab-case)',
  'key-case': 'a key in another letter case',
  'enum-case': 'an enum-like string value in another letter case',
  'null-collection': 'an array or object replaced by null',
  'empty-collection': 'an array or object emptied',
  'number-boundary':
    'a number replaced by a boundary literal (2^31, 2^53+1, 2^63, 2^64, -0, 1e400, 1.5, 1E+2, …)',
  'string-edge':
    'a string replaced by an edge value (empty, blank, 10,000 chars, NUL, combining mark, BOM, …)',
  'lone-surrogate': 'a string holding a lone surrogate escape (\\ud800)',
  'invalid-utf8': 'a string holding bytes that are not UTF-8',
  'duplicate-key': 'an object member repeated with another value (raw JSON)',
  'trailing-data': 'bytes after the JSON document (raw JSON)',
  comment: 'a comment before a value or the document (raw JSON)',
  'number-literal': 'a number written as JSON forbids: +1, 01, .5, 0x10, NaN (raw JSON)',
  'leading-bytes': 'a byte-order mark or unusual whitespace before the document (raw bytes)',
  truncated: 'the body cut short (raw bytes)',
  'path-segment': 'a path segment replaced: +1, 01, %2F, .., overflowing, very long, …',
  'query-value': 'a query value replaced: +1, 01, -1, 1.5, overflowing, long, …',
  'query-empty': 'a query value emptied (?limit=)',
  'query-repeated': 'a query key repeated with another value',
  'query-missing': 'a query key removed',
  'query-extra': 'a query key the seed does not send added',
  'content-type': 'the content type varied (charset, case, +json, text/plain, …)',
};

/** How an input was made from its seed. */
export interface Mutation {
  readonly name: MutationName;
  /** One line: what changed, where (`key \`name\` as \`NAME\` at /record`). */
  readonly detail: string;
}

/** A mutated input: the request sent and the mutation that made it. */
export interface Mutated {
  readonly request: FuzzRequest;
  readonly mutation: Mutation;
}
