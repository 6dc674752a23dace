/**
 * The one bridge from a checked case ({@link CaseSpec}) of a file to its
 * {@link Case}: defaults applied (the case wins), `${env:…}` substituted,
 * the path's query string split off, header names lower-cased, rules merged.
 * Pure: the environment is passed in.
 */

import type { Case, Pairs, RequestBody, SourceLocation } from '../model/case.js';
import { type RulesSpec, resolveRules } from '../rules/schema.js';
import type { Rules } from '../rules/types.js';
import { type Env, substituteEnv, substituteEnvDeep, type ValuePath } from '../util/env.js';
import type { InputProblem } from '../util/errors.js';
import { formatField, type Locator } from '../util/positions.js';
import type { CaseFileHeader } from './parse-file.js';
import type { CaseSpec, QuerySpec } from './schema.js';

/** What resolving a file needs besides the file itself. */
export interface ResolveContext {
  /** The file's display path (relative to the working directory). */
  readonly file: string;
  readonly locate: Locator;
  readonly env: Env;
  readonly globalRules: RulesSpec | undefined;
}

/** A resolved case with where its id was written (to report duplicates). */
export interface ResolvedEntry {
  readonly case: Case;
  readonly idAt: SourceLocation;
  /** The id's field path, e.g. `cases[1].id`. */
  readonly idField: string;
}

/** Resolves the cases of one file, one at a time (defaults are resolved once per file). */
export interface CaseResolver {
  /** The case written at `cases[index]`; its problems are unset `${env:…}` variables. */
  resolve(item: CaseSpec, index: number): { entry: ResolvedEntry; problems: InputProblem[] };
}

