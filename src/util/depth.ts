/**
 * How deep a file a reader was given nests, found before it is parsed: every
 * reader (case files, the config, imports, OpenAPI documents, recordings,
 * reports read back) refuses a text deeper than its limit with a positioned
 * problem, so no parser, schema or walk after it recurses without bound.
 * JSON is scanned by brackets outside strings; YAML through the `yaml`
 * package's CST parser, which keeps its own stack (block and flow nesting
 * both count). Both passes are iterative and linear. Pure.
 */
import { type CST, Parser } from 'yaml';
import type { InputProblem } from './errors.js';

/**
 * Nesting levels a hand-written input may have (case files, the config,
 * imports, OpenAPI documents): far more than any real one, and well under
 * what the YAML composer, zod and the importers' walks survive.
 */
export const INPUT_DEPTH = 256;

/**
 * Nesting levels a request body may have where a case file holds it as a
 * value (`json:`): a case file's own levels (a flow's step sits six deep) below
 * `INPUT_DEPTH`. An import keeps a deeper body as its text.
 */
export const CASE_BODY_DEPTH = INPUT_DEPTH - 16;

/**
 * Nesting levels a file parity wrote may have (recordings, reports): a body
 * within the deepest node budget (1,000) plus the file's own structure.
 */
export const WRITTEN_DEPTH = 1_100;

/** Where a text went past its depth limit: the opening that did, at its line and column (from 1). */
export interface TooDeep {
  readonly line: number;
  readonly column: number;
  readonly limit: number;
}

/** The line and column of `offset` in `text` (characters, or bytes of UTF-8). */
function place(text: string | Uint8Array, offset: number, limit: number): TooDeep {
  const decoded =
    typeof text === 'string'
      ? text.slice(0, offset)
      : Buffer.from(text.subarray(0, offset)).toString('utf8');
  const lineStart = decoded.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = decoded.indexOf('\n'); i !== -1; i = decoded.indexOf('\n', i + 1)) line++;
  return { line, column: decoded.length - lineStart + 1, limit };
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * The first opening bracket of JSON `text` (outside strings) deeper than
 * `limit`. Text or UTF-8 bytes (the offset is then in bytes): every byte of a
 * multi-byte character is above ASCII, so brackets and quotes read the same.
 */
export function jsonTooDeep(text: string | Uint8Array, limit: number): TooDeep | undefined {
  const at = typeof text === 'string' ? textTooDeep(text, limit) : bytesTooDeep(text, limit);
  return at < 0 ? undefined : place(text, at, limit);
}

// Two loops, not one reading through a closure: every case file of a run is
// scanned here, and a call per character cost ~12 times the loop itself.

/** `jsonTooDeep` of text: the offset of the opening past `limit`, or -1. */
function textTooDeep(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== QUOTE) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
        i++;
      }
    } else if (code === 123 || code === 91) {
      if (++depth > limit) return i;
    } else if (code === 125 || code === 93) depth--;
  }
  return -1;
}

/** `jsonTooDeep` of UTF-8 bytes: the offset of the opening past `limit`, or -1. */
function bytesTooDeep(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i];
    if (code === QUOTE) {
      i++;
      while (i < bytes.length && bytes[i] !== QUOTE) {
        if (bytes[i] === BACKSLASH) i++;
        i++;
      }
    } else if (code === 123 || code === 91) {
      if (++depth > limit) return i;
    } else if (code === 125 || code === 93) depth--;
  }
  return -1;
}

type Level = { readonly token: CST.Token | undefined; readonly depth: number };

/** The collections a CST token holds directly (keys and values of its items). */
function children(token: CST.Token): (CST.Token | undefined)[] {
  switch (token.type) {
    case 'document':
      return [token.value];
    case 'block-map':
    case 'flow-collection':
      return token.items.flatMap((item) => [item.key ?? undefined, item.value]);
    case 'block-seq':
      return token.items.map((item) => item.value);
    default:
      return [];
  }
}

function isCollection(token: CST.Token): boolean {
  return (
    token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
  );
}

/** The first collection of YAML `text` (every document) deeper than `limit`. */
export function yamlTooDeep(text: string, limit: number): TooDeep | undefined {
  for (const root of new Parser().parse(text)) {
    const stack: Level[] = [{ token: root, depth: 0 }];
    for (let level = stack.pop(); level !== undefined; level = stack.pop()) {
      const { token } = level;
      if (token === undefined) continue;
      const depth = level.depth + (isCollection(token) ? 1 : 0);
      if (depth > limit) return place(text, token.offset, limit);
      for (const child of children(token)) stack.push({ token: child, depth });
    }
  }
  return undefined;
}

/** A depth refusal as the problem of `file`, at the opening that went too deep. */
export function tooDeepProblem(file: string, found: TooDeep): InputProblem {
  return {
    file,
    line: found.line,
    column: found.column,
    field: '',
    message: tooDeepMessage(found),
  };
}

/** A depth refusal in words, with where it happened: "nested more than 256 levels deep (at 3:14…)". */
export function tooDeepMessage(found: TooDeep): string {
  return `nested more than ${found.limit} levels deep (at ${found.line}:${found.column}; the most parity reads)`;
}
