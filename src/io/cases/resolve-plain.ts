/**
 * The resolver's plain lane: a case the plain-case check accepted
 * (`isPlainCase`), in a file without `defaults`, resolved straight from its
 * parsed JSON to the {@link Case} the resolver gives it: no checked copy of
 * the case first, no parts of an entry, no query split. A case whose path
 * holds a query or a `${env:…}` reference, or whose headers hold one, is left
 * to the resolver (undefined). A run checks and resolves every case of its
 * library before sending, and most are plain. Pure.
 */
import type { Case, CaseRequest, Pairs } from '../../contract/model/case.js';
import type { Rules } from '../../contract/rules/types.js';
import { mayReferenceEnv } from '../../util/env.js';
import type { Locator } from '../../util/position.js';
import type { PlainCase, PlainRequest } from './plain-fast.js';
import { compact, LazySource, NO_BODY, NO_EXPECTATION } from './resolve-request.js';

/** What the plain lane takes from a file: the same for each of its cases. */
export interface PlainFile {
  readonly suite: string;
  /** The file's rules (the config's, the file having no defaults): one object per file. */
  readonly rules: Rules;
  readonly source: { readonly file: string; readonly locate: Locator };
  /** The serial sequence the file's cases run in, if any (see `Case.serial`). */
  readonly serial: string | undefined;
}

/** Tags of a case that names none (its file has no defaults): shared. */
const NO_TAGS: readonly string[] = compact([]);
/** No query, no headers: shared, as the resolver shares them. */
const NO_PAIRS: Pairs = compact([]);

/** The request as the resolver gives it, or undefined when it holds a query or a reference. */
function plainRequest(request: PlainRequest): CaseRequest | undefined {
  const { method, path, headers } = request;
  if (path.includes('?') || mayReferenceEnv(path)) return undefined;
  const pairs = headers === undefined ? NO_PAIRS : headerPairs(headers);
  if (pairs === undefined) return undefined;
  // The resolver's literal, key for key: every case's request has one shape.
  return { method, path, query: NO_PAIRS, headers: pairs, body: NO_BODY };
}

/** Header names lower-cased (a later spelling of a name wins, at its first place), or undefined for a reference. */
function headerPairs(headers: Readonly<Record<string, string>>): Pairs | undefined {
  const byName = new Map<string, string>();
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || mayReferenceEnv(value)) return undefined;
    byName.set(name.toLowerCase(), value);
  }
  return compact([...byName]);
}

/** The case at `cases[index]` of `file` resolved, or undefined for the resolver to resolve. */
export function resolvePlain(value: PlainCase, file: PlainFile, index: number): Case | undefined {
  const request = plainRequest(value.request);
  if (request === undefined) return undefined;
  const { tags } = value;
  const status = value.expect?.status;
  // The resolver's literal, key for key (`resolveCase`): every case has one shape.
  const resolved: { -readonly [K in keyof Case]: Case[K] } = {
    id: `${file.suite}/${value.id}`,
    suite: file.suite,
    description: value.description,
    tags: tags === undefined ? NO_TAGS : compact([...new Set(tags)]),
    request,
    rules: file.rules,
    expect: status === undefined ? NO_EXPECTATION : { status },
    source: new LazySource(file.source, index, false),
  };
  if (file.serial !== undefined) resolved.serial = file.serial;
  return resolved;
}
