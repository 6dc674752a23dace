/**
 * Imported requests → case files: headers cleaned (`headers.ts`), queries as
 * sent (`query.ts`), bodies as JSON or text (`body.ts`), exact duplicates
 * merged, requests grouped into one file per path prefix (or per source
 * group, e.g. a Postman folder), readable ids unique per file, and a comment
 * above each case saying where it came from. Pure: `render.ts` writes the
 * YAML, the use case writes the files.
 */

import { METHOD_TOKEN } from '../../contract/model/case.js';
import { isCredentialName } from '../../core/redact/credential-names.js';
import {
  encodedPath,
  headerNameProblem,
  headerValueProblem,
} from '../../core/request/request-syntax.js';
import { caseBody } from './body.js';
import { withoutCredentials } from './body-credentials.js';
import { contentTypeOf, droppedSecrets, headerFate, keptHeaders } from './headers.js';
import { groupOfPath, requestSlug, slugify, uniqueIds } from './ids.js';
import { type CaseQuery, caseQuery, queryCredentialHint } from './query.js';
import { scrubFiles } from './scrub.js';
import { isSession, sessionFiles } from './session.js';
import type {
  CaseFileModel,
  CaseModel,
  ImportedRequest,
  ImportedSource,
  RequestModel,
} from './types.js';

export interface BuiltCases {
  readonly files: readonly CaseFileModel[];
  /** What was left out or changed, one line each (the source's notes first). */
  readonly notes: readonly string[];
  /** Requests that became a case (merged ones included). */
  readonly requests: number;
  /** Requests read from the source that could not become a case (each has a note). */
  readonly skipped: number;
  /** Requests merged into an identical earlier one. */
  readonly merged: number;
  /** The OpenAPI operations some written case exercises. */
  readonly operations: ReadonlySet<string>;
}

/** Any RFC 9110 method token but CONNECT, as a case file accepts it. */
const sendable = (method: string): boolean =>
  METHOD_TOKEN.test(method) && method.toUpperCase() !== 'CONNECT';

function caseRequest(
  request: ImportedRequest,
  query: CaseQuery,
  dropped: Set<string>,
): RequestModel {
  const headers = keptHeaders(request.headers, request.headersWritten === true);
  const type = contentTypeOf(request.headers);
  const { body, dropped: fields } = withoutCredentials(caseBody(request.body, type), type);
  for (const name of fields) dropped.add(`body ${name}`);
  const { map } = query;
  return {
    method: request.method,
    path: request.path + query.inPath,
    ...(map === undefined || Object.keys(map).length === 0 ? {} : { query: map }),
    ...(headers.length === 0 ? {} : { headers: Object.fromEntries(headers) }),
    ...body,
  };
}

/**
 * Identical requests (method, path, query, kept headers, body) are one case;
 * requests that sent other credentials never are (`whoami` with and without
 * a token are two answers), though the credentials are not written.
 */
function keyOf(request: RequestModel, imported: ImportedRequest): string {
  const credentials = imported.headers
    .filter(([name]) => headerFate(name) === 'secret')
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort();
  return JSON.stringify([
    imported.origin ?? '',
    request,
    credentials,
    imported.sentWith ?? '',
    imported.query.filter(([n]) => isCredentialName(n)),
  ]);
}

interface Pending {
  readonly request: ImportedRequest;
  readonly spec: RequestModel;
  readonly seen: string[];
}

