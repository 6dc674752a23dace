/**
 * The commonest case, checked without zod: an id, one request of a method
 * and a path (headers allowed), and at most a description, tags and an
 * expected status. It accepts a subset of what `plainCaseSchema` accepts,
 * with the same checks, and gives the value that schema gives (a copy, its
 * keys in the schema's order); anything else (a query, a body, a key it
 * does not know, a value it would refuse) is left to the schema, which says
 * what is wrong. zod costs ~5-12 µs per case here (its first pass over a
 * library is the slowest): most of a 20,000-case library's check. A case
 * file's own fields without `defaults` are checked the same way
 * (`caseFileHeaderFast`): a library of plain cases then builds no schema, and
 * a command that checks one (`validate`, a run) never loads zod. Pure.
 *
 * Kept by measurement (issue 42, callgrind, this build against the same
 * build with this check turned off): a one-case `validate` 554 M → 639 M
 * instructions without it (+15%), a one-case `run` 1,059 M → 1,157 M (+9%);
 * a 20,000-case run +13% all equal and +7% with 10% divergent
 * (docs/performance.md).
 */
import { METHOD_TOKEN } from '../../contract/model/case.js';
import {
  headerNameProblem,
  headerValueProblem,
  pathProblem,
} from '../../core/request/request-syntax.js';
import { SLUG } from './request-schema.js';
import type { CaseFile, CaseSpec } from './schema.js';

const CASE_KEYS = new Set(['id', 'description', 'tags', 'request', 'expect']);
const REQUEST_KEYS = new Set(['method', 'path', 'headers']);

/** A JSON or YAML object as parsed: a plain object (zod's check for a record). */
function plainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own keys all in `known`, each holding a value (never `undefined`). */
function onlyKeys(value: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  // `for…in`, not a list of the keys (one array per object, two per case): an
  // inherited enumerable key, which no parsed file gives, goes to the schema.
  for (const key in value) {
    if (!known.has(key) || !Object.hasOwn(value, key) || value[key] === undefined) return false;
  }
  // A symbol key (never parsed from a file) is passed over, as the schema's
  // strict objects pass it over; a record's (headers) is not: see `isHeaders`.
  return true;
}

const slug = (value: unknown): value is string => typeof value === 'string' && SLUG.test(value);

/**
 * A case as written that `plainCaseFast` accepts (its `isPlainCase` says so):
 * read as it is, without a copy, by the plain lane of the resolver.
 */
export interface PlainCase {
  readonly id: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly request: PlainRequest;
  readonly expect?: { readonly status?: number };
}

/** The request of a `PlainCase`. */
export interface PlainRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function isTags(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const tag of value) if (!slug(tag)) return false;
  return true;
}

function isHeaders(value: unknown): value is Record<string, string> {
  if (!plainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const name of Object.keys(value)) {
    const header = value[name];
    if (name === '__proto__' || typeof header !== 'string') return false;
    if (headerNameProblem(name) !== undefined || headerValueProblem(header) !== undefined)
      return false;
  }
  return true;
}

function isRequest(value: unknown): value is PlainRequest {
  if (!plainObject(value) || !onlyKeys(value, REQUEST_KEYS)) return false;
  const { method, path, headers } = value;
  if (typeof method !== 'string' || !METHOD_TOKEN.test(method)) return false;
  if (method.toUpperCase() === 'CONNECT') return false;
  // A plain case's path starts with "/" (a captured `{{variable}}` is a flow step's).
  if (typeof path !== 'string' || !path.startsWith('/') || pathProblem(path, true) !== undefined)
    return false;
  return headers === undefined || isHeaders(headers);
}

function isExpect(value: unknown): value is { status?: number } {
  if (!plainObject(value) || !onlyKeys(value, STATUS_KEY)) return false;
  const { status } = value;
  return (
    status === undefined ||
    (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599)
  );
}

const STATUS_KEY = new Set(['status']);

/**
 * Whether `plainCaseSchema` would accept the case as the plain-case check
 * does (`plainCaseFast` gives it, copied): nothing is allocated for the
 * answer, so a file's every case can be asked before any is resolved.
 */
export function isPlainCase(value: unknown): value is PlainCase {
  if (!plainObject(value) || !onlyKeys(value, CASE_KEYS)) return false;
  const { id, description, tags, request, expect } = value;
  return (
    slug(id) &&
    (description === undefined || typeof description === 'string') &&
    isRequest(request) &&
    (tags === undefined || isTags(tags)) &&
    (expect === undefined || isExpect(expect))
  );
}

/** A plain case as `plainCaseSchema` gives it: a copy, its keys in the schema's order. */
export function plainSpec(value: PlainCase): CaseSpec {
  const { id, description, tags, request, expect } = value;
  const spec: CaseSpec = { id };
  if (description !== undefined) spec.description = description;
  if (tags !== undefined) spec.tags = [...tags];
  const { method, path, headers } = request;
  spec.request =
    headers === undefined ? { method, path } : { method, path, headers: { ...headers } };
  if (expect !== undefined) {
    spec.expect = expect.status === undefined ? {} : { status: expect.status };
  }
  return spec;
}

/** The case as `plainCaseSchema` gives it, or undefined for the schema to check. */
export function plainCaseFast(value: unknown): CaseSpec | undefined {
  return isPlainCase(value) ? plainSpec(value) : undefined;
}

const HEADER_KEYS = new Set(['$schema', 'suite', 'description', 'serial', 'sideEffects', 'cases']);

/** A case file's own fields: everything but its cases. */
type Header = Omit<CaseFile, 'cases'>;

/**
 * A case file's own fields as `caseFileHeaderSchema` gives them (without
 * `cases`, which must be a non-empty list), or undefined for the schema to
 * check: a file with `defaults`, a key it does not know, a value it would refuse.
 */
export function caseFileHeaderFast(value: unknown): Header | undefined {
  if (!plainObject(value) || !onlyKeys(value, HEADER_KEYS)) return undefined;
  const { $schema, suite, description, serial, sideEffects, cases } = value;
  if (!Array.isArray(cases) || cases.length === 0 || !slug(suite)) return undefined;
  const optional = [
    [$schema, 'string'],
    [description, 'string'],
    [serial, 'boolean'],
    [sideEffects, 'boolean'],
  ] as const;
  if (optional.some(([field, type]) => field !== undefined && typeof field !== type)) {
    return undefined;
  }
  // The schema's order: $schema, suite, description, serial, sideEffects.
  const header: Header = typeof $schema === 'string' ? { $schema, suite } : { suite };
  if (typeof description === 'string') header.description = description;
  if (typeof serial === 'boolean') header.serial = serial;
  if (typeof sideEffects === 'boolean') header.sideEffects = sideEffects;
  return header;
}
