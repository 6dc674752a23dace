/**
 * What resolving a plain case and a flow step share: the request with the
 * file's defaults applied (the request wins), `${env:…}` substituted, the
 * path's query string split off and header names lower-cased; shared empty
 * values; lazily computed source positions; and what resolving a file's
 * entries needs (`ResolveContext`, `EntryParts`). Pure.
 */
import type {
  Case,
  CaseRequest,
  Pairs,
  RequestBody,
  SourceLocation,
} from '../../contract/model/case.js';
import type { RulesSpec } from '../../contract/rules/schema.js';
import type { Rules } from '../../contract/rules/types.js';
import { type Env, mayReferenceEnv, type ValuePath } from '../../util/env.js';
import type { Locator } from '../../util/position.js';
import type { CaseFileHeader } from './parse-file.js';
import type { QuerySpec } from './request-schema.js';
import type { CaseSpec } from './schema.js';

/** What resolving a file needs besides the file itself. */
export interface ResolveContext {
  /** The file's display path (relative to the working directory). */
  readonly file: string;
  readonly locate: Locator;
  readonly env: Env;
  readonly globalRules: RulesSpec | undefined;
  /** The config allows flows to write (`sideEffects: true`). */
  readonly sideEffects?: boolean | undefined;
  /** The serial sequence the file's cases run in (set by the run, see `Case.serial`). */
  readonly serial?: string | undefined;
}

/** One entry of a file, with what resolving it needs. */
export interface EntryParts {
  readonly header: CaseFileHeader;
  readonly item: CaseSpec;
  /** Its index in the file's `cases`. */
  readonly index: number;
  readonly defaults: ResolvedDefaults;
  /** `${env:…}` substitution; a substituted path or header value is checked again. */
  readonly sub: Substitute;
  readonly json: SubstituteJson;
  /** The file's display path and locator, shared by its cases' source positions. */
  readonly file: { readonly file: string; readonly locate: Locator };
}

/** `${env:…}` substitution in one string, reporting unset variables at `path`. */
export type Substitute = (text: string, path: ValuePath) => string;
/** The same in every string of a JSON value. */
export type SubstituteJson = (value: unknown, path: ValuePath) => unknown;

/** A file's defaults, resolved once per file. */
export interface ResolvedDefaults {
  readonly headers: Pairs;
  readonly query: Pairs;
  readonly rules: Rules;
}

/**
 * What resolving the requests of an entry needs (an entry's `EntryParts`
 * holds it: passed as it is, never copied per request).
 */
export interface RequestContext {
  /** The entry's index in the file's `cases`. */
  readonly index: number;
  readonly defaults: ResolvedDefaults;
  readonly sub: Substitute;
  readonly json: SubstituteJson;
}

/** The field path of `key` in the request of `cases[index]` (or of its step `step`). */
function fieldAt(index: number, step: number | undefined, key: string): ValuePath {
  return step === undefined
    ? ['cases', index, 'request', key]
    : ['cases', index, 'steps', step, 'request', key];
}

// A library of 100k cases is held in memory during a run: cases share what
// they can (empty lists, "no body", "no expectation") instead of each holding a copy.
const EMPTY: readonly never[] = Object.freeze([]);
export const NO_BODY: RequestBody = Object.freeze({ kind: 'none' });
export const NO_EXPECTATION: Case['expect'] = Object.freeze({ status: undefined });

export function compact<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY : list;
}

/**
 * The request as written (`request`: a case's, or its step `step`'s) with
 * defaults applied and `${env:…}` substituted. No object but the request's
 * own: a field path is built only for a field that is substituted.
 */
export function resolveRequest(
  parts: RequestContext,
  request: NonNullable<CaseSpec['request']>,
  step?: number,
): CaseRequest {
  const { index, defaults, sub } = parts;
  // Most paths hold no reference: no field path is built for them.
  const written = mayReferenceEnv(request.path)
    ? sub(request.path, fieldAt(index, step, 'path'))
    : request.path;
  const [path, pathQuery, pathQueryText] = splitQuery(written);
  const caseQuery =
    request.query === undefined
      ? EMPTY
      : queryPairs(request.query, fieldAt(index, step, 'query'), sub);
  // The case wins over defaults, and a key written in the path is part of the case.
  const query =
    pathQuery.length === 0 && defaults.query.length === 0
      ? compact(caseQuery)
      : compact([...pathQuery, ...overlay(withoutKeys(defaults.query, pathQuery), caseQuery)]);
  const headers =
    request.headers === undefined
      ? compact(defaults.headers)
      : compact(
          overlay(
            defaults.headers,
            headerPairs(request.headers, fieldAt(index, step, 'headers'), sub),
          ),
        );
  const { method } = request;
  const body = requestBody(parts, request, step);
  // Two literals, not a spread inside one: each case's request is then one
  // object of a fixed shape (a library of 100k cases keeps them all).
  return pathQuery.length === 0
    ? { method, path, query, headers, body }
    : {
        method,
        path,
        query,
        pathQuery: { text: pathQueryText, pairs: pathQuery.length },
        headers,
        body,
      };
}