/** Requests that can be cases (with notes for those that cannot), duplicates merged. */
function collect(source: ImportedSource, notes: string[]): Pending[] {
  const byKey = new Map<string, Pending>();
  const secrets = new Set<string>();
  for (const request of source.requests) {
    if (request.body.kind === 'binary') {
      const why =
        request.body.reason ??
        `its ${request.body.size}-byte body is binary (a case holds text or JSON)`;
      notes.push(`skipped ${request.source}: ${why}`);
      continue;
    }
    if (!sendable(request.method)) {
      notes.push(
        `skipped ${request.source}: method ${request.method} is not one parity sends (CONNECT opens a tunnel; a method is an RFC 9110 token)`,
      );
      continue;
    }
    const query = caseQuery(request);
    for (const name of droppedSecrets(request.headers)) secrets.add(name);
    for (const name of query.dropped) secrets.add(`query ${name}`);
    for (const what of request.credentials ?? []) secrets.add(what);
    const spec = caseRequest(request, query, secrets);
    const key = keyOf(spec, request);
    const earlier = byKey.get(key);
    if (earlier === undefined) byKey.set(key, { request, spec, seen: [request.source] });
    else earlier.seen.push(request.source);
  }
  if (secrets.size > 0) {
    notes.push(
      `dropped credentials (${[...secrets].sort().join(', ')}): set them per target in parity.config.yaml, e.g. targets.<name>.headers: { authorization: "Bearer \${env:TOKEN}" }${queryCredentialHint(secrets)}`,
    );
  }
  return [...byKey.values()];
}

function commentsOf(pending: Pending): string[] {
  const { request, seen } = pending;
  const where = request.origin === undefined ? '' : `, sent to ${request.origin}`;
  const lines = [`from ${request.source}${where}`];
  if (seen.length > 1)
    lines.push(`the same request was seen ${seen.length} times: ${seen.join(', ')}`);
  return [...lines, ...(request.comments ?? [])];
}

/** A request body a case takes, at most (a YAML case file is read whole, 8 MiB at most). */
const MAX_IMPORTED_BODY = 1024 * 1024;

/**
 * What a case can send of `request`: a path character a case path cannot
 * hold as written is percent-encoded (`/items[0]` → `/items%5B0%5D`), and a
 * header no request can carry (a line break in its value, a name that is not
 * a token) is left out; each change is noted. So a request never makes a case
 * file `validate` would refuse, and one odd request never stops an import.
 */
function carried(request: ImportedRequest, notes: string[]): ImportedRequest {
  const { body } = request;
  const size =
    body.kind === 'text'
      ? Buffer.byteLength(body.text)
      : body.kind === 'bytes'
        ? body.bytes.byteLength
        : 0;
  if (size > MAX_IMPORTED_BODY) {
    // Left out as a body a case cannot hold: `collect` notes it with this reason.
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    const reason = `its ${mib(size)} body is more than a case file holds (${mib(MAX_IMPORTED_BODY)})`;
    return { ...request, body: { kind: 'binary', size, reason } };
  }
  const encoded = encodedPath(request.path);
  if (encoded.changed.length > 0) {
    const chars = [...new Set(encoded.changed)].map((c) => JSON.stringify(c)).join(', ');
    notes.push(
      `${request.source}: its path has ${chars}, which a case path cannot hold as written: sent percent-encoded (${encoded.path})`,
    );
  }
  const headers = request.headers.filter(([name, value]) => {
    // HTTP/2 pseudo-headers (`:authority`, `:path`) are the request line: dropped later, as transport.
    if (headerFate(name) !== 'keep' && name.startsWith(':')) return true;
    const problem = headerNameProblem(name) ?? headerValueProblem(value);
    if (problem === undefined) return true;
    notes.push(`${request.source}: header ${JSON.stringify(name)} left out: it ${problem}`);
    return false;
  });
  if (encoded.changed.length === 0 && headers.length === request.headers.length) return request;
  return { ...request, path: encoded.path, headers };
}

/**
 * About how much YAML a case file of these cases takes, from their JSON: block
 * YAML indents what JSON writes on one line, so twice its size, comments aside.
 */
function yamlEstimate(item: CaseModel): number {
  const comments = item.comments.reduce((n, line) => n + line.length + 8, 0);
  return 2 * JSON.stringify(item.request).length + comments + (item.description?.length ?? 0);
}

/** What one imported file holds at most, estimated (a YAML case file is read whole, 8 MiB at most). */
const MAX_FILE_ESTIMATE = 4 * 1024 * 1024;

