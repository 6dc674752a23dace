/**
 * The one bridge from a checked case ({@link CaseSpec}) of a file to its
 * {@link Case} (or, for a case written as `steps`, its {@link Flow}):
 * defaults applied (the case wins), `${env:…}` substituted, the path's query
 * string split off, header names lower-cased, rules merged. Pure: the
 * environment is passed in.
 */

import type { Case, CaseEntry, SourceLocation } from '../../contract/model/case.js';
import { resolveRules } from '../../contract/rules/schema.js';
import { headerValueProblem, pathProblem } from '../../core/request/request-syntax.js';
import { substituteEnv, substituteEnvDeep, type ValuePath } from '../../util/env.js';
import type { InputProblem } from '../../util/errors.js';
import type { Locator } from '../../util/position.js';
import { formatField } from '../../util/positions.js';
import type { CaseFileHeader } from './parse-file.js';
import type { PlainCase } from './plain-fast.js';
import { resolveFlow } from './resolve-flow.js';
import { type PlainFile, resolvePlain } from './resolve-plain.js';
import {
  compact,
  type EntryParts,
  headerPairs,
  LazySource,
  NO_EXPECTATION,
  queryPairs,
  type ResolveContext,
  type ResolvedDefaults,
  resolveRequest,
  type Substitute,
  type SubstituteJson,
} from './resolve-request.js';
import type { CaseSpec } from './schema.js';

/** A resolved case (or flow) with where its id was written (to report duplicates). */
export interface ResolvedEntry {
  readonly case: CaseEntry;
  readonly idAt: SourceLocation;
}

/** Where the id of the case at `cases[index]` of a file is written (computed when first read). */
export function idLocation(
  parsed: { readonly file: string; readonly locate: Locator },
  index: number,
): SourceLocation {
  return new LazySource({ file: parsed.file, locate: parsed.locate }, index, true);
}

/**
 * Why a path or a header value, valid as written, is not once `${env:…}` is
 * substituted (a value with a space, a line break); other fields are free text.
 */
function substitutedProblem(value: string, path: ValuePath): string | undefined {
  if (path[path.length - 1] === 'path') return pathProblem(value, false);
  if (path[path.length - 2] === 'headers') return headerValueProblem(value);
  return undefined;
}

/** Resolves the cases of one file, one at a time (defaults are resolved once per file). */
export interface CaseResolver {
  /**
   * The case written at `cases[index]`; its problems (unset `${env:…}`
   * variables) are added to `problems`. No object per case but the case:
   * a check resolves every case of the library.
   */
  resolve(item: CaseSpec, index: number, problems: InputProblem[]): CaseEntry;
  /**
   * The plain lane (`resolvePlain`), for a file without `defaults`: the case
   * at `cases[index]`, written as `value`, resolved as `resolve` resolves it,
   * or undefined when it is for `resolve`.
   */
  readonly plain: ((value: PlainCase, index: number) => Case | undefined) | undefined;
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
  // A value from the environment can make a valid path or header invalid: checked once substituted.
  const checked: Substitute = (text, path) => {
    const value = sub(text, path);
    if (value === text) return value;
    const problem = substitutedProblem(value, path);
    if (problem !== undefined) {
      problems.push({
        file: context.file,
        ...context.locate(path),
        field: formatField(path),
        message: `once \${env:…} is substituted, ${problem}`,
      });
    }
    return value;
  };
  const defaults: ResolvedDefaults = {
    headers: headerPairs(header.defaults?.headers, ['defaults', 'headers'], sub),
    query: queryPairs(header.defaults?.query, ['defaults', 'query'], sub),
    // Shared by every case without rules of its own: one object per file, not per case.
    rules: resolveRules([context.globalRules, header.defaults?.rules]),
  };
  const file = { file: context.file, locate: context.locate };
  const plainFile: PlainFile | undefined =
    header.defaults === undefined
      ? { suite: header.suite, rules: defaults.rules, source: file, serial: context.serial }
      : undefined;
  // Problems of the defaults belong to the first case resolved (they are reported once).
  return {
    plain:
      plainFile === undefined ? undefined : (value, index) => resolvePlain(value, plainFile, index),
    resolve(item, index, found) {
      const parts: EntryParts = { header, item, index, defaults, sub: checked, json, file };
      const resolved =
        item.steps === undefined ? resolveCase(parts, context) : resolveFlow(parts, context);
      // Most cases have no problem: no new list and set for them.
      if (problems.length > 0) {
        for (const problem of problems) found.push(problem);
        problems = [];
      }
      if (seen.size > 0) seen = new Set();
      return resolved;
    },
  };
}

/** Tags of a case when neither it nor its file's defaults name any (shared). */
const EMPTY_TAGS: readonly string[] = compact([]);

function resolveCase(parts: EntryParts, context: ResolveContext): Case {
  const { header, item, index, defaults } = parts;
  const { request } = item;
  if (request === undefined) throw new Error('a case without a request is checked as a flow');
  const fileTags = header.defaults?.tags;
  const tags =
    item.tags === undefined && fileTags === undefined
      ? EMPTY_TAGS
      : [...new Set([...(fileTags ?? []), ...(item.tags ?? [])])];
  const status = item.expect?.status;
  const resolved: { -readonly [K in keyof Case]: Case[K] } = {
    id: `${header.suite}/${item.id}`,
    suite: header.suite,
    description: item.description,
    tags: compact(tags),
    request: resolveRequest(parts, request),
    rules:
      item.rules === undefined
        ? defaults.rules
        : resolveRules([context.globalRules, header.defaults?.rules, item.rules]),
    expect: status === undefined ? NO_EXPECTATION : { status },
    source: new LazySource(parts.file, index, false),
  };
  // Set only when there is one: most cases never carry the key.
  if (context.serial !== undefined) resolved.serial = context.serial;
  return resolved;
}

function unsetProblem(context: ResolveContext, path: ValuePath, name: string): InputProblem {
  return {
    file: context.file,
    ...context.locate(path),
    field: formatField(path),
    message: `uses \${env:${name}} but the environment variable ${name} is not set (set it, or remove the reference)`,
  };
}
