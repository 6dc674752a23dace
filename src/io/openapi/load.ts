/**
 * Reads an OpenAPI 3.x or Swagger 2.0 document (YAML or JSON), validates it
 * against its specification and dereferences it with
 * `@readme/openapi-parser`, then lists its operations (`operations.ts`).
 * External `$ref`s (other files, URLs) are not followed: nothing outside the
 * document is read. The parser is loaded on first use, so commands that never
 * read a document do not pay for it.
 */
import { relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { parseJsonExact } from '../../core/wire/parse-json.js';
import { INPUT_DEPTH, jsonTooDeep, tooDeepProblem, yamlTooDeep } from '../../util/depth.js';
import { type InputProblem, ParityError } from '../../util/errors.js';
import { readFailure, readRegularText } from '../../util/fs.js';
import { positionOfOffset } from '../../util/positions.js';
import { markDanglingRefs } from './dangling-refs.js';
import { errorPlace } from './error-place.js';
import { keepExactNumbers } from './exact-numbers.js';
import { toOpenApiDocument, versionOf } from './operations.js';
import { expandedValues, MOST_EXPANDED_VALUES } from './ref-expansion.js';
import type { OpenApiDocument } from './types.js';

function invalid(file: string, problems: InputProblem[]): ParityError {
  return new ParityError('PARITY_INPUT_INVALID', `${file} is not a valid OpenAPI document`, {
    problems,
  });
}

/** The largest API documents are a few MB; past this one is no document parity reads. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

async function readText(path: string, file: string): Promise<string> {
  try {
    return await readRegularText(path, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    throw new ParityError(
      'PARITY_USAGE',
      `${file}: cannot read the OpenAPI document (${readFailure(error)})`,
      { cause: error },
    );
  }
}

/** How many members the objects of JSON `text` write: its colons outside strings. */
function membersWritten(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3a) count++;
    else if (code === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++;
      }
    }
  }
  return count;
}

/** How many members the objects of a parsed JSON value hold. */
function membersHeld(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) count += membersHeld(item);
    return count;
  }
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const item of Object.values(value)) count += 1 + membersHeld(item);
  return count;
}

/** The document as values: `plain` for validation, `exact` read when needed (after it, to hold one tree at a time). */
interface ParsedText {
  readonly plain: unknown;
  readonly exact: () => unknown;
}

/**
 * A JSON document (most large ones are: GitHub's is 13 MB) read as JSON, an
 * order of magnitude faster and smaller than as YAML: `plain` by `JSON.parse`,
 * `exact` keeping the numbers a double cannot hold (`core/wire/parse-json.ts`),
 * parsed again from the text when asked for. Undefined when the text is not
 * JSON (YAML, or a JSON syntax error, which the YAML reader then reports at
 * its position).
 */
function parseJsonText(text: string, file: string): ParsedText | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  // Counted by brackets before anything recurses (a 3,000-deep schema is refused at its place).
  const deep = jsonTooDeep(text, INPUT_DEPTH);
  if (deep !== undefined) throw invalid(file, [tooDeepProblem(file, deep)]);
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch {
    return undefined;
  }
  // A key written twice: JSON keeps the last, YAML refuses it at its place. The YAML reading decides.
  if (membersHeld(plain) !== membersWritten(text)) return undefined;
  return {
    plain,
    exact: () => {
      const exact = parseJsonExact(text);
      return exact.ok ? exact.value : undefined;
    },
  };
}

/**
 * The document's text as values, or every syntax error at its position:
 * `plain` as JSON would read it (for validation), `exact` with the numbers a
 * JS number cannot hold as `ExactNumber`s (`exact-numbers.ts`). Two separate
 * trees: validation may change its own.
 */
function parseText(text: string, file: string): ParsedText {
  const json = parseJsonText(text, file);
  if (json !== undefined) return json;
  const deep = yamlTooDeep(text, INPUT_DEPTH);
  if (deep !== undefined) throw invalid(file, [tooDeepProblem(file, deep)]);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw invalid(
      file,
      doc.errors.map((e) => ({
        file,
        ...positionOfOffset(counter, e.pos[0]),
        field: '',
        message: `syntax error: ${e.message}`,
      })),
    );
  }
  try {
    const plain: unknown = doc.toJS({ maxAliasCount: 100 });
    keepExactNumbers(doc);
    const exact: unknown = doc.toJS({ maxAliasCount: 100 });
    return { plain, exact: () => exact };
  } catch (error) {
    // yaml refuses a document whose aliases expand past the limit (a "billion laughs").
    const reason = error instanceof Error ? error.message : String(error);
    const at = Math.max(0, text.search(/(^|[\s[{,:])\*[^\s,\]}]/));
    throw invalid(file, [
      {
        file,
        ...positionOfOffset(counter, at),
        field: '',
        message: `the YAML aliases (*name) expand too much to be read (${reason}); write the values out or use fewer aliases`,
      },
    ]);
  }
}