/** A group's cases in files of at most MAX_FILE_ESTIMATE each (`records`, `records-part-2`, …). */
function partsOf(cases: readonly CaseModel[]): CaseModel[][] {
  const parts: CaseModel[][] = [[]];
  let size = 0;
  for (const item of cases) {
    const estimate = yamlEstimate(item);
    const current = parts[parts.length - 1] ?? [];
    if (size + estimate > MAX_FILE_ESTIMATE && current.length > 0) {
      parts.push([item]);
      size = estimate;
    } else {
      current.push(item);
      size += estimate;
    }
  }
  return parts;
}

/** `uploads-github-com` for `https://uploads.github.com`; `no-origin` for none. */
function originSlug(origin: string | undefined): string {
  if (origin === undefined) return 'no-origin';
  try {
    return slugify(new URL(origin).host) || 'origin';
  } catch {
    return 'origin';
  }
}

/**
 * When the files' requests go to several origins: which files each origin's
 * are (a run sends every case to one target, so the next commands run each
 * origin's files with targets there).
 */
function originsNote(files: readonly CaseFileModel[]): string[] {
  const byOrigin = new Map<string, string[]>();
  for (const file of files) {
    const origin = file.origin ?? '(no origin)';
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), file.name]);
  }
  if (byOrigin.size < 2) return [];
  const list = [...byOrigin]
    .map(([origin, names]) => {
      const shown =
        names.slice(0, 3).join(', ') + (names.length > 3 ? `, … (${names.length} files)` : '');
      return `${origin}: ${shown}`;
    })
    .join('; ');
  return [
    `the requests went to ${byOrigin.size} origins, and a run sends every case to one target, so each origin's cases are in files of their own (${list}): run each origin's files with targets there (see next)`,
  ];
}

/** Builds the case files of an import (see the module comment). */
export function buildCaseFiles(input: ImportedSource): BuiltCases {
  const notes = [...input.notes];
  const source = { ...input, requests: input.requests.map((r) => carried(r, notes)) };
  if (isSession(source)) {
    const files = scrubFiles(sessionFiles(source, notes), source.requests);
    notes.push(...originsNote(files));
    const steps = files.reduce((n, f) => n + (f.flow?.steps.length ?? 0), 0);
    return {
      files,
      notes,
      requests: steps,
      skipped: source.requests.length - steps,
      merged: 0,
      operations: new Set(),
    };
  }
  const pending = collect(source, notes);
  const apart = new Set(pending.map((p) => p.request.origin ?? '')).size > 1;
  const main = source.origin ?? pending[0]?.request.origin;
  const groups = new Map<
    string,
    { ids: (wanted: string) => string; cases: CaseModel[]; origin: string | undefined }
  >();
  for (const item of pending) {
    const { request } = item;
    const base = slugify(request.group ?? '') || groupOfPath(request.path);
    // A run sends every case to one target: another origin's cases get files of their own.
    const suite = apart && request.origin !== main ? `${originSlug(request.origin)}-${base}` : base;
    let group = groups.get(suite);
    if (group === undefined) {
      group = { ids: uniqueIds(), cases: [], origin: request.origin };
      groups.set(suite, group);
    }
    const wanted = slugify(request.name ?? '') || requestSlug(request.method, request.path);
    group.cases.push({
      id: group.ids(wanted),
      comments: commentsOf(item),
      description: request.description,
      request: item.spec,
    });
  }
  const grouped = [...groups].flatMap(([suite, group]) =>
    partsOf(group.cases).map((cases, part) => {
      const name = part === 0 ? suite : `${suite}-part-${part + 1}`;
      return { name: `${name}.yaml`, suite: name, cases, origin: group.origin };
    }),
  );
  // A dropped credential the source also wrote elsewhere (a path, a body field) goes there too.
  const files = scrubFiles(grouped, source.requests);
  notes.push(...originsNote(files));
  const imported = pending.reduce((sum, item) => sum + item.seen.length, 0);
  return {
    files,
    notes,
    requests: imported,
    skipped: source.requests.length - imported,
    merged: pending.reduce((sum, item) => sum + item.seen.length - 1, 0),
    operations: new Set(pending.flatMap((item) => item.request.operation ?? [])),
  };
}