/** The resolver for the cases of a file whose own fields (`header`) are valid. */
export function caseResolver(header: CaseFileHeader, context: ResolveContext): CaseResolver {
  let problems: InputProblem[] = [];
  let seen = new Set<string>();
  // One problem per (field, variable), however often the reference repeats.
  const report = (path: ValuePath, name: string): void => {
    const key = `${formatField(path)}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(unsetProblem(context, path, name));
  };
  const sub: Substitute = (text, path) =>
    substituteEnv(text, context.env, (name) => report(path, name));
  const json: SubstituteJson = (value, path) =>
    substituteEnvDeep(value, context.env, (name, inner) => report([...path, ...inner], name));
  const defaults = {
    headers: headerPairs(header.defaults?.headers, ['defaults', 'headers'], sub),
    query: queryPairs(header.defaults?.query, ['defaults', 'query'], sub),
    // Shared by every case without rules of its own: one object per file, not per case.
    rules: resolveRules([context.globalRules, header.defaults?.rules]),
  };
  // Problems of the defaults belong to the first case resolved (they are reported once).
  return {
    resolve(item, index) {
      const entry = resolveCase(
        { header, item, base: ['cases', index], defaults, sub, json },
        context,
      );
      const found = problems;
      problems = [];
      seen = new Set();
      return { entry, problems: found };
    },
  };
}

type Substitute = (text: string, path: ValuePath) => string;
type SubstituteJson = (value: unknown, path: ValuePath) => unknown;

interface CaseParts {
  readonly header: CaseFileHeader;
  readonly item: CaseSpec;
  readonly base: readonly ['cases', number];
  readonly defaults: { readonly headers: Pairs; readonly query: Pairs; readonly rules: Rules };
  readonly sub: Substitute;
  readonly json: SubstituteJson;
}

function resolveCase(parts: CaseParts, context: ResolveContext): ResolvedEntry {
  const { header, item, base, defaults, sub } = parts;
  const request = item.request;
  const rawPath = sub(request.path, [...base, 'request', 'path']);
  const [path, pathQuery, pathQueryText] = splitPath(rawPath);
  const caseQuery = queryPairs(request.query, [...base, 'request', 'query'], sub);
  const pathKeys = new Set(pathQuery.map(([name]) => name));
  // The case wins over defaults, and a key written in the path is part of the case.
  const query = compact([
    ...pathQuery,
    ...overlay(
      defaults.query.filter(([name]) => !pathKeys.has(name)),
      caseQuery,
    ),
  ]);
  const headers = compact(
    overlay(defaults.headers, headerPairs(request.headers, [...base, 'request', 'headers'], sub)),
  );
  const tags = [...new Set([...(header.defaults?.tags ?? []), ...(item.tags ?? [])])];
  const status = item.expect?.status;
  const resolved: Case = {
    id: `${header.suite}/${item.id}`,
    suite: header.suite,
    description: item.description,
    tags: compact(tags),
    request: {
      method: request.method,
      path,
      query,
      ...(pathQuery.length === 0
        ? {}
        : { pathQuery: { text: pathQueryText, pairs: pathQuery.length } }),
      headers,
      body: requestBody(parts),
    },
    rules:
      item.rules === undefined
        ? defaults.rules
        : resolveRules([context.globalRules, header.defaults?.rules, item.rules]),
    expect: status === undefined ? NO_EXPECTATION : { status },
    source: new LazySource(context, base[1], false),
  };
  const idAt = new LazySource(context, base[1], true);
  return { case: resolved, idAt, idField: formatField([...base, 'id']) };
}

// A library of 100k cases is held in memory during a run: cases share what
// they can (empty lists, "no body", "no expectation") instead of each holding a copy.
const EMPTY: readonly never[] = Object.freeze([]);
const NO_BODY: RequestBody = Object.freeze({ kind: 'none' });
const NO_EXPECTATION: Case['expect'] = Object.freeze({ status: undefined });

function compact<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY : list;
}

/**
 * A case's source location, computed on first read: a position costs a YAML
 * parse for JSON files, and most runs never show one. A class (getters on the
 * prototype, three fields per case) because every case holds one.
 */
class LazySource implements SourceLocation {
  private position: { line: number; column: number } | undefined;

  constructor(
    private readonly context: ResolveContext,
    private readonly index: number,
    private readonly atId: boolean,
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
    this.position ??= this.context.locate(
      this.atId ? ['cases', this.index, 'id'] : ['cases', this.index],
    );
    return this.position;
  }
}

function requestBody(parts: CaseParts): RequestBody {
  const { item, base, sub } = parts;
  if (item.request.json !== undefined) {
    return { kind: 'json', value: parts.json(item.request.json, [...base, 'request', 'json']) };
  }
  if (item.request.text !== undefined) {
    return { kind: 'text', text: sub(item.request.text, [...base, 'request', 'text']) };
  }
  // Exact bytes: no `${env:…}` substitution inside base64.
  if (item.request.base64 !== undefined) {
    return { kind: 'bytes', bytes: Buffer.from(item.request.base64, 'base64') };
  }
  return NO_BODY;
}

/**
 * `/v1/users?limit=2#x` → `['/v1/users', [['limit', '2']], 'limit=2']`: the
 * pairs (repeated keys kept, in order) and the query string as written, with
 * only what no URL may hold (spaces, controls, non-ASCII) percent-encoded.
 */
export function splitPath(rawPath: string): [path: string, query: Pairs, text: string] {
  const withoutFragment = rawPath.split('#', 1)[0] ?? rawPath;
  const mark = withoutFragment.indexOf('?');
  if (mark === -1) return [withoutFragment, [], ''];
  const text = withoutFragment.slice(mark + 1);
  const query = [...new URLSearchParams(text)];
  return [withoutFragment.slice(0, mark), query, text.replace(NOT_IN_URL, encodeURIComponent)];
}

/** Characters a request target cannot carry as they are (undici refuses them). */
const NOT_IN_URL = /[^\u0021-\u007e]+/gu;

/** Pairs of `base` with every name that `top` sets replaced by `top`'s pairs. */
function overlay(base: Pairs, top: Pairs): Pairs {
  const names = new Set(top.map(([name]) => name));
  return [...base.filter(([name]) => !names.has(name)), ...top];
}

function headerPairs(
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

function queryPairs(query: QuerySpec | undefined, path: ValuePath, sub: Substitute): Pairs {
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

function unsetProblem(context: ResolveContext, path: ValuePath, name: string): InputProblem {
  return {
    file: context.file,
    ...context.locate(path),
    field: formatField(path),
    message: `uses \${env:${name}} but the environment variable ${name} is not set (set it, or remove the reference)`,
  };
}