function requestBody(
  parts: RequestContext,
  request: NonNullable<CaseSpec['request']>,
  step: number | undefined,
): RequestBody {
  const { index, sub } = parts;
  if (request.json !== undefined) {
    return { kind: 'json', value: parts.json(request.json, fieldAt(index, step, 'json')) };
  }
  if (request.text !== undefined) {
    return { kind: 'text', text: sub(request.text, fieldAt(index, step, 'text')) };
  }
  // Exact bytes: no `${env:…}` substitution inside base64.
  if (request.base64 !== undefined) {
    return { kind: 'bytes', bytes: Buffer.from(request.base64, 'base64') };
  }
  return NO_BODY;
}

/**
 * `/v1/users?limit=2#x` → `['/v1/users', [['limit', '2']], 'limit=2']`: the
 * pairs (repeated keys kept, in order) and the query string as written, with
 * only what no URL may hold (spaces, controls, non-ASCII) percent-encoded.
 */
export function splitQuery(rawPath: string): [path: string, query: Pairs, text: string] {
  const hash = rawPath.indexOf('#');
  const withoutFragment = hash === -1 ? rawPath : rawPath.slice(0, hash);
  const mark = withoutFragment.indexOf('?');
  if (mark === -1) return [withoutFragment, EMPTY, ''];
  const text = withoutFragment.slice(mark + 1);
  const query = [...new URLSearchParams(text)];
  return [withoutFragment.slice(0, mark), query, text.replace(NOT_IN_URL, encodeURIComponent)];
}

/** Characters a request target cannot carry as they are (undici refuses them). */
const NOT_IN_URL = /[^\u0021-\u007e]+/gu;

/** Pairs of `base` whose names `keys` does not use. */
function withoutKeys(base: Pairs, keys: Pairs): Pairs {
  const names = new Set(keys.map(([name]) => name));
  return base.filter(([name]) => !names.has(name));
}

/** Pairs of `base` with every name that `top` sets replaced by `top`'s pairs. */
function overlay(base: Pairs, top: Pairs): Pairs {
  if (top.length === 0) return base;
  if (base.length === 0) return top;
  return [...withoutKeys(base, top), ...top];
}

export function headerPairs(
  headers: Readonly<Record<string, string>> | undefined,
  path: ValuePath,
  sub: Substitute,
): Pairs {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    byName.set(name.toLowerCase(), sub(value, [...path, name]));
  }
  return [...byName];
}

export function queryPairs(query: QuerySpec | undefined, path: ValuePath, sub: Substitute): Pairs {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pairs.push([name, sub(String(item), [...path, name, index])]);
      });
    } else {
      pairs.push([name, sub(String(value), [...path, name])]);
    }
  }
  return pairs;
}

/**
 * A case's source location, computed on first read: a position costs a YAML
 * parse for JSON files, and most runs never show one. A class (getters on the
 * prototype, a few fields per case) because every case holds one.
 */
export class LazySource implements SourceLocation {
  private position: { line: number; column: number } | undefined;

  /**
   * `index`: the case's index in `cases`; `step`: a flow step's index in its
   * `steps` (or undefined); `atId`: the position of the id rather than the item.
   */
  constructor(
    private readonly context: { readonly file: string; readonly locate: Locator },
    private readonly index: number,
    private readonly atId: boolean,
    private readonly step?: number,
  ) {}

  get file(): string {
    return this.context.file;
  }

  get line(): number {
    return this.at().line;
  }

  get column(): number {
    return this.at().column;
  }

  /** Serialised (and compared) as the plain location, never as its lookup state. */
  toJSON(): SourceLocation {
    return { file: this.file, line: this.line, column: this.column };
  }

  private at(): { line: number; column: number } {
    const item =
      this.step === undefined ? ['cases', this.index] : ['cases', this.index, 'steps', this.step];
    this.position ??= this.context.locate(this.atId ? [...item, 'id'] : item);
    return this.position;
  }
}