/** The parser's first line of each error (its code frame shows its own JSON, not the file). */
function firstLine(message: string): string {
  return message.split('\n', 1)[0]?.trim() ?? message;
}

type ApiDocument = Exclude<Parameters<typeof import('@readme/openapi-parser').validate>[0], string>;

/**
 * The parser takes a typed document; `versionOf` checked the field that makes
 * one (the parser validates the rest).
 */
function isApiDocument(value: unknown): value is ApiDocument {
  return versionOf(value) !== undefined;
}

/**
 * What the parser gives, or the document refused with the parser's reason
 * when it throws on it (a `$ref` chain deeper than it follows, 500): bad
 * input, not an internal error.
 */
async function parsing<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    throw invalid(file, [
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message: `the OpenAPI parser cannot read it: ${firstLine(error.message).slice(0, 300)}`,
      },
    ]);
  }
}

/**
 * `swagger: 2.0` or `openapi: 3.0` unquoted in YAML is a number, which the
 * specifications (and their validators) refuse: say so, and how to write it.
 */
function numberHint(document: unknown): string {
  if (typeof document !== 'object' || document === null) return '';
  for (const key of ['swagger', 'openapi']) {
    const value: unknown = Reflect.get(document, key);
    if (typeof value === 'number') {
      const written = key === 'swagger' ? '"2.0"' : '"3.0.3"';
      return ` (\`${key}\` is the number ${value} here, as YAML reads it unquoted: write \`${key}: ${written}\`, quoted)`;
    }
  }
  return '';
}

/**
 * Drops the `x-…` members of `paths`: extensions the specifications allow
 * there (the Swagger 2.0 product-catalog example keeps a YAML anchor in
 * `x-options`), which the parser refuses as paths without a leading slash.
 * Mutates the tree (a parse of its own).
 */
function dropPathExtensions(document: unknown): void {
  if (typeof document !== 'object' || document === null) return;
  const paths: unknown = Reflect.get(document, 'paths');
  if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) return;
  for (const key of Object.keys(paths)) {
    if (key.startsWith('x-')) Reflect.deleteProperty(paths, key);
  }
}

/** Options that keep the parser inside the document: no files, no network. */
const LOCAL_ONLY = { resolve: { external: false, file: false } } as const;

/**
 * Loads `path` (relative to `cwd`): the document's operations in document
 * order. Throws `PARITY_INPUT_INVALID` with every problem when the file does
 * not parse or does not validate.
 */
export async function loadOpenApi(path: string, cwd: string): Promise<OpenApiDocument> {
  const absolute = resolve(cwd, path);
  const file = relative(cwd, absolute) || absolute;
  // Destructured, so nothing holds the validated tree once validation is done.
  const { plain, exact: readExact } = parseText(await readText(absolute, file), file);
  const version = versionOf(plain);
  const at = { file, line: 1, column: 1, field: '' };
  const neither = () =>
    invalid(file, [
      {
        ...at,
        message: `declares neither \`openapi: 3.x.y\` nor \`swagger: "2.0"\`${numberHint(plain)}`,
      },
    ]);
  if (version === undefined || !isApiDocument(plain)) throw neither();
  // A `$ref` to nothing in the document is noted where it is used, not a refusal of the whole.
  const danglingRefs = markDanglingRefs(plain);
  dropPathExtensions(plain);
  const expanded = expandedValues(plain);
  if (expanded > MOST_EXPANDED_VALUES) {
    throw invalid(file, [
      {
        ...at,
        message: `its $refs expand to more than ${MOST_EXPANDED_VALUES.toLocaleString('en-US')} values (schemas that refer, each several times, to the next); parity reads documents up to that, so that reading one takes bounded time`,
      },
    ]);
  }
  const parser = await import('@readme/openapi-parser');
  // The parser may change the tree it validates: it is not read again.
  const result = await parsing(file, () => parser.validate(plain, LOCAL_ONLY));
  if (!result.valid) {
    // Read again only now: the text is not held through the import of a valid document.
    const text = await readText(absolute, file);
    throw invalid(
      file,
      result.errors.map((e) => ({
        ...at,
        ...errorPlace(e.message, plain, text),
        message: firstLine(e.message),
      })),
    );
  }
  // Read now, once the validated tree can go: one tree at a time at its peak.
  // `exact` is this call's own (a clone would turn its ExactNumbers into plain objects).
  const exact = readExact();
  if (!isApiDocument(exact)) throw neither();
  markDanglingRefs(exact);
  dropPathExtensions(exact);
  const dereferenced: unknown = await parsing(file, () =>
    parser.dereference(exact, { ...LOCAL_ONLY, dereference: { circular: true } }),
  );
  return { ...toOpenApiDocument(dereferenced, version, file), danglingRefs };
}
